"""Tables of an act body: indicators, a chapter laid out as a table, subjects by level,
or any list of units as one column."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang import words
from ..lang.formats import marker, sub_style
from ..model.document import SPAN, TABLE, Rich, Row, Table
from ..model.units import is_group
from .lists import units
from .text import with_targets

if TYPE_CHECKING:
    from .outline import Body


def table_for(body: "Body", ref: str, value, columns: list[str] | None = None, numbered: bool = True) -> Table:
    """The table for the data behind ``ref``, added to the body."""
    if ref == "system.indicators":
        table = indicators_table(body, value, columns, numbered)
    elif ref.startswith("system.chapters."):
        table = chapter_table(body, value)
    elif ref == "system.subjects":
        table = subjects_table(body, value, columns)
    else:
        table = Table(rows=[Row([body.w(text.plain)], unit=unit) for text, _tail, unit in units(body, ref, value)],
                      widths=[1])
    block = body.emit(TABLE, Rich(), anchor=f"t-{len(body.tables) + 1}", table=table)
    for n, row in enumerate((r for r in table.rows if r.unit), 1):
        row.anchor = f"{block.anchor}-r{n}"
    return table


def indicators_table(body: "Body", value: list, columns: list[str] | None, numbered: bool = True) -> Table:
    w = body.w
    header = [w(c) for c in columns] if columns else []
    with_fields = any(isinstance(e, dict) and e.get("fields")
                      for g in value for e in (g.get("items", []) if is_group(g) else [g]))
    if columns and with_fields:
        # one row per indicator: №, text, then the fields in column order
        rows, n = [], 0
        for entry in value:
            if is_group(entry):
                rows.append(Row([w(entry["group"])], SPAN))
            for item in entry["items"] if is_group(entry) else [entry]:
                n += 1
                number = w(str(n)) if numbered else Rich()     # a source may leave its «№ п/п» column empty
                cells = [number, w(item["text"])] + [w(v) for v in (item.get("fields") or {}).values()]
                cells += [Rich()] * (len(columns) - len(cells))
                rows.append(Row(cells[:len(columns)], unit=item.get("id", "")))
        return Table(rows=rows, header=header, widths=[0.6, 4] + [3] * (len(columns) - 2))
    rows = []
    for n, entry in enumerate(value, 1):
        if is_group(entry):
            lines = [w(f"– {with_targets(i)}") for i in entry["items"]]
            rows.append(Row([w(f"{n}. {entry['group']}"), Rich.lines(lines)], unit=entry.get("id", "")))
        else:
            rows.append(Row([w(str(n)), w(with_targets(entry))], unit=entry.get("id", "")))
    return Table(rows=rows, header=header, widths=[2, 3])


def chapter_table(body: "Body", chapter: dict) -> Table:
    """A chapter whose clauses are rows: «1.1. text» beside its items."""
    w = body.w
    rows: list[Row] = []
    header: list[Rich] = []
    number_stack: list[int] = [0]

    def lines_of(entries, style):
        out = []
        for i, it in enumerate(entries, 1):
            text = it if isinstance(it, str) else it.get("text", "")
            m = marker(style, i)
            out.append(w(f"{m} {text}" if m else text))
            if isinstance(it, dict) and it.get("items"):
                out.extend(lines_of(it["items"], sub_style(style)))
        return out

    def walk(clauses, depth):
        for c in clauses:
            if c.get("unnumbered"):
                if c.get("items") and not rows and not header:
                    header.extend([w(c.get("text", ""))] + lines_of(c["items"], "none"))
                else:
                    rows.append(Row([w(c.get("text", ""))], SPAN))
                continue
            number_stack[depth] += 1
            number = ".".join(str(n) for n in number_stack[:depth + 1]) + "."
            rows.append(Row([w(f"{number} {c.get('text', '')}"),
                             Rich.lines(lines_of(c.get("items", []), c.get("list_style", body.list_style)))]))
            if c.get("clauses"):
                number_stack.append(0)
                walk(c["clauses"], depth + 1)
                number_stack.pop()

    walk(chapter.get("clauses", []), 0)
    return Table(rows=rows, header=header, widths=[2, 3])


def subjects_table(body: "Body", subjects: dict, columns: list[str] | None) -> Table:
    """Subjects by level: a level row (from chapter ``level_<level>`` when the profile has
    one: its title and one cell per clause), then each subject with its functions."""
    w = body.w
    header = [w(c) for c in columns] if columns else []
    ncols = max(len(header), 2)
    rows = []
    for level, entries in subjects.items():
        summary = body.ref(f"system.chapters.level_{level}")
        if summary:
            cells = [w(summary["title"])] + [w(c.get("text", "")) for c in summary["clauses"]]
            rows.append(Row((cells + [Rich()] * ncols)[:ncols]))
        else:
            rows.append(Row([w(words.LEVEL_TITLES.get(level, level))], SPAN))
        for s in entries:
            lines = [w(s.get("heading") or s["name"])]
            lines += [w(f"– {f if isinstance(f, str) else f.get('text', '')}")
                      for f in s.get("functions", []) if not is_group(f)]
            rows.append(Row([w(words.FUNCTIONS_CELL), Rich.lines(lines)], spans=[1, ncols - 1], unit=s.get("id", "")))
    widths = [1.2, 3, 3][:ncols] if ncols <= 3 else [1] * ncols
    return Table(rows=rows, header=header, widths=widths)
