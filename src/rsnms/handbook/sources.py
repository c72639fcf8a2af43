"""What the handbook is made from, and the pages it is made into."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .. import escape
from ..compare.align import Alignment
from ..compare.view import View
from ..model.catalog import Catalog
from ..model.document import Document
from ..model.profile import Profile
from ..project import Project


@dataclass
class RegionSource:
    """One region as the handbook shows it."""

    profile: Profile
    acts: dict[str, dict]          # its acts, adopted or drafted (compose's view)
    files: dict[str, Path]         # act slug → the rendered .docx (its PDF beside it, if built)
    alignment: Alignment
    documents: dict[str, Document] = field(default_factory=dict)   # act key → composed document
    lint: list = field(default_factory=list)   # what `rsnms lint` found in its profile and acts (lint.Finding)
    comparison: View | None = None   # the comparison as its report shows it

    @property
    def id(self) -> str:
        return self.profile.id

    @property
    def data(self) -> dict:
        return self.profile.data

    @property
    def name(self) -> str:
        return self.profile.data["region"]["name"]


@dataclass
class Sources:
    project: Project
    catalog: Catalog
    regions: list[RegionSource]    # in the order of their names
    model_regulation: Path         # the rendered model regulation (.docx)
    model_documents: list[Document] = field(default_factory=list)   # the model regulation, its roadmap
    build: Path | None = None      # the (staged) build folder: pages go to its docs/, files come from it

    def __post_init__(self):
        if self.build is None:
            self.build = self.project.build

    @property
    def model(self) -> dict:
        return self.catalog.model.data

    @cached_property
    def links(self):
        """Where each unit of every region and of the model is shown (:class:`~.links.UnitLinks`)."""
        from .links import unit_links

        return unit_links(self.regions, self.model_documents, self.model)


@dataclass
class Pages:
    """Generated pages (docs-relative path → Markdown) and generated downloads."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    regions: dict[str, "Pages"] = field(default_factory=dict)   # region → its own pages and files (also above)

    def add(self, path: str, markdown: str, title: str = "", **meta) -> None:
        """A page; ``title`` is its browser title (unique: «Омская область — Положение»);
        ``meta`` goes into its front matter (YAML), for the theme's templates. The theme
        prints the title as HTML (Material's header, footer, our ``<title>``): it is escaped
        for HTML; the rest of ``meta`` is written by the theme through ``tojson``."""
        if title:
            meta = {"title": escape.html(title), **meta}
        if meta:
            markdown = f"---\n{escape.yaml(dict(sorted(meta.items())))}\n---\n\n" + markdown
        self.pages[path] = markdown


def download_links(docx: Path, href: str, extra: str = "") -> str:
    """«Скачать .docx · PDF · XML» for a rendered act whose files are published at ``href`` (no suffix)."""
    links = [f"[Скачать .docx]({href}.docx)"]
    if docx.with_suffix(".pdf").is_file():
        links.append(f"[PDF]({href}.pdf)")
    if docx.with_suffix(".xml").is_file():
        links.append(f"[XML (Akoma Ntoso)]({href}.xml)")
    if extra:
        links.append(extra)
    return " · ".join(links)
