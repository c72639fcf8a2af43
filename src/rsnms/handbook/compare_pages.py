"""Pages across regions: subjects and functions, the matrix, each region's comparison with
the model, indicators side by side, the merged glossary, the federal acts cited.

The comparison page and the matrix are the handbook's own rendering of the alignment
(:mod:`rsnms.compare.align`), not the report's Markdown: every unit links to its clause in
the region's act and in the model, and no internal id is shown.
"""

from __future__ import annotations

import re

from ..compare.align import Alignment, Pair, block_title
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
    for region in src.regions:
        pages.add(f"regions/{region.id}/compare.md", report_page(src, region),
                  f"{region.name} — сравнение с примерным положением")
    pages.add("compare/indicators.md", indicators_side_by_side(src.model, regions), "Сравнение регионов — показатели",
              hide=["toc"])
    pages.add("compare/glossary.md", glossary_page(src), "Сравнение регионов — глоссарий")
    pages.add("compare/federal-acts.md", federal_acts_page(src), "Сравнение регионов — федеральные акты")


def _data(src: Sources, owner: str) -> dict:
    return src.model if owner == MODEL else next(r.data for r in src.regions if r.id == owner)


def _unit(src: Sources, owner: str, unit, page: str, where: str) -> str:
    """A unit's text with a «§» link to its clause (``where`` names the act for the tooltip)."""
    if unit is None:
        return ""
    href = src.links.href(owner, unit.id, page)
    link = f' <a class="rsnms-unit-link" href="{href}" title="{where}">§</a>' if href else ""
    return profile_cell(_data(src, owner), unit.text) + link


def _diff(diff: list[tuple[str, str]], data: dict) -> str:
    """Deletions struck out, insertions underlined (each piece escaped)."""
    out = []
    for op, text in diff:
        piece = profile_cell(data, text)
        out.append(piece if op == "=" else f"<del>{piece}</del>" if op == "-" else f"<ins>{piece}</ins>")
    return " ".join(out)


def _pair_row(src: Sources, region: RegionSource, pair: Pair, page: str) -> list[str]:
    model = _unit(src, MODEL, pair.model, page, "Пункт примерного положения")
    text = _unit(src, region.id, pair.region, page, "Пункт акта региона")
    if pair.status == "changed" and pair.region is not None:
        href = src.links.href(region.id, pair.region.id, page)
        text = _diff(pair.diff, region.data) + (f' <a class="rsnms-unit-link" href="{href}" title="Пункт акта региона">§</a>'
                                   if href else "")
    return [model, text, words.PAIR_STATUS[pair.status]]


def report_page(src: Sources, region: RegionSource) -> str:
    alignment: Alignment = region.alignment
    page = f"regions/{region.id}/compare.md"
    base = f"../../files/compare/{region.id}"
    rows = []
    for block, entry in alignment.coverage().items():
        share = f"{entry['coverage'] * 100:.0f} %" if entry["coverage"] is not None else "—"
        title = "Всего" if block == words.TOTAL else block_title(block)
        rows.append([title, str(entry["model"]), str(entry["kept"]), str(entry["changed"]), str(entry["missing"]),
                     str(entry["added"]), share])
    roles = {s["id"]: s for _l, _p, s in iter_subjects(src.model["system"])}
    subjects = []
    for _level, _path, subject in iter_subjects(region.data["system"]):
        role = alignment.subjects.get(subject["id"])
        name = src.links.link(region.id, subject["id"], page, cell(subject["name"]), "Субъект в акте региона")
        model = (src.links.link(MODEL, role, page, cell(roles[role]["name"]), "Субъект в примерном положении")
                 if role in roles else "— (нет в примерном положении)")
        subjects.append([name, model])
    parts = [f"# Сравнение с примерным положением: {cell(region.name)}\n",
             "Каждая единица актов региона сопоставлена с единицей примерного положения: сохранена "
             "дословно, сохранена с изменениями (удалённые слова <del>зачёркнуты</del>, добавленные "
             "<ins>подчёркнуты</ins>), отсутствует в регионе или добавлена регионом. Знак «§» ведёт к "
             "пункту в акте региона или в примерном положении.\n",
             f"Файлы: [отчёт .docx]({base}/report.docx) · [положение с правкой относительно примерного "
             f"(режим исправлений) .docx]({base}/redline.docx) · [JSON]({base}/alignment.json)\n",
             "## Охват по блокам {#coverage}\n",
             table(["Блок", "Единиц в примерном положении", "Сохранено", "Изменено", "Нет в регионе",
                    "Добавлено", "Охват"], rows) + "\n",
             "## Субъекты {#subjects}\n", table(["Субъект региона", "Роль в примерном положении"], subjects) + "\n"]
    for block in dict.fromkeys(p.block for p in alignment.pairs):
        anchor = re.sub(r"\W", "-", block)
        parts += [f"## {cell(block_title(block))} {{#{anchor}}}\n",
                  table(["Примерное положение", "Регион", "Статус"],
                        [_pair_row(src, region, p, page) for p in alignment.pairs if p.block == block]) + "\n"]
    return "\n".join(parts)


def matrix_page(src: Sources) -> str:
    """Every unit of the model in a row, every region in a column: kept, changed or missing,
    the model's text and each region's mark linked to the clause."""
    units: dict[tuple[str, str], dict] = {}
    for region in src.regions:
        for pair in region.alignment.pairs:
            if pair.model is not None:
                units.setdefault((pair.block, pair.model.id), {"unit": pair.model})[region.id] = pair
    rows = []
    for (block, _uid), entry in units.items():
        row = [cell(block_title(block)), _unit(src, MODEL, entry["unit"], MATRIX, "Пункт примерного положения")]
        for region in src.regions:
            pair = entry.get(region.id)
            status = pair.status if pair else "missing"
            mark = words.MATRIX_MARKS.get(status, "нет")
            if pair is not None and pair.region is not None:
                mark = src.links.link(region.id, pair.region.id, MATRIX, mark, f"Пункт акта: {region.name}")
            row.append(f'<span class="rsnms-mark rsnms-mark--{status}">{mark}</span>')
        rows.append(row)
    header = ["Блок", "Текст примерного положения"] + [cell(r.name) for r in src.regions]
    return ("# Примерное положение по регионам\n\nДля каждой единицы примерного положения — есть ли она в "
            "регионе дословно, с изменениями или её нет; отметка ведёт к пункту акта региона, знак «§» — к "
            "пункту примерного положения. Подробности — на страницах сравнения регионов. "
            "[Скачать .xlsx](../files/compare/matrix.xlsx)\n\n" + table(header, rows) + "\n")


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
