"""What the rules need to know about a document's structure: its parts (the order, the
regulation approved by it, the roadmap …) with their kinds, the stamps above them, the
act's own requisites, and dates and numbers as written."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..lang.formats import MONTHS_GEN
from .text import LintText, Para

# kind words as headings say them → the kind
KINDS = {
    "приказ": "приказ", "распоряжение": "распоряжение", "постановление": "постановление",
    "положение": "положение", "примерное положение": "положение", "регламент": "регламент",
    "комплекс мер": "комплекс мер", "план мероприятий": "план мероприятий", "план": "план мероприятий",
    "дорожная карта": "дорожная карта", "методические рекомендации": "методические рекомендации",
}
ORDER_KINDS = ("приказ", "распоряжение", "постановление")
_HEADING = re.compile(r"^(примерное положение|положение|регламент|комплекс мер|план мероприятий|план|"
                      r"дорожная карта|методические рекомендации|приказ|распоряжение|постановление)"
                      r"(?=$|\s|\()", re.I)
DATE_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
DATE_WORDS = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS_GEN) + r")\s+(\d{4})\b", re.I)
NUMBER = re.compile(r"№\s*([0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё./\-]*)")
_STAMP_HEAD = re.compile(r"^(приложение(\s*№?\s*\d+)?|утвержден[аоы]?)\b", re.I)
_SPACED = re.compile(r"^(?:[А-ЯЁA-Z] ){2,}[А-ЯЁA-Z]$")


def unspace(text: str) -> str:
    """«П Р И К А З» → «ПРИКАЗ» (letter-spaced headings)."""
    text = text.strip()
    return text.replace(" ", "") if _SPACED.match(text) else text


def dates(text: str) -> list[tuple[int, str, dt.date | None]]:
    """(offset, as written, the day or None when it does not exist) of every date in ``text``."""
    out = []
    for m in DATE_NUMERIC.finditer(text):
        out.append((m.start(), m.group(0), _day(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
    for m in DATE_WORDS.finditer(text):
        month = MONTHS_GEN.index(m.group(2).lower()) + 1
        out.append((m.start(), m.group(0), _day(int(m.group(3)), month, int(m.group(1)))))
    return sorted(out)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass
class Stamp:
    """«Приложение № 2 к приказу … от … № …» or «УТВЕРЖДЕНО распоряжением … от … № …»."""

    paras: list[Para]
    kind: str | None            # the kind of the approving act it names (приказ, распоряжение …)
    date: tuple[Para, int, str, dt.date | None] | None
    number: tuple[Para, int, str] | None


@dataclass
class Part:
    kind: str                   # the kind of act the part is (its heading), "" before any heading
    start: int                  # index of its first paragraph
    end: int                    # index after its last paragraph
    stamp: Stamp | None = None


@dataclass
class Structure:
    parts: list[Part] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)
    kind: str | None = None                         # the act's own kind (приказ, распоряжение …)
    date: tuple[Para, int, str, dt.date | None] | None = None    # the act's own date and number
    number: tuple[Para, int, str] | None = None

    def part_of(self, index: int) -> Part | None:
        for part in self.parts:
            if part.start <= index < part.end:
                return part
        return None


def heading_kind(para: Para) -> str | None:
    """The kind of act a heading line names («ПОЛОЖЕНИЕ», «П Р И К А З», «Комплекс мер»)."""
    if para.row:
        return None
    text = unspace(para.stripped)
    if not text or len(text) > 60 or text.endswith((",", ";")):
        return None
    m = _HEADING.match(text)
    if not m:
        return None
    rest = text[m.end():].strip()
    if rest and not (text.isupper() or rest[:1] in "(«" or rest.split()[0].lower() in ("о", "об", "по", "мер",
                                                                                      "сетевого", "мероприятий")):
        return None
    return KINDS[m.group(1).lower()]


def analyse(text: LintText) -> Structure:
    s = Structure()
    paras = text.paras
    for i, para in enumerate(paras):
        kind = heading_kind(para)
        if kind:
            if s.parts:
                s.parts[-1].end = i
            s.parts.append(Part(kind, i, len(paras)))
        elif _STAMP_HEAD.match(para.stripped) and not para.row:
            stamp = _stamp(paras, i)
            if stamp is not None:
                s.stamps.append(stamp)
    if not s.parts or s.parts[0].start > 0:
        s.parts.insert(0, Part("", 0, s.parts[0].start if s.parts else len(paras)))
    for stamp in s.stamps:
        after = [p for p in s.parts if p.start >= paras.index(stamp.paras[-1])]
        if after:
            after[0].stamp = stamp
    order = next((p for p in s.parts if p.kind in ORDER_KINDS), None)
    if order is not None:
        s.kind = order.kind
        _own_requisites(s, paras, order)
    elif s.stamps and s.stamps[0].kind:
        s.kind = s.stamps[0].kind
    return s


def _stamp(paras: list[Para], i: int) -> Stamp | None:
    """The stamp starting at paragraph i: the kind of act it names, and the date and number
    that follow «от» (never the appendix's own «№ 2»)."""
    block, kind, date, number = [], None, None, None
    for para in paras[i:i + 12]:
        if para.stripped == "":
            continue
        if len(block) >= 7 or len(para.stripped) > 120 or (block and re.match(r"^\d+\.", para.stripped)):
            break
        block.append(para)
        m = re.search(r"\b(?:к\s+(приказу|распоряжению|постановлению)|(приказом|распоряжением|постановлением))\b",
                      para.text, re.I)
        if m and kind is None:
            word = (m.group(1) or m.group(2)).lower()
            kind = "приказ" if word.startswith("приказ") else "распоряжение" if word.startswith("распоряж") \
                else "постановление"
        found = [d for d in dates(para.text) if re.search(r"\bот\s*$", para.text[:d[0]])]
        if date is None and found:
            date = (para, found[0][0], found[0][1], found[0][2])
            after = NUMBER.search(para.text, found[0][0] + len(found[0][1]))
            if after:
                number = (para, after.start(1), after.group(1))
        elif date is not None and number is None and len(block) > 1:
            after = NUMBER.search(para.text)
            if after:
                number = (para, after.start(1), after.group(1))
        if date and number:
            return Stamp(block, kind, date, number)
    return Stamp(block, kind, date, number) if kind and (date or number) else None


def _own_requisites(s: Structure, paras: list[Para], order: Part) -> None:
    """The order's own date and number: in its head, before its title («Об утверждении …»)."""
    for para in paras[order.start:min(order.end, order.start + 14)]:
        if re.match(r"^(об?|во)\s", para.stripped, re.I) and len(para.stripped) > 20:
            break
        if s.date is None:
            found = dates(para.text)
            if found:
                s.date = (para, found[0][0], found[0][1], found[0][2])
        if s.number is None:
            m = NUMBER.search(para.text)
            if m:
                s.number = (para, m.start(1), m.group(1))
