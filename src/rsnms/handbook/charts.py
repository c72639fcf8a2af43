"""Pictures of the handbook: who works with whom (a Mermaid flowchart) and the roadmap's
periods on a timeline (SVG)."""

from __future__ import annotations

import html
import re
from datetime import date

from ..lang import words
from ..model.units import iter_leaves, unit_text


def diagram(data: dict) -> str:
    """Mermaid flowchart: subjects by level; an arrow where a subject's functions name another."""
    lines = ["```mermaid", "flowchart TB"]
    names = {}
    for level, items in data["system"].get("subjects", {}).items():
        lines.append(f'  subgraph {level}["{words.LEVEL_TITLES[level]}"]')
        for subject in items:
            label = subject.get("short") or subject["name"]
            node = re.sub(r"\W", "_", subject["id"])
            names[node] = (subject, label)
            lines.append(f'    {node}["{label.replace(chr(34), chr(39))}"]')
        lines.append("  end")
    for node, (subject, _label) in names.items():
        text = " ".join(unit_text(f) for f in iter_leaves(subject.get("functions", [])))
        for other, (other_subject, other_label) in names.items():
            short = other_subject.get("short")
            if other != node and short and len(short) > 2 and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", text):
                lines.append(f"  {node} --> {other}")
    lines.append("```")
    return "\n".join(lines)


def timeline(bars: list[tuple]) -> str:
    """An SVG Gantt chart of the rows' periods (months on the axis)."""
    if not bars:
        return "Сроки мероприятий не указаны датами."
    starts = [date.fromisoformat(p["start"]) for _n, _a, p in bars]
    ends = [date.fromisoformat(p["end"]) for _n, _a, p in bars]
    first, last = min(starts), max(ends)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    label_w, width, row_h = 60, 900, 14
    scale = (width - label_w) / max(months, 1)

    def x(day: date) -> float:
        return label_w + ((day.year - first.year) * 12 + day.month - first.month + (day.day - 1) / 31) * scale

    height = 30 + row_h * len(bars)
    parts = [f'<svg class="rsnms-timeline" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Сроки мероприятий дорожной карты" xmlns="http://www.w3.org/2000/svg">']
    for m in range(months + 1):
        year, month = first.year + (first.month - 1 + m) // 12, (first.month - 1 + m) % 12 + 1
        xm = label_w + m * scale
        parts.append(f'<line x1="{xm:.1f}" y1="18" x2="{xm:.1f}" y2="{height}" stroke="#ddd"/>')
        if month == 1 or m == 0:
            parts.append(f'<text x="{xm + 2:.1f}" y="12" font-size="10">{year}</text>')
    for i, (num, activity, period) in enumerate(bars):
        y = 22 + i * row_h
        x0, x1 = x(date.fromisoformat(period["start"])), x(date.fromisoformat(period["end"]))
        parts.append(f'<text x="0" y="{y + 9}" font-size="9">{num or "—"}</text>')
        parts.append(f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 2):.1f}" height="{row_h - 4}" '
                     f'fill="#3f51b5"><title>{html.escape(activity)} ({period["start"]} — '
                     f'{period["end"]})</title></rect>')
    parts.append("</svg>")
    return "".join(parts)
