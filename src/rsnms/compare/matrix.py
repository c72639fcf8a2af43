"""The matrix: every unit of the model in a row, every region in a column (kept, changed,
missing) — as a handbook page (Markdown) and a workbook (.xlsx)."""

from __future__ import annotations

import io

from ..lang import words
from ..writers.ooxml import deterministic_zip
from .align import Alignment, block_title
from .report import cell


def matrix_rows(alignments: dict[str, Alignment], model: dict) -> tuple[list[str], list[list[str]]]:
    """Header and rows: one row per model unit, one column per region (kept / changed / missing)."""
    regions = list(alignments)
    units: dict[tuple[str, str], dict] = {}
    for rid, alignment in alignments.items():
        for pair in alignment.pairs:
            if pair.model is None:
                continue
            key = (pair.block, pair.model.id)
            units.setdefault(key, {"text": pair.model.text})[rid] = pair.status
    header = ["Блок", "Единица", "Текст примерного положения"] + regions
    rows = [[block_title(block), uid, entry["text"]] + [words.MATRIX_MARKS.get(entry.get(r, "missing"), "нет")
                                                        for r in regions]
            for (block, uid), entry in units.items()]
    return header, rows


def matrix_markdown(alignments: dict[str, Alignment], model: dict, names: dict[str, str]) -> str:
    header, rows = matrix_rows(alignments, model)
    header = header[:3] + [names.get(r, r) for r in header[3:]]
    lines = ["# Примерное положение по регионам\n",
             "Для каждой единицы примерного положения — есть ли она в регионе дословно, с изменениями "
             "или её нет. Подробности — на страницах сравнения регионов. "
             "[Скачать .xlsx](../files/compare/matrix.xlsx)\n",
             "| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def matrix_xlsx(alignments: dict[str, Alignment], model: dict, names: dict[str, str]) -> bytes:
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Alignment as CellAlignment, Font, PatternFill

    header, rows = matrix_rows(alignments, model)
    header = header[:3] + [names.get(r, r) for r in header[3:]]
    book = Workbook()
    sheet = book.active
    sheet.title = "Охват"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fills = {"сохранено": "C8E6C9", "изменено": "FFF59D", "нет": "FFCDD2"}
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row][3:]:
            cell.fill = PatternFill("solid", fgColor=fills[cell.value])
    for column, width in zip("ABC", (22, 18, 80)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        row[0].alignment = CellAlignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "D2"
    stamp = dt.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = book.properties.lastModifiedBy = "rsnms"
    buffer = io.BytesIO()
    book.save(buffer)
    return deterministic_zip(buffer.getvalue())
