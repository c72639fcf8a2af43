"""An act of sections and clauses (a regulation, a network regulation) → its ``outline`` and
the system's units it holds.

Each clause becomes a clause of the outline: a recognised list goes to ``system`` and the
clause points to it (``ref: system.tasks``); a goal, subjects with their functions, the
monitoring's periodicity likewise; anything else stays as it stands (text, items,
sub-clauses). A section with no recognised unit is a chapter of its own
(``system.chapters``). Tables: indicators, subjects with their functions, or a chapter
laid out as a table. A glossary after the body, or under a stamp «Приложение N к
Положению», is an annex.
"""

from __future__ import annotations

import re

from ...lang.typography import NBSP
from . import annexes as annexes_mod
from .outline import CLAUSE, ITEM, LABEL, PARA, SECTION, TABLE, Node, build, is_title_like, sectioned
from .tables import indicator, indicators_from
from .units import (GOAL, PERIODICITY, block_of, glossary_entry, inline_list, is_glossary_run, is_subject_list,
                    level_of, list_units, marker_style, sections_of, subject_from, subject_level)

LIST_PATHS = {"interaction.subjects", "interaction.channels", "monitoring.methods"}


class Regulation:
    """Recognises the outline acts of one source into one ``system``."""

    def __init__(self, system: dict, placed: set[int]):
        self.system = system
        self.placed = placed
        self.taken: set[str] = set()
        self.ids: set[str] = set()

    # --- system blocks
    def put(self, block: str, value) -> bool:
        """Store a block of the system once; False when it is already there."""
        if block in self.taken:
            return False
        self.taken.add(block)
        holder = self.system
        *path, last = block.split(".")
        for key in path:
            holder = holder.setdefault(key, {})
        holder[last] = value
        return True

    def chapter_id(self, title: str) -> str:
        from .names import slug
        base = slug(title, "chapter")
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        return candidate

    # --- the act
    def act(self, body: list) -> dict:
        roots = build(body)
        nodes = [n for r in roots for n in r.walk()]
        act: dict = {"numbering": "sectioned" if sectioned(nodes) else "continuous"}
        style = marker_style([n for n in nodes if n.kind == ITEM])
        act["list_style"] = style if style in ("1)", "а)", "-", "–", "·") else "-"
        self.list_style = act["list_style"]
        annexes: list[dict] = []
        outline = []
        for section in sections_of(roots):
            outline.append(self.section(section, annexes))
        act["outline"] = [s for s in outline if s.get("clauses") or s.get("title")] or [{"title": "", "clauses": []}]
        if annexes:
            act["annexes"] = annexes
        return act

    def section(self, section: Node, annexes: list) -> dict:
        self.placed.add(section.line)
        spec: dict = {"title": section.text}
        if section.plain:
            spec["plain"] = True
        children = list(section.children)
        glossary_at = _glossary_start(children)
        tail = children[glossary_at:] if glossary_at is not None else []
        children = children[:glossary_at] if glossary_at is not None else children
        before = set(self.taken)
        clauses = []
        if section.plain and children:
            lead = Node(CLAUSE, section.text, section.number, section.line, children=children)
            if is_subject_list(lead) or block_of(lead):
                spec_lead = self._clause(lead, section, annexes) or {}
                spec_lead.pop("text", None)
                if "ref" in spec_lead and "present" not in spec_lead:
                    spec_lead["unnumbered"] = True
                clauses = spec_lead.pop("clauses", None) if "ref" not in spec_lead else [spec_lead]
                if "tail" in spec_lead and clauses and clauses[-1] is not spec_lead:
                    clauses.append({"text": " ".join(spec_lead["tail"]), "unnumbered": True})
                children = []
        for node in children:
            clauses += self.clause(node, section, annexes)
        if tail:
            annexes_mod.glossary_annex(self, tail, annexes)
        recognised = self.taken - before
        if not recognised and section.text and not section.plain and clauses and \
                not re.match(r"^общие положения", section.text, re.I):
            chapter_id = self.chapter_id(section.text)
            self.system.setdefault("chapters", []).append({"id": chapter_id, "title": section.text,
                                                           "clauses": clauses})
            spec["clauses"] = [{"ref": f"system.chapters.{chapter_id}", "present": "clauses"}]
        else:
            spec["clauses"] = clauses
        if section.plain and not spec["clauses"]:
            spec["clauses"] = []
        if not section.text:                       # text before the first section
            spec["title"] = ""
        return spec

    def clause(self, node: Node, section: Node, annexes: list, nested: bool = False) -> list[dict]:
        """The clauses of the outline a node gives: itself, then paragraphs that follow its list."""
        after, tail = [], []
        if node.children and node.children[-1].kind == PARA and any(c.kind == ITEM for c in node.children):
            while node.children and node.children[-1].kind == PARA:
                after.insert(0, node.children.pop())
            while after and after[0].text[:1].islower():   # the sentence goes on after the list
                tail.append(after.pop(0))
        spec = self._clause(node, section, annexes, nested)
        if spec is not None and tail:
            self.placed.update(t.line for t in tail)
            spec["tail"] = spec.get("tail", []) + [t.text for t in tail]
        out = [spec] if spec else []
        for para in after:
            out += self.clause(para, section, annexes, nested)
        return out

    def _clause(self, node: Node, section: Node, annexes: list, nested: bool = False) -> dict | None:
        self.placed.add(node.line)
        if node.kind == TABLE:
            return annexes_mod.table(self, node, section, annexes)
        if nested:          # a sub-clause of a clause that is not a list of units: it stays as it stands
            spec = {"text": node.text} if node.text else {}
            if node.kind != CLAUSE:
                spec["unnumbered"] = True
            return self.plain(node, spec, section, annexes)
        unnumbered = node.kind not in (CLAUSE,) and not (node.kind == ITEM and node.number)
        if node.kind == CLAUSE and GOAL.match(node.text) and not node.children and self.put("goal", node.text):
            return {"ref": "system.goal"}
        if PERIODICITY.search(node.text) and not node.children and self.put("monitoring.periodicity", node.text):
            return {"ref": "system.monitoring.periodicity", **({"unnumbered": True} if unnumbered else {})}
        if is_subject_list(node):
            return subjects_clause(self, node, unnumbered)
        if node.kind == CLAUSE and not node.children:
            spec = self.inline(node)
            if spec is not None:
                return spec
        block = block_of(node)
        spec: dict = {"text": node.text} if node.text else {}
        if unnumbered:
            spec["unnumbered"] = True
        if block == "glossary" and annexes_mod.glossary(self, node):
            spec["ref"] = "system.glossary"
            spec.update(self._style(node))
            return spec
        if block == "indicators" and any(c.kind == TABLE for c in node.children):
            table = next(c for c in node.children if c.kind == TABLE)
            if self.put("indicators", indicators_from(table.table)):
                self.placed.update(n.line for n in node.walk())
                self.placed.update(r.line for r in table.table.rows)
                spec.update(ref="system.indicators", present="table", columns=table.table.rows[0].cells)
                return spec
        if block and block not in ("glossary",) and any(c.kind in (ITEM, CLAUSE, LABEL) for c in node.children):
            units = list_units(node, self.placed)
            if block == "indicators":
                units = [_indicator(u) for u in units]
            if units and self.put(block, units):
                spec["ref"] = f"system.{block}"
                if any(c.kind == CLAUSE for c in node.children):
                    spec["present"] = "clauses"
                spec.update(self._style(node))
                return spec
        return self.plain(node, spec, section, annexes)

    def inline(self, node: Node) -> dict | None:
        """A clause whose sentence holds the list: its lead, the list as units, the rest as its tail."""
        found = inline_list(node.text)
        if found is None or found[0] == "glossary":
            return None
        block, lead, items, tail = found
        if not self.put(block, [_indicator(i) for i in items] if block == "indicators" else items):
            return None
        spec: dict = {"text": lead, "ref": f"system.{block}"}
        if self.list_style != "none":
            spec["list_style"] = "none"
        if tail:
            spec["tail"] = [tail]
        return spec

    def plain(self, node: Node, spec: dict, section: Node, annexes: list) -> dict:
        """A clause as it stands: its items, sub-clauses and paragraphs after them."""
        items = [c for c in node.children if c.kind == ITEM]
        if items:
            spec["items"] = list_units(Node(CLAUSE, "", children=items), self.placed)
            spec.update(self._style(node))
        subs = []
        for child in node.children:
            if child.kind in (CLAUSE, TABLE):
                subs += self.clause(child, section, annexes, nested=child.kind == CLAUSE)
            elif child.kind in (PARA, LABEL) and child not in items:
                self.placed.add(child.line)
                if subs or not items:
                    subs.append({"text": child.text, "unnumbered": True})
                else:
                    spec.setdefault("tail", []).append(child.text)
        if subs:
            spec["clauses"] = subs
        return spec if spec else None

    def _style(self, node: Node) -> dict:
        style = marker_style([c for c in node.children if c.kind == ITEM] or
                             [k for c in node.children for k in c.children if k.kind == ITEM])
        return {"list_style": style} if style and style != self.list_style else {}

def subjects_clause(reg: "Regulation", node: Node, unnumbered: bool) -> dict:
    """A clause listing subjects: the subjects by level into ``system.subjects``, the clause points to them."""
    level = level_of(node.text) or "regional"
    members = [c for c in node.children if c.kind in (ITEM, CLAUSE)]
    by_level: dict[str, list] = {}
    subject = None
    for child in node.children:
        if child.kind in (ITEM, CLAUSE):
            reg.placed.add(child.line)
            subject = subject_from(child, reg.placed)
            by_level.setdefault(subject_level(subject, level), []).append(subject)
        elif subject is not None:        # a paragraph after a subject's functions: a note of it
            reg.placed.update(n.line for n in child.walk())
            subject.setdefault("notes", []).append(child.text)
    reg.taken.add("subjects")
    refs = []
    for lvl, subjects in by_level.items():
        existing = reg.system.setdefault("subjects", {}).setdefault(lvl, [])
        existing.extend(subjects)
        refs.append(f"system.subjects.{lvl}")
    spec: dict = {"text": node.text} if node.text else {}
    as_clauses = any(m.kind == CLAUSE for m in members)
    if len(refs) == 1 and not (as_clauses and node.text and not node.kind == SECTION):
        spec["ref"] = refs[0]
        if not as_clauses:
            spec["present"] = "list"
            style = marker_style([k for m in members for k in m.children if k.kind == ITEM])
            if style:
                spec["list_style"] = style
    else:
        spec["clauses"] = [{"ref": r} for r in refs]
    if unnumbered:
        spec["unnumbered"] = True
    return spec


def _indicator(unit) -> dict:
    """An indicator of a list: an object with its text (groups keep their items as indicators)."""
    if isinstance(unit, dict) and "group" in unit:
        return {"group": unit["group"], "items": [_indicator(u) for u in unit["items"]]}
    return indicator(unit if isinstance(unit, str) else unit.get("text", ""))


def _glossary_start(children: list[Node]) -> int | None:
    """Where a glossary without a stamp starts at the end of a section: its title and entries."""
    for i in range(len(children)):
        rest = children[i:]
        if len(rest) >= 4 and rest[0].kind in (PARA, LABEL) and not glossary_entry(rest[0].text) \
                and is_title_like(rest[0].text.replace(NBSP, " ")) and is_glossary_run(rest[1:]):
            return i
    return None
