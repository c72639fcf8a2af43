"""Outline: the body of an act — sections, clauses, lists, tables — as typed blocks with
their numbers and anchors.

An act's ``outline`` (sections of clauses) and the profile data its clauses point to
(``ref: system.tasks``) become a flat list of :class:`~rsnms.model.document.Block` s.
Clause numbers («2.1.», or continuous «7.») and their anchors (``p-2-1``) are decided
here, once; list markers and the units behind a ``ref`` in :mod:`.lists`; tables in
:mod:`.tables`. Templates only style each kind of block.
"""

from __future__ import annotations

from ..lang import words
from ..model.document import CLAUSE, PARA, SECTION, Block, Rich, Table
from ..model.units import lookup
from . import lists, tables
from .text import Writer


# data a draft shows otherwise than the region's adopted act words it: the legal basis as a list
# in the nominative from the registry (an adopted act may have it in any case, «в соответствии с …»)
DRAFT_REFS = {"system.legal_basis": "derived.legal_basis"}


class Body:
    """Builds the blocks of one act body from an outline of sections and clauses."""

    def __init__(self, w: Writer, data: dict, act: dict, fallback: dict | None = None):
        self.w = w
        self.data = data
        self.fallback = fallback or {}
        self.act = act
        self.numbering = act.get("numbering", "sectioned")
        self.list_style = act.get("list_style", "-")
        self.blocks: list[Block] = []
        self.counter = 0
        self.current = ""                   # anchor of the last section or clause: items hang under it
        self._anchors: set[str] = set()

    @property
    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if b.table is not None]

    def ref(self, path: str):
        """The data behind a ``ref``: the profile's, else the fallback's (the model's)."""
        value = lookup(self.data, path)
        if value is None:
            value = lookup(self.fallback, path)
        return value

    # --- blocks
    def emit(self, kind: str, text: Rich, number: str = "", level: int = 0, anchor: str = "", **extra) -> Block:
        if anchor:
            anchor = self._unique(anchor)
            if kind in (SECTION, CLAUSE):
                self.current = anchor
        block = Block(kind, text, number, level, anchor, **extra)
        self.blocks.append(block)
        return block

    def emit_clause(self, text: Rich, numbers: list[int], level: int, unit: str = "") -> Block:
        """A numbered clause: «2.1. text», anchor ``p-2-1``."""
        return self.emit(CLAUSE, text, ".".join(map(str, numbers)) + ".", level,
                         "p-" + "-".join(map(str, numbers)), unit=unit)

    def item_anchor(self, parent: str | None, n: int) -> str:
        """The anchor of list item ``n`` under ``parent`` (an item) or under the current clause."""
        return f"{parent or self.current or 'list'}-i{n}"

    def para(self, text: Rich, level: int = 0) -> Block:
        return self.emit(PARA, text, level=level)

    def missing(self, ref: str, level: int = 0) -> Block:
        return self.para(Rich([self.w.missing(words.missing_data(ref))]), level)

    def _unique(self, anchor: str) -> str:
        candidate, n = anchor, 1
        while candidate in self._anchors:
            n += 1
            candidate = f"{anchor}-{n}"
        self._anchors.add(candidate)
        return candidate

    # --- outline
    def outline(self, sections: list[dict]) -> list[Block]:
        for s_no, section in enumerate(sections, 1):
            prefix = f"{s_no}." if len(sections) > 1 or self.numbering == "sectioned" else ""
            kind = CLAUSE if section.get("plain") else SECTION
            self.emit(kind, self.w(section["title"]), prefix, anchor=f"s-{s_no}")
            self.clauses(section.get("clauses", []), [s_no], level=1)
        return self.blocks

    def next_numbers(self, parents: list[int], index: int) -> list[int]:
        """The numbers of the next clause: parents + index, or the running count when
        the act numbers its clauses continuously («7.»)."""
        if self.numbering == "continuous" and len(parents) == 1:
            self.counter += 1
            return [self.counter]
        return parents + [index]

    def clauses(self, clauses: list[dict], parents: list[int], level: int) -> None:
        index = 0
        for clause in clauses:
            index = self.clause(clause, parents, index, level)

    def clause(self, clause: dict, parents: list[int], index: int, level: int) -> int:
        """Render one clause; returns the last number used at this level."""
        ref = clause.get("ref")
        if self.fallback and ref in DRAFT_REFS:     # a draft states what the profile holds as its own acts say it
            ref = DRAFT_REFS[ref]
        if clause.get("optional") and ref and not lookup(self.data, ref):
            return index
        value = self.ref(ref) if ref else None
        present = clause.get("present") or self.default_present(ref)
        if present == "clauses" and not clause.get("text") and ref:
            # each data unit is a clause of its own at this level
            for unit_text, sub, unit in lists.units(self, ref, value):
                index += 1
                numbers = self.next_numbers(parents, index)
                self.emit_clause(unit_text, numbers, level, unit)
                if sub:
                    sub(numbers, level + 1)
            return index
        if ref == "system.goal" and clause.get("text") is None:
            return self._goal(clause, value or [], parents, index, level)
        return self._clause(clause, ref, value, present, parents, index, level)

    def _goal(self, clause: dict, paragraphs: list, parents: list[int], index: int, level: int) -> int:
        """The goal: its first paragraph a clause, the others paragraphs of it."""
        for i, para in enumerate(paragraphs):
            if i == 0 and not clause.get("unnumbered"):
                index += 1
                self.emit_clause(self.w(para), self.next_numbers(parents, index), level)
            else:
                self.para(self.w(para), level)
        return index

    def _clause(self, clause: dict, ref, value, present: str, parents: list[int], index: int, level: int) -> int:
        numbers = parents
        if not clause.get("unnumbered"):
            index += 1
            numbers = self.next_numbers(parents, index)
        if present == "inline" and ref and isinstance(value, list):
            # one paragraph of the source: the text, the data run on, the tail
            clause = {**clause, "text": " ".join([clause.get("text") or ""] + [_inline(v) for v in value]
                                                 + list(clause.get("tail", []))).strip(), "tail": []}
            inline = tuple(v["id"] for v in value if isinstance(v, dict) and v.get("id"))
            ref = value = None
        else:
            inline = ()
        text = clause.get("text")
        body_text = self.w(text) if text is not None else None
        if body_text is None and ref and isinstance(value, str):
            body_text, value, ref = self.w(value), None, None
        if body_text is not None:
            block = self.para(body_text, level) if clause.get("unnumbered") else \
                self.emit_clause(body_text, numbers, level)
            block.inline = inline
        if clause.get("items"):
            lists.items(self, clause["items"], clause.get("list_style", self.list_style), level)
        if ref:
            self._data(clause, ref, value, present, numbers, level)
        if clause.get("clauses"):
            self.clauses(clause["clauses"], numbers, level + 1)
        for para in clause.get("tail", []):
            self.para(self.w(para), level)
        return index

    def _data(self, clause: dict, ref: str, value, present: str, numbers: list[int], level: int) -> None:
        """The data a clause points to: a table, sub-clauses, or a list."""
        if value is None:
            self.missing(ref, level)
        elif present == "table":
            tables.table_for(self, ref, value, clause.get("columns"))
        elif present == "clauses":
            for sub_index, (unit_text, sub, unit) in enumerate(lists.units(self, ref, value), 1):
                self.emit_clause(unit_text, numbers + [sub_index], level + 1, unit)
                if sub:
                    sub(numbers + [sub_index], level + 2)
        else:
            lists.data_list(self, ref, value, clause.get("list_style", self.list_style), level)

    @staticmethod
    def default_present(ref: str | None) -> str:
        if ref and ref.startswith("system.chapters."):
            return "clauses"
        if ref and ref.startswith("system.subjects.") and ref.count(".") == 2:
            return "clauses"
        return "list"


def _inline(entry) -> str:
    return entry if isinstance(entry, str) else entry.get("text", "")
