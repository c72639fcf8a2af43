"""One file, several acts: the order, then each appendix under its stamp.

An appendix starts at its stamp — «Приложение № 2 к приказу … от … № …», «УТВЕРЖДЕНО
распоряжением …», «Приложение 2 к Положению» — possibly over several paragraphs, then
its heading (the kind of act: ПОЛОЖЕНИЕ, Регламент, КОМПЛЕКС МЕР, План мероприятий …)
and its title. What an appendix is follows from its heading and its parent: a
regulation, a network regulation, a roadmap, or an annex of the regulation (indicators,
glossary, a table of subjects).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import Para, Source, Table

STAMP_START = re.compile(r"^(?:Приложение|ПРИЛОЖЕНИЕ)(?:\s*№?\s*\d+)?(?:\s+(?:к|К)\s|\s*$)|^(?:УТВЕРЖДЕН[ОАЫ]?|Утвержден[оаы]?)\b")
STAMP_MORE = re.compile(r"^(?:(?i:к\s|приказом|распоряжением|постановлением|решением|от\s|министерства|департамента|"
                        r"управления|комитета|образования|области|и\s|республик[аи]\s|города\s)|"
                        r"[А-ЯЁ][А-ЯЁа-яё-]+(?:\s+[а-яё-]+){0,2}\s+(?:области|края|округа)\b)")     # «Еврейской автономной области»
REQUISITES = re.compile(r"\bот\s+(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\s+[а-я]+\s+\d{4})(?:\s*(?:г\.|года))?\s*№\s*\S+")
KINDS = (
    ("regulation", re.compile(r"^(?:примерное\s+)?положение\b", re.I)),
    ("network_regulation", re.compile(r"^регламент\b", re.I)),
    ("roadmap", re.compile(r"^(?:комплекс\s+мер|план\s+мероприятий|план-график|дорожн\w+\s+карт)", re.I)),
)
ORDER_KIND = re.compile(r"^(?:П\s*Р\s*И\s*К\s*А\s*З|Р\s*А\s*С\s*П\s*О\s*Р\s*Я\s*Ж\s*Е\s*Н\s*И\s*Е|"
                        r"П\s*О\s*С\s*Т\s*А\s*Н\s*О\s*В\s*Л\s*Е\s*Н\s*И\s*Е)$", re.I)


@dataclass
class Part:
    """An act (or an annex) of the source: its stamp, heading and title, and its body."""

    key: str                          # order, regulation, network_regulation, roadmap, annex
    stamp: list[Para] = field(default_factory=list)
    heading: str = ""
    title: str = ""
    title_lines: list[int] = field(default_factory=list)
    body: list = field(default_factory=list)
    parent: str = ""                  # what the stamp attaches it to: «приказу», «Положению» …

    @property
    def stamp_text(self) -> str:
        return " ".join(p.text for p in self.stamp)

    @property
    def lines(self) -> tuple[int, int]:
        items = [p.line for p in self.stamp] + self.title_lines + [_line(b) for b in self.body]
        items += [r.line for b in self.body if isinstance(b, Table) for r in b.rows]
        items = [i for i in items if i]
        return (min(items), max(items)) if items else (0, 0)


def _line(block) -> int:
    return block.line


def is_stamp(para: Para) -> bool:
    return bool(STAMP_START.match(para.text)) or para.style.startswith("Гриф")


def kind_of(heading: str) -> str | None:
    for key, pattern in KINDS:
        if pattern.match(heading.strip()):
            return key
    return None


def split(source: Source) -> list[Part]:
    """The parts of a source in order: the order (when it has one), then each appendix."""
    blocks = source.blocks
    parts: list[Part] = []
    current = Part("order")
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Para) and is_stamp(block) and _stamp_here(blocks, i):
            parts.append(current)
            current, i = _start(blocks, i)
            continue
        current.body.append(block)
        i += 1
    parts.append(current)
    first = parts[0]
    if not _has_order_kind(first):
        # no order: the file starts with an act (or its stamp)
        if first.body or first.stamp:
            _head(first, first.body)
            first.key = kind_of(first.heading) or "regulation"
        else:
            parts = parts[1:]
    return [p for p in parts if p.body or p.title or p.stamp]


def _has_order_kind(part: Part) -> bool:
    return any(isinstance(b, Para) and ORDER_KIND.match(b.text.replace(" ", "") if len(b.text) < 40 else b.text)
               for b in part.body[:12])


def _stamp_here(blocks: list, i: int) -> bool:
    """A stamp, not a clause that starts with «Приложение»: it is short or ends in requisites."""
    text = blocks[i].text
    return len(text) < 400 and (len(text) < 60 or REQUISITES.search(text) is not None
                                or re.search(r"\bк\s+(Положению|приказу|распоряжению|постановлению)", text) is not None)


def _start(blocks: list, i: int) -> tuple[Part, int]:
    """The part whose stamp starts at block ``i``; returns it and the index after its head."""
    part = Part("annex")
    part.stamp.append(blocks[i])
    i += 1
    while i < len(blocks) and isinstance(blocks[i], Para) and len(part.stamp) < 6 \
            and not REQUISITES.search(part.stamp_text) and (STAMP_MORE.match(blocks[i].text)
                                                            or _requisites_line(blocks[i].text)
                                                            or blocks[i].style.startswith("Гриф")):
        part.stamp.append(blocks[i])
        i += 1
    stamp = part.stamp_text
    m = re.search(r"\bк\s+(\w+)", stamp)
    part.parent = m.group(1).lower() if m else ("приказу" if re.match(r"^УТВЕРЖДЕН", stamp, re.I) else "")
    head: list = []
    while i < len(blocks) and isinstance(blocks[i], Para) and len(head) < 6 and not _body_starts(blocks[i], head):
        head.append(blocks[i])
        i += 1
    _head(part, head)
    key = kind_of(part.heading) or kind_of(part.title)
    if key is None and part.parent.startswith("положени"):
        key = "annex"
    part.key = key or "annex"
    return part, i


def _requisites_line(text: str) -> bool:
    """The rest of a stamp that had no requisites yet: a short paragraph ending in them («Еврейской
    автономной области от 25.04.2022 № 201», as a PDF may break the stamp's lines)."""
    m = REQUISITES.search(text)
    return m is not None and len(text) < 160 and not text[m.end():].strip(" .")


def _body_starts(para: Para, head: list) -> bool:
    """The first paragraph of the body: numbered, a list item, or after a complete title."""
    from .outline import CLAUSE, ITEM, SECTION, classify

    if para.style in ("Вид документа", "Наименование документа"):
        return False
    if head and re.match(r"^(используемые\s+)?сокращения\b", para.text, re.I):
        return True
    node = classify(para)
    if node.kind in (CLAUSE, SECTION, ITEM) and head:
        return True
    if head and para.style in ("Абзац", "Пункт", "Раздел"):
        return True
    if head and re.match(r"^[«\"]?[А-ЯЁ][^–—]{1,150}[»\"]?\s+[–—]\s+\S", para.text):
        return True           # a glossary entry «Термин» – definition
    return bool(head) and not head[-1].text.isupper() and len(head) >= 2


def _head(part: Part, head: list) -> None:
    """Heading and title of a part from its first paragraphs (moved out of ``head``)."""
    paras = [b for b in head if isinstance(b, Para)]
    if not paras:
        return
    first = paras[0]
    lines = first.lines or [first.text]
    if first.style == "Вид документа" or kind_of(lines[0]) and len(lines[0]) < 60:
        part.heading = lines[0]
        rest = " ".join(lines[1:]).strip()
        title_paras = paras[1:]
        title = [rest] if rest else []
    elif kind_of(first.text):
        part.heading, title, title_paras = "", [], paras
    else:
        part.heading, title, title_paras = "", [], paras
    for para in title_paras:
        title.append(para.text)
    part.title = " ".join(t for t in title if t).strip()
    part.title_lines = [p.line for p in paras]
    for block in head:
        if block in part.body:
            part.body.remove(block)
