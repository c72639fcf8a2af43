"""Pictures of the handbook, drawn at build time so that a page needs nothing from the
internet: who works with whom (Graphviz ``dot`` → inline SVG) and the roadmap's periods on
a timeline (SVG).

Graphviz is a Debian package (``scripts/install-system-deps.sh``); its SVG for the same
input is the same bytes. Without ``dot`` the page says so and lists the links as text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from datetime import date

from .. import escape
from ..lang import words
from ..model.units import iter_leaves, unit_text
from .markdown import html_text

FONT = "DejaVu Sans"


def links_between(data: dict) -> tuple[list[tuple[str, str, list[tuple[str, str]]]], list[tuple[str, str]]]:
    """Levels with their subjects (node id, label) and the arrows (from, to): an arrow where
    a subject's functions name another subject by its short name."""
    levels, names = [], {}
    for level, items in data["system"].get("subjects", {}).items():
        nodes = []
        for subject in items:
            node = "n_" + re.sub(r"\W", "_", subject["id"], flags=re.A)   # a DOT identifier
            names[node] = subject
            nodes.append((node, subject.get("short") or subject["name"]))
        levels.append((level, words.LEVEL_TITLES[level], nodes))
    arrows = []
    for node, subject in names.items():
        text = " ".join(unit_text(f) for f in iter_leaves(subject.get("functions", [])))
        for other, other_subject in names.items():
            short = other_subject.get("short")
            if other != node and short and len(short) > 2 and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", text):
                arrows.append((node, other))
    return levels, arrows


def _label(text: str) -> str:
    """A node's label: wrapped into short lines, as a DOT string (:func:`rsnms.escape.dot`)."""
    return escape.dot("\n".join(textwrap.wrap(text, 28)))


def dot_source(data: dict) -> str:
    levels, arrows = links_between(data)
    out = ["digraph rsnms {",
           f'  graph [rankdir=TB, fontname="{FONT}", fontsize=12, bgcolor="transparent", nodesep=0.25, '
           'ranksep=0.45, newrank=true];',
           f'  node [shape=box, style="rounded,filled", fillcolor="#e8eaf6", color="#3f51b5", fontname="{FONT}", '
           'fontsize=11, margin="0.12,0.06"];',
           '  edge [color="#5c6bc0", arrowsize=0.7];']
    for level, title, nodes in levels:
        out.append(f'  subgraph {escape.dot("cluster_" + level)} {{ label={_label(title)}; style="rounded"; '
                   'color="#9fa8da";')
        out += [f"    {node} [label={_label(label)}];" for node, label in nodes]
        out.append("  }")
    out += [f"  {a} -> {b};" for a, b in arrows]
    out.append("}")
    return "\n".join(out) + "\n"


def diagram(data: dict) -> str:
    """The interaction diagram as inline SVG (or, without Graphviz, a note), then the same
    links as a list for screen readers and for print."""
    levels, arrows = links_between(data)
    if not any(nodes for _l, _t, nodes in levels):
        return "Субъекты в профиле не указаны."
    labels = {node: label for _l, _t, nodes in levels for node, label in nodes}
    svg = render_svg(dot_source(data))
    picture = (f'<figure class="rsnms-diagram" data-search-exclude>\n{svg}\n</figure>' if svg else
               '<p class="rsnms-note">Схема не построена: при сборке не найдена программа Graphviz (dot).</p>')
    items = "".join(f"<li>{html_text(labels[a])} → {html_text(labels[b])}</li>" for a, b in arrows)
    listing = (f'<details class="rsnms-diagram-text"><summary>Связи схемы текстом</summary><ul>{items}</ul>'
               "</details>" if items else "")
    return picture + ("\n\n" + listing if listing else "")


def render_svg(source: str) -> str:
    """``dot -Tsvg``, cleaned for inlining: no XML prolog or comments; its natural size is
    kept (the style sheet scales it down to the column)."""
    dot = shutil.which("dot")
    if dot is None:
        return ""
    result = subprocess.run([dot, "-Tsvg"], input=source.encode("utf-8"), capture_output=True, check=True)
    svg = result.stdout.decode("utf-8")
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = svg.replace("<svg ", '<svg role="img" aria-label="Схема взаимодействия субъектов" ', 1)
    # one line per element and no blank line: the SVG stays one raw HTML block in Markdown
    return "\n".join(line for line in svg.splitlines() if line.strip())


def timeline(bars: list[tuple], element_id: str = "timeline") -> str:
    """A Gantt chart of the rows' periods in HTML (text at the page's size, the full years on
    the axis): one line per row ``(row id, number, activity, period)``; the roadmap filter
    hides the line of a hidden row."""
    if not bars:
        return "Сроки мероприятий не указаны датами."
    first = min(date.fromisoformat(p["start"]) for *_x, p in bars).year
    last = max(date.fromisoformat(p["end"]) for *_x, p in bars).year
    span = (date(last + 1, 1, 1) - date(first, 1, 1)).days

    def at(day: str, end: bool = False) -> float:
        d = date.fromisoformat(day)
        return ((d - date(first, 1, 1)).days + (1 if end else 0)) / span * 100

    years = "".join(f'<span style="left:{at(f"{y}-01-01"):.2f}%;width:{at(f"{y}-12-31", True) - at(f"{y}-01-01"):.2f}%">'
                    f"{y}</span>" for y in range(first, last + 1))
    lines = []
    for row, num, activity, period in bars:
        x0, x1 = at(period["start"]), at(period["end"], True)
        hint = html_text(f"{activity} ({period['start']} — {period['end']})")
        lines.append(f'<div class="rsnms-timeline__row" data-row="{row}"><span class="rsnms-timeline__label">'
                     f'{html_text(num or "—")}</span><span class="rsnms-timeline__track"><span '
                     f'class="rsnms-timeline__bar" style="left:{x0:.2f}%;width:{max(x1 - x0, 0.5):.2f}%" '
                     f'title="{hint}"></span></span></div>')
    return (f'<div class="rsnms-timeline" id="{element_id}" data-search-exclude role="group" '
            f'aria-label="Сроки мероприятий дорожной карты">\n<div class="rsnms-timeline__axis"><span '
            f'class="rsnms-timeline__label">№</span><span class="rsnms-timeline__track">{years}</span></div>\n'
            + "\n".join(lines) + "\n</div>")
