"""How alike two units of the region and the model are: their content words, whatever their
endings, weighted by how rare they are; and word-level differences for reading.

A unit's text becomes a list of *terms* (:meth:`Vocabulary.terms`):

1. «(далее – …)» introductions are dropped (they name, they do not say);
2. words are reduced to lemmas (pymorphy3, :mod:`rsnms.lang.morph`); prepositions,
   conjunctions, particles, pronouns and numbers are dropped;
3. names of the same thing become one term: a subject's name, short name and the
   abbreviations that refer to it become the role it plays («Министерство образования
   Омской области», «Министерство», «РОИВ» → ``⟨roiv⟩``), the system's name and
   abbreviation become ``⟨system⟩``, other abbreviations of either profile are spelled out
   («ФР ДППО» → «федеральный реестр …»).

Two lists of terms are compared by their shared terms, each weighted by its inverse
document frequency over all units compared (a word every clause has counts little):
:meth:`Vocabulary.score` is the mean of the weighted Dice coefficient (how much the two
share) and the weighted overlap (how much of the shorter one the longer holds: a region that
extends or narrows a unit of the model still says it).
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

from ..lang.morph import best_parse

_WORD = re.compile(r"\w+")
_INTRODUCTION = re.compile(r"\(\s*далее\b[^()]*\)", re.I)
_PLACEHOLDER = re.compile(r"\[\[[^\]]*\]\]")      # the model's «[[наименование …]]»: the region's own name
_FIXED = re.compile(r"\b(в том числе|а также|и (?:др|пр|т\. ?д|т\. ?п)\.?)", re.I)   # phrases that say nothing
_FUNCTION_WORDS = {"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "NUMR"}
SYSTEM = "⟨system⟩"


def content_lemmas(text: str) -> list[str]:
    """:func:`lemmas_of` as a new list (the cache keeps one tuple per text, shared by every
    region of a build: most of a region's texts are the model's or another region's)."""
    return list(lemmas_of(text))


@lru_cache(maxsize=200_000)
def lemmas_of(text: str) -> tuple[str, ...]:
    """The stems of a text's content words, in order: each word's lemma without its final vowels
    (so that «диагностика» and «диагностик», «прошедший» and «прошедшее», which the analyzer
    may give for one word, are one term); abbreviations as they are; «(далее – …)», «в том
    числе» and pronouns («тот», «свой», «который») dropped."""
    out = []
    text = _FIXED.sub(" ", _INTRODUCTION.sub(" ", _PLACEHOLDER.sub(" ", text)))
    for word in _WORD.findall(text):
        if word.isdigit():
            continue
        parse = best_parse(word.lower())
        if parse.tag.POS in _FUNCTION_WORDS or "Apro" in parse.tag:
            continue
        lemma = parse.normal_form.replace("ё", "е")
        out.append(lemma if word.isupper() or len(lemma) < 5 else lemma.rstrip("аеиоуыэюяйь") or lemma)
    return tuple(out)


def role_term(role: str) -> str:
    return f"⟨{role}⟩"


def _abbreviation(text: str) -> bool:
    """«ФР ДППО», «ЦНППМ» are abbreviations to spell out; «Положение», «реестр» are words."""
    return sum(c.isupper() for c in text) >= 2


class Vocabulary:
    """The terms of one comparison (a region and the model) and their weights."""

    def __init__(self, model: dict, region: dict, roles: dict[str, str | None]):
        self.phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._longest = 0
        expansions: list[tuple[str, str]] = []
        for data, is_model in ((model, True), (region, False)):
            def term(sid: str) -> tuple[str]:
                role = sid if is_model else roles.get(sid)
                return (role_term(role) if role else f"⟨{data['id']}:{sid}⟩",)
            for name, target in _names(data):
                self._add(name, term(target))
            for abbr in data.get("abbreviations", []):
                if abbr.get("refers_to"):
                    self._add(abbr["abbr"], term(abbr["refers_to"]))
                    self._add(abbr["full"], term(abbr["refers_to"]))
            system = data.get("system", {})
            for name in (system.get("name"), system.get("abbr")):
                if name:
                    self._add(name, (SYSTEM,))
            expansions += [(a["abbr"], a["full"]) for a in data.get("abbreviations", [])
                           if not a.get("refers_to") and _abbreviation(a["abbr"])]
        spelled = {}
        for abbr, full in expansions:
            key = tuple(content_lemmas(abbr))
            if key and key not in self.phrases:
                spelled[key] = tuple(self.terms(full))
        self.phrases.update(spelled)
        self._longest = max((len(k) for k in self.phrases), default=0)
        self.idf: dict[str, float] = {}
        self.unseen = 1.0
        # the region's own name is not a change of substance («субъекта РФ» → «Омской области»)
        self.own_names = set(content_lemmas(" ".join(
            region.get(k, {}).get("name", "") for k in ("region", "authority"))))

    def _add(self, phrase: str, replacement: tuple[str, ...]) -> None:
        key = tuple(content_lemmas(phrase))
        if key and key not in self.phrases:
            self.phrases[key] = replacement
            self._longest = max(self._longest, len(key))

    def terms(self, text: str) -> list[str]:
        """The text's terms: content lemmas, names of one thing as one term (longest name first)."""
        words = content_lemmas(text)
        out, i = [], 0
        while i < len(words):
            for n in range(min(self._longest, len(words) - i), 0, -1):
                replacement = self.phrases.get(tuple(words[i:i + n]))
                if replacement is not None:
                    out += replacement
                    i += n
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def fit(self, documents: Iterable[list[str]]) -> None:
        """Weights from every unit compared (smoothed inverse document frequency)."""
        documents = list(documents)
        frequency = Counter(t for d in documents for t in set(d))
        n = len(documents)
        self.idf = {t: math.log((n + 1) / (f + 1)) + 1 for t, f in frequency.items()}
        self.unseen = math.log(n + 1) + 1

    def weight(self, terms: Iterable[str]) -> float:
        return sum(self.idf.get(t, self.unseen) for t in set(terms))

    def contained(self, part: list[str], whole: list[str]) -> float:
        """How much of ``part`` (by weight) ``whole`` says too."""
        return self.weight(set(part) & set(whole)) / self.weight(part) if part else 0.0

    def editorial(self, old: str, new: str) -> bool:
        """A change of wording only: both texts say the same terms, up to word forms, order,
        punctuation, the names of one body and the region's own name."""
        def said(text: str) -> Counter:
            return Counter(t for t in self.terms(text) if t not in self.own_names)
        return said(old) == said(new)

    def score(self, a: list[str], b: list[str]) -> float:
        """0..1: mean of the weighted Dice coefficient and the weighted overlap."""
        if not a or not b:
            return 0.0
        shared = self.weight(set(a) & set(b))
        dice = 2 * shared / (self.weight(a) + self.weight(b))
        overlap = shared / min(self.weight(a), self.weight(b))
        return (dice + overlap) / 2


def _names(data: dict) -> list[tuple[str, str]]:
    """(name, subject id) of every subject: its name and short name."""
    from ..model.units import iter_subjects

    return [(name, s["id"]) for _l, _p, s in iter_subjects(data.get("system", {}))
            for name in (s.get("name"), s.get("short")) if name]


def structure_similarity(a: str, b: str) -> float:
    """0..1: how alike two texts of an act's structure are (headings, clauses that introduce a
    list): their lemmas compared as sequences and as sets (rapidfuzz)."""
    from rapidfuzz import fuzz

    from ..lang.morph import lemmas

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


