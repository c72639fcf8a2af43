"""The comparison report of one region: Markdown (the handbook page), .docx (by pandoc),
and the files of ``build/compare/<region>/`` (report, redline, alignment).

Insertions are bold, deletions struck out.
"""

from __future__ import annotations

import json

from ..lang import words
from ..model.units import iter_subjects
from ..writers.pandoc import to_docx
from .align import Alignment, block_title

FORMATS = ("docx", "json", "md", "xlsx")


def cell(text: str) -> str:
    """Text for a cell of a Markdown table (the report is Markdown, then .docx)."""
    return (text or "").replace("|", "&#124;").replace("\n", " ")


def _diff_markdown(diff: list[tuple[str, str]]) -> str:
    out = []
    for op, text in diff:
        text = cell(text)
        out.append(text if op == "=" else f"~~{text}~~" if op == "-" else f"**{text}**")
    return " ".join(out)


def report_markdown(alignment: Alignment, region: dict, model: dict, links: str = "") -> str:
    name = region["region"]["name"]
    coverage = alignment.coverage()
    rows = []
    for block, entry in coverage.items():
        share = f"{entry['coverage'] * 100:.0f} %" if entry["coverage"] is not None else "—"
        title = "Всего" if block == words.TOTAL else block_title(block)
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
    roles = {s["id"]: s["name"] for _l, _p, s in iter_subjects(model["system"])}
    for _level, _path, subject in iter_subjects(region["system"]):
        role = alignment.subjects.get(subject["id"])
        parts.append(f"| {cell(subject['name'])} | {cell(roles.get(role, role)) if role else '— (нет в примерном положении)'} |")
    parts.append("")
    for block in dict.fromkeys(p.block for p in alignment.pairs):
        parts += [f"## {block_title(block)}\n", "| Примерное положение | Регион | Статус |",
                  "| " + "-" * 38 + " | " + "-" * 38 + " | " + "-" * 15 + " |"]
        for pair in (p for p in alignment.pairs if p.block == block):
            model = cell(pair.model.text) if pair.model else ""
            if pair.status == "changed":
                text = _diff_markdown(pair.diff)
            else:
                text = cell(pair.region.text) if pair.region else ""
            parts.append(f"| {model} | {text} | {words.PAIR_STATUS[pair.status]} |")
        parts.append("")
    return "\n".join(parts)


def report_docx(markdown: str) -> bytes:
    """The report as .docx (pandoc's own styles); table column widths follow the dashes of
    the Markdown tables (``--columns`` small, so every table spans the page)."""
    return to_docx(markdown, "markdown", ["--columns=20"])


def region_files(alignment: Alignment, region: dict, model: dict, formats,
                 redline: bytes | None) -> dict[str, bytes | str]:
    """The comparison files of one region: report.md/.docx, redline.docx, alignment.json."""
    files: dict[str, bytes | str] = {}
    markdown = report_markdown(alignment, region, model)
    if "md" in formats:
        files["report.md"] = markdown
    if "docx" in formats:
        files["report.docx"] = report_docx(markdown)
        if redline is not None:
            files["redline.docx"] = redline
    if "json" in formats:
        files["alignment.json"] = json.dumps(alignment.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return files
