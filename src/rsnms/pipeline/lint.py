"""``rsnms lint``: source texts, other acts' files, regions (profile and rendered acts), the model."""

from __future__ import annotations

import sys
from pathlib import Path

from ..diagnostics import Diagnostic, InputError
from ..lint.finding import Finding
from ..lint.output import render, summary
from ..lint.readers import SUFFIXES
from ..lint.run import lint_file, lint_rendered
from ..model.catalog import Catalog
from ..model.profile import MODEL_ID, Profile
from ..project import Project
from .region import PACKAGE, ModelWork, RegionWork


def shown(work: RegionWork, name: str) -> str:
    """The name a finding in the region's file ``name`` is shown under."""
    return f"build/acts/{work.id}/{name}"


def rendered_files(work: RegionWork) -> dict[str, bytes]:
    """Shown name → bytes of every act rendered for a region, its package included."""
    return {shown(work, name): data for name, data in work.files.items()}


def lint_region(project: Project, catalog: Catalog, profile: Profile, work: RegionWork | None = None) -> list[Finding]:
    """The profile and every act rendered for it; the package only for what is about the order
    with its appendices (its acts are read one by one)."""
    work = work or RegionWork(project, catalog, profile)
    files = rendered_files(work)
    package = (shown(work, PACKAGE), [shown(work, name) for name in work.package_parts]) \
        if shown(work, PACKAGE) in files else None
    return lint_rendered(catalog, profile, files, package)


def lint_model(project: Project, catalog: Catalog, work: ModelWork | None = None) -> list[Finding]:
    work = work or ModelWork(project, catalog)
    return lint_rendered(catalog, catalog.model, {f"build/acts/{MODEL_ID}/regulation.docx": work.package})


def run(project: Project, catalog: Catalog, targets: list[str], fmt: str, profiles: list[Profile]) -> int:
    by_id = {p.id: p for p in profiles}
    findings: list[Finding] = []
    names = targets or [*sorted(by_id), MODEL_ID]
    for name in names:
        path = Path(name)
        if name == MODEL_ID:
            findings += lint_model(project, catalog)
        elif name in by_id:
            findings += lint_region(project, catalog, by_id[name])
        elif path.suffix.lower() in SUFFIXES:
            findings += lint_file(project, catalog, path, profiles)
        else:
            raise InputError([Diagnostic(name, 1, 1, "", "не регион, не model и не файл .txt, .docx, .odt, .pdf: "
                                         f"укажите регион ({', '.join(sorted(by_id)) or 'нет'}) или путь к акту")])
    sys.stdout.write(render(findings, fmt))
    if fmt == "text":
        print(f"Проверено: {', '.join(names)}. Найдено: {summary(findings)}.", file=sys.stderr)
    return 1 if any(f.counts for f in findings) else 0
