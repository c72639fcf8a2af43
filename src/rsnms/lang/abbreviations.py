"""What an abbreviation is in a Russian act, for the linter that checks them and for the
composer that introduces them in drafts: the same tokens, the same «(далее – …)».

An abbreviation is a word of capitals that is not a word in capitals («ЦНППМ», «РС НМС»,
not «ПОЛОЖЕНИЕ», «СПЕКТР»); common ones (РФ, ДПО, ГАУ…) need no introduction. Text inside
«» (a name) is not searched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .morph import analyzer

COMMON = frozenset(line.strip() for line in Path(__file__).with_name("common-abbreviations.txt")
                   .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
TOKEN = re.compile(r"(?<![\w-])[А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ](?![\w-])")
RUN = re.compile(r"(?<![\w-])[А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ](?: [А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ])*(?![\w-])")
INTRO = re.compile(r"\(\s*далее(?:\s+(?:соответственно|также|по\s+тексту))?\s*[–—-]\s*((?:[^()]|\([^()]*\))+)\)"
                   r"|(?<=[\w»] )\((?:\d+\s)?((?-i:[А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ](?:(?:\s?/\s?|\s)[А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ])*))\)",
                   re.I)
QUOTED = re.compile(r"«[^«»]{0,80}»")


@lru_cache(maxsize=20_000)
def is_abbreviation(word: str) -> bool:
    """Capital letters that are not a word in capitals («ПОЛОЖЕНИЕ», «СПЕКТР» are words)."""
    upper = sum(1 for ch in word if ch.isupper())
    if len(word) < 2 or upper < 2 or upper / len(word) < 0.6:
        return False
    return not (word.isupper() and len(word) > 3 and analyzer().word_is_known(word.lower()))


def needs_introduction(token: str) -> bool:
    return token not in COMMON and not token.isdigit()


def runs(text: str) -> list[tuple[int, str]]:
    """(offset, abbreviation) of every abbreviation as written, multi-word ones whole
    («РС НМС», «ГАУ ДПО ИРО»), outside «» names; words in capitals split a run."""
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    out = []
    for m in RUN.finditer(text):
        if any(s <= m.start() < e for s, e in quoted):
            continue
        start, chunk = m.start(), []
        for token in m.group(0).split(" ") + [""]:
            if token and is_abbreviation(token):
                chunk.append(token)
                continue
            if chunk:
                found = " ".join(chunk)
                at = text.index(found, start)
                out.append((at, found))
                start = at + len(found)
            chunk = []
    return out


def introductions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, names) of each «(далее – …)» in ``text``; ``names`` as written inside it."""
    return [(m.start(), m.end(), m.group(1) or m.group(2)) for m in INTRO.finditer(text)]


def _expansions() -> dict[str, str]:
    out = {}
    for line in Path(__file__).with_name("expansions.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            abbr, _, full = line.partition(" – ")
            out[abbr.strip()] = full.strip()
    return out


EXPANSIONS = _expansions()
"""Full forms (nominative) of the field's abbreviations a draft may use unexplained."""
