"""Writers of the comparison with the federal model: report (.md, .docx), redline (.docx),
alignment (.json), and the cross-region matrix (.md, .xlsx).

The report is written once, as Markdown (the handbook page), and converted by pandoc to
.docx; insertions are bold, deletions struck out.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from .align import STATUS_TITLES, Alignment, align, block_title
from .fsutil import write_atomic

FORMATS = ("docx", "json", "md", "xlsx")
MATRIX_MARKS = {"kept": "сохранено", "changed": "изменено", "missing": "нет"}


def _cell(text: str) -> str:
    return (text or "").replace("|", "&#124;").replace("\n", " ")


def _diff_markdown(diff: list[tuple[str, str]]) -> str:
    out = []
    for op, words in diff:
        words = _cell(words)
        out.append(words if op == "=" else f"~~{words}~~" if op == "-" else f"**{words}**")
    return " ".join(out)


def report_markdown(alignment: Alignment, region: dict, model: dict, links: str = "") -> str:
    name = region["region"]["name"]
    coverage = alignment.coverage()
    rows = []
    for block, entry in coverage.items():
        share = f"{entry['coverage'] * 100:.0f} %" if entry["coverage"] is not None else "—"
        title = "Всего" if block == "всего" else block_title(block)
        rows.append(f"| {title} | {entry['model']} | {entry['kept']} | {entry['changed']} | "
                    f"{entry['missing']} | {entry['added']} | {share} |")
    parts = [f"# Сравнение с примерным положением: {name}\n",
             "Каждая единица положения региона сопоставлена с единицей примерного положения: "
             "сохранена дословно, сохранена с изменениями (удалённые слова ~~зачёркнуты~~, "
             "добавленные — **полужирным**), отсутствует в регионе или добавлена регионом. "
             "Сопоставление учитывает словоформы (леммы) и подбирает пары так, чтобы их общее "
             "сходство было наибольшим; связь `model_ref` в профиле всегда главнее.\n",
             links,
             "## Охват по блокам\n",
             "| Блок | Единиц в примерном положении | Сохранено | Изменено | Нет в регионе | Добавлено | Охват |",
             "| " + " | ".join("-" * w for w in (30, 14, 12, 12, 12, 12, 9)) + " |", *rows, "",
             "## Субъекты\n",
             "| Субъект региона | Роль в примерном положении |", "| " + "-" * 40 + " | " + "-" * 40 + " |"]
    from .profile import iter_subjects
    roles = {s["id"]: s["name"] for _l, _p, s in iter_subjects(model["system"])}
    for _level, _path, subject in iter_subjects(region["system"]):
        role = alignment.subjects.get(subject["id"])
        parts.append(f"| {_cell(subject['name'])} | {_cell(roles.get(role, role)) if role else '— (нет в примерном положении)'} |")
    parts.append("")
    for block in dict.fromkeys(p.block for p in alignment.pairs):
        parts += [f"## {block_title(block)}\n", "| Примерное положение | Регион | Статус |",
                  "| " + "-" * 38 + " | " + "-" * 38 + " | " + "-" * 15 + " |"]
        for pair in (p for p in alignment.pairs if p.block == block):
            model = _cell(pair.model.text) if pair.model else ""
            if pair.status == "changed":
                text = _diff_markdown(pair.diff)
            else:
                text = _cell(pair.region.text) if pair.region else ""
            parts.append(f"| {model} | {text} | {STATUS_TITLES[pair.status]} |")
        parts.append("")
    return "\n".join(parts)


def report_docx(markdown: str) -> bytes:
    """The report as .docx (pandoc's own styles); table column widths follow the dashes of
    the Markdown tables (``--columns`` small, so every table spans the page)."""
    import tempfile

    import pypandoc

    from .docx_writer import deterministic_zip

    import os
    os.environ.setdefault("SOURCE_DATE_EPOCH", "946684800")   # pandoc's dates: fixed, for equal bytes
    with tempfile.TemporaryDirectory(prefix="rsnms-report-") as tmp:
        target = Path(tmp) / "report.docx"
        pypandoc.convert_text(markdown, "docx", format="markdown", outputfile=str(target),
                              extra_args=["--columns=20"])
        return deterministic_zip(target.read_bytes())


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
    rows = [[block_title(block), uid, entry["text"]] + [MATRIX_MARKS.get(entry.get(r, "missing"), "нет")
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
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def matrix_xlsx(alignments: dict[str, Alignment], model: dict, names: dict[str, str]) -> bytes:
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Alignment as CellAlignment, Font, PatternFill

    from .docx_writer import deterministic_zip

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


def write_region(target: Path, alignment: Alignment, region: dict, model: dict, formats,
                 redline: bytes | None) -> list[Path]:
    """The comparison files of one region in ``target``: report.md/.docx, redline.docx, alignment.json."""
    written = []
    markdown = report_markdown(alignment, region, model)
    if "md" in formats:
        write_atomic(target / "report.md", markdown)
        written.append(target / "report.md")
    if "docx" in formats:
        write_atomic(target / "report.docx", report_docx(markdown))
        written.append(target / "report.docx")
        if redline is not None:
            write_atomic(target / "redline.docx", redline)
            written.append(target / "redline.docx")
    if "json" in formats:
        write_atomic(target / "alignment.json",
                     json.dumps(alignment.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        written.append(target / "alignment.json")
    return written


def compare_all(profiles: list[dict], model: dict) -> dict[str, Alignment]:
    return {p["id"]: align(p, model) for p in profiles}
