"""The handbook: Markdown pages for MkDocs Material, generated from the profiles, the
rendered acts and the comparison, and the site built from them.

* :mod:`.sources` — what the pages are made from (:class:`~.sources.Sources`) and into;
* :mod:`.home`, :mod:`.region`, :mod:`.roadmap`, :mod:`.indicators`, :mod:`.model_pages`,
  :mod:`.compare_pages` — the pages, one module per kind;
* :mod:`.charts` — the interaction diagram (Mermaid) and the timeline (SVG);
* :mod:`.search` — Russian word forms added to each page for the search index;
* :mod:`.markdown` — Markdown helpers;
* :mod:`.site` — writing ``build/docs``, the nav of ``mkdocs.yml``, MkDocs in strict mode.
"""

from __future__ import annotations

from .compare_pages import compare_pages
from .home import home
from .model_pages import model_pages
from .region import region_pages
from .site import build_site, nav, update_config_nav, write_pages
from .sources import Pages, RegionSource, Sources

__all__ = ["Pages", "RegionSource", "Sources", "generate", "write_pages", "nav", "update_config_nav",
           "build_site"]


def generate(src: Sources) -> Pages:
    """Every generated page of the handbook."""
    pages = Pages()
    home(src, pages)
    for region in src.regions:
        region_pages(region, pages)
    model_pages(src, pages)
    compare_pages(src, pages)
    return pages
