"""The data model in the middle of the pipeline: a normalized profile.

Readers (YAML profiles today) produce a :class:`Profile`; writers (JSON/YAML export,
later .docx, Markdown, .xlsx) consume it. Normalizing turns the forms a person may
write into one form a program can rely on:

* every list item is an object ``{id, text, …}`` (a plain string ``"…"`` becomes
  ``{id: task.03, text: "…"}``); ids a profile gives are kept, the others are derived
  from the unit's place (``task.NN``, ``<subject>.fNN``, ``roadmap.NN``);
* ``goal`` is a list of paragraphs; roadmap items carry their computed number,
  direction and group, and the period parsed from the deadline.

The same model is used for the federal model regulation (``id: model``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from ..lang.periods import parse_deadline
from ..readers.yamlio import Positions
from .units import is_group, iter_roadmap, iter_subjects

MODEL_ID = "model"   # the federal model regulation's id, never a region's

# Id prefix of each list of units under `system`, also the list's "kind".
LIST_PREFIXES: dict[tuple, str] = {
    ("tasks",): "task",
    ("principles",): "principle",
    ("approaches",): "approach",
    ("mechanisms",): "mechanism",
    ("interaction", "subjects"): "interaction",
    ("interaction", "channels"): "channel",
    ("duties",): "duty",
    ("rights",): "right",
    ("monitoring", "methods"): "method",
}


def _numbered(prefix: str, n: int) -> str:
    return f"{prefix}.{n:02d}"


def normalize_items(items: list, prefix: str, sep: str = ".") -> list[dict]:
    """ItemList → objects with ids; leaves are numbered continuously through groups.

    Leaf ids are ``<prefix><sep>NN``, group ids ``<prefix><sep>gNN``, sub-items
    ``<parent id>.NN``.
    """
    counter = {"leaf": 0, "group": 0}

    def item_obj(item, parent_id: str | None, index: int) -> dict:
        if isinstance(item, str):
            item = {"text": item}
        else:
            item = dict(item)
        if parent_id is None:
            counter["leaf"] += 1
            item.setdefault("id", f"{prefix}{sep}{counter['leaf']:02d}")
        else:
            item.setdefault("id", _numbered(parent_id, index))
        if "items" in item:
            item["items"] = [item_obj(sub, item["id"], i) for i, sub in enumerate(item["items"], 1)]
        return item

    def walk(entries: list) -> list[dict]:
        out = []
        for entry in entries:
            if is_group(entry):
                counter["group"] += 1
                group = dict(entry)
                group.setdefault("id", f"{prefix}{sep}g{counter['group']:02d}")
                group["items"] = walk(group["items"])
                out.append(group)
            else:
                out.append(item_obj(entry, None, 0))
        return out

    return walk(items)


def _normalize_system(system: dict) -> dict:
    system = copy.deepcopy(system)
    goal = system.get("goal")
    if isinstance(goal, str):
        system["goal"] = [goal]
    for path, prefix in LIST_PREFIXES.items():
        holder = system
        for key in path[:-1]:
            holder = holder.get(key, {})
        if path[-1] in holder:
            holder[path[-1]] = normalize_items(holder[path[-1]], prefix)
    if "legal_basis" in system:
        system["legal_basis"] = normalize_items(system["legal_basis"], "basis")
    if "glossary" in system:
        system["glossary"] = [dict(e, id=e.get("id") or _numbered("term", n))
                              for n, e in enumerate(system["glossary"], 1)]
    if "indicators" in system:
        counter = {"leaf": 0, "group": 0}

        def walk(entries):
            out = []
            for entry in entries:
                entry = dict(entry)
                if is_group(entry):
                    counter["group"] += 1
                    entry.setdefault("id", f"indicator.g{counter['group']:02d}")
                    entry["items"] = walk(entry["items"])
                else:
                    counter["leaf"] += 1
                    entry.setdefault("id", _numbered("indicator", counter["leaf"]))
                out.append(entry)
            return out

        system["indicators"] = walk(system["indicators"])
    for _level, _path, subject in iter_subjects(system):
        if "functions" in subject:
            subject["functions"] = normalize_items(subject["functions"], f"{subject['id']}.f", sep="")
    return system


def _normalize_roadmap(roadmap: dict) -> dict:
    roadmap = copy.deepcopy(roadmap)
    span = roadmap.get("period")
    number = 0
    for d, direction in enumerate(roadmap.get("directions", []), 1):
        direction.setdefault("id", f"direction.{d:02d}")
        for g, group in enumerate(direction.get("groups", []), 1):
            group.setdefault("id", f"{direction['id']}.g{g:02d}")
    for _path, item, direction, group in iter_roadmap(roadmap):
        if not item.get("unnumbered"):
            number += 1
        item["num"] = number if not item.get("unnumbered") else None
        item.setdefault("id", _numbered("roadmap", number) + ("" if item["num"] else f".u{_path[-1]:02d}"))
        item["direction"] = direction["id"]
        if group is not None:
            item["group"] = group["id"]
        if "items" in item:
            item["items"] = normalize_items(item["items"], item["id"])
        if "period" not in item and "deadline" in item:
            period = parse_deadline(item["deadline"], span)
            if period is not None:
                item["period"] = period
    return roadmap


def normalize(data: dict) -> dict:
    """The normalized form of a schema-valid profile (a new dict; input untouched)."""
    out = copy.deepcopy(data)
    out["system"] = _normalize_system(data["system"])
    if "roadmap" in data:
        out["roadmap"] = _normalize_roadmap(data["roadmap"])
    return out


@dataclass
class Profile:
    """A validated, normalized profile and where its raw values stand in the source."""

    path: Path
    raw: dict
    data: dict
    positions: Positions

    @property
    def id(self) -> str:
        return self.data["id"]
