"""The document model between compose and the writers: typed, with numbers and anchors
apart from text.

An act is a :class:`Document`: its head (stamp, heading, title; the order's requisites
and signature; the roadmap's table) and a body of :class:`Block` s. A block's number
(«2.1.», «7.», «1)», «а)») and its anchor (``p-2-1``) are fields of their own, so the
docx writer prints «2.1. text», the handbook can link to the clause, and an XML writer
can emit ``<num>`` and an ``eId``. Text is :class:`Rich`: runs of plain text and of
placeholders for what the profile does not say.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLE_TEXT = ""
ROLE_PLACEHOLDER = "placeholder"
# a redline's runs (rsnms.compare.redline): tracked changes against another document
ROLE_INSERTED, ROLE_DELETED, ROLE_MOVED_FROM, ROLE_MOVED_TO = "inserted", "deleted", "moved-from", "moved-to"
TRACKED = (ROLE_INSERTED, ROLE_DELETED, ROLE_MOVED_FROM, ROLE_MOVED_TO)

# kinds of body blocks
SECTION, CLAUSE, ITEM, LABEL, PARA, ANNEX, TABLE = "section", "clause", "item", "label", "para", "annex", "table"
# kinds of table rows: a row of cells, a row spanning the table (a direction, a group)
ROW, SPAN = "row", "span"


class Rich(list):
    """Text as runs ``(text, role)``; role ``placeholder`` marks what is still unknown."""

    @property
    def plain(self) -> str:
        return "".join(text for text, _role in self)

    def __add__(self, other):
        return Rich(list(self) + list(other))

    @classmethod
    def lines(cls, lines: list["Rich"]) -> "Rich":
        """Several lines as one text with line breaks between them."""
        out = cls()
        for i, line in enumerate(lines):
            if i:
                out.append(("\n", ROLE_TEXT))
            out.extend(line)
        return out

    @property
    def placeholders(self) -> list[str]:
        return [text for text, role in self if role == ROLE_PLACEHOLDER]


@dataclass
class Row:
    """A table row: cells, or one cell spanning the table (``kind`` span)."""

    cells: list[Rich]
    kind: str = ROW
    spans: list[int] | None = None      # columns each cell spans (None: one each)
    anchor: str = ""                    # roadmap rows ``r-12``, rows of a data table ``t-1-r3``
    label: bool = False                 # a span row that labels the next one
    unit: str = ""                      # the profile unit the row shows (``roadmap.12``, ``indicator.03``)


@dataclass
class Table:
    """A data table: header cells, rows, relative column widths, vertical merges."""

    rows: list[Row] = field(default_factory=list)
    header: list[Rich] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    merges: list[tuple[int, int, int]] = field(default_factory=list)   # (column, first row, last row)
    title: Rich | None = None

    @property
    def ncols(self) -> int:
        return max([len(self.header)] + [sum(r.spans or [1] * len(r.cells)) for r in self.rows if r.kind == ROW]
                   + [1])


@dataclass
class Block:
    """One paragraph-level unit of an act body."""

    kind: str                           # section, clause, item, label, para, annex, table
    text: Rich = field(default_factory=Rich)
    number: str = ""                    # «2.1.», «7.», «1)», «а)», «–»; '' for none
    level: int = 0                      # depth in the outline
    anchor: str = ""                    # ``s-2``, ``p-2-1``, ``p-2-1-i3``, ``annex-1``, ``t-1``; '' for none
    stamp: Rich | None = None           # an annex's stamp
    table: Table | None = None
    unit: str = ""                      # the profile unit it shows (``task.03``, ``cnppm.f07``, ``term.11``)
    inline: tuple[str, ...] = ()        # units run on in its text (a list written as one sentence)

    @property
    def numbered_text(self) -> Rich:
        """The text as printed: the number, a space, the text."""
        return (Rich([(self.number + " ", ROLE_TEXT)]) if self.number else Rich()) + self.text


@dataclass
class Signature:
    position: Rich
    name: Rich


@dataclass
class OrderHead:
    """What an order has above and below its clauses."""

    issuer: Rich
    kind: Rich
    kind_spaced: bool
    date: Rich
    number: Rich
    place: Rich
    preamble: Rich
    operative: Rich | None
    signature: Signature


@dataclass
class RoadmapTables:
    table: Table
    abbreviations: Table | None
    notes: list[Rich]


@dataclass
class Document:
    """One act, composed: everything a writer needs, nothing about its look."""

    region: str
    key: str                            # the act kind's key: order, regulation, …
    status: str                         # adopted or draft
    title: Rich
    heading: Rich
    stamp: Rich | None
    body: list[Block] = field(default_factory=list)
    order: OrderHead | None = None
    roadmap: RoadmapTables | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def draft(self) -> bool:
        return self.status != "adopted"

    @property
    def name(self) -> Rich:
        """The act's name as one phrase: «Положение о создании …», «Комплекс мер («дорожная
        карта») по …» — its heading (capitals in the act) before a title that continues it."""
        heading, title = " ".join(self.heading.plain.split()), self.title.plain.lstrip()
        if heading and title[:12].isupper():        # set in capitals as a whole: kept so
            return Rich([(heading + " ", ROLE_TEXT)]) + self.title
        if heading and (not title or title[:1].islower() or title[:1] in "(«"):
            head = heading[:1].upper() + heading[1:].lower()
            return Rich([(head + (" " if title else ""), ROLE_TEXT)]) + self.title
        return self.title

    @property
    def tables(self) -> list[Table]:
        """The data tables in document order (a writer lays them out)."""
        if self.roadmap is not None:
            return ([self.roadmap.abbreviations] if self.roadmap.abbreviations else []) + [self.roadmap.table]
        return [b.table for b in self.body if b.table is not None]
