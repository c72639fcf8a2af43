"""Pages across regions: subjects and functions, the matrix, each region's comparison with
the model, indicators side by side, the merged glossary, the federal acts cited."""

from __future__ import annotations

import re

from ..compare.matrix import matrix_markdown
from ..compare.report import report_markdown
from ..model.profile import MODEL_ID
from ..model.units import iter_leaves, iter_subjects, unit_text
from .indicators import indicators_side_by_side
from .markdown import cell, table
from .sources import Pages, Sources

MODEL_SOURCE = "примерное положение"


def compare_pages(src: Sources, pages: Pages) -> None:
    regions = [(r.id, r.data) for r in src.regions]
    alignments = {r.id: r.alignment for r in src.regions}
    pages.add("compare/subjects.md", subjects_page(src))
    names = {rid: data["region"]["name"] for rid, data in regions}
    pages.add("compare/matrix.md", matrix_markdown(alignments, src.model, names))
    for rid, data in regions:
        base = f"../../files/compare/{rid}"
        links = (f"Файлы: [отчёт .docx]({base}/report.docx) · [положение с правкой относительно "
                 f"примерного (режим исправлений) .docx]({base}/redline.docx) · [JSON]({base}/alignment.json)\n")
        pages.add(f"regions/{rid}/compare.md", report_markdown(alignments[rid], data, src.model, links))
    pages.add("compare/indicators.md", indicators_side_by_side(src.model, regions))
    pages.add("compare/glossary.md", glossary_page(src))
    pages.add("compare/federal-acts.md", federal_acts_page(src))


def subjects_page(src: Sources) -> str:
    roles = [s for _l, _p, s in iter_subjects(src.model["system"])]
    header = ["Субъект примерного положения"] + [cell(r.name) for r in src.regions]
    rows = []
    for role in roles:
        row = [cell(role["name"])]
        for region in src.regions:
            names = {s["id"]: s for _l, _p, s in iter_subjects(region.data["system"])}
            matched = [sid for sid, rl in region.alignment.subjects.items() if rl == role["id"]]
            row.append("<br>".join(cell(names[m].get("short") or names[m]["name"]) for m in matched) or "—")
        rows.append(row)
    frows = []
    marks = {"kept": "сохранена", "changed": "изменена"}
    for role in roles:
        for function in iter_leaves(role.get("functions", [])):
            row = [cell(role.get("short") or role["name"]), cell(unit_text(function))]
            for region in src.regions:
                status = next((p.status for p in region.alignment.pairs
                               if p.block == "functions" and p.model and p.model.id == function["id"]), "missing")
                row.append(marks.get(status, "—"))
            frows.append(row)
    return f"""# Субъекты и функции по регионам

Какой субъект примерного положения есть в каждом регионе: связь указана в профиле
(`model_ref`) или найдена по наименованию и по тому, что субъект делает (его функциям).
Подробное сравнение — на странице «Сравнение с примерным положением» каждого региона и в
[сводной таблице](matrix.md).

{table(header, rows)}

## Функции

{table(["Субъект", "Функция примерного положения"] + header[1:], frows)}
"""


def glossary_page(src: Sources) -> str:
    glossary: dict[str, list[tuple[str, str]]] = {}
    for source, data in [(MODEL_SOURCE, src.model)] + [(r.name, r.data) for r in src.regions]:
        for entry in data["system"].get("glossary", []):
            key = re.sub(r"[«»\"]", "", entry["term"]).strip()
            glossary.setdefault(key, []).append((source, entry["definition"]))
    parts = ["# Глоссарий\n\nТермины актов всех регионов и примерного положения; у каждого "
             "определения — акт, из которого оно взято.\n"]
    for term in sorted(glossary, key=str.lower):
        parts.append(f"**{cell(term)}**\n")
        parts += [f"- {cell(definition)} *({cell(source)})*" for source, definition in glossary[term]]
        parts.append("")
    return "\n".join(parts)


def federal_acts_page(src: Sources) -> str:
    names = {r.id: r.name for r in src.regions}
    names[MODEL_ID] = MODEL_SOURCE
    rows = [[cell(a["short"]), cell(a["title"]), cell(", ".join(names.get(c, c) for c in a.get("cited_in", [])))]
            for a in src.catalog.registry["acts"]]
    return ("# Федеральные акты\n\nАкты, на которые ссылаются положения регионов и примерное положение, "
            "и кто на них ссылается.\n\n" + table(["Акт", "Наименование", "Ссылаются"], rows) + "\n")
