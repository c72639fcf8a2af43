"""The one pymorphy3 analyzer of the product, and what every stage asks of it.

pymorphy3 loads its dictionaries in about 0.2 s: one analyzer per process, one cache
of parsed words shared by comparison (lemmas), the handbook (search forms) and
``rsnms new`` (inflected names).
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"\w+")


class _LatinLetters(dict):
    """pymorphy3's cache of «is this letter Latin» (``pymorphy3.shapes``), filled without
    raising: ``unicodedata.name`` has no name for some letters (Tangut, for one), and pymorphy3
    would raise ValueError on any word holding one — a profile may hold any text."""

    def __missing__(self, char: str) -> bool:
        import unicodedata

        return self.setdefault(char, "LATIN" in unicodedata.name(char, ""))


@lru_cache(maxsize=1)
def analyzer():
    import pymorphy3
    from pymorphy3 import shapes

    shapes._latin_letters_cache = _LatinLetters(shapes._latin_letters_cache)
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def best_parse(word: str):
    """The most probable reading of a word."""
    return analyzer().parse(word)[0]


def lemma(word: str) -> str:
    """The normal form, ё written as е."""
    return best_parse(word).normal_form.replace("ё", "е")


@lru_cache(maxsize=50_000)
def lemmas(text: str) -> str:
    """The text's words as lemmas, lower case, separated by spaces."""
    return " ".join(lemma(w) for w in _WORD.findall(text.lower()))


@lru_cache(maxsize=200_000)
def normal_forms(word: str) -> tuple[str, ...]:
    """The normal form, and for a participle also its own dictionary form («утверждённым» →
    «утвердить», «утверждённый»): a reader searches for either."""
    parse = best_parse(word)
    out = [parse.normal_form]
    if {"PRTF", "PRTS"} & set(parse.tag.grammemes):
        participle = parse.inflect({"PRTF", "sing", "masc", "nomn"})
        if participle is not None:
            out.append(participle.word)
    return tuple(out)
