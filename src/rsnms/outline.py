"""Outline: the blocks of an act body — sections, clauses, lists, tables — with their numbers.

An act's ``outline`` (sections of clauses) and the profile data its clauses point to
(``ref: system.tasks``) become a flat list of blocks ``{kind, text, level}`` with
``kind`` one of section, clause, item, label, para, annex, table. Clause numbers
(«2.1.», or continuous «7.»), list markers («1)», «а)», «–») and table rows are decided
here, once; the templates only style each kind of block.
"""

from __future__ import annotations

from .profile import is_group
from .richtext import ROLE_TEXT, Rich, Writer, lookup, marker, sub_style, with_targets

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
                rows.append({"kind": "row", "cells": [self.w(f"{n}. {entry['group']}"), Rich.lines(lines)]})
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
                         Rich.lines(lines_of(c.get("items", []), c.get("list_style", self.list_style)))]
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
                rows.append({"kind": "row", "cells": [self.w("Функции"), Rich.lines(lines)],
                             "spans": [1, ncols - 1]})
        widths = [1.2, 3, 3][:ncols] if ncols <= 3 else [1] * ncols
        return {"header": header, "rows": rows, "widths": widths}
