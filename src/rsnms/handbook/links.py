"""Where each unit of a profile is shown: the act page and the anchor of its clause or row.

The comparison pages, the matrix and the glossary link a unit (``task.03``, ``cnppm.f07``,
``term.11``) to its clause in the region's act and in the model. A unit that no block shows
by itself (a function listed inside its subject's table row) links to its owner (``cnppm``).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..compose import ACT_KINDS
from ..model.document import Document
from .acts import unit_anchors
from .markdown import html_text

MODEL = "model"


def page_url(page: str) -> str:
    """The address of a page's source (``regions/omsk/regulation.md``) on the site, as a
    folder: ``regions/omsk/regulation`` (``use_directory_urls``); ``index.md`` is its folder."""
    stem = page[:-3] if page.endswith(".md") else page
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def model_page(doc: Document) -> str:
    return "model/roadmap.md" if doc.roadmap is not None else "model/index.md"


def act_page(region: str, key: str) -> str:
    return f"regions/{region}/{ACT_KINDS[key].slug}.md"


@dataclass
class UnitLinks:
    """Per owner (a region id, or ``model``): unit id → (page, anchor), first act first."""

    targets: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def add(self, owner: str, page: str, doc: Document) -> None:
        units = self.targets.setdefault(owner, {})
        for unit, anchor in unit_anchors(doc).items():
            units.setdefault(unit, (page, anchor))

    def target(self, owner: str, unit: str) -> tuple[str, str] | None:
        units = self.targets.get(owner, {})
        while unit:
            if unit in units:
                return units[unit]
            unit = unit.rpartition(".")[0]
        return None

    def href(self, owner: str, unit: str, from_page: str) -> str | None:
        """The link from ``from_page`` to the unit's clause, or None: relative between the
        pages' addresses (``regions/omsk/regulation/``), as raw HTML needs it."""
        found = self.target(owner, unit)
        if found is None:
            return None
        page, anchor = found
        rel = posixpath.relpath(page_url(page), page_url(from_page))
        return f"{rel}/#{anchor}" if rel != "." else f"#{anchor}"

    def link(self, owner: str, unit: str, from_page: str, text: str, title: str = "") -> str:
        """``text`` (already escaped HTML) as a link to the unit's clause, or as it is."""
        href = self.href(owner, unit, from_page)
        if href is None:
            return text
        hint = f' title="{html_text(title)}"' if title else ""
        return f'<a href="{html_text(href)}"{hint}>{text}</a>'


def inherit(units: dict[str, tuple[str, str]], data, parent: str = "") -> None:
    """A unit shown only inside its group's row (an indicator in its group's cell) takes
    the group's place: walk the profile, children after their parent."""
    if isinstance(data, list):
        for item in data:
            inherit(units, item, parent)
    elif isinstance(data, dict):
        uid = data.get("id") if isinstance(data.get("id"), str) else ""
        if uid and uid not in units and parent in units:
            units[uid] = units[parent]
        for value in data.values():
            if isinstance(value, (list, dict)):
                inherit(units, value, uid or parent)


def unit_links(regions, model_documents: list[Document], model_data: dict) -> UnitLinks:
    links = UnitLinks()
    for doc in model_documents:
        links.add(MODEL, model_page(doc), doc)
    inherit(links.targets.setdefault(MODEL, {}), model_data.get("system", {}))
    for region in regions:
        for key, doc in region.documents.items():
            links.add(region.id, act_page(region.id, key), doc)
        inherit(links.targets.setdefault(region.id, {}), region.data.get("system", {}))
    return links
