"""The profile schema: a hand-written structural core completed from the federal model.

``core.yaml`` (beside this module) says what a profile looks like. The references a profile may make to
the federal layer — roles (``cnppm``), functions (``cnppm.f07``), indicators, roadmap
rows, any model unit, federal acts (``fz-273``) — are ``$defs`` marked
``x-from-model``; :func:`complete` turns each into an ``enum`` of the ids the model
and the registry define. So adding a function to a role in ``acts/model.yaml``
changes the generated ``regions/profile.schema.json``.
"""

from __future__ import annotations

import copy
import json
from typing import Iterable

from ..model.units import iter_leaves, iter_roadmap, iter_subjects
from ..project import SCHEMA_CORE
from ..readers import yamlio

DESCRIPTIONS = {
    "roles": "Роль субъекта в примерном положении",
    "functions": "Функция субъекта в примерном положении",
    "indicators": "Показатель эффективности из примерного положения",
    "roadmap": "Мероприятие типовой дорожной карты",
    "units": "Единица примерного положения (задача, принцип, функция, показатель, термин…)",
    "federal_acts": "Федеральный акт из реестра acts/federal-acts.yaml",
}


def load_core() -> dict:
    data, _ = yamlio.load(SCHEMA_CORE)
    return data


def _item_ids(items: Iterable) -> Iterable[str]:
    for entry in items or []:
        if isinstance(entry, dict):
            if "id" in entry:
                yield entry["id"]
            yield from _item_ids(entry.get("items", []))


def model_values(model: dict, registry: dict) -> dict[str, list[str]]:
    """Allowed reference values from a normalized model and the registry, in source order."""
    system = model["system"]
    roles, functions = [], []
    for _level, _path, subject in iter_subjects(system):
        roles.append(subject["id"])
        functions += list(_item_ids(subject.get("functions", [])))
    indicators = [i["id"] for i in iter_leaves(system.get("indicators", []))]
    roadmap = [item["id"] for _p, item, _d, _g in iter_roadmap(model.get("roadmap", {}))]
    units: list[str] = []
    for key in ("tasks", "principles", "approaches", "mechanisms", "duties", "rights", "legal_basis", "glossary"):
        units += list(_item_ids(system.get(key, [])))
    units += list(_item_ids(system.get("interaction", {}).get("subjects", [])))
    units += list(_item_ids(system.get("interaction", {}).get("channels", [])))
    units += list(_item_ids(system.get("monitoring", {}).get("methods", [])))
    units += roles + functions + indicators + roadmap
    return {
        "roles": roles,
        "functions": functions,
        "indicators": indicators,
        "roadmap": roadmap,
        "units": list(dict.fromkeys(units)),
        "federal_acts": [act["id"] for act in registry["acts"]],
    }


def _inline_common(schema: dict) -> None:
    """``allOf: [ActCommon]`` + ``unevaluatedProperties: false`` → one flat object.

    Flat objects give precise messages: with ``unevaluatedProperties`` one invalid
    common field made every other field of the act "unexpected".
    """
    defs = schema["$defs"]
    for definition in defs.values():
        if definition.pop("unevaluatedProperties", None) is None:
            continue
        properties: dict = {}
        conditions = []                     # if/then parts stay as they are
        for part in definition.pop("allOf", []):
            if "$ref" in part:
                properties.update(defs[part["$ref"].split("/")[-1]]["properties"])
            else:
                conditions.append(part)
        if conditions:
            definition["allOf"] = conditions
        properties.update(definition.get("properties", {}))
        definition["properties"] = properties
        definition["additionalProperties"] = False


def complete(core: dict, values: dict[str, list[str]] | None) -> dict:
    """The core with every ``x-from-model`` definition turned into an enum.

    With ``values=None`` the references accept any string: that schema checks the
    structure of the model itself before its ids are known.
    """
    schema = copy.deepcopy(core)
    _inline_common(schema)
    for name, definition in schema["$defs"].items():
        key = definition.get("x-from-model")
        if key is None:
            continue
        completed = {"type": "string", "description": DESCRIPTIONS[key]}
        if values is not None:
            completed["enum"] = values[key]
        schema["$defs"][name] = completed
    return schema


def dumps(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
