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

COLUMNS = (
    ("num", re.compile(r"^(№|n\b|no\b|номер)|п/п", re.I)),
    ("group", re.compile(r"системообразующ|наименование\s+направлени|^задач", re.I)),
    ("co_executors", re.compile(r"соисполнител", re.I)),
    ("responsible", re.compile(r"ответствен|исполнител", re.I)),
    ("activity", re.compile(r"мероприяти|содержание\s+работ|наименование", re.I)),
    ("deadline", re.compile(r"срок|дата|период", re.I)),
    ("result", re.compile(r"результат|показател|итог|продукт", re.I)),
)
DIRECTION = re.compile(r"^(?:(?P<roman>[IVXL]+)\.\s*|Направление\s+(?P<n>\d+)\.?\s*)(?P<title>.*)$", re.S)
SUB_ITEM = re.compile(r"(?:^|\s)(\d{1,2})\)\s+")


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
    _Rows(out, main.rows[at]).read(rows)
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
    if title is not None and titled and re.search(r"сокращени", title.text, re.I):
        out.lines.add(title.line)
    return True


class _Rows:
    def __init__(self, out: Roadmap, header: Row):
        self.out = out
        self.header = header
        cells = list(header.cells)
        while cells and not cells[-1].strip():
            cells.pop()
        self.keys = column_keys(cells)
        out.columns = [{"key": k, "title": " ".join(t.split())} for k, t in zip(self.keys, cells)]
        self.direction: dict | None = None
        self.group: dict | None = None
        self.last: dict | None = None
        self.pending_label = False

    def read(self, rows: list[Row]) -> None:
        data = [r for r in rows[1:] if sum(1 for c in r.cells if c.strip()) > 1]
        if "num" not in self.keys and data and sum(1 for r in data if re.fullmatch(r"\d{1,3}\.?", r.cells[0].strip()))\
                >= len(data) / 2:
            self.keys = ["num"] + self.keys         # the header lost its «№» column
            self.out.columns.insert(0, {"key": "num", "title": "№ п/п"})
        for row in rows:
            self.out.lines.add(row.line)
            if row is self.header or fuzz.ratio(" ".join(row.cells), " ".join(self.header.cells)) > 85:
                continue
            filled = [c for c in row.cells if c.strip()]
            if not filled:
                continue
            if filled[0].strip()[:1].islower() and self._continuation(row):
                self.join(row)      # a page cut the row: its rest, in lower case
            elif len(filled) == 1 and (len(row.cells) == 1 or not self._cell(row, "activity").strip()
                                     or self._cell(row, "activity").strip() == filled[0].strip()
                                     and not self._cell(row, "num").strip() and self.keys.count("activity")
                                     and len(row.cells) > 2 and self._span(row)):
                self.span(filled[0], row)
            elif self._continuation(row):
                self.join(row)
            else:
                self.item(row)

    def _span(self, row: Row) -> bool:
        return (row.spans or [1])[0] > 1 or sum(1 for c in row.cells if c.strip()) == 1

    def _cell(self, row: Row, key: str) -> str:
        if key in self.keys:
            k = self.keys.index(key)
            return row.cells[k] if k < len(row.cells) else ""
        return ""

    def span(self, text: str, row: Row) -> None:
        text = text.strip()
        m = DIRECTION.match(text)
        if m:
            title = m.group("title").strip()
            if "\n" in title or not title:
                self.out.direction_format = "Направление {n}\n{title}" if m.group("n") else "{roman}.\n{title}"
            elif m.group("n"):
                self.out.direction_format = "Направление {n}. {title}"
            self.direction = {"title": title.replace("\n", " ").strip() or text, "items": []}
            self.out.directions.append(self.direction)
            self.group = None
            return
        if self.out.group_label and text == self.out.group_label or re.search(r"^наименование\s+\w+\s+мероприят", text, re.I):
            self.out.group_label = text
            self.pending_label = True
            return
        if self.direction is None:
            self.direction = {"items": []}
            self.out.directions.append(self.direction)
        self.group = {"title": text.replace("\n", " "), "items": []}
        self.direction.setdefault("groups", []).append(self.group)
        self.pending_label = False

    def _continuation(self, row: Row) -> bool:
        if self.last is None:
            return False
        num = self._cell(row, "num").strip()
        activity = self._cell(row, "activity").strip()
        filled = sum(1 for c in row.cells if c.strip())
        if "num" in self.keys and not num and (not activity or filled <= len(self.keys) // 2 and activity[:1].islower()):
            return True
        broken = getattr(row, "after_break", False)
        return broken and (("num" in self.keys and not num) or activity[:1].islower())

    def join(self, row: Row) -> None:
        for key, cell in zip(self.keys, row.cells):
            cell = cell.strip()
            if not cell or key in ("num", "group"):
                continue
            if key == "activity":
                self._activity(self.last, cell, append=True)
            elif key in ("responsible", "co_executors"):
                self.last.setdefault(key, "")
                self.last[key] = (self.last[key] + ", " + cell).strip(", ")
            elif key in ("deadline", "result"):
                self.last[key] = (self.last.get(key, "") + " " + cell).strip()
            else:
                fields = self.last.setdefault("fields", {})
                fields[key] = (fields.get(key, "") + " " + cell).strip()

    def _activity(self, item: dict, text: str, append: bool = False) -> None:
        """The activity and its sub-items «1) …; 2) …» (in one cell or in lines of it)."""
        text = " ".join(text.split("\n")) if not re.search(r"\n\d{1,2}\)", text) else text
        parts = SUB_ITEM.split(text)
        head, subs = parts[0].strip(), [parts[k + 1].strip() for k in range(1, len(parts) - 1, 2)]
        if append and head:
            if item.get("items"):
                item["items"][-1] += " " + head
            else:
                item["activity"] += " " + head
        elif head:
            item["activity"] = head
        if subs:
            item.setdefault("items", []).extend(s.strip() for s in subs)

    def item(self, row: Row) -> None:
        if self.direction is None:
            self.direction = {"items": []}
            self.out.directions.append(self.direction)
        group_cell = self._cell(row, "group").strip()
        merged = row.merged and "group" in self.keys and row.merged[self.keys.index("group")] \
            if row.merged and "group" in self.keys and self.keys.index("group") < len(row.merged) else False
        if "group" in self.keys and group_cell and not merged:
            self.group = {"title": " ".join(group_cell.split()), "items": []}
            self.direction.setdefault("groups", []).append(self.group)
        item: dict = {"activity": ""}
        for key, cell in zip(self.keys, row.cells):
            cell = cell.strip()
            if key in ("num", "group") or not cell:
                continue
            if key == "activity":
                self._activity(item, cell)
            elif key in ("responsible", "co_executors", "deadline", "result"):
                item[key] = " ".join(cell.split())
            else:
                item.setdefault("fields", {})[key] = " ".join(cell.split())
        if not item["activity"]:
            item["activity"] = "[[наименование мероприятия]]"
        num = self._cell(row, "num").strip().rstrip(".")
        if "num" in self.keys and not num:
            item["unnumbered"] = True
        item["_line"] = row.line
        item["_num"] = num
        (self.group["items"] if self.group is not None else self.direction["items"]).append(item)
        self.last = item
