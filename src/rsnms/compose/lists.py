"""Lists of an act body: the units behind a ``ref`` (tasks, subjects and their functions,
chapter clauses, glossary, indicators) as list items with their markers («1)», «а)», «–»)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..lang import words
from ..lang.formats import marker, sub_style
from ..model.document import ITEM, LABEL, Rich
from ..model.units import is_group
from .text import with_targets

if TYPE_CHECKING:
    from .outline import Body

Tail = Callable[[list[int], int], None] | None   # renders what stands under a unit


def units(body: "Body", ref: str, value) -> list[tuple[Rich, Tail, str]]:
    """The units behind ``ref`` as (text, what to render under it, the unit's id)."""
    w = body.w
    if ref.startswith("system.subjects."):
        return [(w(s.get("heading") or s["name"]), _subject_tail(body, s), s.get("id", "")) for s in value]
    if ref.startswith("system.chapters."):
        return [(w(c.get("text", "")), _chapter_tail(body, c), "") for c in value.get("clauses", [])]
    out = []
    for entry in value:
        if is_group(entry):
            out.append((w(entry["group"]), _items_tail(body, entry["items"]), entry.get("id", "")))
        elif isinstance(entry, dict):
            out.append((w(entry.get("text") or entry.get("term", "")),
                        _items_tail(body, entry.get("items", []), entry.get("tail")), entry.get("id", "")))
        else:
            out.append((w(entry), None, ""))
    return out


def _items_tail(body: "Body", entries, tail=None) -> Tail:
    if not entries and not tail:
        return None

    def render(_numbers, level):
        items(body, entries, body.list_style, level)
        if tail:
            body.para(body.w(tail), level)
    return render


def _chapter_tail(body: "Body", clause: dict) -> Tail:
    def render(numbers, level):
        if clause.get("items"):
            items(body, clause["items"], clause.get("list_style", body.list_style), level)
        if clause.get("clauses"):
            body.clauses(clause["clauses"], numbers, level)
        for para in clause.get("tail", []):
            body.para(body.w(para), level)
    return render


def _subject_tail(body: "Body", subject: dict) -> Tail:
    def render(numbers, level):
        subject_body(body, subject, body.list_style, level, numbers)
    return render


def subject_body(body: "Body", subject: dict, style: str, level: int, numbers: list[int] | None,
                 parent: str | None = None) -> None:
    """A subject's functions, notes and structural elements (numbered as clauses when
    the subject is a clause, as list items under ``parent`` when it is an item)."""
    w = body.w
    heading = subject.get("heading") or ""
    if subject.get("functions"):
        if not heading.rstrip().endswith(":"):
            body.emit(LABEL, w(subject.get("functions_label", words.FUNCTIONS_LABEL)), level=level)
        items(body, subject["functions"], style, level, parent)
    for note in subject.get("notes", []):
        body.para(w(note), level)
    for i, element in enumerate(subject.get("elements", []), 1):
        text = w(element.get("heading") or element["name"])
        if numbers is not None:
            body.emit_clause(text, numbers + [i], level, element.get("id", ""))
            subject_body(body, element, style, level + 1, numbers + [i])
        else:
            item = body.emit(ITEM, text, marker(sub_style(style), i), level,
                             body.item_anchor(parent, i), unit=element.get("id", ""))
            subject_body(body, element, style, level + 1, None, item.anchor)


def items(body: "Body", entries: list, style: str | None, level: int, parent: str | None = None) -> None:
    """List items with their markers; groups are labels, sub-items a nested list."""
    n = 0
    for entry in entries:
        if is_group(entry):
            body.emit(LABEL, body.w(entry["group"]), level=level, unit=entry.get("id", ""))
            items(body, entry["items"], style, level, parent)
            continue
        n += 1
        if isinstance(entry, dict):
            text = entry.get("text")
            if text is None and "term" in entry:
                text = f"{entry['term']} – {entry['definition']}"
        else:
            text = entry
        unit = entry.get("id", "") if isinstance(entry, dict) else ""
        item = body.emit(ITEM, body.w(text), marker(style, n), level, body.item_anchor(parent, n), unit=unit)
        if isinstance(entry, dict):
            if entry.get("items"):
                items(body, entry["items"], sub_style(style), level + 1, item.anchor)
            if entry.get("tail"):
                body.para(body.w(entry["tail"]), level)


def data_list(body: "Body", ref: str, value, style: str | None, level: int) -> None:
    """The data behind ``ref`` as a list under its clause."""
    w = body.w
    if ref.startswith("system.subjects."):
        top = body.act.get("list_style", "1)") if style != body.act.get("list_style") else "1)"
        for i, subject in enumerate(value, 1):
            item = body.emit(ITEM, w(subject.get("heading") or subject["name"]), marker(top, i), level,
                             body.item_anchor(None, i), unit=subject.get("id", ""))
            subject_body(body, subject, style, level + 1, None, item.anchor)
    elif ref == "system.glossary":
        for i, entry in enumerate(value, 1):
            body.emit(ITEM, w(entry["term"]) + w(" – ") + w(entry["definition"]), marker(style, i), level,
                      body.item_anchor(None, i), unit=entry.get("id", ""))
    elif ref == "system.indicators":
        items(body, [_indicator_item(e) for e in value], style, level)
    elif isinstance(value, list):
        items(body, value, style, level)
    elif isinstance(value, str):
        body.para(w(value), level)


def _indicator_item(entry: dict):
    if is_group(entry):
        return {"group": entry["group"], "id": entry.get("id", ""),
                "items": [_indicator_item(e) for e in entry["items"]]}
    return {"text": with_targets(entry), "id": entry.get("id", "")}
