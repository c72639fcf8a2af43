"""Tables and annexes of a regulation: indicators, subjects with their functions, a glossary,
other tables as chapters — for :class:`.regulation.Regulation` (``reg``)."""

from __future__ import annotations

import re

from . import Table
from .outline import ITEM, PARA, Node, build
from .subjects import is_subjects_table, subjects_from
from .tables import indicators_from, table_clauses
from .units import glossary_entry, is_glossary_run


def glossary(reg, node: Node) -> bool:
    entries = []
    for child in node.children:
        entry = glossary_entry(child.text) if child.kind in (ITEM, PARA) else None
        if entry is None:
            return False
        entries.append(entry)
    if entries and reg.put("glossary", entries):
        reg.placed.update(n.line for n in node.walk())
        return True
    return False



def glossary_annex(reg, nodes: list[Node], annexes: list) -> None:
    title = nodes[0].text if nodes and not glossary_entry(nodes[0].text) else ""
    entries = [glossary_entry(n.text) for n in nodes if glossary_entry(n.text)]
    if reg.put("glossary", entries):
        reg.placed.update(n.line for node in nodes for n in node.walk())
        annexes.append({"id": "glossary", "title": title or "Глоссарий", "ref": "system.glossary",
                        "stamp": False})



def table(reg, node: Node, section: Node, annexes: list) -> dict | None:
    table: Table = node.table
    reg.placed.update(r.line for r in table.rows)
    if re.search("показател", section.text, re.I) and reg.put("indicators", indicators_from(table)):
        return {"ref": "system.indicators", "present": "table", "columns": [c for c in table.rows[0].cells]}
    subjects = subjects_from([table]) if "subjects" not in reg.system else None
    if subjects and "subjects" not in reg.system:
        reg.taken.add("subjects")
        reg.system["subjects"] = subjects
        return {"ref": "system.subjects", "present": "table", "columns": table.rows[0].cells}
    chapter_id = reg.chapter_id(section.text or "table")
    clauses = table_clauses(table)
    reg.system.setdefault("chapters", []).append({"id": chapter_id, "title": section.text or "Таблица",
                                                   "clauses": clauses})
    return {"ref": f"system.chapters.{chapter_id}", "present": "table"}



def annex(reg, part, annexes: list) -> None:
    """An annex under a stamp «Приложение N к Положению»: indicators, subjects or a glossary."""
    tables = [b for b in part.body if isinstance(b, Table)]
    annex: dict = {"title": part.title}
    if tables and re.search("показател", part.title, re.I) and reg.put("indicators", indicators_from(tables[0])):
        annex.update(id="indicators", ref="system.indicators", columns=tables[0].rows[0].cells)
    elif tables and "subjects" not in reg.system and is_subjects_table(tables):
        reg.system["subjects"] = subjects_from(part.body, reg.system, reg.placed)
        reg.taken.add("subjects")
        annex.update(id="subjects", ref="system.subjects", columns=tables[0].rows[0].cells)
    else:
        nodes = build(part.body)
        if not is_glossary_run(nodes):
            return
        entries = [glossary_entry(n.text) for n in nodes if glossary_entry(n.text)]
        if not reg.put("glossary", entries):
            return
        annex.update(id="glossary", ref="system.glossary")
        for n in nodes:
            reg.placed.update(x.line for x in n.walk())
    for table in tables[:1]:
        reg.placed.update(r.line for r in table.rows)
    reg.placed.update(p.line for p in part.stamp)
    reg.placed.update(part.title_lines)
    annexes.append(annex)
