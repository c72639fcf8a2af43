"""The Markdown of a large site converted by two processes: MkDocs converts its pages one after
the other in one process (at the scale of the country, about 10 s of a build's minute while the
second core waits), so the plugin :mod:`.plugin` has a worker convert the second half of them
while MkDocs converts the first.

Driven by the plugin's events, with MkDocs' public plugin events only:

* ``on_nav`` (:meth:`Parallel.start`): the pages MkDocs is about to convert are split in two by
  the size of their sources; a worker forked now (it has the config, the files and the nav)
  converts the second half as MkDocs would — ``on_pre_page``, the source read,
  ``on_page_markdown``, the Markdown rendered, ``on_page_content`` — and sends back, per page,
  what the rendering made (HTML, table of contents, title, anchors, links to anchors, the
  plugin's record) and what MkDocs logged meanwhile (warnings count in strict mode);
* ``on_page_markdown`` (last): a page the worker converts is given to MkDocs as empty Markdown
  (:meth:`Parallel.blank`), so rendering it costs nothing;
* ``on_page_content`` (:meth:`Parallel.take`): its HTML and the rest are the worker's, and what
  MkDocs logged while the worker converted it is logged now, in the order of a build in one
  process. A page the worker could not convert is converted here, as MkDocs would (its error
  is MkDocs' own).

The site is the same, byte for byte, as one process makes (a test builds it both ways).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Callable

FROM_PAGES = 40           # fewer pages are converted in one process (a worker's start costs more)
CHUNKS = 8                # the worker's share in jobs of about the same size: results come as they are
                          # made, and a stopped build waits for one job at most


@dataclass(frozen=True)
class Workers:
    """How a pool of worker processes is made (``rsnms build`` gives it the pipeline's way)."""

    pool: Callable            # workers → a concurrent.futures executor of forked processes
    forking: Callable         # the context inside which jobs are submitted (it forks then)


@dataclass
class Converted:
    """What MkDocs made of one page's Markdown in the worker."""

    content: str
    toc: object
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None      # target page (src_uri) → anchor → the link as written
    record: dict | None                          # the plugin's record of the page
    logged: list[logging.LogRecord] = field(default_factory=list)


_STATE: tuple | None = None        # (config, files, plugin) in the parent, before the fork


class Parallel:
    """The second half of a build's pages, converted by a worker."""

    def __init__(self, workers: Workers):
        self.workers = workers
        self.uris: set[str] = set()          # the pages the worker converts
        self._pool = None
        self._jobs: dict[str, object] = {}      # page → the future of the job converting it
        self._done: dict[str, Converted] = {}
        self._fetched: set = set()              # the jobs whose results were taken
        self._markdown: dict[str, str] = {}

    def start(self, config, files, plugin, dirty: bool) -> None:
        """Split the pages MkDocs will convert; the second half to a worker."""
        global _STATE
        pages = [f for f in files.documentation_pages() if f.page is not None and (not dirty or f.is_modified())]
        if len(pages) < FROM_PAGES:
            return
        sizes = [_size(f.abs_src_path) for f in pages]
        half, total, cut = sum(sizes) / 2, 0, len(pages)
        for i, size in enumerate(sizes):
            total += size
            if total >= half:
                cut = i + 1
                break
        share = [f.src_uri for f in pages[cut:]]
        if not share:
            return
        _STATE = (config, files, plugin)
        self._pool = self.workers.pool(1)
        step = -(-len(share) // CHUNKS)
        try:
            with self.workers.forking():
                for i in range(0, len(share), step):
                    future = self._pool.submit(_convert, share[i:i + step])
                    self._jobs.update((uri, future) for uri in share[i:i + step])
        except BaseException:
            self.close()
            raise
        self.uris = set(share)

    def blank(self, markdown: str, page) -> str:
        """The Markdown MkDocs renders of a page: none for a page the worker converts."""
        if page.file.src_uri in self.uris:
            self._markdown[page.file.src_uri] = markdown
            return ""
        return markdown

    def take(self, page, files) -> Converted | None:
        """The worker's conversion of ``page``, set on it (None: the page is MkDocs' own, or the
        worker could not convert it — it is converted here)."""
        uri = page.file.src_uri
        if uri not in self.uris:
            return None
        job = self._jobs[uri]
        if job not in self._fetched:
            self._fetched.add(job)
            try:
                self._done.update(job.result())
            except Exception:        # the worker died (its pages are converted here, as MkDocs does)
                pass
        done = self._done.pop(uri, None)
        if done is None:
            return None
        page.markdown = self._markdown.pop(uri)
        page.toc, page._title_from_render = done.toc, done.title
        page.present_anchor_ids = done.anchors
        if done.links is not None:
            targets = {target: files.get_file_from_path(target) for target in done.links}
            page.links_to_anchors = {targets[t]: links for t, links in done.links.items() if targets[t] is not None}
        for record in done.logged:
            logging.getLogger(record.name).handle(record)
        return done

    def redo(self, page, config, files) -> str:
        """A page the worker could not convert, converted here as MkDocs would."""
        page.markdown = self._markdown.pop(page.file.src_uri)
        page.render(config, files)
        return page.content

    def close(self) -> None:
        """The worker ended (a job it runs finished first, the others cancelled)."""
        global _STATE
        _STATE = None
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _size(path: str | None) -> int:
    try:
        return os.path.getsize(path) if path else 0
    except OSError:
        return 0


class _Keep(logging.Handler):
    """What MkDocs logs in the worker, kept for the parent to log (never printed here)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
        self.records.append(record)


def _convert(uris: list[str]) -> dict[str, Converted]:
    """In the worker: each page converted as MkDocs' build does it (``_populate_page``)."""
    config, files, plugin = _STATE
    plugin.parallel = None                   # here the plugin converts every page itself
    keep = _Keep()
    for name in ("", "mkdocs"):              # nothing printed here; all logged by the parent
        for handler in list(logging.getLogger(name).handlers):
            logging.getLogger(name).removeHandler(handler)
    logging.getLogger("mkdocs").addHandler(keep)
    out = {}
    for uri in uris:
        page = files.get_file_from_path(uri).page
        keep.records = []
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            page.render(config, files)
            page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        except Exception:
            continue                         # converted by the parent, which reports the error
        links = None if page.links_to_anchors is None else {
            target.src_uri: dict(anchors) for target, anchors in page.links_to_anchors.items()}
        out[uri] = Converted(page.content, page.toc, page._title_from_render, page.present_anchor_ids, links,
                             plugin.record.get(uri), keep.records)
    return out
