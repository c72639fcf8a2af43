"""Compose: turn a profile into the documents of its acts (the logic between data and look).

Everything that is logic rather than look is decided here, once, for every writer:
which acts exist and which are drafts, which appendices an act has and how they are
numbered, the approval stamps, clause and list numbering, the roadmap rows, what is
still unknown (a highlighted placeholder and a warning). A :class:`Document` holds
plain data for a template: text is :class:`Rich` (runs of plain text and
placeholders), blocks are dicts with a ``kind``; templates only choose the look.

Drafts (acts a region has not adopted) are composed from the profile and from the
skeletons in ``acts/drafts.yaml`` and ``acts/model.yaml``; a fact the profile lacks
is never invented: it stays a placeholder ``[[…]]``.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field

from .profile import is_group, iter_roadmap
from .typography import typeset

ACT_KEYS = ("order", "regulation", "roadmap", "network_regulation")
SLUGS = {key: key.replace("_", "-") for key in ACT_KEYS}
MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))

# Grammar of act kinds: the stamp needs them in the dative and the instrumental case,
# and the past participle «утвержден…» agrees with the act's gender.
KIND_FORMS = {
    "приказ": {"dat": "приказу", "ins": "приказом", "gender": "m"},
    "распоряжение": {"dat": "распоряжению", "ins": "распоряжением", "gender": "n"},
    "положение": {"dat": "Положению", "ins": "Положением", "gender": "n"},
    "комплекс мер": {"dat": "Комплексу мер", "ins": "Комплексом мер", "gender": "m"},
    "дорожная карта": {"dat": "дорожной карте", "ins": "дорожной картой", "gender": "f"},
    "план мероприятий": {"dat": "плану мероприятий", "ins": "планом мероприятий", "gender": "m"},
    "регламент": {"dat": "регламенту", "ins": "регламентом", "gender": "m"},
}
APPROVED = {"m": "УТВЕРЖДЕН", "n": "УТВЕРЖДЕНО", "f": "УТВЕРЖДЕНА"}

PLACEHOLDER = re.compile(r"\[\[(.+?)\]\]")
ROLE_TEXT = ""
ROLE_PLACEHOLDER = "placeholder"


class Rich(list):
    """Text as runs ``(text, role)``; role ``placeholder`` marks what is still unknown."""

    @property
    def plain(self) -> str:
        return "".join(text for text, _role in self)

    def __add__(self, other):
        return Rich(list(self) + list(other))


@dataclass
class Document:
    """One act ready for a template: its context and how its tables are laid out."""

    region: str
    key: str
    status: str
    context: dict
    tables: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return SLUGS[self.key]

    @property
    def template(self) -> str:
        return f"{self.slug}.docx"

    def placeholders(self) -> list[str]:
        found: list[str] = []

        def walk(value):
            if isinstance(value, Rich):
                found.extend(t for t, role in value if role == ROLE_PLACEHOLDER)
            elif isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk(self.context)
        return found


# --- small pure helpers -----------------------------------------------------------

def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def marker(style: str | None, n: int) -> str:
    """The list marker of item ``n`` (1-based) in a list style; '' for none."""
    if style in (None, "none"):
        return ""
    if style == "1)":
        return f"{n})"
    if style == "1.":
        return f"{n}."
    if style == "а)":
        return f"{LETTERS[(n - 1) % len(LETTERS)]})"
    return style


def sub_style(style: str | None) -> str:
    """The list style of items nested in a list of ``style``."""
    return {"1)": "а)", "1.": "1)", "а)": "-"}.get(style or "", style or "-")


def format_date(value: str | None, words: bool, in_stamp: bool = False) -> str | None:
    if not value:
        return None
    day = dt.date.fromisoformat(str(value))
    if not words:
        return day.strftime("%d.%m.%Y")
    suffix = "г." if in_stamp else "года"
    return f"{day.day} {MONTHS_GEN[day.month - 1]} {day.year} {suffix}"


def lookup(data, path: str):
    """The value at a dotted path (list indices or ids of list entries allowed), or None."""
    node = data
    for part in path.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, list):
            found = [e for e in node if isinstance(e, dict) and e.get("id") == part]
            if not found:
                return None
            node = found[0]
        else:
            return None
    return node


def with_targets(indicator: dict) -> str:
    """Indicator text with its targets «(к 2024 году – не менее 30 %)» before the final ';'."""
    text = indicator["text"]
    targets = indicator.get("targets") or {}
    if not targets:
        return text
    note = "; ".join(f"к {year} году – {value}" for year, value in targets.items())
    end = text[-1] if text.endswith((";", ".", ",")) else ""
    return f"{text[:len(text) - len(end)]} ({note}){end}"


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- composing text -----------------------------------------------------------------

class Writer:
    """Turns profile strings into :class:`Rich` text for one region, counting placeholders.

    ``[[a.b.c]]`` is replaced by the profile's value at that path when it has one;
    anything else in ``[[…]]`` stays a placeholder (shown highlighted) and becomes a
    warning. Plain text is typeset (quotes, dashes, non-breaking spaces).
    """

    def __init__(self, data: dict, what: str):
        self.data = data
        self.what = what
        self.warnings: list[str] = []

    def __call__(self, text, *, typeset_text: bool = True) -> Rich:
        out = Rich()
        if text is None:
            return out
        text = str(text)
        pos = 0
        for m in PLACEHOLDER.finditer(text):
            if m.start() > pos:
                out.append(self._plain(text[pos:m.start()], typeset_text))
            out.extend(self._resolve(m.group(1), depth=0))
            pos = m.end()
        if pos < len(text):
            out.append(self._plain(text[pos:], typeset_text))
        return Rich(r for r in out if r[0])

    def _plain(self, text: str, typeset_text: bool):
        return (typeset(text) if typeset_text else text, ROLE_TEXT)

    def _resolve(self, key: str, depth: int) -> list:
        value = lookup(self.data, key) if re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", key) else None
        if isinstance(value, (str, int)) and depth < 3:
            text = str(value)
            runs = []
            pos = 0
            for m in PLACEHOLDER.finditer(text):
                if m.start() > pos:
                    runs.append((typeset(text[pos:m.start()]), ROLE_TEXT))
                runs.extend(self._resolve(m.group(1), depth + 1))
                pos = m.end()
            if pos < len(text):
                runs.append((typeset(text[pos:]), ROLE_TEXT))
            return runs
        return [self.missing(key)]

    def missing(self, description: str):
        """A placeholder run for something the profile does not say, with a warning."""
        self.warnings.append(f"{self.what}: не заполнено «{description}»")
        return (f"[{description}]", ROLE_PLACEHOLDER)

    def value(self, text, description: str) -> Rich:
        """The text if given, else a placeholder described by ``description``."""
        if text in (None, ""):
            return Rich([self.missing(description)])
        return self(text)


# --- blocks ---------------------------------------------------------------------------

def block(kind: str, text: Rich | None = None, number: str = "", level: int = 0, **extra) -> dict:
    """A body block; the number (clause or list marker) is part of the text."""
    runs = Rich()
    if number:
        runs.append((number + " ", ROLE_TEXT))
    if text:
        runs.extend(text)
    return {"kind": kind, "text": runs, "level": level, **extra}


class Body:
    """Builds the blocks of an act body from an outline of sections and clauses."""

    def __init__(self, w: Writer, data: dict, act: dict, fallback: dict | None = None):
        self.w = w
        self.data = data
        self.fallback = fallback or {}
        self.act = act
        self.numbering = act.get("numbering", "sectioned")
        self.list_style = act.get("list_style", "-")
        self.blocks: list[dict] = []
        self.tables: list[dict] = []
        self.counter = 0

    # data behind a `ref`
    def ref(self, path: str):
        value = lookup(self.data, path)
        if value is None:
            value = lookup(self.fallback, path)
        return value

    # --- outline
    def outline(self, sections: list[dict]) -> list[dict]:
        for s_no, section in enumerate(sections, 1):
            prefix = f"{s_no}." if len(sections) > 1 or self.numbering == "sectioned" else ""
            kind = "clause" if section.get("plain") else "section"
            self.blocks.append(block(kind, self.w(section["title"]), prefix))
            self.clauses(section.get("clauses", []), [s_no], level=1)
        return self.blocks

    def next_number(self, parents: list[int], index: int) -> tuple[str, list[int]]:
        if self.numbering == "continuous" and len(parents) == 1:
            self.counter += 1
            return f"{self.counter}.", [self.counter]
        numbers = parents + [index]
        return ".".join(str(n) for n in numbers) + ".", numbers

    def clauses(self, clauses: list[dict], parents: list[int], level: int) -> None:
        index = 0
        for clause in clauses:
            index = self.clause(clause, parents, index, level)

    def clause(self, clause: dict, parents: list[int], index: int, level: int) -> int:
        """Render one clause; returns the last number used at this level."""
        ref = clause.get("ref")
        if clause.get("optional") and ref and not lookup(self.data, ref):
            return index
        value = self.ref(ref) if ref else None
        present = clause.get("present") or self.default_present(ref, value)
        style = clause.get("list_style", self.list_style)
        text = clause.get("text")

        if present == "clauses" and not text and ref:
            # each data unit is a clause of its own at this level
            for unit_text, sub in self.units(ref, value):
                index += 1
                number, numbers = self.next_number(parents, index)
                self.blocks.append(block("clause", unit_text, number, level))
                if sub:
                    sub(numbers, level + 1)
            return index

        if ref and text is None and ref in ("system.goal",):
            paragraphs = value or []
            for i, para in enumerate(paragraphs):
                if i == 0 and not clause.get("unnumbered"):
                    index += 1
                    number, _ = self.next_number(parents, index)
                    self.blocks.append(block("clause", self.w(para), number, level))
                else:
                    self.blocks.append(block("para", self.w(para), level=level))
            return index

        numbers = parents
        if clause.get("unnumbered"):
            number = ""
        else:
            index += 1
            number, numbers = self.next_number(parents, index)
        body_text = self.w(text) if text is not None else None
        if body_text is None and ref and isinstance(value, str):
            body_text, value = self.w(value), None
            ref = None
        if body_text is not None:
            self.blocks.append(block("clause" if number else "para", body_text, number, level))
        if clause.get("items"):
            self.items(clause["items"], style, level)
        if ref:
            if value is None:
                self.blocks.append(block("para", Rich([self.w.missing(f"данные «{ref}»")]), level=level))
            elif present == "table":
                self.table_for(ref, value, clause.get("columns"))
            elif present == "clauses":
                sub_index = 0
                for unit_text, sub in self.units(ref, value):
                    sub_index += 1
                    sub_number = ".".join(str(n) for n in numbers + [sub_index]) + "."
                    self.blocks.append(block("clause", unit_text, sub_number, level + 1))
                    if sub:
                        sub(numbers + [sub_index], level + 2)
            else:
                self.data_list(ref, value, style, level)
        if clause.get("clauses"):
            self.clauses(clause["clauses"], numbers, level + 1)
        for para in clause.get("tail", []):
            self.blocks.append(block("para", self.w(para), level=level))
        return index

    @staticmethod
    def default_present(ref: str | None, value) -> str:
        if ref and ref.startswith("system.chapters."):
            return "clauses"
        if ref and ref.startswith("system.subjects.") and ref.count(".") == 2:
            return "clauses"
        return "list"

    # --- data units as clauses: (text, callback rendering what is under the unit)
    def units(self, ref: str, value) -> list[tuple[Rich, object]]:
        if ref.startswith("system.subjects."):
            return [(self.w(s.get("heading") or s["name"]), self._subject_tail(s)) for s in value]
        if ref.startswith("system.chapters."):
            out = []
            for c in value.get("clauses", []):
                out.append((self.w(c.get("text", "")), self._chapter_tail(c)))
            return out
        units = []
        for entry in value:
            if is_group(entry):
                units.append((self.w(entry["group"]), self._items_tail(entry["items"])))
            elif isinstance(entry, dict):
                units.append((self.w(entry.get("text") or entry.get("term", "")),
                              self._items_tail(entry.get("items", []), entry.get("tail"))))
            else:
                units.append((self.w(entry), None))
        return units

    def _items_tail(self, items, tail=None):
        if not items and not tail:
            return None

        def render(numbers, level):
            self.items(items, self.list_style, level)
            if tail:
                self.blocks.append(block("para", self.w(tail), level=level))
        return render

    def _chapter_tail(self, clause: dict):
        def render(numbers, level):
            if clause.get("items"):
                self.items(clause["items"], clause.get("list_style", self.list_style), level)
            if clause.get("clauses"):
                self.clauses(clause["clauses"], numbers, level)
            for para in clause.get("tail", []):
                self.blocks.append(block("para", self.w(para), level=level))
        return render

    def _subject_tail(self, subject: dict, style: str | None = None):
        def render(numbers, level):
            self.subject_body(subject, style or self.list_style, level, numbers)
        return render

    def subject_body(self, subject: dict, style: str, level: int, numbers: list[int] | None) -> None:
        heading = subject.get("heading") or ""
        if subject.get("functions"):
            if not heading.rstrip().endswith(":"):
                self.blocks.append(block("label", self.w(subject.get("functions_label", "Функции:")),
                                         level=level))
            self.items(subject["functions"], style, level)
        for note in subject.get("notes", []):
            self.blocks.append(block("para", self.w(note), level=level))
        elements = subject.get("elements", [])
        for i, element in enumerate(elements, 1):
            if numbers is not None:
                number = ".".join(str(n) for n in numbers + [i]) + "."
                self.blocks.append(block("clause", self.w(element.get("heading") or element["name"]),
                                         number, level))
                self.subject_body(element, style, level + 1, numbers + [i])
            else:
                self.blocks.append(block("item", self.w(element.get("heading") or element["name"]),
                                         marker(sub_style(style), i), level))
                self.subject_body(element, style, level + 1, None)

    # --- lists
    def items(self, items: list, style: str | None, level: int) -> None:
        n = 0
        for entry in items:
            if is_group(entry):
                self.blocks.append(block("label", self.w(entry["group"]), level=level))
                self.items(entry["items"], style, level)
                continue
            n += 1
            if isinstance(entry, dict):
                text = entry.get("text")
                if text is None and "term" in entry:
                    text = f"{entry['term']} – {entry['definition']}"
            else:
                text = entry
            self.blocks.append(block("item", self.w(text), marker(style, n), level))
            if isinstance(entry, dict):
                if entry.get("items"):
                    self.items(entry["items"], sub_style(style), level + 1)
                if entry.get("tail"):
                    self.blocks.append(block("para", self.w(entry["tail"]), level=level))

    def data_list(self, ref: str, value, style: str | None, level: int) -> None:
        if ref.startswith("system.subjects."):
            top = self.act.get("list_style", "1)") if style != self.act.get("list_style") else "1)"
            for i, subject in enumerate(value, 1):
                self.blocks.append(block("item", self.w(subject.get("heading") or subject["name"]),
                                         marker(top, i), level))
                self.subject_body(subject, style, level + 1, None)
        elif ref == "system.glossary":
            for i, entry in enumerate(value, 1):
                text = self.w(entry["term"]) + self.w(" – ") + self.w(entry["definition"])
                self.blocks.append(block("item", text, marker(style, i), level))
        elif ref == "system.indicators":
            self.items([self._indicator_item(e) for e in value], style, level)
        elif isinstance(value, list):
            self.items(value, style, level)
        elif isinstance(value, str):
            self.blocks.append(block("para", self.w(value), level=level))

    def _indicator_item(self, entry: dict):
        if is_group(entry):
            return {"group": entry["group"], "items": [self._indicator_item(e) for e in entry["items"]]}
        return {"text": with_targets(entry)}

    # --- tables
    def table_for(self, ref: str, value, columns: list[str] | None = None) -> None:
        if ref == "system.indicators":
            table = self.indicators_table(value, columns)
        elif ref.startswith("system.chapters."):
            table = self.chapter_table(value)
        elif ref == "system.subjects":
            table = self.subjects_table(value, columns)
        else:
            rows = [[self.w(u[0].plain if isinstance(u[0], Rich) else u[0])] for u in self.units(ref, value)]
            table = {"header": [], "rows": [{"kind": "row", "cells": r} for r in rows], "widths": [1]}
        self.blocks.append({"kind": "table", "text": Rich(), "level": 0, "table": table})
        self.tables.append(table)

    def _cell_lines(self, lines: list[Rich]) -> Rich:
        out = Rich()
        for i, line in enumerate(lines):
            if i:
                out.append(("\n", ROLE_TEXT))
            out.extend(line)
        return out

    def indicators_table(self, value: list, columns: list[str] | None) -> dict:
        leaves_with_fields = any(isinstance(e, dict) and e.get("fields")
                                 for g in value for e in (g.get("items", []) if is_group(g) else [g]))
        if columns and leaves_with_fields:
            # one row per indicator: №, text, then the fields in column order
            header = [self.w(c) for c in columns]
            rows, n = [], 0
            for entry in value:
                group_items = entry["items"] if is_group(entry) else [entry]
                if is_group(entry):
                    rows.append({"kind": "span", "cells": [self.w(entry["group"])]})
                for item in group_items:
                    n += 1
                    cells = [self.w(str(n)), self.w(item["text"])]
                    cells += [self.w(v) for v in (item.get("fields") or {}).values()]
                    cells += [Rich()] * (len(columns) - len(cells))
                    rows.append({"kind": "row", "cells": cells[:len(columns)]})
            widths = [0.6, 4] + [3] * (len(columns) - 2)
            return {"header": header, "rows": rows, "widths": widths}
        rows = []
        for n, entry in enumerate(value, 1):
            if is_group(entry):
                lines = [self.w(f"– {self._indicator_text(i)}") for i in entry["items"]]
                rows.append({"kind": "row", "cells": [self.w(f"{n}. {entry['group']}"), self._cell_lines(lines)]})
            else:
                rows.append({"kind": "row", "cells": [self.w(str(n)), self.w(self._indicator_text(entry))]})
        header = [self.w(c) for c in columns] if columns else []
        return {"header": header, "rows": rows, "widths": [2, 3]}

    @staticmethod
    def _indicator_text(entry: dict) -> str:
        return with_targets(entry)

    def chapter_table(self, chapter: dict) -> dict:
        rows = []
        header: list[Rich] = []
        number_stack: list[int] = [0]

        def lines_of(items, style):
            out = []
            for i, it in enumerate(items, 1):
                text = it if isinstance(it, str) else it.get("text", "")
                m = marker(style, i)
                out.append(self.w(f"{m} {text}" if m else text))
                if isinstance(it, dict) and it.get("items"):
                    out.extend(lines_of(it["items"], sub_style(style)))
            return out

        def walk(clauses, depth):
            for c in clauses:
                if c.get("unnumbered"):
                    if c.get("items") and not rows and not header:
                        header.extend([self.w(c.get("text", ""))] + lines_of(c["items"], "none"))
                    else:
                        rows.append({"kind": "span", "cells": [self.w(c.get("text", ""))]})
                    continue
                number_stack[depth] += 1
                number = ".".join(str(n) for n in number_stack[:depth + 1]) + "."
                cells = [self.w(f"{number} {c.get('text', '')}"),
                         self._cell_lines(lines_of(c.get("items", []), c.get("list_style", self.list_style)))]
                rows.append({"kind": "row", "cells": cells})
                if c.get("clauses"):
                    number_stack.append(0)
                    walk(c["clauses"], depth + 1)
                    number_stack.pop()

        walk(chapter.get("clauses", []), 0)
        return {"header": header, "rows": rows, "widths": [2, 3]}

    def subjects_table(self, subjects: dict, columns: list[str] | None) -> dict:
        """Subjects by level: a level row (from chapter ``level_<level>`` when the profile
        has one: its title and one cell per clause), then each subject with its functions."""
        level_titles = {"regional": "Региональный уровень", "municipal": "Муниципальный уровень",
                        "institutional": "Институциональный уровень", "federal": "Федеральный уровень"}
        header = [self.w(c) for c in columns] if columns else []
        ncols = max(len(header), 2)
        rows = []
        for level, items in subjects.items():
            summary = self.ref(f"system.chapters.level_{level}")
            if summary:
                cells = [self.w(summary["title"])] + [self.w(c.get("text", "")) for c in summary["clauses"]]
                rows.append({"kind": "row", "cells": (cells + [Rich()] * ncols)[:ncols]})
            else:
                rows.append({"kind": "span", "cells": [self.w(level_titles.get(level, level))]})
            for s in items:
                lines = [self.w(s.get("heading") or s["name"])]
                lines += [self.w(f"– {f if isinstance(f, str) else f.get('text', '')}")
                          for f in s.get("functions", []) if not is_group(f)]
                cells = [self.w("Функции"), self._cell_lines(lines)]
                rows.append({"kind": "row", "cells": (cells + [Rich()] * ncols)[:ncols]})
        widths = [1.2, 3, 3][:ncols] if ncols <= 3 else [1] * ncols
        return {"header": header, "rows": rows, "widths": widths}


# --- the acts of a region -------------------------------------------------------------

class Composer:
    """Composes every act of one profile (or the model regulation)."""

    def __init__(self, data: dict, model: dict, drafts: dict):
        self.data = data
        self.model = model
        self.drafts = drafts
        self.region = data["id"]
        self.acts = self.effective_acts()
        self._introduced: set[str] = set()

    # which acts exist: adopted or drafted in the profile, else composed from skeletons
    def effective_acts(self) -> dict:
        acts = copy.deepcopy(self.data.get("acts", {}))
        if self.region == "model":
            return acts
        for key in ACT_KEYS:
            if key in acts:
                continue
            if key == "network_regulation":
                acts[key] = copy.deepcopy(self.drafts["network_regulation"])
            elif key == "order":
                acts[key] = copy.deepcopy(self.drafts["order"])
            else:
                acts[key] = copy.deepcopy(self.model["acts"][key])
                acts[key]["status"] = "draft"
                acts[key]["from_model"] = True
                acts[key].pop("appendices", None)
            acts[key]["status"] = "draft"
            acts[key]["composed"] = True
        # a composed regulation takes the composed roadmap as its appendix, as in the model
        reg = acts.get("regulation", {})
        if reg.get("composed") and acts.get("roadmap", {}).get("composed"):
            reg["appendices"] = ["roadmap"]
        return acts

    # --- appendices and stamps: one place
    def parents(self) -> dict[str, tuple[str, int | None]]:
        """act → (parent act, appendix number or None when the parent has one appendix)."""
        out: dict[str, tuple[str, int | None]] = {}
        for parent, act in self.acts.items():
            apps = act.get("appendices", [])
            for i, child in enumerate(apps, 1):
                if child in self.acts and child not in out:
                    out[child] = (parent, i if len(apps) > 1 else None)
        return out

    def package_order(self) -> list[str]:
        """The order, then its appendices depth-first, as they are signed and published."""
        out: list[str] = []

        def walk(key):
            if key in out or key not in self.acts:
                return
            out.append(key)
            for child in self.acts[key].get("appendices", []):
                walk(child)
        if "order" in self.acts:
            walk("order")
        return out

    def order_requisites(self, w: Writer, in_stamp: bool) -> tuple[Rich, Rich]:
        order = self.acts.get("order", {})
        words = order.get("date_format") == "words"
        date = format_date(order.get("date"), words, in_stamp)
        return w.value(date, "дата"), w.value(order.get("number"), "номер")

    def stamp(self, key: str, w: Writer) -> Rich | None:
        act = self.acts[key]
        parent = self.parents().get(key)
        # an act the region's order does not approve awaits an order of its own
        future_order = parent is None
        if parent is None and key != "order":
            parent = ("order", None) if "order" in self.acts else None
        if parent is None or key == "order":
            return None
        parent_key, number = parent
        parent_act = self.acts[parent_key]
        kind = act.get("stamp", "приложение" if parent_key != "order" else "утвержден")
        lines: list[Rich] = []
        if parent_key == "order":
            order_kind = KIND_FORMS[parent_act.get("kind", "приказ")]
            authority = lookup(self.data, "authority.cases.gen") or "[[authority.cases.gen]]"
            date, num = self.order_requisites(w, in_stamp=True)
            if future_order:
                date, num = Rich([w.missing("дата")]), Rich([w.missing("номер")])
            if kind == "утвержден":
                gender = KIND_FORMS.get(act.get("kind", "положение"), {"gender": "n"})["gender"]
                lines.append(w(APPROVED[gender]))
                lines.append(w(f"{order_kind['ins']} {authority}"))
            else:
                lines.append(w("Приложение" + (f" № {number}" if number else "")))
                lines.append(w(f"к {order_kind['dat']} {authority}"))
            lines.append(w("от ") + date + Rich([(" №\u00a0", ROLE_TEXT)]) + num)
        else:
            forms = KIND_FORMS.get(parent_act.get("kind", "положение"), KIND_FORMS["положение"])
            head = "Приложение" + (f" № {number}" if number else "")
            lines.append(w(head))
            lines.append(w(f"к {forms['dat']} ") + w(self.title_text(parent_act)))
        out = Rich()
        for i, line in enumerate(lines):
            if i:
                out.append(("\n", ROLE_TEXT))
            out.extend(line)
        return out

    @staticmethod
    def title_text(act: dict) -> str:
        title = act.get("title", "")
        return title[:1].lower() + title[1:] if title[:2].isupper() is False else title

    # --- documents
    def compose(self) -> dict[str, Document]:
        docs = {}
        for key in ACT_KEYS:
            if key in self.acts:
                docs[key] = getattr(self, f"compose_{key}")()
        return docs

    def writer(self, key: str) -> Writer:
        return Writer(self.data, f"{self.region}/{SLUGS[key]}")

    def common(self, key: str, w: Writer) -> dict:
        act = self.acts[key]
        return {
            "status": act.get("status", "draft"),
            "draft": act.get("status") != "adopted",
            "stamp": self.stamp(key, w),
            "heading": w(act.get("heading", "")),
            "title": w(act.get("title", "")),
        }

    def compose_order(self) -> Document:
        w = self.writer("order")
        order = self.acts["order"]
        ctx = self.common("order", w)
        kind = order.get("kind", "приказ")
        date, number = self.order_requisites(w, in_stamp=False)
        authority = lookup(self.data, "authority.name") or ""
        preamble = w(order.get("preamble", "")) if order.get("preamble") else Rich()
        operative = order.get("operative_word")
        separate = order.get("operative_word_separate", False)
        if operative and not separate:
            preamble = preamble + w(f" {operative}:") if preamble else w(f"{capitalize(operative)}:")
        body = Body(w, self.data, order, fallback=None)
        body.list_style = order.get("list_style", "-")
        clauses = order.get("clauses", [])
        numbered = [c for c in clauses if not c.get("unnumbered")]
        index = 0
        for clause in clauses:
            index = body.clause(clause, [], index, level=1) if numbered else body.clause(clause, [], index, 1)
        signatory = order.get("signatory") or {}
        ctx.update({
            "issuer": w(authority.upper() if authority and "[[" not in authority else authority),
            "kind": w(kind.upper()),
            "date": date,
            "number": Rich([("№\u00a0", ROLE_TEXT)]) + number,
            "place": w.value(order.get("place") or lookup(self.data, "region.center"), "место издания"),
            "preamble": preamble,
            "operative": w(f"{operative}:") if operative and separate else None,
            "body": body.blocks,
            "signature": {
                "position": w.value(signatory.get("position"), "должность подписывающего"),
                "name": w.value(signatory.get("name"), "И.О. Фамилия"),
            },
        })
        return self.document("order", ctx, body.tables, w)

    def compose_regulation(self) -> Document:
        return self._outline_act("regulation")

    def compose_network_regulation(self) -> Document:
        return self._outline_act("network_regulation")

    def _outline_act(self, key: str) -> Document:
        w = self.writer(key)
        act = self.acts[key]
        ctx = self.common(key, w)
        fallback = self.model if act.get("composed") and self.region != "model" else None
        body = Body(w, self.data, act, fallback=fallback)
        body.outline(act.get("outline", []))
        annexes = act.get("annexes", [])
        for i, annex in enumerate(annexes, 1):
            number = f" {i}" if len(annexes) > 1 else ""
            forms = KIND_FORMS.get(act.get("kind", "положение"), KIND_FORMS["положение"])
            stamp = w(f"Приложение{number} к {forms['dat']}") if annex.get("stamp", True) else Rich()
            body.blocks.append({"kind": "annex", "text": w(annex["title"]), "stamp": stamp, "level": 0})
            value = body.ref(annex["ref"])
            if value is None:
                body.blocks.append(block("para", Rich([w.missing(f"данные «{annex['ref']}»")])))
            elif annex["ref"] == "system.glossary":
                for entry in value:
                    body.blocks.append(block("para", w(entry["term"]) + w(" – ") + w(entry["definition"])))
            else:
                body.table_for(annex["ref"], value, annex.get("columns"))
        ctx["body"] = body.blocks
        return self.document(key, ctx, body.tables, w)

    def compose_roadmap(self) -> Document:
        w = self.writer("roadmap")
        act = self.acts["roadmap"]
        ctx = self.common("roadmap", w)
        composed = bool(act.get("composed")) or "roadmap" not in self.data
        roadmap = (self.model if composed else self.data).get("roadmap", {"directions": []})
        columns = act.get("columns") or DEFAULT_COLUMNS
        keys = [c["key"] for c in columns]
        direction_format = act.get("direction_format", "{roman}. {title}")
        group_label = act.get("group_label")
        directions = roadmap.get("directions", [])
        rows: list[dict] = []
        merges: list[tuple[int, int, int]] = []   # (column, first row, last row)
        current_direction = current_group = None
        for _path, item, direction, group in iter_roadmap(roadmap):
            if direction is not current_direction:
                current_direction, current_group = direction, None
                if direction.get("title"):
                    d_no = directions.index(direction) + 1
                    title = direction_format.format(n=d_no, roman=roman(d_no), title=direction["title"])
                    rows.append({"kind": "span", "cells": [w(title)]})
            first_in_group = group is not None and group is not current_group
            if first_in_group:
                current_group = group
                if "group" in keys:
                    merges.append((keys.index("group"), len(rows), len(rows)))
                else:
                    if group_label:
                        rows.append({"kind": "span", "cells": [w(group_label)], "label": True})
                    rows.append({"kind": "span", "cells": [w(group["title"])]})
            elif group is not None and "group" in keys:
                col, first, _last = merges[-1]
                merges[-1] = (col, first, len(rows))
            cells = [self.roadmap_cell(w, key, item, group if first_in_group else None, composed)
                     for key in keys]
            rows.append({"kind": "row", "cells": cells})
        merges = [m for m in merges if m[2] > m[1]]
        table = {"header": [w(c["title"]) for c in columns], "rows": rows, "ncols": len(keys),
                 "widths": [COLUMN_WEIGHTS.get(k, 2.0) for k in keys], "merges": merges}
        abbreviations = [a for a in self.data.get("abbreviations", [])
                         if "roadmap" in a.get("listed_in", [])]
        abbr_table = None
        if abbreviations:
            abbr_table = {"title": w("Используемые сокращения"), "widths": [1, 3],
                          "rows": [{"kind": "row", "cells": [w(a["abbr"]), w(a["full"])]}
                                   for a in abbreviations]}
        ctx.update({"table": table, "abbreviations": abbr_table,
                    "notes": [w(n) for n in act.get("notes", [])]})
        tables = ([abbr_table] if abbr_table else []) + [table]
        return self.document("roadmap", ctx, tables, w)

    def introduce(self, name: str) -> str:
        """An executor as written, or — at the first mention of an abbreviation marked
        ``introduce_in_roadmap`` — its full form followed by «(далее – …)»."""
        abbr, _, rest = name.partition(" (")
        for entry in self.data.get("abbreviations", []):
            if entry["abbr"] == abbr and entry.get("introduce_in_roadmap"):
                if abbr in self._introduced:
                    return name
                self._introduced.add(abbr)
                return f"{entry['full']} (далее – {abbr})" + (f" ({rest}" if rest else "")
        return name

    def roadmap_cell(self, w: Writer, key: str, item: dict, new_group, composed: bool) -> Rich:
        """One cell of a roadmap row; a composed (model) row never copies the model's dates."""
        if key == "num":
            return w(str(item["num"])) if item.get("num") else Rich()
        if key == "group":
            return w(new_group["title"]) if new_group is not None else Rich()
        if key == "activity":
            text = w(item["activity"])
            for i, sub in enumerate(item.get("items", []), 1):
                sub_text = sub["text"] if isinstance(sub, dict) else sub
                text = text + Rich([("\n", ROLE_TEXT)]) + w(f"{i}) {sub_text}")
            return text
        if key in ("responsible", "co_executors"):
            names = item.get(key) or []
            if composed:
                names = [self.data.get("authority", {}).get("name") or n if n == "РОИВ" else n
                         for n in names]
            return w(", ".join(self.introduce(n) for n in names if n))
        if key == "deadline":
            if composed:
                return Rich([w.missing("срок")])
            if self.acts["roadmap"].get("status") == "adopted":
                return w(item.get("deadline", ""))   # as adopted, even when the act left it empty
            return w.value(item.get("deadline"), "срок")
        if key == "result":
            return w(item.get("result", ""))
        return w((item.get("fields") or {}).get(key, ""))

    def document(self, key: str, ctx: dict, tables: list[dict], w: Writer) -> Document:
        ctx["key"] = key
        ctx["region"] = self.region
        return Document(self.region, key, self.acts[key].get("status", "draft"), ctx, tables, w.warnings)


DEFAULT_COLUMNS = [{"key": "num", "title": "№ п/п"},
                   {"key": "activity", "title": "Наименование мероприятия"},
                   {"key": "deadline", "title": "Срок"},
                   {"key": "responsible", "title": "Ответственный исполнитель"}]
COLUMN_WEIGHTS = {"num": 0.6, "group": 2.6, "activity": 4.2, "responsible": 2.0, "co_executors": 2.2,
                  "deadline": 1.5, "result": 3.0}


def compose_profile(data: dict, model: dict, drafts: dict) -> dict[str, Document]:
    """Every act of a region (adopted or drafted), keyed by act."""
    return Composer(data, model, drafts).compose()


def compose_model(model: dict, drafts: dict) -> Document:
    """The federal model regulation, placeholders shown."""
    return Composer(model, model, drafts).compose_regulation()


def package(data: dict, model: dict, drafts: dict, docs: dict[str, Document]) -> list[Document]:
    """The order and its appendices in the order they are signed and published."""
    return [docs[key] for key in Composer(data, model, drafts).package_order()]
