"""How alike two Russian texts are, whatever their word endings; and word-level differences.

Both texts are reduced to lemmas (:func:`rsnms.lang.morph.lemmas`) and compared with
rapidfuzz: the better of token_sort and 0.9 × token_set.
"""

from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

from ..lang.morph import lemmas

_WORD = re.compile(r"\w+")


def similarity(a: str, b: str) -> float:
    """0..1: how alike two texts are in their words, whatever their endings."""
    la, lb = lemmas(a), lemmas(b)
    if not la or not lb:
        return 0.0
    return max(fuzz.token_sort_ratio(la, lb), 0.9 * fuzz.token_set_ratio(la, lb)) / 100


def normalized(text: str) -> str:
    """Lower case, ё→е, words only: two texts equal here are «the same» to a reader."""
    return " ".join(_WORD.findall(text.lower().replace("ё", "е")))


def word_diff(model: str, region: str) -> list[tuple[str, str]]:
    """("=", words) kept, ("-", words) only in the model, ("+", words) only in the region."""
    a, b = model.split(), region.split()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", " ".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(("-", " ".join(a[i1:i2])))
            if j2 > j1:
                out.append(("+", " ".join(b[j1:j2])))
    return out
