"""Case forms of names: a suggestion by pymorphy3 for ``rsnms new``.

Official names have forms no rule derives («Министерство образования …» keeps
«образования»; «Республика Саха (Якутия)»), so profiles hold their case forms as data;
this only pre-fills them for a person to check.
"""

from __future__ import annotations

import re

from .morph import analyzer

# profile case keys → pymorphy3 grammemes
CASES = {"gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "pre": "loct"}


def inflect_phrase(phrase: str, case: str) -> str:
    """Inflect the words of a name up to its head noun («Тверская область» → «Тверской области»).

    Words after the head noun («образования», «(Якутия)») keep their form.
    """
    words = phrase.split(" ")
    chosen = _words_to_head(words)
    head = chosen[-1][1] if chosen and chosen[-1][1].tag.POS == "NOUN" else None
    out = list(words)
    for index, parse in chosen:
        target = {CASES[case]}
        if case == "acc" and parse.tag.POS == "ADJF" and head is not None and \
                (head.tag.gender == "masc" or head.tag.number == "plur"):
            target.add(head.tag.animacy or "inan")
        form = parse.inflect(target)
        if form:
            out[index] = _same_capitals(words[index], form.word)
    return " ".join(out)


def _words_to_head(words: list[str]) -> list[tuple[int, object]]:
    """(index, parse) of the words up to and including the head noun."""
    chosen = []
    for index, word in enumerate(words):
        if not re.fullmatch(r"[А-Яа-яЁё-]+", word):
            continue
        parses = [p for p in analyzer().parse(word) if "nomn" in p.tag]
        if not parses:
            continue
        # an adjective reading first («Тверская» is also a surname, a noun)
        parse = next((p for p in parses if p.tag.POS == "ADJF"), parses[0])
        chosen.append((index, parse))
        if parse.tag.POS == "NOUN":
            break
    return chosen


def _same_capitals(original: str, new: str) -> str:
    """Restore the capitals of the original, part by part («Ханты-Мансийский»)."""
    old_parts, new_parts = original.split("-"), new.split("-")
    if len(old_parts) != len(new_parts):
        old_parts, new_parts = [original], [new]
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for o, n in zip(old_parts, new_parts))


def genitive_system(name: str) -> str:
    """«региональная система … [[region.cases.gen]]» → «региональной системы …» (fixed phrase)."""
    return re.sub(r"^региональная система", "региональной системы", name)


def nominative(phrase: str) -> str:
    """A name as it stands in a sentence («центров непрерывного повышения …», «цифровой
    экосистеме …») in the nominative («центры …», «цифровая экосистема …»): the words up to
    the head noun take the head's number and the nominative; the rest keeps its form."""
    words = phrase.split(" ")
    lead = []
    for index, word in enumerate(words):
        if not re.fullmatch(r"[А-Яа-яЁё-]+", word):
            break
        parses = [p for p in analyzer().parse(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
        if not parses:
            break
        lead.append((index, parses))
        if any(p.tag.POS == "NOUN" for p in parses) and not any(p.tag.POS in ("ADJF", "PRTF") for p in parses):
            break
    if not lead:
        return phrase
    head_parses = [p for p in lead[-1][1] if p.tag.POS == "NOUN"]
    for head in head_parses:          # the reading of the head that the words before it agree with
        case, number = head.tag.case, head.tag.number
        chosen = [next((p for p in parses if p.tag.case == case and (p.tag.number == number or p.tag.POS == "NOUN")),
                       None) for _i, parses in lead[:-1]]
        if all(chosen):
            out = list(words)
            for (index, _parses), parse in zip(lead, chosen + [head]):
                form = parse.inflect({"nomn", number} if parse.tag.POS == "NOUN" or number == "plur"
                                     else {"nomn", number, head.tag.gender})
                if form:
                    out[index] = _same_capitals(words[index], form.word)
            return " ".join(out)
    return phrase


_PREPOSITIONS = {"о", "об", "по", "для", "на", "в", "с", "к"}


def title_in_case(title: str, case: str) -> str:
    """An act's title in ``case``: the words before its first preposition inflected, a
    parenthesis apart («Комплекс мер (дорожная карта) по …» → «Комплекс мер (дорожную
    карту) по …»); the rest («о создании …») keeps its form."""
    words = title.split(" ")
    end = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
    head, rest = " ".join(words[:end]), words[end:]
    parts = re.split(r"(\([^()]*\))", head)
    out = []
    for part in parts:
        if part.startswith("(") and part.endswith(")"):
            out.append("(" + inflect_phrase(part[1:-1], case) + ")")
        elif part.strip():
            lead, core, trail = re.match(r"(\s*)(.*?)(\s*)$", part).groups()
            out.append(lead + inflect_phrase(core, case) + trail)
        else:
            out.append(part)
    return " ".join(["".join(out)] + rest) if rest else "".join(out)
