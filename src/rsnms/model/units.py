"""Walking the units of a profile: list items and groups, subjects, roadmap rows, data paths.

One walker per shape, used by every stage (validation, compose, comparison, handbook),
so the shape of a profile is known in one place.
"""

from __future__ import annotations

import re
from typing import Iterator

LEVELS = ("regional", "municipal", "institutional", "federal")
MISSING = object()   # lookup's answer for a path that leads nowhere, when asked to tell


def is_group(item) -> bool:
    return isinstance(item, dict) and "group" in item


def iter_leaves(items: list) -> Iterator[dict | str]:
    """Leaf units of an ItemList (groups are looked through, sub-items are not)."""
    for entry in items or []:
        if is_group(entry):
            yield from iter_leaves(entry["items"])
        else:
            yield entry


def iter_subjects(system: dict) -> Iterator[tuple[str, tuple, dict]]:
    """(level, path under system, subject) for every subject and structural element."""

    def walk(subjects: list, level: str, path: tuple):
        for i, subject in enumerate(subjects):
            yield level, path + (i,), subject
            yield from walk(subject.get("elements", []), level, path + (i, "elements"))

    for level in LEVELS:
        yield from walk(system.get("subjects", {}).get(level, []), level, ("subjects", level))


def iter_roadmap(roadmap: dict) -> Iterator[tuple[tuple, dict, dict, dict | None]]:
    """(path, item, direction, group) for every roadmap row in order."""
    for d, direction in enumerate(roadmap.get("directions", [])):
        for i, item in enumerate(direction.get("items", [])):
            yield ("roadmap", "directions", d, "items", i), item, direction, None
        for g, group in enumerate(direction.get("groups", [])):
            for i, item in enumerate(group.get("items", [])):
                yield ("roadmap", "directions", d, "groups", g, "items", i), item, direction, group


def walk_values(value, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """(path, value) of every value in nested data, the whole first."""
    yield path, value
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from walk_values(sub, path + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from walk_values(sub, path + (i,))


def lookup(data, path: str, *, indexes: bool = True, default=None):
    """The value at a dotted path, or ``default`` when the path leads nowhere.

    A part names a key, the ``id`` of a list entry, or (with ``indexes``) a list index.
    """
    node = data
    for part in path.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and indexes and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, list):
            found = [e for e in node if isinstance(e, dict) and e.get("id") == part]
            if not found:
                return default
            node = found[0]
        else:
            return default
    return node


def unit_text(unit) -> str:
    """The text of a list unit written as a string or as an object."""
    return unit if isinstance(unit, str) else unit.get("text", "")


# a fact a profile does not give yet: ``[[описание]]`` or ``[[region.cases.gen]]``
PLACEHOLDER = re.compile(r"\[\[([^\[\]]+)\]\]")
