"""The handbook: Markdown pages for MkDocs Material, generated from the profiles, the
rendered acts and the comparison, and the site built from them.

* :mod:`.sources` — what the pages are made from (:class:`~.sources.Sources`) and into;
* :mod:`.home`, :mod:`.region`, :mod:`.roadmap`, :mod:`.indicators`, :mod:`.model_pages`,
  :mod:`.compare_pages` — the pages, one module per kind;
* :mod:`.acts` — an act as a navigable page (contents, anchors, «§» permalinks);
* :mod:`.links` — where each profile unit is shown (page and anchor), for the comparison;
* :mod:`.charts` — the interaction diagram (Graphviz SVG at build time) and the timeline;
* :mod:`.search` — the search index: word forms per section, UTF-8 (used by :mod:`.plugin`);
* :mod:`.plugin` — the MkDocs plugin ``rsnms``: table cells apart, the index rewritten,
  the theme's Russian overrides (``theme/``);
* :mod:`.markdown` — the one way profile text enters a page (escaping);
* :mod:`.site` — writing ``build/docs``, the nav of ``mkdocs.yml``, MkDocs in strict mode.
"""

from __future__ import annotations

from ..compose import ACT_KINDS
from .compare_pages import compare_pages, report_page
from .home import home
from .model_pages import model_pages
from .region import region_pages
from .search import facets_script
from .site import Templates, build_site, config_with_nav, nav, update_config_nav, write_pages
from .sources import Pages, RegionSource, Sources

__all__ = ["Pages", "RegionSource", "Sources", "generate", "write_pages", "nav", "config_with_nav",
           "update_config_nav", "Templates", "build_site", "own_pages"]


def generate(src: Sources, kept: dict[str, Pages] | None = None) -> Pages:
    """Every generated page of the handbook; a region's own pages in ``kept`` (region → its pages,
    as :func:`own_pages` made them from the same inputs) are taken as they are."""
    pages = Pages()
    home(src, pages)
    for region in src.regions:
        own = (kept or {}).get(region.id) or own_pages(src, region)
        pages.regions[region.id] = own
        pages.pages.update(own.pages)
        pages.files.update(own.files)
    model_pages(src, pages)
    compare_pages(src, pages)
    kinds = [(kind.slug, kind.title, [f"/{kind.slug}/"]) for kind in ACT_KINDS.values()]
    kinds += [("plan", "Мероприятия и сроки", ["/plan/"]), ("indicators", "Показатели", ["/indicators/"]),
              ("compare", "Сравнение", ["/compare/"]), ("model", "Примерное положение", ["/model/"])]
    pages.files["javascripts/facets.js"] = facets_script([(r.id, r.name) for r in src.regions], kinds)
    return pages


def own_pages(src: Sources, region: RegionSource) -> Pages:
    """A region's own pages (overview, acts, roadmap, indicators, comparison): made from that
    region, the model and the files built for it only, so an unchanged region's can be kept."""
    pages = Pages()
    region_pages(src, region, pages)
    report_page(src, region, pages)
    return pages
