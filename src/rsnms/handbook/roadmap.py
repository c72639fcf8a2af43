"""A region's roadmap as a page: its rows with filters by direction and responsible
(``docs/javascripts/roadmap-filter.js``), and their periods on a timeline."""

from __future__ import annotations

import html

from ..model.units import iter_roadmap
from .charts import timeline


def plan(data: dict) -> str:
    name = data["region"]["name"]
    rows, bars = [], []
    directions = data["roadmap"]["directions"]
    for _path, item, direction, group in iter_roadmap(data["roadmap"]):
        d_no = directions.index(direction) + 1
        d_title = direction.get("title") or f"Направление {d_no}"
        responsible = ", ".join(item.get("responsible", []))
        rows.append(
            f'<tr data-direction="{html.escape(d_title)}" data-responsible="{html.escape(responsible)}">'
            f"<td>{item.get('num') or ''}</td><td>{html.escape(item['activity'])}</td>"
            f"<td>{html.escape(responsible)}</td><td>{html.escape(item.get('deadline', ''))}</td></tr>")
        if item.get("period"):
            bars.append((item.get("num"), item["activity"], item["period"]))
    return f"""# Мероприятия и сроки: {name}

Строки дорожной карты; выберите направление или ответственного, чтобы оставить только их.
Полный текст акта — на странице [«Дорожная карта»](roadmap.md).

<div class="rsnms-filter" data-table="roadmap-table"></div>

<table id="roadmap-table">
<thead><tr><th>№</th><th>Мероприятие</th><th>Ответственный</th><th>Срок</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>

## Сроки на шкале времени

{timeline(bars)}
"""
