"""Pages across regions: subjects and functions, the matrix, each region's comparison with
the model, indicators side by side, the merged glossary, the federal acts cited.

The comparison page and the matrix are the handbook's own rendering of the alignment
(:mod:`rsnms.compare.align`), not the report's Markdown: every unit links to its clause in
the region's act and in the model, and no internal id is shown.
"""

from __future__ import annotations

import re

from ..compare import matrix, report
from ..compare.view import Line, View
from ..lang import words
from ..model.profile import MODEL_ID
from ..model.units import iter_leaves, iter_subjects, unit_text
from .indicators import indicators_side_by_side
from .links import MODEL
from .markdown import cell, profile_cell, table
from .sources import Pages, RegionSource, Sources

MODEL_SOURCE = "примерное положение"
MATRIX = "compare/matrix.md"


def compare_pages(src: Sources, pages: Pages) -> None:
    regions = [(r.id, r.data) for r in src.regions]
    pages.add("compare/subjects.md", subjects_page(src), "Сравнение регионов — субъекты и функции", hide=["toc"])
    pages.add(MATRIX, matrix_page(src), "Сравнение регионов — сводная таблица", hide=["toc"])
    pages.add("compare/indicators.md", indicators_side_by_side(src.model, regions), "Сравнение регионов — показатели",
              hide=["toc"])
    pages.add("compare/glossary.md", glossary_page(src), "Сравнение регионов — глоссарий")
    pages.add("compare/federal-acts.md", federal_acts_page(src), "Сравнение регионов — федеральные акты")


def _data(src: Sources, owner: str) -> dict:
    return src.model if owner == MODEL else next(r.data for r in src.regions if r.id == owner)


def _link(src: Sources, owner: str, unit: str, page: str, where: str) -> str:
    href = src.links.href(owner, unit, page)
    return f' <a class="rsnms-unit-link" href="{href}" title="{where}">§</a>' if href else ""


def _line_cells(src: Sources, region: RegionSource, line: Line, page: str) -> list[str]:
    """Model, region, what happened, confidence — each unit with a «§» link to its clause."""
    model = ""
    if line.model is not None:
        text = cell(line.model_ref) if line.category == "kept" else f"{cell(line.model_ref)} — {cell(line.model_text)}"
        model = text + _link(src, MODEL, line.model.id, page, "Пункт примерного положения")
    elif line.candidate is not None:
        model = (f'<span class="rsnms-candidate">{cell(words.CANDIDATE)}: {cell(line.candidate_ref)} — '
                 f'{cell(line.candidate_text)}</span>'
                 + _link(src, MODEL, line.candidate.id, page, "Пункт примерного положения"))
    text = ""
    if line.region is not None:
        body = (" ".join(cell(t) if op == "=" else f"<del>{cell(t)}</del>" if op == "-" else f"<ins>{cell(t)}</ins>"
                         for op, t in line.diff) if line.category in ("substantive", "editorial")
                else cell(line.region_text))
        head = cell(" · ".join(x for x in (line.region_ref, line.subject) if x))
        text = (f"{head} — {body}" if head else body) + _link(src, region.id, line.region.id, page, "Пункт акта региона")
    confidence = report.confidence(line)
    if line.check or line.candidate is not None:
        confidence = f'<span class="rsnms-check">{cell(confidence)}</span>'
    return [model, text, words.CATEGORY_MARKS[line.category], confidence]


def report_page(src: Sources, region: RegionSource, pages: Pages) -> None:
    pages.add(f"regions/{region.id}/compare.md", report_text(src, region),
              f"{region.name} — сравнение с примерным положением")


def report_text(src: Sources, region: RegionSource) -> str:
    view: View = region.comparison
    page = f"regions/{region.id}/compare.md"
    base = f"../../files/compare/{region.id}"
    files = [f"[отчёт .docx]({base}/report.docx)"]
    if view.has_regulation:
        files.append(f"[положение с правкой относительно примерного (режим исправлений) .docx]({base}/redline.docx)")
    files.append(f"[JSON]({base}/alignment.json)")
    parts = [f"# {words.REPORT_TITLE}: {cell(view.region)}\n", *[cell(x) + "\n" for x in report.compared(view)],
             "Файлы: " + " · ".join(files) + "\n",
             f"## {words.SUMMARY_TITLE} {{#coverage}}\n",
             table(report.SUMMARY_HEADER, [[cell(c) for c in row] for row in report.summary_rows(view)]) + "\n",
             f"**{cell(report.overall(view))}**\n", cell(words.LEGEND) + "\n",
             f"## {words.DECISIONS_TITLE} {{#decisions}}\n"]
    parts += [f"- {cell(d.text)}" for d in view.decisions] or [cell(words.NO_DECISIONS)]
    parts += ["", "## Субъекты и роли {#subjects}\n", table(["Субъект региона", "Роль в примерном положении",
                                                               "Уверенность"], _roles(src, region, page)) + "\n"]
    for section in view.sections:
        anchor = re.sub(r"\W", "-", section.block)
        parts.append(f"## {cell(section.title)} {{#{anchor}}}\n")
        if not section.applicable or section.absent:
            parts.append(cell(words.NOT_APPLICABLE_SECTION if not section.applicable
                              else words.absent_block(section.coverage["model"])) + "\n")
            continue
        for group in section.groups:
            if group.title:            # not a heading: the page's contents stay a list of blocks
                parts.append(f"**{cell(group.title)}**\n")
            parts.append(table(["Примерное положение", "Акт региона", "Что с единицей", "Уверенность"],
                               [_line_cells(src, region, line, page) for line in group.lines]) + "\n")
    return "\n".join(parts)


def _roles(src: Sources, region: RegionSource, page: str) -> list[list[str]]:
    names = {s["id"]: s for _l, _p, s in iter_subjects(region.data["system"])}
    roles = {s["id"]: s for _l, _p, s in iter_subjects(src.model["system"])}
    rows = []
    for sid, role in region.alignment.roles.items():
        name = src.links.link(region.id, sid, page, cell(names[sid]["name"]), "Субъект в акте региона")
        model = (src.links.link(MODEL, role.role, page, cell(roles[role.role]["name"]), "Субъект в примерном положении")
                 if role.role in roles else cell(words.NO_ROLE))
        rows.append([name, model, cell(f"{words.confidence(role.score)} — {words.ROLE_REASONS[role.reason]}")])
    return rows


def matrix_page(src: Sources) -> str:
    """Every unit of the model in a row, every region in a column (the marks of its report), each
    mark linked to the region's clause; the coverage row last."""
    views = {r.id: r.comparison for r in src.regions}
    rows = []
    for row in matrix.unit_rows(views, src.model):
        cells = [cell(row["block"]), cell(row["text"]) + _link(src, MODEL, row["id"], MATRIX, "Пункт примерного положения")]
        for region in src.regions:
            mark = row["marks"].get(region.id, "нет")
            unit = row["units"].get(region.id)
            text = src.links.link(region.id, unit, MATRIX, cell(mark), f"Пункт акта: {region.name}") if unit else cell(mark)
            cells.append(f'<span class="rsnms-mark rsnms-mark--{matrix.MARK_CLASSES.get(mark, "missing")}">{text}</span>')
        rows.append(cells)
    rows.append([f"**{cell(words.COVERAGE_ROW)}**", cell(words.COVERAGE_NOTE)]
                + [f"**{cell(words.share(v.total['coverage']))}**" for v in views.values()])
    header = ["Блок", "Текст примерного положения"] + [cell(r.name) for r in src.regions]
    return (f"# {words.MATRIX_TITLE}\n\n{cell(words.MATRIX_INTRO)} Отметка ведёт к пункту акта региона, знак «§» — к "
            "пункту примерного положения. [Скачать .xlsx](../files/compare/matrix.xlsx)\n\n" + table(header, rows) + "\n")


def subjects_page(src: Sources) -> str:
    page = "compare/subjects.md"
    roles = [s for _l, _p, s in iter_subjects(src.model["system"])]
    header = ["Субъект примерного положения"] + [cell(r.name) for r in src.regions]
    rows = []
    for role in roles:
        row = [src.links.link(MODEL, role["id"], page, cell(role["name"]), "Субъект в примерном положении")]
        for region in src.regions:
            names = {s["id"]: s for _l, _p, s in iter_subjects(region.data["system"])}
            matched = [sid for sid, rl in region.alignment.subjects.items() if rl == role["id"]]
            row.append("<br>".join(src.links.link(region.id, m, page, cell(names[m].get("short") or names[m]["name"]),
                                                  f"Субъект в акте: {region.name}") for m in matched) or "—")
        rows.append(row)
    frows = []
    marks = {"kept": "сохранена", "changed": "изменена"}
    for role in roles:
        for function in iter_leaves(role.get("functions", [])):
            row = [cell(role.get("short") or role["name"]),
                   src.links.link(MODEL, function["id"], page, profile_cell(src.model, unit_text(function)),
                                  "Пункт примерного положения")]
            for region in src.regions:
                pair = next((p for p in region.alignment.pairs
                             if p.block == "functions" and p.model and p.model.id == function["id"]), None)
                mark = marks.get(pair.status, "—") if pair else "—"
                if pair is not None and pair.region is not None and pair.status in marks:
                    mark = src.links.link(region.id, pair.region.id, page, mark, f"Функция в акте: {region.name}")
                row.append(mark)
            frows.append(row)
    return f"""# Субъекты и функции по регионам

Какой субъект примерного положения есть в каждом регионе: связь указана в профиле региона
или найдена по наименованию и по тому, что субъект делает (его функциям). Имена и отметки
ведут к пунктам актов. Подробное сравнение — на странице «Сравнение с примерным положением»
каждого региона и в [сводной таблице](matrix.md).

{table(header, rows)}

## Функции {{#functions}}

{table(["Субъект", "Функция примерного положения"] + header[1:], frows)}
"""


def glossary_page(src: Sources) -> str:
    page = "compare/glossary.md"
    glossary: dict[str, list[tuple[str, str, str, str]]] = {}
    sources = [(MODEL, MODEL_SOURCE, src.model)] + [(r.id, r.name, r.data) for r in src.regions]
    for owner, source, data in sources:
        for entry in data["system"].get("glossary", []):
            key = re.sub(r"[«»\"]", "", entry["term"]).strip()
            glossary.setdefault(key, []).append((owner, source, entry.get("id", ""), entry["definition"]))
    parts = ["# Глоссарий\n\nТермины актов всех регионов и примерного положения; у каждого "
             "определения — акт, из которого оно взято (ссылка ведёт к пункту акта).\n"]
    for term in sorted(glossary, key=str.lower):
        parts.append(f"**{cell(term)}**\n")
        parts += [f"- {profile_cell(_data(src, owner), definition)} "
                  f"*({src.links.link(owner, uid, page, cell(source), 'Пункт акта')})*"
                  for owner, source, uid, definition in glossary[term]]
        parts.append("")
    return "\n".join(parts)


def federal_acts_page(src: Sources) -> str:
    names = {r.id: r.name for r in src.regions}
    names[MODEL_ID] = MODEL_SOURCE
    rows = [[cell(a["short"]), cell(a["title"]), cell(", ".join(names.get(c, c) for c in a.get("cited_in", [])))]
            for a in src.catalog.registry["acts"]]
    return ("# Федеральные акты\n\nАкты, на которые ссылаются положения регионов и примерное положение, "
            "и кто на них ссылается.\n\n" + table(["Акт", "Наименование", "Ссылаются"], rows) + "\n")
