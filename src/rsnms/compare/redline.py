"""Redline: the regulation a region adopted as Word tracked changes against the model
regulation, following the alignment.

Both regulations are composed :class:`~rsnms.model.document.Document` s; their blocks are
matched in reading order (:func:`match_blocks`):

* a block showing a unit (``Block.unit``: a task, a function, a subject, a term) matches the
  block of the unit the alignment links it with — one to one, each unit's best link (a unit a
  region split or merged: its best part is diffed, the other parts are whole insertions or
  deletions); a unit the alignment leaves unpaired is one whole insertion or deletion;
* other blocks (sections, clauses that introduce a list, labels, paragraphs, tables) match a
  block of the same kind with a similar text;
* the matching is the order-preserving one of greatest weight; linked units it cannot keep in
  order changed place: they become Word moves (``w:moveFrom``/``w:moveTo``).

A matched pair is word-diffed (numbers included, since they are printed with the text); tables
stay tables (rows matched by unit or text, cells diffed). The marked document is rendered
through the regulation's template, so the redline looks like the act, and its marks become
tracked changes by the region's authority (:mod:`rsnms.writers.tracked`): Accept All gives the
region's regulation, Reject All the model's.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import os
import re
from pathlib import Path

from ..compose import ACT_KINDS
from ..model.document import (ROLE_DELETED, ROLE_INSERTED, ROLE_MOVED_FROM, ROLE_MOVED_TO, ROLE_TEXT, TABLE,
                              Block, Document, Rich, Row, Table)
from ..writers.docx import render
from ..writers.tracked import track
from .align import Alignment
from .similarity import structure_similarity

ALIKE = 0.6          # blocks without units match from this similarity of their texts
UNIT, STRUCTURE = 3.0, 1.0   # weights of a matched unit and of a matched structural block
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]+")


def partners(alignment: Alignment) -> dict[str, str]:
    """Region unit id → model unit id, one to one: the best link of each (subjects by their roles)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    links = [(p.score, p.region.id, p.model.id) for p in alignment.pairs if p.model and p.region]
    links += [(r.score, sid, r.role) for sid, r in alignment.roles.items() if r.role]
    for _score, region, model in sorted(links, key=lambda x: (-x[0], x[1], x[2])):
        if region not in out and model not in used:
            out[region] = model
            used.add(model)
    return out


def diff_runs(old: str, new: str) -> Rich:
    """Word-level difference as runs: kept text, deleted and inserted runs."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out = Rich()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("".join(a[i1:i2]), ROLE_TEXT))
            continue
        if i2 > i1:
            out.append(("".join(a[i1:i2]), ROLE_DELETED))
        if j2 > j1:
            out.append(("".join(b[j1:j2]), ROLE_INSERTED))
    return out


def _whole(rich: Rich | None, role: str) -> Rich | None:
    return Rich([(rich.plain, role)]) if rich else rich


def _rich_diff(old: Rich | None, new: Rich | None) -> Rich | None:
    if old and new:
        return diff_runs(old.plain, new.plain)
    return _whole(new, ROLE_INSERTED) if new else _whole(old, ROLE_DELETED)


# --- matching -----------------------------------------------------------------------------

class _Matcher:
    def __init__(self, model: list[Block], region: list[Block], links: dict[str, str], units: tuple[set, set]):
        self.model, self.region, self.links = model, region, links
        self.model_units, self.region_units = units

    def weight(self, i: int, j: int) -> float | None:
        a, b = self.model[i], self.region[j]
        ua = a.unit if a.unit in self.model_units else ""
        ub = b.unit if b.unit in self.region_units else ""
        if ua or ub:
            return UNIT if ua and ub and self.links.get(ub) == ua else None
        if a.kind != b.kind:
            return None
        if a.kind == TABLE:
            alike = structure_similarity(_table_text(a.table), _table_text(b.table))
        else:
            alike = structure_similarity(a.text.plain, b.text.plain)
        return STRUCTURE + alike if alike >= ALIKE else None

    def path(self) -> list[tuple[int | None, int | None]]:
        """The order-preserving matching of greatest weight, with the unmatched blocks between."""
        n, k = len(self.model), len(self.region)
        best = [[0.0] * (k + 1) for _ in range(n + 1)]
        weights: dict[tuple[int, int], float] = {}
        for i in range(n - 1, -1, -1):
            for j in range(k - 1, -1, -1):
                w = self.weight(i, j)
                take = w + best[i + 1][j + 1] if w is not None else -1.0
                if w is not None:
                    weights[(i, j)] = w
                best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
        out, i, j = [], 0, 0
        while i < n and j < k:
            w = weights.get((i, j))
            if w is not None and best[i][j] == w + best[i + 1][j + 1]:
                out.append((i, j))
                i, j = i + 1, j + 1
            elif best[i][j] == best[i + 1][j]:
                out.append((i, None))
                i += 1
            else:
                out.append((None, j))
                j += 1
        return out + [(x, None) for x in range(i, n)] + [(None, x) for x in range(j, k)]


def match_blocks(model: Document, region: Document, alignment: Alignment) -> list[tuple[int | None, int | None, str]]:
    """(model block, region block, how): ``diff``, ``deleted``, ``inserted``, ``moved-from``, ``moved-to``."""
    links = partners(alignment)
    units = ({u for p in alignment.pairs if p.model for u in [p.model.id]} | set(links.values()),
             {u for p in alignment.pairs if p.region for u in [p.region.id]} | set(links))
    matcher = _Matcher(model.body, region.body, links, units)
    path = matcher.path()
    matched = {(i, j) for i, j in path if i is not None and j is not None}
    index = {b.unit: i for i, b in enumerate(model.body) if b.unit}
    moved_to = {j: index[links[b.unit]] for j, b in enumerate(region.body)
                if b.unit in links and links[b.unit] in index and (index[links[b.unit]], j) not in matched}
    moved_from = set(moved_to.values())
    out = []
    for i, j in path:
        if i is not None and j is not None:
            out.append((i, j, "diff"))
        elif i is not None:
            out.append((i, None, ROLE_MOVED_FROM if i in moved_from else ROLE_DELETED))
        else:
            out.append((None, j, ROLE_MOVED_TO if j in moved_to else ROLE_INSERTED))
    return out


# --- the marked document --------------------------------------------------------------------

def _table_text(table: Table | None) -> str:
    if table is None:
        return ""
    return " ".join(c.plain for c in table.header) + " " + " ".join(c.plain for r in table.rows for c in r.cells)


def _whole_block(block: Block, role: str) -> Block:
    out = copy.copy(block)
    out.number = ""
    out.text = Rich([(block.numbered_text.plain, role)]) if block.numbered_text else Rich()
    out.stamp = _whole(block.stamp, role)
    if block.table is not None:
        out.table = _whole_table(block.table, role)
    return out


def _whole_table(table: Table, role: str) -> Table:
    rows = [Row([_whole(c, role) or Rich() for c in r.cells], r.kind, r.spans, r.anchor, r.label, r.unit)
            for r in table.rows]
    return Table(rows, [_whole(h, role) or Rich() for h in table.header], table.widths, table.merges,
                 _whole(table.title, role))


def _diff_block(old: Block, new: Block) -> Block:
    out = copy.copy(new)
    out.number = ""
    out.text = diff_runs(old.numbered_text.plain, new.numbered_text.plain)
    out.stamp = _rich_diff(old.stamp, new.stamp)
    if new.table is not None and old.table is not None:
        out.table = _diff_table(old.table, new.table)
    return out


def _diff_table(old: Table, new: Table) -> Table:
    """Rows matched in order by unit or by text; a matched row of as many cells is diffed cell by
    cell, any other row is a whole inserted or deleted row."""
    sm = difflib.SequenceMatcher(a=[r.unit or _row_key(r) for r in old.rows],
                                 b=[r.unit or _row_key(r) for r in new.rows], autojunk=False)
    rows: list[Row] = []
    keep: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        pairs = list(zip(range(i1, i2), range(j1, j2))) if tag in ("equal", "replace") else []
        for i, j in pairs:
            a, b = old.rows[i], new.rows[j]
            if len(a.cells) == len(b.cells) and a.spans == b.spans:
                keep[j] = len(rows)
                rows.append(Row([diff_runs(x.plain, y.plain) for x, y in zip(a.cells, b.cells)], b.kind, b.spans,
                                b.anchor, b.label, b.unit))
            else:
                rows.append(_whole_table(Table([a]), ROLE_DELETED).rows[0])
                keep[j] = len(rows)
                rows.append(_whole_table(Table([b]), ROLE_INSERTED).rows[0])
        done_a, done_b = {i for i, _ in pairs}, {j for _, j in pairs}
        rows += [_whole_table(Table([old.rows[i]]), ROLE_DELETED).rows[0] for i in range(i1, i2) if i not in done_a]
        for j in range(j1, j2):
            if j not in done_b:
                keep[j] = len(rows)
                rows.append(_whole_table(Table([new.rows[j]]), ROLE_INSERTED).rows[0])
    merges = [(c, keep[a], keep[b]) for c, a, b in new.merges
              if a in keep and b in keep and keep[b] - keep[a] == b - a]
    header = ([diff_runs(x.plain, y.plain) for x, y in zip(old.header, new.header)]
              if len(old.header) == len(new.header) else [_whole(h, ROLE_INSERTED) or Rich() for h in new.header])
    return Table(rows, header, new.widths, merges, _rich_diff(old.title, new.title))


def _row_key(row: Row) -> str:
    return " ".join(c.plain for c in row.cells)


def marked(model: Document, region: Document, alignment: Alignment) -> Document:
    """The region's regulation with the model's text marked as tracked changes."""
    body = []
    for i, j, how in match_blocks(model, region, alignment):
        if how == "diff":
            body.append(_diff_block(model.body[i], region.body[j]))
        elif i is not None:
            body.append(_whole_block(model.body[i], how))
        else:
            body.append(_whole_block(region.body[j], how))
    return Document(region.region, region.key, region.status, _rich_diff(model.title, region.title),
                    _rich_diff(model.heading, region.heading), _rich_diff(model.stamp, region.stamp), body)


def redline_date(acts: dict[str, dict], key: str) -> str | None:
    """The date of the tracked changes: the build's date when the build has one
    (``SOURCE_DATE_EPOCH``, the reproducible-builds convention), else the date the region adopted
    the act (its own, or that of the act it is an appendix of); None when neither is known. Never
    the clock: equal input must give equal bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    date = acts.get(key, {}).get("date") or next(
        (a.get("date") for a in acts.values() if key in a.get("appendices", []) and a.get("date")), None)
    if not date:
        return None
    return f"{date.isoformat() if hasattr(date, 'isoformat') else date}T00:00:00Z"


def redline(model: Document, region: Document, alignment: Alignment, templates: Path, author: str,
            date: str | None) -> bytes:
    """The redline .docx (bytes): the region's regulation as tracked changes by ``author`` on ``date``."""
    docx = render(marked(model, region, alignment), templates, ACT_KINDS[region.key].template)
    return track(docx, author, date, region.title.plain)
