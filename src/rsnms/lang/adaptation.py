"""The federal model's generic words in a region's draft: «РОИВ», «субъект Российской
Федерации», «распорядительный акт РОИВ» become the region's authority, the region and the
kind of act its authority issues, each in the case the sentence needs.

The model names the regional executive authority «РОИВ» (an abbreviation introduced only
in the model's own legal basis) and the region «субъект Российской Федерации». A region's
draft names them: the case of «субъекта» is read from the word itself; «РОИВ» does not
decline, so its case is read from the words before it — a preposition's government
(«от РОИВ» → genitive, «в РОИВ» → accusative), a coordinated noun («органами …, РОИВ и» →
instrumental), and otherwise the genitive of an attribute («сайтов РОИВ»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .morph import analyzer

# pymorphy3 case grammemes → the profile's case keys
GRAMMEME_CASES = {"nomn": "nom", "gent": "gen", "datv": "dat", "accs": "acc", "ablt": "ins", "loct": "pre"}
# what case a preposition governs before an indeclinable name
PREPOSITION_CASES = {
    "от": "gen", "для": "gen", "из": "gen", "до": "gen", "без": "gen", "у": "gen", "после": "gen", "кроме": "gen",
    "к": "dat", "по": "dat", "в": "acc", "во": "acc", "на": "acc", "через": "acc", "про": "acc",
    "с": "ins", "со": "ins", "между": "ins", "над": "ins", "под": "ins", "перед": "ins", "за": "ins",
    "о": "pre", "об": "pre", "при": "pre",
}
AUTHORITY_WORD = "РОИВ"
# «распорядительный акт РОИВ» in every case: the ending of the adjective tells it
_ORDER_ACT = re.compile(r"\b([Рр])аспорядительн(ый|ого|ому|ым|ом) акт(?:а|у|ом|е)? " + AUTHORITY_WORD + r"\b")
_ADJECTIVE_CASES = {"ый": "nom", "ого": "gen", "ому": "dat", "ым": "ins", "ом": "pre"}
_SUBJECT = re.compile(r"\b(субъект(?:а|у|ом|е)?) (?:Российской Федерации|РФ)\b")
_AUTHORITY = re.compile(r"\b" + AUTHORITY_WORD + r"\b")
_GENERIC_IRO = re.compile(r"\s*\(ИРО/ИПК\)")
_WORD_BEFORE = re.compile(r"([А-Яа-яЁё]+)(,?)\s*$")


@dataclass(frozen=True)
class RegionForms:
    """The region's own names in every case (``nom``, ``gen``, ``dat``, ``acc``, ``ins``, ``pre``)."""

    region: dict[str, str]
    authority: dict[str, str]
    order_kind: dict[str, str]


def adapt(text: str, forms: RegionForms) -> str:
    """The model's text with its generic words replaced by the region's."""
    text = _ORDER_ACT.sub(lambda m: _capital(forms.order_kind[_ADJECTIVE_CASES[m.group(2)]], m.group(1).isupper())
                          + " " + forms.authority["gen"], text)
    text = _SUBJECT.sub(lambda m: forms.region["nom" if m.group(1) == "субъект" else _word_case(m.group(1), "gen")],
                        text)
    text = _GENERIC_IRO.sub("", text)
    out, pos = [], 0
    for m in _AUTHORITY.finditer(text):
        out.append(text[pos:m.start()])
        out.append(forms.authority[slot_case(text[:m.start()])])
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def slot_case(before: str) -> str:
    """The case an indeclinable name takes after ``before`` (see the module's docstring)."""
    m = _WORD_BEFORE.search(before)
    if not m:
        return "nom"
    word, comma = m.group(1).lower(), m.group(2)
    if not comma and word in PREPOSITION_CASES:
        return PREPOSITION_CASES[word]
    if comma:
        return _word_case(word, "nom")
    return "gen"


def _word_case(word: str, default: str) -> str:
    """The case of a noun or adjective form, when pymorphy3 reads it one way only."""
    cases = {GRAMMEME_CASES.get(p.tag.case) for p in analyzer().parse(word)
             if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case in GRAMMEME_CASES}
    return cases.pop() if len(cases) == 1 else default


def _capital(text: str, upper: bool) -> str:
    return text[:1].upper() + text[1:] if upper else text
