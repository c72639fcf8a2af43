"""Where a unit stands in an act, as a lawyer cites it: «п. 3.2.1», «подп. 2) п. 2.2»,
«п. 2.2, абз. 4», «прил. 1, абз. 3», «п. 5, табл., стр. 2».

Read from the composed :class:`~rsnms.model.document.Document`: its blocks carry their numbers
and the profile unit they show (``Block.unit``, ``Row.unit``), so nothing is parsed from text.
A list item without a number of its own is cited as a paragraph (абзац) of its clause, the
clause's own text being the first.
"""

from __future__ import annotations

import re

from ..model.document import ANNEX, ITEM, ROW, SECTION, Block, Document

_NUMBERED = re.compile(r"^\d+(\.\d+)*\.?$")
_SUBITEM = re.compile(r"^(\d+|[а-яё])\)$")


def clause_refs(doc: Document) -> dict[str, str]:
    """Unit id → its reference in ``doc`` (the first place it appears)."""
    out: dict[str, str] = {}
    place = _Place()
    for block in doc.body:
        ref = place.step(block)
        if block.unit and ref:
            out.setdefault(block.unit, ref)
        if block.table is not None:
            rows = [r for r in block.table.rows if r.kind == ROW]
            for k, row in enumerate(rows, 1):
                if row.unit:
                    out.setdefault(row.unit, f"{place.base() or 'табл.'}{', табл.' if place.base() else ''}, стр. {k}")
    return out


class _Place:
    """The clause (or annex) the reading is in, and the paragraph within it."""

    def __init__(self):
        self.clause, self.annex, self.paragraph = "", "", 0
        self.sub: tuple[str, int] | None = None      # a numbered sub-item («3)») and its level
        self.sub_paragraph = 0

    def base(self) -> str:
        if self.clause:
            return f"п. {self.clause}"
        return f"прил. {self.annex}" if self.annex else ""

    def step(self, block: Block) -> str:
        if block.kind == ANNEX:
            self.clause, self.paragraph = "", 0
            self.annex = block.anchor.rsplit("-", 1)[-1] if block.anchor else ""
            return f"прил. {self.annex}" if self.annex else "прил."
        if _NUMBERED.match(block.number or "") and not (block.kind == ITEM and self.clause):
            number = block.number.rstrip(".")
            self.clause, self.paragraph, self.sub = number, 1, None
            return f"разд. {number}" if block.kind == SECTION else f"п. {number}"
        self.paragraph += 1
        sub = _SUBITEM.match(block.number or "") or _NUMBERED.match(block.number or "")   # «1)», or «1.» in a list
        if sub and self.clause:
            label = block.number.rstrip(".")
            self.sub, self.sub_paragraph = (f"подп. {label if label.endswith(')') else label + ')'} п. {self.clause}",
                                            block.level), 1
            return self.sub[0]
        if self.sub and block.level > self.sub[1]:       # the paragraphs of a numbered sub-item
            self.sub_paragraph += 1
            return f"{self.sub[0]}, абз. {self.sub_paragraph}"
        self.sub = None
        base = self.base()
        return f"{base}, абз. {self.paragraph}" if base else f"абз. {self.paragraph}"


def unit_refs(documents: list[Document]) -> dict[str, str]:
    """Unit id → reference, from the first of ``documents`` that shows it."""
    out: dict[str, str] = {}
    for doc in documents:
        for unit, ref in clause_refs(doc).items():
            out.setdefault(unit, ref)
    return out
