"""The matrix: every unit of the model in a row, every region in a column — as a workbook
(.xlsx) and a Markdown page — from the regions' :class:`~.view.View` s, so it says what their
reports say.

Marks: «сохранено», «изменено», «редакционно» (changed in wording only), «нет», and «не
предусмотрено» where the acts a region adopted do not have the block. The workbook has three
sheets: the units with a coverage row per region and an autofilter; the coverage per block; the
units regions added. Headers wrap inside their columns, row heights follow the wrapped text,
pages are A4 landscape fitted to the width with the header repeated.
"""

from __future__ import annotations

import io
import zipfile
from copy import copy

from .. import escape
from ..lang import words
from ..writers.ooxml import deterministic_zip
from .report import cell
from .view import View

MARKS = {"kept": "сохранено", "substantive": "изменено", "editorial": "редакционно", "missing": "нет"}
MARK_CLASSES = {"сохранено": "kept", "изменено": "changed", "редакционно": "changed", "нет": "missing",
                words.NOT_APPLICABLE: "na"}
FILLS = {"сохранено": "C8E6C9", "изменено": "FFF59D", "редакционно": "DCEDC8", "нет": "FFCDD2",
         words.NOT_APPLICABLE: "EEEEEE"}
HEADER_FILL = "D9D9D9"


def unit_rows(views: dict[str, View], model: dict) -> list[dict]:
    """One row per model unit: block, the model's clause, text, subject, and a mark per region."""
    rows: dict[tuple[str, str], dict] = {}
    for rid, view in views.items():
        for section in view.sections:
            for group in section.groups:
                for line in group.lines:
                    if line.model is None:
                        continue
                    row = rows.setdefault((section.block, line.model.id), {
                        "block": section.title, "ref": line.model_ref, "text": line.model_text, "id": line.model.id,
                        "group": group.title.split(" — ", 1)[0] if section.block == "functions" else "",
                        "marks": {}, "units": {}})
                    mark = MARKS[line.category]
                    previous = row["marks"].get(rid)
                    if previous is None or list(MARKS.values()).index(mark) < list(MARKS.values()).index(previous):
                        row["marks"][rid] = mark
                        if line.region is not None:
                            row["units"][rid] = line.region.id
    for rid, view in views.items():
        for section in view.sections:
            if not section.applicable:
                for row in rows.values():
                    if row["block"] == section.title:
                        row["marks"][rid] = words.NOT_APPLICABLE
    order = _model_order(model)
    return [rows[k] for k in sorted(rows, key=lambda k: order.get(k[1], len(order)))]


def _model_order(model: dict) -> dict[str, int]:
    from ..model.units import walk_values

    ids = [v["id"] for _p, v in walk_values(model.get("system", {})) if isinstance(v, dict) and "id" in v]
    return {uid: i for i, uid in enumerate(ids)}


def added_rows(views: dict[str, View]) -> list[list[str]]:
    """Region, block, subject, clause, text of every unit a region added, and the model unit it
    may be reworded from (its clause and the beginning of its text, the score; empty when none
    is alike)."""
    return [[view.region, section.title, line.subject, line.region_ref, line.region_text,
             f"{line.candidate_ref} — {words.clip(line.candidate_text, 120)}" if line.candidate else "",
             words.confidence(line.pair.candidate_score) if line.candidate else ""]
            for view in views.values() for section in view.sections for group in section.groups
            for line in group.lines if line.category == "added"]


def matrix_markdown(views: dict[str, View], model: dict) -> str:
    names = [v.region for v in views.values()]
    header = ["Блок", "Пункт", "Текст примерного положения"] + names
    lines = [f"# {words.MATRIX_TITLE}\n", words.MATRIX_INTRO + "\n",
             "| " + " | ".join(cell(h) for h in header) + " |", "|" + " --- |" * len(header)]
    for row in unit_rows(views, model):
        lines.append("| " + " | ".join(cell(c) for c in [row["block"], row["ref"], row["text"]]
                                       + [row["marks"].get(r, "нет") for r in views]) + " |")
    lines.append("| " + " | ".join([cell(words.COVERAGE_ROW), "", ""] + [words.share(v.total["coverage"])
                                                                          for v in views.values()]) + " |")
    return "\n".join(lines) + "\n"


def matrix_xlsx(views: dict[str, View], model: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    _units_sheet(book.active, views, model)
    _coverage_sheet(book.create_sheet("Охват по блокам"), views)
    _added_sheet(book.create_sheet("Добавлено регионами"), views)
    import datetime as dt
    book.properties.created = book.properties.modified = dt.datetime(2000, 1, 1)
    book.properties.creator = book.properties.lastModifiedBy = words.MATRIX_TITLE
    buffer = io.BytesIO()     # stored, not compressed: deterministic_zip compresses it once
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED)).save()
    return deterministic_zip(buffer.getvalue())


def _units_sheet(sheet, views: dict[str, View], model: dict) -> None:
    sheet.title = "Единицы"
    widths = [20, 26, 12, 70] + [16] * len(views)
    header = ["Блок", "Субъект", "Пункт", "Текст примерного положения"] + [v.region for v in views.values()]
    rows = [[r["block"], r["group"], r["ref"], r["text"]] + [r["marks"].get(rid, "нет") for rid in views]
            for r in unit_rows(views, model)]
    _fill(sheet, header, rows, widths, marks_from=4)
    total = [words.COVERAGE_ROW, "", "", words.COVERAGE_NOTE] + [words.share(v.total["coverage"])
                                                                 for v in views.values()]
    escape.spreadsheet(sheet, len(rows) + 2, total)
    _style_row(sheet, len(rows) + 2, max(len(header), len(total), *map(len, rows)), widths, bold=True)
    sheet.auto_filter.ref = f"A1:{_column(len(header))}{len(rows) + 1}"


def _coverage_sheet(sheet, views: dict[str, View]) -> None:
    blocks: dict[str, dict[str, str]] = {}
    for rid, view in views.items():
        for section in view.sections:
            if section.coverage.get("model") or not section.applicable:
                value = words.share(section.coverage["coverage"]) if section.applicable else words.NOT_APPLICABLE
                blocks.setdefault(section.title, {})[rid] = value
    rows = [[title] + [marks.get(rid, "—") for rid in views] for title, marks in blocks.items()]
    rows.append([words.COVERAGE_ROW] + [words.share(v.total["coverage"]) for v in views.values()])
    _fill(sheet, ["Блок"] + [v.region for v in views.values()], rows, [34] + [18] * len(views), marks_from=1)
    _style_row(sheet, len(rows) + 1, max(len(views) + 1, *map(len, rows)), [34] + [18] * len(views), bold=True)


def _added_sheet(sheet, views: dict[str, View]) -> None:
    widths = [20, 18, 26, 14, 60, 50, 12]
    rows = added_rows(views)
    _fill(sheet, ["Регион", "Блок", "Субъект", "Пункт", "Текст", "Возможно, это (примерное положение)", "Сходство"],
          rows, widths)
    sheet.auto_filter.ref = f"A1:G{len(rows) + 1}"


def _fill(sheet, header: list[str], rows: list[list[str]], widths: list[int], marks_from: int | None = None) -> None:
    """The sheet's rows (through :func:`.escape.spreadsheet`: text stays text), styled as they
    are written (each row's cells up to the widest row so far, as openpyxl's ``sheet[row]`` gives
    them, without its scan of every cell per row)."""
    from openpyxl.styles import PatternFill

    for k, width in enumerate(widths, 1):
        sheet.column_dimensions[_column(k)].width = width
    escape.spreadsheet(sheet, 1, header)
    ncols = len(header)
    _style_row(sheet, 1, ncols, widths, bold=True, fill=HEADER_FILL)
    marked: dict[str, object] = {}      # a mark → the style of a cell filled for it, made once
    for r, row in enumerate(rows, 2):
        escape.spreadsheet(sheet, r, row)
        ncols = max(ncols, len(row))
        cells = _style_row(sheet, r, ncols, widths)
        if marks_from is not None:
            for c in cells[marks_from:]:
                if c.value in FILLS:
                    if c.value not in marked:
                        c.fill = PatternFill("solid", fgColor=FILLS[c.value])
                        marked[c.value] = c._style
                    c._style = copy(marked[c.value])
    sheet.freeze_panes = "A2" if marks_from is None else f"{_column(marks_from + 1)}2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _style_row(sheet, row: int, ncols: int, widths: list[int], bold: bool = False, fill: str | None = None) -> list:
    """Wrapped, top-aligned cells; the row as high as its longest wrapped cell. Its cells.
    The styles made so far are kept on the workbook (``rsnms_styles``: (bold, fill) → style)."""
    from openpyxl.styles import Alignment, Font, PatternFill

    styles = sheet.parent.__dict__.setdefault("rsnms_styles", {})

    lines = 1
    cells = [sheet.cell(row=row, column=k) for k in range(1, ncols + 1)]
    key = (bold, fill)                      # the first cell styled through openpyxl, the others given
    for k, c in enumerate(cells):           # its style (the same bytes, without a style object per cell)
        if key not in styles:
            c.alignment = Alignment(wrap_text=True, vertical="top")
            if bold:
                c.font = Font(bold=True)
            if fill:
                c.fill = PatternFill("solid", fgColor=fill)
            styles[key] = c._style
        else:
            c._style = copy(styles[key])
        width = widths[k] if k < len(widths) else 10
        lines = max(lines, wrapped_lines(str(c.value or ""), width * (0.9 if bold else 1.0)))
    sheet.row_dimensions[row].height = 15 * lines + 4
    return cells


def wrapped_lines(text: str, capacity: float) -> int:
    """How many lines ``text`` takes in a column of ``capacity`` characters, wrapped at spaces
    (a word longer than a line takes several)."""
    lines = 0
    for paragraph in text.split("\n"):
        used = 0.0
        lines += 1
        for word in paragraph.split():
            if used and used + 1 + len(word) > capacity:
                lines += 1
                used = 0.0
            used += (1 if used else 0) + len(word)
            while used > capacity:
                lines += 1
                used -= capacity
    return lines


def _column(k: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(k)
