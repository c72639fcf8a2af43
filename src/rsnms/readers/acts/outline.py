"""The body of an act as a tree: sections, clauses, list items, labels, paragraphs, tables.

Numbers are read as printed: «2.1.» (a clause under section 2), «7.» (a clause, or a
section when the act numbers by sections), «III.» and «Раздел 3» (sections), «1)»,
«а)», «–», «•» (list items; «- 1)» is read as «1)»). A list item nests under the item
before it when its marker is of another kind and that item ends with a colon; a
paragraph without a number after a clause ending with a colon is an item without a
marker. Headings styled as such («Heading 1», «Раздел») are sections whatever their
text. Nothing is dropped: every paragraph and table becomes a node with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import Para, Table

SECTION, CLAUSE, ITEM, LABEL, PARA, TABLE = "section", "clause", "item", "label", "para", "table"

_CLAUSE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.(?!\d)\s*(?=\S)(.*)$")
_CLAUSE_NO_DOT = re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})*)\s+(.*)$")
_ROMAN = re.compile(r"^([IVXL]{1,6})\.\s+(.*)$")
_CHAPTER = re.compile(r"^(?:Раздел|РАЗДЕЛ|Глава|ГЛАВА)\s+([\dIVXL]+)\.?\s*(.*)$")
_ITEM = re.compile(r"^(?:[-–—•·▪]\s*)?(\d{1,2}\)|[а-яa-z]\))\s*(.*)$")
_BULLET = re.compile(r"^([-–—•·▪*])\s*(.*)$")
LEAD_END = re.compile(r"(:|\bв соответствии с|\bсогласно|\bна основании)$")
HEADING_STYLES = re.compile(r"^(heading 1|заголовок 1|раздел|title)$", re.I)
ITEM_STYLES = re.compile(r"(перечень|list)", re.I)


@dataclass
class Node:
    kind: str
    text: str
    number: str = ""              # «2.1», «3)», «а)», «–»; '' for none
    line: int = 0
    children: list["Node"] = field(default_factory=list)
    table: Table | None = None
    style: str = ""
    plain: bool = False           # a section without a title: its text is a numbered paragraph

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1 if self.kind == CLAUSE and self.number else 0

    @property
    def marker(self) -> str:
        """The kind of list marker: «1)», «а)», or the bullet itself."""
        if re.fullmatch(r"\d+\)", self.number):
            return "1)"
        if re.fullmatch(r"[а-яa-z]\)", self.number):
            return "а)"
        return self.number

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def classify(para: Para) -> Node:
    """A paragraph as a node of its kind, its number apart from its text."""
    text = para.text.strip()
    if HEADING_STYLES.match(para.style or ""):
        m = _CLAUSE.match(text) or _ROMAN.match(text) or _CHAPTER.match(text)
        return Node(SECTION, m.group(2) if m else text, m.group(1) if m else "", para.line, style=para.style)
    for pattern, kind in ((_CHAPTER, SECTION), (_ROMAN, SECTION), (_CLAUSE, CLAUSE), (_CLAUSE_NO_DOT, CLAUSE),
                          (_ITEM, ITEM), (_BULLET, ITEM)):
        m = pattern.match(text)
        if m and m.group(2).strip():
            return Node(kind, m.group(2).strip(), m.group(1), para.line, style=para.style)
    if text.endswith(":") and len(text) < 120 and not ITEM_STYLES.search(para.style or ""):
        return Node(LABEL, text, "", para.line, style=para.style)
    return Node(PARA, text, "", para.line, style=para.style)


def is_title_like(text: str) -> bool:
    """A section title, not a clause: short, no sentence punctuation at its end, or in capitals."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    return len(text) <= 160 and not text.endswith((";", ":", ",")) and text.count(". ") == 0


def sectioned(nodes: list[Node]) -> bool:
    """The act numbers its clauses by sections («2.1.»): some «N.M.» follows a «N.»."""
    seen: set[str] = set()
    for node in nodes:
        if node.kind in (CLAUSE, SECTION) and re.fullmatch(r"[\d.]+", node.number or "x"):
            parts = node.number.split(".")
            if len(parts) == 1:
                seen.add(parts[0])
            elif parts[0] in seen:
                return True
    return False


class Builder:
    """Places nodes in the tree as they come."""

    def __init__(self, by_sections: bool):
        self.by_sections = by_sections
        self.roots: list[Node] = []
        self.section: Node | None = None
        self.clauses: list[Node] = []          # open clauses, by depth
        self.items: list[Node] = []            # open list items, outermost first
        self.section_no = 0

    def parent(self) -> Node | None:
        return self.clauses[-1] if self.clauses else self.section

    def attach(self, node: Node, parent: Node | None) -> None:
        (parent.children if parent is not None else self.roots).append(node)

    def add(self, node: Node) -> None:
        if node.kind == CLAUSE and node.depth == 1 and self._is_section(node):
            node.kind = SECTION
        if node.kind == SECTION:
            self.section_no = int(node.number) if node.number.isdigit() else self.section_no + 1
            node.plain = bool(node.number) and not is_title_like(node.text)
            self.section, self.clauses, self.items = node, [], []
            self.roots.append(node)
        elif node.kind == CLAUSE:
            self.items = []
            while self.clauses and self.clauses[-1].depth >= node.depth:
                self.clauses.pop()
            self.attach(node, self.parent())
            self.clauses.append(node)
        elif node.kind == ITEM:
            self._item(node)
        elif node.kind == LABEL:
            self.items = []
            self.attach(node, self.parent())
        elif node.kind == PARA and self._unmarked_item(node):
            node.kind, node.number = ITEM, ""
            self._item(node)
        else:
            self.items = []
            self.attach(node, self.parent())

    def _is_section(self, node: Node) -> bool:
        if not self.by_sections:
            return is_title_like(node.text) and (node.text.isupper() or node.style.lower() in ("раздел",))
        number = int(node.number)
        if self.section is not None and number == self.section_no and not self.section.children:
            return False            # «1.» repeated for the first clause of section 1: a misnumbered clause
        return True

    def _unmarked_item(self, node: Node) -> bool:
        """A paragraph after a lead ending with a colon («…:», «… в соответствии с»), or among
        unmarked items, is an item; one going on with «и …» ends the list."""
        if re.match(r"^(и|а также)\s", node.text):
            return False
        parent = self.parent()
        if self.items:
            return self.items[-1].number == "" and not self.items[-1].text.endswith(".")
        last = parent.children[-1] if parent is not None and parent.children else parent
        return last is not None and last.kind in (CLAUSE, SECTION, LABEL) and LEAD_END.search(last.text) is not None

    def _item(self, node: Node) -> None:
        for depth in range(len(self.items) - 1, -1, -1):
            if self.items[depth].marker == node.marker:
                del self.items[depth + 1:]
                holder = self.items[depth - 1] if depth else None
                self.attach(node, holder if holder is not None else self._list_parent())
                self.items[depth] = node
                return
        if self.items and self.items[-1].text.rstrip().endswith(":"):
            self.attach(node, self.items[-1])
            self.items.append(node)
            return
        self.items = [node]
        self.attach(node, self._list_parent())

    def _list_parent(self) -> Node | None:
        parent = self.parent()
        if parent is not None and parent.children and parent.children[-1].kind == LABEL:
            return parent          # items under a label «Функции:» belong to the clause
        return parent


def build(blocks: list) -> list[Node]:
    """The tree of an act body (the blocks after its title)."""
    nodes = [classify(b) if isinstance(b, Para) else Node(TABLE, "", "", b.line, table=b) for b in blocks]
    builder = Builder(sectioned(nodes))
    for node in nodes:
        builder.add(node)
    return builder.roots
