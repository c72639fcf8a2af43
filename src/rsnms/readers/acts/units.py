"""The system's units, recognised by the clauses they stand in.

A clause's lead tells what its list holds: «Задачи …:» → tasks, «Принципами … являются:»
→ principles, «Предметом взаимодействия …» → interaction subjects, «… каналы …» →
channels, «Субъекты … регионального уровня:» → subjects with their functions, «Целью …»
→ the goal, and so on (:data:`BLOCKS`; the first clause of each kind counts, later ones
stay clauses). A clause's sub-clauses ending with a colon are groups of its list. What is
not recognised stays in the outline as it stands (a clause with its items), and a
section without any recognised unit becomes a chapter the model lacks.
"""

from __future__ import annotations

import re

from .outline import CLAUSE, ITEM, LABEL, PARA, SECTION, TABLE, Node

# block → pattern on a clause lead (lower case), in order of precedence
BLOCKS: tuple[tuple[str, re.Pattern], ...] = (
    ("interaction.subjects", re.compile(r"предмет\w*\s+(?:сетевого\s+)?взаимодейств")),
    ("interaction.channels", re.compile(r"канал\w*|механизм\w*\s+взаимодейств")),
    ("mechanisms", re.compile(r"механизм")),
    ("tasks", re.compile(r"задач")),
    ("principles", re.compile(r"принцип")),
    ("approaches", re.compile(r"подход")),
    ("legal_basis", re.compile(r"правов\w+\s+основ|нормативн\w+\s+(?:правов\w+\s+)?(?:основ|баз)|в соответствии с\s*$|"
                               r"разработан\w*\s+в соответствии")),
    ("monitoring.methods", re.compile(r"метод\w*\s+сбора|инструмент\w*\s+оценки|метод\w*\s+мониторинг")),
    ("indicators", re.compile(r"показател")),
    ("glossary", re.compile(r"понят|термин")),
    ("duties", re.compile(r"обязан")),
    ("rights", re.compile(r"\bправ[оа]?\b|имеют право|имеет право")),
)
GOAL = re.compile(r"^(?:основной\s+)?целью\b|^(?:основная\s+)?цель\b[^.]{0,120}?\s(?:является|состоит|заключается|[–—-])\s", re.I)
PERIODICITY = re.compile(r"мониторинг\w*.*(?:не реже|ежегодн|раз в (?:год|квартал|полугод)|периодичн)", re.I)
SUBJECTS = re.compile(r"субъект|входят|представляют", re.I)
LEVELS = (("regional", re.compile(r"регионального\s+уровн|регионального$", re.I)),
          ("municipal", re.compile(r"муниципального\s+уровн", re.I)),
          ("institutional", re.compile(r"институционального\s+уровн|уровн\w+\s+образовательной организации", re.I)))
NAME_LEVEL = (("municipal", re.compile(r"^муниципальн", re.I)),
              ("institutional", re.compile(r"образовательной организации|педагогических работников$|^«?пары", re.I)))
DEFAULT_FUNCTIONS_LABEL = "Функции:"


def block_of(node: Node) -> str | None:
    """The block a clause's list holds, by its lead."""
    if not (node.text.endswith(":") or any(c.kind in (ITEM, TABLE) for c in node.children)):
        return None
    return block_of_lead(node.text)


def is_subject_list(node: Node) -> bool:
    """A clause listing subjects: its items or sub-clauses have lists (functions) of their own."""
    if not SUBJECTS.search(node.text):
        return False
    members = [c for c in node.children if c.kind in (ITEM, CLAUSE)]
    return bool(members) and sum(1 for m in members if any(k.kind == ITEM for k in m.children)) >= max(1, len(members) // 2)


def level_of(text: str) -> str | None:
    for level, pattern in LEVELS:
        if pattern.search(text):
            return level
    return None


def item_unit(node: Node) -> object:
    """A list item as a unit: its text, or {text, items} when it has sub-items."""
    subs = [c for c in node.children if c.kind == ITEM]
    tail = [c.text for c in node.children if c.kind == PARA]
    if not subs and not tail:
        return node.text
    unit: dict = {"text": node.text}
    if subs:
        unit["items"] = [item_unit(s) for s in subs]
    if tail:
        unit["tail"] = " ".join(tail)
    return unit


def list_units(node: Node, placed: set[int]) -> list:
    """The units of a clause's list: items, groups (labels or sub-clauses with their items)."""
    out: list = []
    group = None
    for child in node.children:
        placed.update(n.line for n in child.walk())
        if child.kind == ITEM:
            (group["items"] if group is not None else out).append(item_unit(child))
        elif child.kind in (LABEL, CLAUSE) and child.text.endswith(":"):
            group = {"group": child.text, "items": [item_unit(c) for c in child.children if c.kind == ITEM]}
            out.append(group)
            if child.kind == CLAUSE:
                group = None
        elif child.kind == PARA:
            (group["items"] if group is not None else out).append(child.text)
    return [g for g in out if not (isinstance(g, dict) and "group" in g and not g["items"])]


def glossary_entry(text: str) -> dict | None:
    """«Термин» – определение (also «Термин - …», «Термин — …»)."""
    m = re.match(r"^(.{2,200}?)\s+[–—-]\s+(\S.*)$", text)
    if not m or len(m.group(1).split()) > 20:
        return None
    definition = m.group(2).strip()
    return {"term": m.group(1).strip(), "definition": definition}


def marker_style(nodes: list[Node]) -> str | None:
    """The list style of a list's items: «1)», «а)», «-», «–», «·», or none."""
    for node in nodes:
        if node.kind == ITEM:
            marker = node.marker
            if marker in ("1)", "а)", "-", "–"):
                return marker
            if marker == "":
                return "none"
            if marker in ("—",):
                return "–"
            return "·"
    return None


def subject_from(node: Node, placed: set[int]) -> dict:
    """A subject: heading (its item or clause text), name, short name, functions, notes."""
    heading = node.text
    subject: dict = {"heading": heading, **names(heading)}
    functions, notes = [], []
    for child in node.children:
        placed.update(n.line for n in child.walk())
        if child.kind == ITEM:
            functions.append(item_unit(child))
        elif child.kind == LABEL and child.text == DEFAULT_FUNCTIONS_LABEL:
            continue
        elif child.kind == LABEL and functions == []:
            subject["heading"] = f"{heading} {child.text}"
        else:
            notes.append(child.text)
    if functions:
        subject["functions"] = functions
    if notes:
        subject["notes"] = notes
    return subject


_INTRO = re.compile(r"\s*\(далее\s*(?:соответственно\s*)?[–—-]\s*([^()]+?)\)")
_TRAILING_ABBR = re.compile(r"\s*\(([А-ЯЁA-Z][А-ЯЁA-Z0-9«»\"\s.\-]{1,30})\)\.?$")
_DOES = re.compile(r",?\s*(?:осуществляющ\w+|выполняющ\w+|обеспечивающ\w+|реализующ\w+)\s+(?:следующ\w+\s+)?функци\w*.*$")


def names(heading: str) -> dict:
    """Name and short name of a subject from the heading its act gives it."""
    text = heading.strip().rstrip(":;.").strip()
    short = None
    m = _INTRO.search(text)
    if m:
        short = m.group(1).strip()
        text = text[:m.start()] + text[m.end():]
    text = _DOES.sub("", text).strip(" ,.:")
    m = _TRAILING_ABBR.search(text)
    if m and short is None:
        short = m.group(1).strip()
        text = text[:m.start()].strip()
    out = {"name": text or heading}
    if short and short != out["name"]:
        out["short"] = short
    return out


def subject_level(subject: dict, default: str) -> str:
    for level, pattern in NAME_LEVEL:
        if pattern.search(subject["name"]):
            return level if default == "regional" else default
    return default


def is_glossary_run(nodes: list[Node]) -> bool:
    entries = [n for n in nodes if n.kind in (PARA, ITEM) and glossary_entry(n.text)]
    return len(entries) >= 3 and len(entries) >= 0.7 * len([n for n in nodes if n.kind in (PARA, ITEM)])


# an inline list: «… разработан в соответствии с A, B, C и определяет …», «Задачами являются: a; b; c.»
INLINE_LEAD = re.compile(r"(?:\bв\s+соответствии\s+с(?:о)?|\bна\s+основании|\bсогласно|:)\s+(?=\S)", re.I)
OWN_BASIS = re.compile(r"настоящ|разработан|подготовлен|руководству|функционир|осуществля\w*\s+(?:свою\s+)?деятельност",
                       re.I)     # the act, or the system, rests on what follows
ACT_START = re.compile(r"(?:федеральн\w*\s+|областн\w*\s+|региональн\w*\s+|методическ\w*\s+|государственн\w*\s+)?"
                       r"(?:закон|кодекс|указ|постановлени|распоряжени|приказ|письм|рекомендаци|концепци|стратеги|"
                       r"программ|порядк|положени|решени|конвенци|устав)\w*\b", re.I)


def inline_list(text: str) -> tuple[str, str, list[str], str] | None:
    """A paragraph holding its own list: (the block, its lead, the items with their punctuation, the
    rest of the sentence after the list), or None. After «в соответствии с», «на основании»,
    «согласно» the list is of acts (the legal basis); after a colon, of what the lead names. The
    items are separated by «;», or by «,» before the name of an act («…, методическими
    рекомендациями …»); the list ends at «и» before a verb («и определяет …») or at the end."""
    for m in INLINE_LEAD.finditer(text):
        lead, rest = text[:m.end()].rstrip(), text[m.end():]
        acts = m.group(0).strip() != ":"
        block = "legal_basis" if acts else block_of_lead(lead)
        if block is None or acts and not (ACT_START.match(rest) and OWN_BASIS.search(lead)):
            continue
        body, tail = _list_end(rest)
        items = _split_items(body, acts)
        if len(items) >= 2:
            return block, lead, items, tail
    return None


def block_of_lead(lead: str) -> str | None:
    """The block a lead announces, by :data:`BLOCKS`."""
    low = lead.lower()
    return next((block for block, pattern in BLOCKS if pattern.search(low)), None)


def _split_items(body: str, acts: bool) -> list[str]:
    parts = re.split(r"(?<=;)\s+", body)
    if len(parts) >= 2:
        return [p.strip() for p in parts if p.strip()]
    if not acts:
        return []
    starts = [0] + [m.end() for m in re.finditer(r",\s+", body)
                    if ACT_START.match(body, m.end()) and not _depth(body[:m.start()])]
    return [body[a:b].strip() for a, b in zip(starts, starts[1:] + [len(body)]) if body[a:b].strip()]


def _depth(text: str) -> int:
    """How many quotes and brackets are open at the end of ``text``."""
    return max(0, text.count("«") - text.count("»")) + max(0, text.count("(") - text.count(")"))


def _list_end(rest: str) -> tuple[str, str]:
    """The list and what follows it: «и» before a finite verb, outside quotes and brackets."""
    from ...lang.morph import best_parse
    for m in re.finditer(r"\sи\s+(\w+)", rest):
        if not _depth(rest[:m.start()]) and "VERB" in best_parse(m.group(1).lower()).tag:
            return rest[:m.start()].strip(), rest[m.start():].strip()
    return rest.strip(), ""


def sections_of(roots: list[Node]) -> list[Node]:
    """Top nodes grouped into sections (nodes before the first section form an untitled one)."""
    out: list[Node] = []
    for node in roots:
        if node.kind == SECTION:
            out.append(node)
        else:
            if not out or out[-1].number != "" or out[-1].text:
                out.append(Node(SECTION, "", "", node.line))
            out[-1].children.append(node)
    return out
