"""The rows of a roadmap's table after its header → directions, groups and items.

Each row is first put right (:mod:`.rows`: cells back under their columns, a cell
spanning the group's and the activity's columns). Then it is one of: the rest of the
row before it (a page cut it — :meth:`RowReader.carry`), a direction or a group's title
(one filled cell at the start), or one or several items (:func:`.rows.split_row`).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from . import Row
from . import rows as fix
from .rows import lowercase_start, paragraphs, unfinished

DIRECTION = re.compile(r"^(?:(?P<roman>[IVXL]+)\.\s*|Направление\s+(?P<n>\d+)\.?\s*)(?P<title>.*)$", re.S)
SUB_ITEM = re.compile(r"(?:^|\s)(\d{1,2})\)\s+")
NAMES = ("responsible", "co_executors")


class _Joins:
    """What a row that goes on with the last item gives it (see :meth:`carry`)."""

    keys: list[str]
    last: dict | None
    group: dict | None

    def carry(self, cells: list[str]) -> list[str] | None:
        """Join to the last item what goes on with it; the cells of the items that follow in the
        same row (None when there are none): paragraphs of the activity after its lower-case start,
        and of the other cells what does not end a text the last item left unfinished."""
        a = self.keys.index("activity") if "activity" in self.keys else None
        paras = paragraphs(cells[a]) if a is not None and a < len(cells) else []
        k = next((i for i, p in enumerate(paras) if not lowercase_start(p)), len(paras))
        if not paras or k == len(paras) or k == 0:
            self.join(cells)
            return None
        cont, rest = [""] * len(cells), list(cells)
        cont[a], rest[a] = "\n".join(paras[:k]), "\n".join(paras[k:])
        for i, cell in enumerate(cells):
            key = self.keys[i] if i < len(self.keys) else ""
            first, *more = paragraphs(cell) or [""]
            if i != a and key != "num" and first and unfinished(self._value(key)):
                cont[i], rest[i] = first, "\n".join(more)
        self.join(cont)
        return rest

    def _value(self, key: str) -> str:
        if key == "group":
            return self.group["title"] if self.group else ""
        value = self.last.get(key) if key in ("activity", "deadline", "result") + NAMES else \
            self.last.get("fields", {}).get(key)
        if key == "activity" and self.last.get("items"):
            value = self.last["items"][-1]
        return value or ""

    def join(self, cells: list[str]) -> None:
        """A row's cells appended to the last item's (a repeat of what it holds is not)."""
        cells = self._moved(list(cells))
        for key, cell in zip(self.keys, cells):
            cell = cell.strip()
            if not cell or key == "num" or " ".join(cell.split()) in " ".join(self._value(key).split()):
                continue
            if key == "group":
                if self.group is not None:
                    self.group["title"] = f"{self.group['title']} {' '.join(cell.split())}".strip()
            elif key == "activity":
                add_activity(self.last, cell, append=True)
            elif key in NAMES:
                self.last[key] = (self.last.get(key, "") + ", " + cell).strip(", ")
            elif key in ("deadline", "result"):
                self.last[key] = (self.last.get(key, "") + " " + cell).strip()
            else:
                fields = self.last.setdefault("fields", {})
                fields[key] = (fields.get(key, "") + " " + cell).strip()

    def _moved(self, cells: list[str]) -> list[str]:
        """A piece under a column whose text is complete goes to the column beside it left unfinished."""
        for i, cell in enumerate(cells):
            if not cell.strip() or i >= len(self.keys) or fix.goes_on(self._value(self.keys[i]), cell):
                continue
            beside = [(fix.goes_on(self._value(self.keys[j]), cell), j) for j in (i + 1, i - 1)
                      if 0 <= j < len(cells) and j < len(self.keys) and not cells[j].strip() and self.keys[j] != "num"]
            score, j = max(beside, default=(0, i))
            if score:
                cells[i], cells[j] = "", cell
        return cells

    # --- directions, groups, items


class RowReader(_Joins):
    def __init__(self, out, header: Row, keys: list[str]):
        self.out = out                  # the Roadmap being read
        self.header = header
        self.keys = keys
        self.direction: dict | None = None
        self.group: dict | None = None
        self.last: dict | None = None
        self.pending_label = False
        self.names: set[str] = set()      # executors named so far, lower case
        self.untitled = False             # the direction's row gave only its number

    def read(self, rows: list[Row]) -> None:
        for row in rows:
            self.out.lines.add(row.line)
            if row is self.header or fuzz.ratio(" ".join(row.cells), " ".join(self.header.cells)) > 85:
                continue
            carry, cells = fix.carried(fix.grid(row), self.keys)
            if carry and self.last is not None:
                add_activity(self.last, carry, append=True)
            elif carry:
                cells = fix.grid(row)
            cells = fix.spanning_activity(fix.aligned(cells, self.keys, self.names), self.keys)
            filled = [k for k, c in enumerate(cells) if c.strip()]
            if not filled:
                continue
            first = cells[filled[0]]
            if (lowercase_start(first) or SUB_ITEM.match(first)) and self._continues(row, cells):
                cells = self.carry(cells)      # a page cut the row: its rest, in lower case
            elif self._is_span(row, cells, filled):
                self.span(cells[filled[0]], row)
                continue
            elif self._continues(row, cells):
                cells = self.carry(cells)
            if cells is not None:
                self.items(row, self._heading(row, cells))

    def items(self, row: Row, cells: list[str]) -> None:
        lead, parts = fix.split_row(cells, self.keys)
        if lead and self.last is not None:
            add_activity(self.last, lead, append=True)
        elif lead:
            parts = [cells]
        for part in parts:
            self.item(row, part)

    def _heading(self, row: Row, cells: list[str]) -> list[str]:
        """«19 | III. Экспертно-аналитическая деятельность организация …»: a direction's heading a
        converter put at the start of the next row's activity — a direction, and an erratum."""
        a = self.keys.index("activity") if "activity" in self.keys else None
        m = re.match(r"^([IVXL]+)\.\s+(\S.*)$", cells[a], re.S) if a is not None and a < len(cells) else None
        split = fix.phrase_end(m.group(2)) if m and self._cell(cells, "num").strip() else None
        if not split:
            return cells
        title, rest = split
        self.span(f"{m.group(1)}. {title}", row)
        self.direction["_merged"] = {"line": row.line, "quote": f"{m.group(1)}. {title} {rest.split()[0]}",
                                     "title": title}
        cells = list(cells)
        cells[a] = rest[:1].upper() + rest[1:]
        return cells

    # --- what a row is
    def _cell(self, cells: list[str], key: str) -> str:
        if key in self.keys:
            k = self.keys.index(key)
            return cells[k] if k < len(cells) else ""
        return ""

    def _is_span(self, row: Row, cells: list[str], filled: list[int]) -> bool:
        if len(filled) != 1 or "activity" in self.keys and filled[0] > self.keys.index("activity"):
            return False
        activity, text = self._cell(cells, "activity").strip(), cells[filled[0]].strip()
        return len(cells) == 1 or not activity or (
            activity == text and not self._cell(cells, "num").strip() and len(cells) > 2
            and ((row.spans or [1])[0] > 1 or sum(1 for c in row.cells if c.strip()) == 1))

    def _continues(self, row: Row, cells: list[str]) -> bool:
        """The row goes on with the row before it: no number of its own, and no activity or one in
        lower case; without a number column, no activity and no group, or after a page break."""
        if self.last is None:
            return False
        num = self._cell(cells, "num").strip()
        activity = self._cell(cells, "activity").strip()
        group = self._cell(cells, "group").strip()
        if "num" in self.keys:
            filled = sum(1 for c in cells if c.strip())
            if not num and (not activity or filled <= len(self.keys) // 2 and lowercase_start(activity)
                            or SUB_ITEM.match(activity) and self.last.get("items")):
                return True
            return row.after_break and (lowercase_start(activity) or not num and (
                filled <= len(self.keys) // 2 or unfinished(self._value("activity"))))
        if not activity:
            return not group or row.after_break and lowercase_start(group)
        return row.after_break and lowercase_start(activity)

    # --- the rest of a cut row

    def span(self, text: str, row: Row) -> None:
        text = text.strip()
        m = DIRECTION.match(text)
        if m:
            title = m.group("title").strip()
            if "\n" in title or not title:
                fmt = "Направление {n}\n{title}" if m.group("n") else "{roman}.\n{title}"
            else:
                fmt = "Направление {n}. {title}" if m.group("n") else None
            self.out.direction_format = self.out.direction_format or fmt
            self.direction = {"title": title.replace("\n", " ").strip() or text, "items": []}
            self.untitled = not title
            self.out.directions.append(self.direction)
            self.group = None
            return
        if self.untitled and self.direction is not None and not self.direction["items"] \
                and not self.direction.get("groups"):
            self.direction["title"] = " ".join(text.split())      # «Направление 1», its title on the next row
            self.untitled = False
            return
        label, text = _label(text, self.out.group_label)
        if label:
            self.out.group_label = label
            self.pending_label = True
            if not text:
                return
        if self.direction is None:
            self.direction = {"items": []}
            self.out.directions.append(self.direction)
        self.group = {"title": text.replace("\n", " "), "items": []}
        self.direction.setdefault("groups", []).append(self.group)
        self.pending_label = False

    def item(self, row: Row, cells: list[str]) -> None:
        if self.direction is None:
            self.direction = {"items": []}
            self.out.directions.append(self.direction)
        group_cell = self._cell(cells, "group").strip()
        g = self.keys.index("group") if "group" in self.keys else None
        flags = fix.grid(row, row.merged, False) if row.merged else []
        merged = bool(g is not None and g < len(flags) and flags[g])
        if group_cell and not merged:
            self.group = {"title": " ".join(group_cell.split()), "items": []}
            self.direction.setdefault("groups", []).append(self.group)
        item: dict = {"activity": ""}
        for key, cell in zip(self.keys, cells):
            cell = cell.strip()
            if key in ("num", "group") or not cell:
                continue
            if key == "activity":
                add_activity(item, cell)
            elif key in ("deadline", "result") + NAMES:
                item[key] = " ".join(cell.split())
                if key in NAMES:
                    self.names.update(n.strip().lower() for n in item[key].split(","))
            else:
                item.setdefault("fields", {})[key] = " ".join(cell.split())
        if not item["activity"]:
            item["activity"] = "[[наименование мероприятия]]"
        num = self._cell(cells, "num").strip().rstrip(".")
        if "num" in self.keys and not num:
            item["unnumbered"] = True
        item["_line"] = row.line
        item["_num"] = num
        (self.group["items"] if self.group is not None else self.direction["items"]).append(item)
        self.last = item


def add_activity(item: dict, text: str, append: bool = False) -> None:
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


def _label(text: str, known: str | None) -> tuple[str, str]:
    """A label repeated before each group («Наименование системообразующего мероприятия …») and the
    group's title when the same row goes on with it → (label or '', the rest)."""
    if known and text.startswith(known):
        return known, text[len(known):].strip()
    m = re.match(r"^([Нн]аименование\s+\w+\s+мероприят[а-яё\s]*?)(?:\s+([А-ЯЁ].*))?$", text, re.S)
    return (m.group(1).strip(), (m.group(2) or "").strip()) if m else ("", text)
