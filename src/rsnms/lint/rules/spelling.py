"""Spelling: hunspell-ru (through pyenchant) says which words it does not know; pymorphy3 and
the project's word list clear the word forms and domain words it lacks."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lang.morph import analyzer
from ..context import Analysis
from ..finding import WARNING
from ..registry import rule
from ..text import WORD

_CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")


class SpellerMissing(RuntimeError):
    """hunspell-ru or libenchant is not installed."""


@lru_cache(maxsize=1)
def dictionary():
    try:
        import enchant
        return enchant.Dict("ru_RU")
    except Exception as exc:          # ImportError (no libenchant) or DictNotFoundError
        raise SpellerMissing(str(exc)) from None


@lru_cache(maxsize=100_000)
def known(word: str, extra: frozenset) -> bool:
    """Whether a (lower-case) word is spelled right: in hunspell-ru, in pymorphy3's dictionary,
    or in the project's word list (a word in any form, or a stem «тьютор*»)."""
    plain = word.replace("ё", "е")
    if plain in extra or word in extra or analyzer().parse(word)[0].normal_form.replace("ё", "е") in extra:
        return True
    if any(plain.startswith(stem[:-1]) for stem in extra if stem.endswith("*")):
        return True
    d = dictionary()
    if d.check(word) or d.check(plain) or d.check(word.capitalize()):
        return True
    return analyzer().word_is_known(word)


def _same_case(original: str, fix: str) -> str:
    if original.isupper():
        return fix.upper()
    if original[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


@rule("lang.spelling", WARNING, "слово с орфографической ошибкой (нет ни в словаре hunspell-ru, ни в словаре "
      "pymorphy3, ни в словаре проекта)", "опечатка в акте — дефект, который подписывающий не должен пропустить",
      "«управлеченческих»")
def spelling(a: Analysis):
    try:
        dictionary()
    except SpellerMissing:
        return
    extra = frozenset(a.ctx.words)
    vocabulary = None
    for para in a.text.paras:
        for offset, word in _unknown(para.text, extra):
            if vocabulary is None:
                vocabulary = _vocabulary(a, extra)
            fix = _nearest(word.lower(), vocabulary) or _close_suggestion(word.lower())
            yield a.text.finding(spelling.rule, para, offset, word,
                                 f"слово «{word}» не найдено в словаре: проверьте написание",
                                 _same_case(word, fix) if fix else None)


@lru_cache(maxsize=50_000)
def _unknown(text: str, extra: frozenset) -> tuple[tuple[int, str], ...]:
    """(offset, word) of each word of a paragraph that no dictionary knows (a function of the
    text and the word list alone: the regions' acts share most of their paragraphs)."""
    out = []
    for m in WORD.finditer(text):
        offset, word = m.start(), m.group(0)
        if len(word) < 3 or not _CYRILLIC_WORD.match(word) or sum(ch.isupper() for ch in word) >= 2:
            continue                      # abbreviations and names like «ЗнаюМИГ» are not for a dictionary
        end = offset + len(word)
        if text[end:end + 1] == "-" or (offset and text[offset - 1] == "-"):
            continue                      # a word broken across lines, or a part of one
        parts = word.lower().split("-")
        bad = [p for p in parts if len(p) > 1 and not known(p, extra)]
        if bad and not known(word.lower(), extra):
            out.append((offset, word))
    return tuple(out)


def _vocabulary(a: Analysis, extra: frozenset) -> list[str]:
    """The document's own words that are spelled right: the best source of a fix for a typo
    repeated from elsewhere in the act («управлеченческих» → «управленческих»)."""
    words = {w.lower() for _p, _o, w in a.text.words() if len(w) > 4 and _CYRILLIC_WORD.match(w)}
    return sorted(w for w in words if known(w, extra))


def _nearest(word: str, vocabulary: list[str]) -> str | None:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    found = process.extractOne(word, vocabulary, scorer=Levenshtein.distance, score_cutoff=2)
    return found[0] if found else None


ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _close_suggestion(word: str) -> str | None:
    """A dictionary word one edit away (a letter lost, doubled, swapped or mistyped), or none:
    a name or a fragment of a broken word has no good suggestion. Edits are checked against
    hunspell one by one, which is fast, unlike hunspell's own suggestions (about 0.08 s a word)."""
    if len(word) < 5:
        return None
    d = dictionary()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    candidates = [a + b[1:] for a, b in splits if b]
    candidates += [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    candidates += [a + c + b[1:] for a, b in splits if b for c in ALPHABET]
    candidates += [a + c + b for a, b in splits for c in ALPHABET]
    return next((c for c in candidates if c != word and d.check(c)), None)
