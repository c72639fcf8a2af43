"""Loading the federal layer: the registry of federal acts, the model regulation, the draft
skeletons, and the profile schema completed from them — each checked, or located errors."""

from __future__ import annotations

from datetime import date

from ..diagnostics import InputError
from ..model.catalog import Catalog
from ..model.profile import Profile, normalize
from ..project import REGISTRY_SCHEMA, Project
from ..readers import yamlio
from . import checks, schema as schema_mod
from .messages import schema_diagnostics


def load_drafts(project: Project, full_schema: dict) -> dict:
    """acts/drafts.yaml: skeletons of the acts rsnms composes, checked like a profile's acts."""
    raw, pos = yamlio.load(project.drafts)
    schema = {"$schema": full_schema.get("$schema"), "$defs": full_schema["$defs"], "type": "object",
              "additionalProperties": False, "required": ["order", "network_regulation"],
              "properties": {"order": {"$ref": "#/$defs/Order"},
                             "network_regulation": {"$ref": "#/$defs/NetworkRegulation"}}}
    problems = schema_diagnostics(raw, schema, pos)
    if problems:
        raise InputError(problems)
    return raw


def load_registry(project: Project) -> dict:
    data, pos = yamlio.load(project.registry)
    registry_schema, _ = yamlio.load(REGISTRY_SCHEMA)
    problems = schema_diagnostics(data, registry_schema, pos)
    if not problems:
        seen: set[str] = set()
        for i, act in enumerate(data["acts"]):
            if act["id"] in seen:
                problems.append(pos.diagnostic(("acts", i, "id"), f"акт «{act['id']}» уже есть в реестре"))
            seen.add(act["id"])
            if "date" in act:
                try:
                    date.fromisoformat(act["date"])
                except ValueError:
                    problems.append(pos.diagnostic(("acts", i, "date"), f"несуществующая дата «{act['date']}»"))
        for i, act in enumerate(data["acts"]):
            for key in ("amends", "part_of"):
                if key in act and act[key] not in seen:
                    problems.append(pos.diagnostic(("acts", i, key), f"акта «{act[key]}» нет в реестре"))
    if problems:
        raise InputError(problems)
    return data


def load_catalog(project: Project) -> Catalog:
    registry = load_registry(project)
    core = schema_mod.load_core()
    raw, pos = yamlio.load(project.model)
    problems = schema_diagnostics(raw, schema_mod.complete(core, None), pos)
    if problems:
        raise InputError(problems)
    values = schema_mod.model_values(normalize(raw), registry)
    full = schema_mod.complete(core, values)
    problems = schema_diagnostics(raw, full, pos)
    problems += checks.check(raw, pos, file=project.model, root=project.root,
                             model_functions=set(values["functions"]), is_model=True)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    model = Profile(project.model, raw, normalize(raw), pos)
    return Catalog(project, registry, model, full, values, load_drafts(project, full))
