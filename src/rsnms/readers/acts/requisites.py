"""The requisites of an order and of the stamps on its appendices.

The head of an order: issuer (the paragraphs before the kind), kind (ПРИКАЗ, also
letter-spaced «П Р И К А З»), date («07.04.2022», «13 июня 2023 года»), number, place,
title, preamble with its operative word («…, приказываю:», or on a line of its own), the
clauses, the signature (position, «И.О. Фамилия»). A stamp gives the date and number it
cites; :func:`conflicts` lists where a stamp disagrees with the head, or an operative word
is misspelt — these become errata, not a silent choice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...lang.formats import MONTHS_GEN
from ...lang.words import OPERATIVE_WORDS
from . import Para, Table
from .parts import ORDER_KIND, REQUISITES

DATE_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
DATE_WORDS = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS_GEN) + r")\s+(\d{4})\s*(?:года|г\.)?")
NUMBER = re.compile(r"№\s*([^\s,;]+(?:\s*[-–]\s*[^\s,;]+)?)")
NAME = re.compile(r"(?:^|\s)([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)$")
OPERATIVE = re.compile(r"[,\s]\s*((?:[а-яё]\s){4,}[а-яё]|[а-яё]{5,}ю)\s*:\s*$")
KNOWN_OPERATIVE = ("приказываю", "обязываю", "постановляю", "распоряжаюсь", "решаю", "предлагаю")


@dataclass
class Requisites:
    issuer: str = ""
    kind: str = ""
    kind_spaced: bool = False
    date: str | None = None          # ISO
    date_words: bool = False
    date_text: str = ""
    number: str | None = None
    place: str | None = None
    title: str = ""
    preamble: str = ""
    operative: str | None = None
    operative_separate: bool = False
    operative_printed: str = ""      # as printed, when it is not a known word
    body: list = field(default_factory=list)          # the clauses' blocks
    signatory: dict | None = None
    lines: dict[str, int] = field(default_factory=dict)   # field → line of the rendition


def parse_date(text: str) -> tuple[str | None, bool, str]:
    """(ISO date, written in words, the date as printed) of the first date in ``text``."""
    m = DATE_WORDS.search(text)
    n = DATE_NUMERIC.search(text)
    if n and (not m or n.start() < m.start()):
        day, month, year = int(n.group(1)), int(n.group(2)), int(n.group(3))
        words, printed = False, n.group(0)
    elif m:
        day, month, year = int(m.group(1)), MONTHS_GEN.index(m.group(2)) + 1, int(m.group(3))
        words, printed = True, m.group(0).strip()
    else:
        return None, False, ""
    try:
        return dt.date(year, month, day).isoformat(), words, printed
    except ValueError:
        return None, words, printed


def _letters(text: str) -> str:
    return re.sub(r"\s+", "", text)


def order_head(body: list) -> Requisites:
    """The requisites of an order from the blocks of its part."""
    req = Requisites()
    paras = list(body)
    i = 0
    issuer = []
    while i < len(paras) and isinstance(paras[i], Para) and not ORDER_KIND.match(_letters(paras[i].text)):
        issuer.append(paras[i])
        i += 1
    if i == len(paras):
        return Requisites(body=list(body))
    req.issuer = " ".join(p.text for p in issuer)
    kind = paras[i]
    req.kind = _letters(kind.text).lower()
    req.kind_spaced = bool(re.search(r"[А-ЯЁ] [А-ЯЁ] [А-ЯЁ]", kind.text))
    req.lines.update(issuer=issuer[0].line if issuer else kind.line, kind=kind.line)
    i += 1
    i = _date_number_place(req, paras, i)
    i = _title_preamble(req, paras, i)
    rest = paras[i:]
    rest, req.signatory = signature(rest, req)
    req.body = rest
    return req


def _date_number_place(req: Requisites, paras: list, i: int) -> int:
    """Date, number and place: short paragraphs after the kind (in any order, maybe one line)."""
    taken = []
    while i < len(paras) and isinstance(paras[i], Para) and len(paras[i].text) < 70 and len(taken) < 4 \
            and not re.match(r"^(О|Об|По)\s", paras[i].text):
        taken.append(paras[i])
        i += 1
    for para in taken:
        text = para.text
        date, words, printed = parse_date(text)
        if date and req.date is None:
            req.date, req.date_words, req.date_text = date, words, printed
            req.lines["date"] = para.line
            text = text.replace(printed, " ")
        m = NUMBER.search(text)
        if m and req.number is None:
            req.number = m.group(1).strip("*")
            req.lines["number"] = para.line
            text = text.replace(m.group(0), " ")
        rest = " ".join(text.split()).strip(" ,")
        if rest and req.place is None:
            req.place = rest
            req.lines["place"] = para.line
    return i


def _title_preamble(req: Requisites, paras: list, i: int) -> int:
    if i < len(paras) and isinstance(paras[i], Para):
        req.title, req.lines["title"] = paras[i].text, paras[i].line
        i += 1
    preamble = []
    while i < len(paras) and isinstance(paras[i], Para):
        para = paras[i]
        if re.match(r"^\d+\.\s", para.text) or (preamble and _is_operative(para.text)):
            break
        preamble.append(para)
        i += 1
        if para.text.rstrip().endswith(":"):
            break
    text = " ".join(p.text for p in preamble)
    if preamble:
        req.lines["preamble"] = preamble[0].line
    m = OPERATIVE.search(text)
    if m:
        req.operative, req.operative_printed = _operative(m.group(1), req.kind)
        req.preamble = text[:m.start(1)].rstrip()
        req.lines["operative"] = preamble[-1].line
    else:
        req.preamble = text
    if i < len(paras) and isinstance(paras[i], Para) and _is_operative(paras[i].text):
        req.operative, req.operative_printed = _operative(paras[i].text.rstrip(": "), req.kind)
        req.operative_separate = True
        req.lines["operative"] = paras[i].line
        i += 1
    return i


def _is_operative(text: str) -> bool:
    word = _letters(text).rstrip(":").lower()
    return len(text) < 40 and (word in KNOWN_OPERATIVE or bool(re.fullmatch(r"[а-яё]{5,}ю", word)))


def _operative(printed: str, kind: str) -> tuple[str, str]:
    """The operative word (a known one when the printed word is a misprint of it) and the word as printed."""
    word = _letters(printed).lower()
    if word in KNOWN_OPERATIVE:
        return word, ""
    expected = OPERATIVE_WORDS.get(kind, "приказываю")
    from rapidfuzz.distance import Levenshtein
    if Levenshtein.distance(word, expected) <= 3:
        return expected, printed
    return word, ""


def signature(blocks: list, req: Requisites) -> tuple[list, dict | None]:
    """The signature at the end of the order: (the blocks before it, {position, name})."""
    tail = list(blocks)
    if tail and isinstance(tail[-1], Table) and tail[-1].rows:
        cells = [c for c in tail[-1].rows[-1].cells if c.strip()]
        if len(cells) == 2 and NAME.search(cells[1]):
            req.lines["signatory"] = tail[-1].rows[-1].line
            return tail[:-1], {"position": " ".join(cells[0].split()), "name": person_name(cells[1])}
    for k in range(len(tail) - 1, max(len(tail) - 4, -1), -1):
        block = tail[k]
        if not isinstance(block, Para):
            continue
        m = NAME.search(block.text)
        if not m:
            continue
        position = block.text[:m.start()].strip()
        before = k
        if not position and k > 0 and isinstance(tail[k - 1], Para) and len(tail[k - 1].text) < 200 \
                and not re.match(r"^\d+\.", tail[k - 1].text):
            position, before = tail[k - 1].text, k - 1
        if position:
            req.lines["signatory"] = tail[before].line
            return tail[:before] + tail[k + 1:], {"position": position, "name": person_name(m.group(1))}
    return tail, None


def person_name(text: str) -> str:
    """«Т.В.Дернова», «Т. В. Дернова» → «Т.В. Дернова» (the profile's form)."""
    m = re.match(r"^([А-ЯЁ])\.\s?([А-ЯЁ])\.\s?(.+)$", text.strip())
    return f"{m.group(1)}.{m.group(2)}. {m.group(3)}" if m else " ".join(text.split())


def stamp_requisites(text: str) -> tuple[str | None, str | None, str]:
    """(ISO date, number, the requisites as printed) a stamp cites: «от 07.04.2022 № 26»."""
    m = REQUISITES.search(text)
    if not m:
        return None, None, ""
    date, _words, _printed = parse_date(m.group(0))
    number = NUMBER.search(m.group(0))
    return date, number.group(1).strip("*") if number else None, m.group(0)
