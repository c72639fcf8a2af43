"""Tables of a regulation: indicators, subjects with their functions, other tables as
chapters whose rows are clauses.

Indicators: a header row, then rows of (number, text, other columns → ``fields``); a row
spanning the table is a group. A two-column table whose second column holds dash lines
is groups of indicators (the first cell names the group). Subjects: rows where a cell
says «Функции» and the next holds the subject's heading and its functions as dash
lines, under level rows («Региональный уровень» …).
"""

from __future__ import annotations

import re

from . import Row, Table

DASH_LINE = re.compile(r"^\s*[-–—•·]\s*")

def _spanning(row: Row, ncols: int) -> bool:
    filled = [c for c in row.cells if c.strip()]
    return len(filled) == 1 and (len(row.cells) == 1 or ncols > 1 and not row.cells[-1].strip() or
                                 (row.spans or [1])[0] >= ncols)


MARKER = r"(?:[-–—•·▪]|\d{1,2}\)|[а-я]\))"
ITEM_LINE = re.compile(rf"^\s*{MARKER}\s+")
INLINE_ITEM = re.compile(rf"(?<=[;.])\s+{MARKER}\s+(?=\S)")


def cell_items(cell: str) -> tuple[list[str], str]:
    """The items of a cell listing them — lines or runs after «;» starting with a dash, a bullet,
    «1)» or «а)» — and the text before the first marker (a title, or the end of an item a page
    break cut: '' when the cell starts with a marker)."""
    items: list[str] = []
    lead: list[str] = []
    for line in cell.split("\n"):
        for k, part in enumerate(INLINE_ITEM.split(line.strip())):
            if k or ITEM_LINE.match(part):
                items.append(ITEM_LINE.sub("", part).strip())
            elif items:
                items[-1] += " " + part.strip()
            else:
                lead.append(part.strip())
    return [i for i in items if i], " ".join(p for p in lead if p)


def _lines(cell: str) -> list[str]:
    """The items of a cell (a line without a marker before the first one is an item too)."""
    items, lead = cell_items(cell)
    return ([lead] if lead else []) + items


TARGETS = re.compile(r"\s*\(((?:к\s+\d{4}\s+году\s+(?:[–—-]\s+)?[^;()]+(?:\([^()]*\)[^;()]*)*;?\s*)+)\)([;.,]?)$")
TARGET = re.compile(r"к\s+(\d{4})\s+году\s+(?:[–—-]\s+)?([^;]+)")


def indicator(text: str) -> dict:
    """An indicator with its targets «… (к 2024 году – не менее 30 %);» apart from its text."""
    m = TARGETS.search(text)
    if not m:
        return {"text": text}
    targets = {year: value.strip() for year, value in TARGET.findall(m.group(1))}
    return {"text": text[:m.start()] + m.group(2), "targets": targets}


def indicators_from(table: Table) -> list:
    rows = table.rows
    header = rows[0].cells
    ncols = max(len(r.cells) for r in rows)
    out: list = []
    group = last = None
    if ncols == 2 and any(ITEM_LINE.match(r.cells[1]) for r in rows[1:] if len(r.cells) > 1):
        return _indicator_groups(rows[1:])
    for row in rows[1:]:
        if _spanning(row, ncols):
            group = {"group": next(c for c in row.cells if c.strip()), "items": []}
            out.append(group)
            continue
        cells = row.cells
        start = 1 if cells and re.fullmatch(r"\d*\.?", cells[0].strip()) else 0
        if start >= len(cells):
            continue
        item: dict = {"text": cells[start]}
        fields = {header[k] if k < len(header) and header[k] else f"графа {k + 1}": cells[k]
                  for k in range(start + 1, len(cells)) if cells[k].strip()}
        if fields:
            item["fields"] = fields
        if last is not None and row.after_break and not cells[0].strip() and _goes_on(cells[start]):
            _join_item(last, item)          # the rest of a row a page cut
            continue
        (group["items"] if group is not None else out).append(item)
        last = item
    return [g for g in out if not (isinstance(g, dict) and "group" in g and not g["items"])]


def _goes_on(text: str) -> bool:
    """A cell text that cannot start a row: it starts in lower case or with punctuation («, (, ,)."""
    text = text.strip()
    return bool(text) and not (text[0].isupper() or text[0].isdigit())


def _join_item(last: dict, item: dict) -> None:
    last["text"] = f"{last['text']} {item['text']}".strip()
    for key, value in item.get("fields", {}).items():
        fields = last.setdefault("fields", {})
        fields[key] = f"{fields.get(key, '')} {value}".strip()


def _indicator_groups(rows: list[Row]) -> list[dict]:
    """Rows of (group, its indicators as a list); a row without a group goes on with the group
    before it, and its text before the first marker ends that group's last indicator."""
    groups: list[tuple[str, list[str]]] = []
    for row in rows:
        title = re.sub(r"^\d+\.\s*", "", row.cells[0]).strip()
        items, lead = cell_items(row.cells[1] if len(row.cells) > 1 else "")
        if not title and groups:
            texts = groups[-1][1]
            if lead and texts:
                texts[-1] += " " + lead
            elif lead:
                texts.append(lead)
            texts += items
        else:
            groups.append((title, ([lead] if lead else []) + items))
    return [{"group": title, "items": [indicator(t) for t in texts]} for title, texts in groups]


def table_clauses(table: Table) -> list[dict]:
    """Rows of a table as clauses of a chapter: the first cell the clause, the others its items."""
    out = []
    for row in table.rows:
        cells = [c for c in row.cells if c.strip()]
        if not cells:
            continue
        text = re.sub(r"^\d+(?:\.\d+)*\.\s*", "", cells[0]).replace("\n", " ")
        clause: dict = {"text": text}
        items = [i for c in cells[1:] for i in _lines(c)]
        if items:
            clause["items"] = items
        if len(cells) == 1:
            clause["unnumbered"] = True
        out.append(clause)
    return out
