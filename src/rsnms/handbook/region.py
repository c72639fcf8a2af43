"""A region's pages: the overview (authority, acts, who works with whom, subjects by level)
and the full text of each act, converted by pandoc from the rendered .docx so that a page
never disagrees with the document."""

from __future__ import annotations

import re
from pathlib import Path

from ..compose import ACT_KINDS
from ..lang import words
from ..lang.formats import requisites
from ..model.units import iter_leaves, unit_text
from ..writers.pandoc import docx_to_gfm
from .charts import diagram
from .indicators import indicators_page
from .markdown import cell, table
from .roadmap import plan
from .sources import Pages, RegionSource, download_links


def region_pages(region: RegionSource, pages: Pages) -> None:
    overview(region, pages)
    for key, kind in ACT_KINDS.items():
        act_page(region, key, pages)
    if region.data.get("roadmap"):
        pages.add(f"regions/{region.id}/plan.md", plan(region.data))
    if region.data["system"].get("indicators"):
        pages.add(f"regions/{region.id}/indicators.md", indicators_page(region.data))


def act_markdown(docx: Path) -> str:
    """The text of a rendered act; its own heading lines stay paragraphs (page headings are ours)."""
    return re.sub(r"^#", r"\\#", docx_to_gfm(docx), flags=re.M)


def overview(region: RegionSource, pages: Pages) -> None:
    data, rid = region.data, region.id
    rows = []
    for key, kind in ACT_KINDS.items():
        act = region.acts[key]
        rows.append([f"[{kind.title}]({kind.slug}.md)", words.ACT_STATUS[act.get("status", "draft")],
                     cell(requisites(act) if key == "order" else ""), cell(act.get("title", "")),
                     download_links(region.files[kind.slug], f"../../files/{rid}/{kind.slug}")])
    head = data["authority"].get("head")
    extra = ["- [Сравнение с примерным положением](compare.md)",
             "- [Мероприятия и сроки дорожной карты](plan.md)" if data.get("roadmap") else "",
             "- [Показатели эффективности](indicators.md)" if data["system"].get("indicators") else ""]
    pages.add(f"regions/{rid}/index.md", f"""# {region.name}

**Орган управления образованием:** {cell(data['authority']['name'])}{
f" ({cell(head['position'])} — {cell(head['name'])})" if head else ""}.
**Система:** {cell(data['system']['name'])} ({cell(data['system']['abbr'])}).

## Акты

{table(["Акт", "Статус", "Реквизиты", "Наименование", "Файлы"], rows)}

{chr(10).join(x for x in extra if x)}

## Кто с кем взаимодействует

{diagram(data)}

## Субъекты по уровням

{chr(10).join(_subjects(data))}
""")


def _subjects(data: dict) -> list[str]:
    out = []
    for level, entries in data["system"].get("subjects", {}).items():
        out.append(f"### {words.LEVEL_TITLES[level]}\n")
        for subject in entries:
            out.append(f"#### {cell(subject['name'])}\n")
            if subject.get("short"):
                out.append(f"Сокращение: {cell(subject['short'])}.\n")
            functions = [f"- {cell(unit_text(f))}" for f in iter_leaves(subject.get("functions", []))]
            if functions:
                out.append("Функции:\n\n" + "\n".join(functions) + "\n")
    return out


def act_page(region: RegionSource, key: str, pages: Pages) -> None:
    kind = ACT_KINDS[key]
    note = ("Текст принятого акта, собранный из данных региона."
            if region.acts[key].get("status") == "adopted" else
            "Проект: составлен по данным региона и примерному положению; незаполненные места "
            "отмечены в квадратных скобках.")
    docx = region.files[kind.slug]
    pages.add(f"regions/{region.id}/{kind.slug}.md", f"""# {kind.title}: {region.name}

{note} {download_links(docx, f"../../files/{region.id}/{kind.slug}")}

---

{act_markdown(docx)}
""")
