"""A roadmap's table → directions, groups and rows, whatever the order of its columns.

The header row names the columns (:data:`COLUMNS`: number, activity, the group's
activity, responsible, co-executors, deadline, result; any other column becomes a
field). A row with one filled cell is a direction («I. …», «Направление 1 …»), a label
repeated before each group, or a group's title; a column of group names (merged down
its rows) makes groups too. The header repeated on a new page is skipped; a row a page
break cut in two — no number of its own, or a text going on in lower case — is joined
to the row before it. A two-column table titled «Используемые сокращения» gives the
abbreviations the roadmap lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from . import Para, Row, Table
from .roadmap_rows import RowReader
from .rows import grid

COLUMNS = (
    ("num", re.compile(r"^(№|n\b|no\b|номер)|п/п", re.I)),
    ("group", re.compile(r"системообразующ|наименование\s+направлени|^задач", re.I)),
    ("co_executors", re.compile(r"соисполнител", re.I)),
    ("responsible", re.compile(r"ответствен|исполнител", re.I)),
    ("activity", re.compile(r"мероприяти|содержание\s+работ|наименование", re.I)),
    ("deadline", re.compile(r"срок|дата|период", re.I)),
    ("result", re.compile(r"результат|показател|итог|продукт", re.I)),
)


@dataclass
class Roadmap:
    columns: list[dict] = field(default_factory=list)
    directions: list[dict] = field(default_factory=list)
    abbreviations: list[tuple[str, str]] = field(default_factory=list)
    direction_format: str | None = None
    group_label: str | None = None
    notes: list[str] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)          # rows placed (header repeats and joins too)
    rows: dict[int, int] = field(default_factory=dict)    # row number → its line


def column_keys(header: list[str]) -> list[str]:
    keys: list[str] = []
    for title in header:
        key = next((k for k, p in COLUMNS if p.search(title) and k not in keys), None)
        if key == "responsible" and "responsible" in keys:
            key = "co_executors" if "co_executors" not in keys else None
        if key is None and "responsible" in keys and re.search(r"ответствен|исполнител", title, re.I):
            key = "co_executors"
        keys.append(key or title.strip() or f"графа {len(keys) + 1}")
    return keys


def is_header(row: Row) -> bool:
    keys = column_keys(row.cells)
    known = {k for k in keys if k in dict(COLUMNS)}
    return "activity" in known and len(known) >= 2 and not any(re.fullmatch(r"\d+", c.strip()) for c in row.cells)


def read(blocks: list) -> Roadmap | None:
    """The roadmap of a part's blocks, or None when it has no table with such a header.

    Everything after the header row is the roadmap: rows of later tables (a table cut by a
    page or by a paragraph), and paragraphs between them as rows spanning the table; rows
    before the header of its table, or a two-column table under «Используемые сокращения»,
    are the abbreviations; paragraphs after the last table are notes."""
    out = Roadmap()
    found = next(((b, k) for b in blocks if isinstance(b, Table) for k, r in enumerate(b.rows) if is_header(r)), None)
    if found is None:
        return None
    main, at = found
    start = blocks.index(main)
    for block in blocks[:start]:
        if isinstance(block, Table):
            _abbreviations(block.rows, blocks, block, out)
    if at:
        _abbreviations(main.rows[:at], blocks, main, out, titled=False)
    rows: list[Row] = list(main.rows[at:])
    last_table = max(i for i, b in enumerate(blocks) if isinstance(b, Table))
    for block in blocks[start + 1:last_table + 1]:
        rows += block.rows if isinstance(block, Table) else [Row([block.text], block.line)]
    _read_rows(out, main.rows[at], rows)
    for block in blocks[last_table + 1:]:
        if isinstance(block, Para) and len(block.text) > 3:
            out.notes.append(block.text)
            out.lines.add(block.line)
    return out


def _continues(table: Table, header: Row) -> bool:
    return any(fuzz.ratio(" ".join(r.cells), " ".join(header.cells)) > 80 for r in table.rows[:2])


def _abbreviations(rows: list[Row], blocks: list, table: Table, out: Roadmap, titled: bool = True) -> bool:
    """Two-column rows «ЦНППМ | центр непрерывного …» (a cell may hold several «X – …; Y – …»)."""
    index = blocks.index(table)
    title = blocks[index - 1] if index and isinstance(blocks[index - 1], Para) else None
    if not rows or max(len(r.cells) for r in rows) > 3:
        return False
    looks = sum(1 for r in rows if r.cells and re.search(r"[А-ЯЁA-Z]{2,}", r.cells[0]) and len(r.cells[0]) <= 60)
    if titled and (title is None or not re.search(r"сокращени", title.text, re.I)) and looks < 0.6 * len(rows):
        return False
    for row in rows:
        cells = [c.strip() for c in row.cells if c.strip()]
        if len(cells) < 2:
            continue
        abbr, full = cells[0], cells[1]
        parts = re.split(r";\s+(?=[А-ЯЁA-Z][А-ЯЁA-Z ,]+\s[–—-]\s)", full)
        out.abbreviations.append((abbr, parts[0].strip(" ;")))
        for part in parts[1:]:
            m = re.match(r"^([А-ЯЁA-Z][А-ЯЁA-Z ,]+?)\s[–—-]\s(.*)$", part)
            if m:
                out.abbreviations.append((m.group(1).strip(), m.group(2).strip(" ;.")))
        out.lines.add(row.line)
    if title is not None and re.search(r"сокращени", title.text, re.I):
        out.lines.add(title.line)
    return True


def _read_rows(out: Roadmap, header: Row, rows: list[Row]) -> None:
    cells = grid(header)
    while cells and not cells[-1].strip():
        cells.pop()
    keys = column_keys(cells)
    out.columns = [{"key": k, "title": " ".join(t.split())} for k, t in zip(keys, cells)]
    data = [r for r in rows[1:] if sum(1 for c in r.cells if c.strip()) > 1]
    if "num" not in keys and data and \
            sum(1 for r in data if re.fullmatch(r"\d{1,3}\.?", r.cells[0].strip())) >= len(data) / 2:
        keys = ["num"] + keys         # the header lost its «№» column
        out.columns.insert(0, {"key": "num", "title": "№ п/п"})
    RowReader(out, header, keys).read(rows)
