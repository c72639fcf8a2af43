"""``rsnms new``: a profile for a new region, pre-filled from the federal model.

Content comes from the model regulation (every unit linked back by ``model_ref``);
the region's name is put in its case forms, suggested by pymorphy3 and marked for a
person to check; facts the model cannot know (the authority, dates, numbers,
deadlines, the head's name) stay as ``[[…]]`` placeholders, which the validator
lists as warnings until they are filled in.
"""

from __future__ import annotations

import copy

from ..lang import words
from ..lang.cases import CASES, inflect_phrase
from .profile import Profile
from .units import PLACEHOLDER, iter_roadmap, iter_subjects

AUTHORITY = ("наименование органа исполнительной власти субъекта Российской Федерации, "
             "осуществляющего государственное управление в сфере образования")
CASE_NAMES = {"gen": "родительный падеж", "dat": "дательный падеж", "acc": "винительный падеж",
              "ins": "творительный падеж", "pre": "предложный падеж"}
HEAD = {"position": "[[должность руководителя]]", "name": "[[И.О. Фамилия]]"}
LINKED_LISTS = ("tasks", "principles", "approaches", "mechanisms", "duties", "rights", "legal_basis")


def scaffold(region_id: str, name: str, model: Profile, *, authority: str | None = None,
             kind: str = words.ORDER_KIND, coordinator: str | None = None) -> dict:
    """The data of a new profile (plain dict, ready to be written as YAML); ``coordinator``:
    the id of the subject that coordinates the network (one of the model's, e.g. ``cnppm``)."""
    cases = {case: inflect_phrase(name, case) for case in CASES}
    mapping = {"region.name": name, **{f"region.cases.{c}": v for c, v in cases.items()}}
    if authority:
        mapping["authority.name"] = authority
    system = _system(model)
    if coordinator:
        system["coordinator"] = {"subject": coordinator}
    data = {
        "id": region_id,
        "region": {"name": name, "cases": cases},
        "authority": _authority(model, authority),
        "abbreviations": copy.deepcopy(model.raw.get("abbreviations", [])),
        "system": system,
        "roadmap": _roadmap(model),
        "acts": _acts(model, kind),
    }
    return _fill(data, mapping)


def _authority(model: Profile, authority: str | None) -> dict:
    if authority:
        block = {"name": authority, "cases": {case: inflect_phrase(authority, case) for case in CASES}}
    else:
        block = {"name": f"[[{AUTHORITY}]]",
                 "cases": {case: f"[[{AUTHORITY} — {label}]]" for case, label in CASE_NAMES.items()}}
    block["short"] = model.raw["authority"].get("short", words.AUTHORITY_SHORT)
    block["head"] = dict(HEAD)
    return block


def _system(model: Profile) -> dict:
    system = copy.deepcopy(model.data["system"])
    if "[[region.cases.gen]]" not in system["name"]:
        system["name"] += " [[region.cases.gen]]"  # the region's own system
    for key in LINKED_LISTS:
        if key in system:
            system[key] = _link_units(system[key])
    for key in ("subjects", "channels"):
        if key in system.get("interaction", {}):
            system["interaction"][key] = _link_units(system["interaction"][key])
    if "methods" in system.get("monitoring", {}):
        system["monitoring"]["methods"] = _link_units(system["monitoring"]["methods"])
    if "glossary" in system:
        system["glossary"] = [_linked(e) for e in system["glossary"]]
    if "indicators" in system:
        system["indicators"] = [_linked(e) for e in system["indicators"] if "group" not in e]
    for _level, _path, subject in iter_subjects(system):
        subject["model_ref"] = subject["id"]
        if "functions" in subject:
            subject["functions"] = _link_units(subject["functions"])
    return system


def _roadmap(model: Profile) -> dict:
    roadmap = copy.deepcopy(model.raw.get("roadmap", {"directions": []}))
    for _p, item, _d, _g in iter_roadmap(roadmap):
        item["model_ref"] = item.pop("id")
        item["deadline"] = "[[срок исполнения]]"
        item.pop("period", None)
    return roadmap


def _acts(model: Profile, kind: str) -> dict:
    """A draft order (its title and clauses come from the skeleton in acts/drafts.yaml: it
    approves the regulation and the roadmap), the regulation and the roadmap from the model."""
    regulation = copy.deepcopy(model.raw["acts"]["regulation"])
    regulation.update(status="draft", kind=words.DEFAULT_KIND, heading=words.REGULATION_HEADING,
                      stamp=words.STAMP_APPROVED)
    regulation.pop("appendices", None)
    regulation.pop("annex_stamp", None)
    roadmap_act = copy.deepcopy(model.raw["acts"]["roadmap"])
    roadmap_act.update(status="draft", stamp=words.STAMP_APPROVED)
    order = {
        "status": "draft",
        "kind": kind,
        "place": "[[место издания]]",
        "signatory": dict(HEAD),
        "appendices": ["regulation", "roadmap"],
    }
    return {"order": order, "regulation": regulation, "roadmap": roadmap_act}


def _linked(entry: dict) -> dict:
    """A model unit as a region's unit that refers to it (its id derived again)."""
    return dict({k: v for k, v in entry.items() if k != "id"}, model_ref=entry["id"])


def _link_units(items: list) -> list:
    """Model units → region units linked by ``model_ref`` (their ids are derived again)."""
    out = []
    for entry in items:
        entry = dict(entry)
        if "group" in entry:
            entry.pop("id", None)
            entry["items"] = _link_units(entry["items"])
        else:
            entry["model_ref"] = entry.pop("id")
            if "items" in entry:
                entry["items"] = [{"text": sub["text"]} for sub in entry["items"]]
        out.append(entry)
    return out


def _fill(value, mapping: dict):
    """Replace ``[[path]]`` placeholders whose path is known; keep the others."""
    if isinstance(value, str):
        return PLACEHOLDER.sub(lambda m: mapping.get(m.group(1).strip(), m.group(0)), value)
    if isinstance(value, list):
        return [_fill(v, mapping) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, mapping) for k, v in value.items()}
    return value
