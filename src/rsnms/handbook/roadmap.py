"""A region's roadmap as a page: its rows with filters by direction and responsible
(``docs/javascripts/roadmap-filter.js``), each row linked to its row in the act, and their
periods on a timeline that follows the filters."""

from __future__ import annotations

from ..model.units import iter_roadmap
from .charts import timeline
from .links import act_page
from .markdown import cell, html_text, scroll
from .sources import RegionSource, Sources


def plan(src: Sources, region: RegionSource) -> str:
    data = region.data
    page = f"regions/{region.id}/plan.md"
    rows, bars = [], []
    directions = data["roadmap"]["directions"]
    for i, (_path, item, direction, _group) in enumerate(iter_roadmap(data["roadmap"]), 1):
        d_no = directions.index(direction) + 1
        d_title = direction.get("title") or f"Направление {d_no}"
        responsible = ", ".join(item.get("responsible", []))
        num = html_text(item.get("num") or "—")
        href = src.links.href(region.id, item.get("id", ""), page)
        number = f'<a href="{html_text(href)}" title="Строка в тексте дорожной карты">{num}</a>' if href else num
        key = f"row-{i}"
        rows.append(
            f'<tr id="{key}" data-direction="{html_text(d_title)}" data-responsible="{html_text(responsible)}">\n'
            f"<td>{number}</td>\n<td>{html_text(item['activity'])}</td>\n<td>{html_text(responsible)}</td>\n"
            f"<td>{html_text(item.get('deadline', '')) or '—'}</td>\n<td>{html_text(item.get('result', ''))}</td></tr>")
        if item.get("period"):
            bars.append((key, item.get("num"), item["activity"], item["period"]))
    header = "".join(f"<th>{h}</th>" for h in ("№", "Мероприятие", "Ответственный", "Срок", "Результат"))
    table = (f'<table id="roadmap-table">\n<thead><tr>{header}</tr></thead>\n<tbody>\n'
             + "\n".join(rows) + "\n</tbody>\n</table>")
    return f"""# Мероприятия и сроки: {cell(data["region"]["name"])}

Строки дорожной карты; выберите направление или ответственного, чтобы оставить только их —
шкала времени ниже покажет те же строки. Номер строки ведёт к ней в тексте акта
([«Дорожная карта»]({act_page(region.id, 'roadmap').rsplit('/', 1)[1]})).

<div class="rsnms-filter" data-table="roadmap-table" data-timeline="roadmap-timeline"></div>

{scroll(table, "Мероприятия дорожной карты")}

## Сроки на шкале времени {{#timeline}}

{timeline(bars, "roadmap-timeline")}
"""
