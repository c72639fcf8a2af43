"""What the handbook is made from, and the pages it is made into."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..compare.align import Alignment
from ..model.catalog import Catalog
from ..model.profile import Profile
from ..project import Project
from .search import with_search_forms


@dataclass
class RegionSource:
    """One region as the handbook shows it."""

    profile: Profile
    acts: dict[str, dict]          # its acts, adopted or drafted (compose's view)
    files: dict[str, Path]         # act slug → the rendered .docx (its PDF beside it, if built)
    alignment: Alignment

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

    @property
    def model(self) -> dict:
        return self.catalog.model.data


@dataclass
class Pages:
    """Generated pages: docs-relative path → Markdown (with its search forms)."""

    pages: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, markdown: str) -> None:
        self.pages[path] = with_search_forms(markdown)


def download_links(docx: Path, href: str) -> str:
    """«Скачать .docx · PDF · XML» for a rendered act whose files are published at ``href`` (no suffix)."""
    links = [f"[Скачать .docx]({href}.docx)"]
    if docx.with_suffix(".pdf").is_file():
        links.append(f"[PDF]({href}.pdf)")
    if docx.with_suffix(".xml").is_file():
        links.append(f"[XML (Akoma Ntoso)]({href}.xml)")
    return " · ".join(links)
