"""Running the linter on what a user names: files (source texts, any .docx/.odt/PDF), a region
(its profile and every act rsnms renders for it), the model regulation."""

from __future__ import annotations

from pathlib import Path

from ..model.catalog import Catalog
from ..model.profile import MODEL_ID, Profile
from ..project import Project
from . import lint
from .context import Context
from .finding import Finding, sort_key
from .known import errata, mark_errata, mark_suppressed
from .profile import profile_text
from .readers import from_docx, read


def context(catalog: Catalog, profile: Profile | None, *, rendered: bool = False) -> Context:
    region = profile.data if profile is not None and profile.id != MODEL_ID else None
    ctx = Context(registry=catalog.registry["acts"], model=catalog.model.data, region=region,
                  is_model=profile is not None and profile.id == MODEL_ID, rendered=rendered)
    if profile is not None:
        extra = {w.lower().replace("ё", "е") for w in profile.data.get("lint", {}).get("words", [])}
        ctx.words = ctx.words | extra
    return ctx


def _finish(findings: list[Finding], profile: Profile | None) -> list[Finding]:
    if profile is not None:
        findings = mark_suppressed(findings, profile.data.get("lint", {}).get("suppress", []))
    return sorted(set(findings), key=sort_key)


def lint_file(project: Project, catalog: Catalog, path: Path, profiles: list[Profile]) -> list[Finding]:
    """A text, .docx, .odt or PDF: read against the region whose source it is (its errata known)."""
    try:
        shown = path.resolve().relative_to(project.root).as_posix()
    except ValueError:
        shown = str(path)
    owner = next((p for p in [*profiles, catalog.model] if shown in _sources(p)), None)
    findings = lint(read(path, shown), context(catalog, owner))
    if owner is not None:
        findings = mark_errata(findings, errata(owner.data), shown)
    return _finish(findings, owner)


def _sources(profile: Profile) -> set[str]:
    out = set(profile.data.get("sources", []))
    out |= {act["source"]["file"] for act in profile.data.get("acts", {}).values() if act.get("source")}
    return out


def lint_profile(catalog: Catalog, profile: Profile, shown: str) -> list[Finding]:
    return lint(profile_text(profile, shown), context(catalog, profile))


def lint_rendered(catalog: Catalog, profile: Profile, files: dict[str, bytes],
                  package: tuple[str, list[str]] | None = None) -> list[Finding]:
    """The profile before rendering, and every act rendered for it (``files``: shown name → .docx).
    ``package``: (the package's name, the names of its parts) among ``files``: each part is read
    alone by every rule but those about an act with its appendices, the package by those only —
    a finding is found once, in the act it is in (in the package when it is about the whole)."""
    shown = profile.path.resolve().as_posix()
    try:
        shown = profile.path.resolve().relative_to(catalog.project.root).as_posix()
    except ValueError:
        pass
    findings = lint_profile(catalog, profile, shown)
    ctx = context(catalog, profile, rendered=True)
    whole, parts = package or (None, [])
    for name, data in files.items():
        findings += lint(from_docx(data, name), ctx, True if name == whole else False if name in parts else None)
    return _finish(findings, profile)
