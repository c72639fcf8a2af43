"""Validation stage: raw YAML → checked, normalized :class:`~rsnms.model.profile.Profile`
(or diagnostics).

Order of work for a profile: safe YAML reading (:mod:`rsnms.readers.yamlio`), the JSON
Schema generated from the federal model (:mod:`.schema`; its messages translated to
Russian in :mod:`.messages`), then the cross-reference checks (:mod:`.checks`). Every
problem of every file is collected, so one run reports them all. The federal layer
itself is loaded and checked by :mod:`.catalog`.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, InputError
from ..model.catalog import Catalog
from ..model.profile import Profile, normalize
from ..readers import yamlio
from . import checks
from .catalog import load_catalog
from .messages import capped, schema_diagnostics

__all__ = ["Catalog", "load_catalog", "validate_file", "validate_files", "errors_of"]


def validate_file(path: Path, catalog: Catalog) -> tuple[Profile | None, list[Diagnostic]]:
    """One profile: (profile or None, every diagnostic including warnings)."""
    try:
        raw, pos = yamlio.load(path)
    except InputError as exc:
        return None, exc.diagnostics
    problems = schema_diagnostics(raw, catalog.schema, pos)
    if problems:
        return None, problems
    normalized = normalize(raw)       # the checks read it too
    problems = checks.check(raw, pos, file=path, root=catalog.project.root,
                            model_functions=set(catalog.values["functions"]), normalized=normalized)
    if any(p.severity == "error" for p in problems):
        return None, capped(problems, pos.file)
    return Profile(path, raw, normalized, pos), problems


def validate_files(paths: list[Path], catalog: Catalog) -> tuple[list[Profile], list[Diagnostic]]:
    profiles, diagnostics = [], []
    for path in paths:
        profile, problems = validate_file(path, catalog)
        diagnostics += problems
        if profile is not None:
            profiles.append(profile)
    return profiles, diagnostics


def errors_of(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "error"]
