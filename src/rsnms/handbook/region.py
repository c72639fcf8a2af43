"""A region's pages: the overview (authority, acts, who works with whom, subjects by level)
and each act as a navigable document, rendered from the composed
:class:`~rsnms.model.document.Document` that the .docx is rendered from, so that a page never
disagrees with the document: a contents list, a «§» permalink on every clause and row, and
the act's data for machines (JSON download, schema.org ``Legislation``)."""

from __future__ import annotations

from ..compose import ACT_KINDS
from ..lang import words
from ..lang.formats import requisites
from ..model.units import iter_leaves, unit_text
from ..writers.act_json import to_json
from .acts import act_markdown
from .charts import diagram
from .indicators import indicators_page
from .markdown import cell, profile_cell, rich_cell, table
from .roadmap import plan
from .sources import Pages, RegionSource, Sources, download_links


def region_pages(src: Sources, region: RegionSource, pages: Pages) -> None:
    overview(region, pages)
    for key in ACT_KINDS:
        act_page(region, key, pages)
    if region.data.get("roadmap"):
        pages.add(f"regions/{region.id}/plan.md", plan(src, region), f"{region.name} — мероприятия и сроки",
                  hide=["toc"])
    if region.data["system"].get("indicators"):
        pages.add(f"regions/{region.id}/indicators.md", indicators_page(src, region), f"{region.name} — показатели")


def overview(region: RegionSource, pages: Pages) -> None:
    data, rid = region.data, region.id
    rows = []
    for key, kind in ACT_KINDS.items():
        act = region.acts[key]
        rows.append([f"[{kind.title}]({kind.slug}.md)", words.ACT_STATUS[act.get("status", "draft")],
                     cell(_requisites(key, act)), _name(region, key, act),
                     download_links(region.files[kind.slug], f"../../files/{rid}/{kind.slug}")])
    head = data["authority"].get("head")
    extra = ["- [Сравнение с примерным положением](compare.md)" + _coverage(region),
             "- [Мероприятия и сроки дорожной карты](plan.md)" if data.get("roadmap") else "",
             "- [Показатели эффективности](indicators.md)" if data["system"].get("indicators") else ""]
    pages.add(f"regions/{rid}/index.md", f"""# {cell(region.name)}

**Орган управления образованием:** {cell(data['authority']['name'])}{
f" ({cell(head['position'])} — {cell(head['name'])})" if head else ""}.
**Система:** {cell(data['system']['name'])} ({cell(data['system']['abbr'])}).

## Акты {{#acts}}

{table(["Акт", "Статус", "Реквизиты", "Наименование", "Файлы"], rows)}

{chr(10).join(x for x in extra if x)}

## Кто с кем взаимодействует {{#diagram data-search-exclude}}

Стрелка ведёт от субъекта к тому, кого он упоминает в своих функциях.

{diagram(data)}

## Субъекты по уровням {{#subjects}}

{chr(10).join(_subjects(data))}

## Проверка актов {{#lint data-search-exclude}}

{lint_section(region)}
""", f"{region.name} — обзор")


def lint_section(region: RegionSource) -> str:
    """What `rsnms lint` found in the region's profile and in every act rsnms built for it:
    a count, and each finding with its place, rule, message and the text as it stands."""
    from ..lint.finding import SEVERITY_WORDS
    from ..lint.output import summary

    shown = [f for f in region.lint if not f.known]
    head = (f"Юридико-техническая проверка (`rsnms lint {region.id}`): {summary(region.lint)}. "
            "Правила и их смысл — в README, раздел «Проверка актов».")
    if not shown:
        return head + "\n\nОшибок, предупреждений и замечаний нет."
    rows = [[cell(f.file.split("/")[-1]), f"{f.line}:{f.column}", SEVERITY_WORDS[f.severity], f"`{f.rule}`",
             cell(f.message), cell(f.excerpt)] for f in shown]
    return head + "\n\n" + table(["Файл", "Место", "Важность", "Правило", "Что не так", "Текст"], rows)


def _name(region: RegionSource, key: str, act: dict) -> str:
    """The act's name as one phrase («Положение о создании …»), as composed."""
    from ..compose.facts import sentence_case

    doc = region.documents.get(key)
    if doc is None:
        return profile_cell(region.data, act.get("title", ""))
    title = doc.title.plain.strip()
    if title[:12].isupper() and doc.heading.plain.strip():     # «О СОЗДАНИИ …» as printed: a sentence here
        heading = " ".join(doc.heading.plain.split())
        return cell(f"{heading[:1]}{heading[1:].lower()} {sentence_case(title, region.data)}")
    return rich_cell(doc.name)


def _requisites(key: str, act: dict) -> str:
    """The order's date and number; for an act adopted by an order the profile does not hold,
    that order's («утвержден приказом от 25.04.2022 № 201»)."""
    if key == "order":
        return requisites(act)
    approval = act.get("approved_by")
    if approval:
        kind = words.KIND_FORMS[approval["kind"]]
        return f"{words.APPROVED[words.KIND_FORMS.get(act.get('kind', ''), kind)['gender']].lower()} " \
               f"{kind['ins']} {requisites(approval)}"
    return ""


def _coverage(region: RegionSource) -> str:
    """«: охват по существенным блокам (задачи, …): 98 %» — the figure of the region's comparison."""
    view = region.comparison
    if view is None or not view.total.get("blocks"):
        return ""
    return ": " + cell(words.overall(words.share(view.total["coverage"]), [t.lower() for t in view.substantive]))


def _subjects(data: dict) -> list[str]:
    out = []
    for level, entries in data["system"].get("subjects", {}).items():
        out.append(f"### {words.LEVEL_TITLES[level]} {{#{level}}}\n")
        for subject in entries:
            out.append(f"#### {cell(subject['name'])}\n")
            if subject.get("short"):
                out.append(f"Сокращение: {cell(subject['short'])}.\n")
            functions = [f"- {profile_cell(data, unit_text(f))}" for f in iter_leaves(subject.get("functions", []))]
            if functions:
                out.append("Функции:\n\n" + "\n".join(functions) + "\n")
    return out


def act_page(region: RegionSource, key: str, pages: Pages) -> None:
    kind = ACT_KINDS[key]
    act = region.acts[key]
    doc = region.documents[key]
    note = ("Текст принятого акта, собранный из данных региона."
            if act.get("status") == "adopted" else
            "Проект: составлен по данным региона и примерному положению; незаполненные места "
            "отмечены в квадратных скобках.")
    href = f"../../files/{region.id}/{kind.slug}"
    pages.files[f"files/{region.id}/{kind.slug}.json"] = to_json(doc)
    links = download_links(region.files[kind.slug], href, f"[JSON]({href}.json)")
    pages.add(f"regions/{region.id}/{kind.slug}.md", f"""# {cell(kind.title)}: {cell(region.name)}

{note} {links}

---

{act_markdown(doc)}""", f"{region.name} — {kind.title}", legislation=legislation(region, key, doc.title.plain),
              downloads=[f"files/{region.id}/{kind.slug}.{suffix}" for suffix in ("docx", "json")],
              **({"hide": ["toc"]} if doc.roadmap is not None else {}))


def legislation(region: RegionSource, key: str, title: str) -> dict:
    """schema.org ``Legislation`` of an act; the theme (``theme/main.html``) writes it as
    JSON-LD with the page's address and the downloads' addresses."""
    act, kind = region.acts[key], ACT_KINDS[key]
    data = {"@context": "https://schema.org", "@type": "Legislation",
            "name": " ".join(x for x in (str(act.get("kind") or kind.title).capitalize(), title) if x),
            "inLanguage": "ru", "legislationJurisdiction": region.name,
            "legislationType": act.get("kind") or kind.title,
            "legislationLegalForce": "InForce" if act.get("status") == "adopted" else "NotInForce",
            "creativeWorkStatus": words.ACT_STATUS[act.get("status", "draft")],
            "legislationPassedBy": {"@type": "GovernmentOrganization", "name": region.data["authority"]["name"]}}
    if act.get("date"):
        data["legislationDate"] = str(act["date"])
    if act.get("number"):
        data["legislationIdentifier"] = str(act["number"])
    return data
