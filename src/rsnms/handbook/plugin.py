"""The MkDocs plugin ``rsnms`` (``plugins: [search, rsnms]`` in ``mkdocs.yml``; registered
in ``pyproject.toml``), so that ``rsnms build``, ``rsnms serve`` and a plain ``mkdocs build``
make the same site:

* the theme's Russian overrides (``theme/``: footer, 404 page, JSON-LD of acts) go before
  Material's templates;
* table cells and lines broken by ``<br>`` are kept apart in the page text, so the search index never glues the words
  of two cells («№МероприятиеОтветственный»);
* after the search plugin writes ``search/search_index.json``, it is rewritten with Russian
  word forms per section, as UTF-8 (:mod:`.search`).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import BasePlugin

from .search import rewrite_index

THEME = Path(__file__).resolve().parent / "theme"
_CELLS = re.compile(r"(</t[dh]>|</tr>|<tr[^>]*>|<br\s*/?>)(?=\S)")


class RsnmsPlugin(BasePlugin):
    def on_config(self, config):
        config.theme.dirs.insert(0, str(THEME))
        return config

    def on_page_content(self, html: str, **_kwargs) -> str:
        return _CELLS.sub(r"\1\n", html)

    def on_post_build(self, *, config) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            rewrite_index(index)
