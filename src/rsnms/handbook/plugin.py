"""The MkDocs plugin ``rsnms`` (``plugins: [search, rsnms]`` in ``mkdocs.yml``; registered
in ``pyproject.toml``), so that ``rsnms build``, ``rsnms serve`` and a plain ``mkdocs build``
make the same site:

* the theme's Russian overrides (``theme/``: footer, 404 page, JSON-LD of acts) go before
  Material's templates;
* table cells and lines broken by ``<br>`` are kept apart in the page text, so the search index never glues the words
  of two cells («№МероприятиеОтветственный»);
* after the search plugin writes ``search/search_index.json``, it is rewritten with Russian
  word forms per section, as UTF-8 (:mod:`.search`); past 10 regions, the pages indexed by their
  headings only are given to the search plugin as their headings (the rest is not parsed);
* every page's anchor ids and links to anchors are recorded (``record``, kept by ``rsnms build``), and a build of
  the changed pages only (``partial``, set by ``rsnms build``) keeps the rest of the last
  site (:mod:`.partial`);
* with ``workers`` (set by ``rsnms build`` on a machine of two cores or more), a worker converts the
  Markdown of the second half of the pages while MkDocs converts the first (:mod:`.parallel`);
* with ``templates`` (set by ``rsnms build``), the theme's templates compiled by an earlier build
  are not compiled again (:class:`.site.Templates`).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .parallel import Parallel, Workers
from .partial import Partial, page_record
from .search import by_headings, headings_html, headings_page, rewrite_index

THEME = Path(__file__).resolve().parent / "theme"
_CELLS = re.compile(r"(</t[dh]>|</tr>|<tr[^>]*>|<br\s*/?>)(?=\S)")
# what Material's search plugin removes from a page's HTML after indexing it (its on_page_context)
_SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


class RsnmsPlugin(BasePlugin):
    partial: Partial | None = None      # a build of the changed pages only (rsnms build sets it)
    workers: Workers | None = None      # how to fork a worker for half the Markdown (rsnms build sets it)
    parallel: Parallel | None = None    # this build's worker
    templates = None                    # the theme's templates compiled before (site.Templates; rsnms build sets it)

    def __init__(self):
        super().__init__()
        self.record: dict[str, dict] = {}   # page → its anchors and links to anchors (partial.page_record)
        self.pages: list[str] = []      # the pages' URLs in the order they are built
        self.rendered: set[str] = set()  # the URLs of the pages built now (all but in a partial build)
        self.by_headings = False         # some pages are indexed by their headings only (search.by_headings)
        self._content: str | None = None  # a page's HTML while the search plugin reads its headings

    def on_config(self, config):
        config.theme.dirs.insert(0, str(THEME))
        return config

    def on_pre_build(self, *, config) -> None:
        self.record, self.pages, self.rendered = {}, [], set()

    def on_files(self, files, *, config):
        if self.partial is not None:
            self.partial.keep_unchanged(files, config)
        self.by_headings = by_headings([file.url for file in files.documentation_pages()])
        return files

    @event_priority(50)          # before the search plugin
    def _headings_to_search(self, context, *, page, **_kwargs):
        if self.by_headings and headings_page(page.url):
            self._content, page.content = page.content, headings_html(page.content)
        return context

    @event_priority(-50)         # after it: the page's HTML back, as the search plugin leaves it
    def _content_back(self, context, *, page, **_kwargs):
        if self._content is not None:
            page.content, self._content = _SEARCH_ATTRIBUTES.sub("", self._content), None
        return context

    on_page_context = CombinedEvent(_headings_to_search, _content_back)

    def on_nav(self, nav, *, config, files):
        if self.workers is not None:
            self.parallel = Parallel(self.workers)
            self.parallel.start(config, files, self, dirty=self.partial is not None)
        return nav

    @event_priority(-100)        # after any other plugin's: what MkDocs renders
    def on_page_markdown(self, markdown: str, *, page, **_kwargs) -> str:
        return self.parallel.blank(markdown, page) if self.parallel is not None else markdown

    def on_page_content(self, html: str, *, page, config, files, **_kwargs) -> str:
        if self.parallel is not None and page.file.src_uri in self.parallel.uris:
            done = self.parallel.take(page, files)
            if done is not None:
                self.record[page.file.src_uri] = done.record
                return done.content
            html = self.parallel.redo(page, config, files)
        self.record[page.file.src_uri] = page_record(page)
        return _CELLS.sub(r"\1\n", html)

    def on_build_error(self, *, error) -> None:
        if self.parallel is not None:
            self.parallel.close()

    def on_env(self, env, *, config, files):
        if self.templates is not None:
            env.bytecode_cache = self.templates
        if self.parallel is not None:
            self.parallel.close()
            self.parallel = None
        built = [file.page for file in files.documentation_pages() if file.page is not None]
        self.pages = [page.url for page in built]
        self.rendered = {page.url for page in built if page.content is not None}
        if self.partial is not None:
            self.partial.restore(files, config, self.record)
            self.partial.keep_templates(config)
        return env

    def on_post_build(self, *, config) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            if self.partial is None:
                rewrite_index(index)
            else:
                rewrite_index(index, self.partial.previous.index, self.pages, self.rendered)
