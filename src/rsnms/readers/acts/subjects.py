"""A table of the system's subjects and their functions → ``system.subjects`` by level.

However the table lays them out — a column of subjects beside a column of functions, or
rows «Функции | heading, then its functions», a subject's heading in a row of its own, a
heading inside the functions' cell between two lists, functions a page break left as
paragraphs outside the table, a table continued after a page as another table — it is read
as one stream of text in reading order:

- a row naming a level («Региональный уровень», «Уровень образовательной организации»)
  starts that level; its other cells (what the level comprises) are kept as a chapter;
- in any other cell, a run after a list marker («–», «•», «1)») is a function of the
  current subject, and text before any marker is a new subject's heading — or, in lower
  case, the end of the function a page cut, or after a heading ending with «;» the rest of
  that heading;
- the label «Функции», cells repeating the cell before them (a merged cell given twice)
  and cells without letters are skipped.
"""

from __future__ import annotations

import re

from . import Para, Row, Table
from .rows import lowercase_start
from .tables import cell_items
from .units import names

LABEL = re.compile(r"^функци[яи]\s*:?$", re.I)
LEVELS = (("regional", re.compile(r"^региональн", re.I)), ("municipal", re.compile(r"^муниципальн", re.I)),
          ("institutional", re.compile(r"^(институциональн|уровень образовательн|школьн)", re.I)))
NO_NAME = "[[наименование субъекта]]"


def level_row(text: str) -> str | None:
    """The level a row's first cell names: «Региональный уровень», «Муниципальный», «Уровень
    образовательной организации» (a name of a subject, «Муниципальные … организации», is not one)."""
    text = " ".join(text.split()).rstrip(":.")
    if len(text.split()) > 4 or not (re.search(r"уров", text, re.I) or len(text.split()) == 1):
        return None
    return next((level for level, pattern in LEVELS if pattern.search(text)), None)


def is_subjects_table(tables: list[Table]) -> bool:
    return any(LABEL.match(c.strip()) for t in tables for r in t.rows for c in r.cells)


def subjects_from(blocks: list, system: dict | None = None, placed: set[int] | None = None) -> dict | None:
    """Subjects by level from the tables among ``blocks`` (and the paragraphs between them); None
    when no table is one of subjects and functions. Level rows' other cells become chapters
    ``level_<level>`` of ``system``; the lines read are added to ``placed``."""
    tables = [b for b in blocks if isinstance(b, Table)]
    if not tables or not is_subjects_table(tables):
        return None
    first, last = tables[0].rows[0].line, tables[-1].rows[-1].line
    rows = sorted([r for t in tables for r in t.rows] +
                  [Row([b.text], b.line) for b in blocks if isinstance(b, Para) and first < b.line < last],
                  key=lambda r: r.line)
    reader = _Reader(system)
    header = rows[0].cells
    for row in rows[1:]:
        if row.cells != header:
            reader.row(row)
    if placed is not None:
        placed.update(r.line for r in rows)
    return reader.result()


class _Reader:
    def __init__(self, system: dict | None):
        self.system = system
        self.level = "regional"
        self.out: dict[str, list[dict]] = {}
        self.current: dict | None = None

    def row(self, row: Row) -> None:
        cells = [c.strip() for c in row.cells]
        level = level_row(cells[0]) if cells else None
        if level:
            self.level, self.current = level, None
            others = [c for c in cells[1:] if c]
            if others and self.system is not None:
                self.system.setdefault("chapters", []).append(
                    {"id": f"level_{level}", "title": " ".join(cells[0].split()),
                     "clauses": [{"text": c.replace("\n", " ")} for c in others]})
            return
        for k, cell in enumerate(cells):
            if not cell or LABEL.match(cell) or not re.search(r"\w", cell) or k and cell == cells[k - 1]:
                continue
            for line in cell.split("\n"):
                items, lead = cell_items(line)
                if lead:
                    self.lead(lead)
                if items:
                    self.functions(items)

    def lead(self, text: str) -> None:
        subject = self.current
        if subject is not None and subject["functions"] and lowercase_start(text):
            subject["functions"][-1] += " " + text          # the end of a function a page cut
        elif subject is not None and not subject["functions"] and subject["heading"] and \
                (lowercase_start(text) or subject["heading"].endswith((";", ","))):
            subject["heading"] += " " + text                 # a heading going on
        else:
            self.current = {"heading": text, "functions": []}
            self.out.setdefault(self.level, []).append(self.current)

    def functions(self, items: list[str]) -> None:
        if self.current is None:
            self.current = {"heading": "", "functions": []}
            self.out.setdefault(self.level, []).append(self.current)
        self.current["functions"] += items

    def result(self) -> dict | None:
        out: dict[str, list] = {}
        for level, subjects in self.out.items():
            for found in subjects:
                heading = found["heading"]
                subject = {"heading": heading, **names(heading)} if heading else {"name": NO_NAME}
                if found["functions"]:
                    subject["functions"] = found["functions"]
                out.setdefault(level, []).append(subject)
        return out or None
