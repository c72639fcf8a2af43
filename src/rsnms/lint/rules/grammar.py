"""Grammar by pymorphy3: an adjective agrees with its noun, a preposition governs its case,
coordinated nouns share it, a list after «…:» starts in the nominative, no word of a fixed
name is lost.

Each rule looks at words that pymorphy3 knows and only reports when no reading of them
fits, so an unusual but possible form is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lang.morph import analyzer
from ..context import Analysis
from ..finding import WARNING
from ..registry import rule

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# cases a preposition governs (the forms of a following noun phrase)
GOVERNS = {
    "без": {"gent"}, "для": {"gent"}, "до": {"gent"}, "из": {"gent"}, "от": {"gent"}, "у": {"gent"},
    "около": {"gent"}, "после": {"gent"}, "среди": {"gent"}, "кроме": {"gent"}, "вместо": {"gent"},
    "вокруг": {"gent"}, "против": {"gent"}, "ради": {"gent"}, "посредством": {"gent"},
    "к": {"datv"}, "ко": {"datv"}, "по": {"datv", "loct", "accs"}, "благодаря": {"datv"}, "согласно": {"datv"},
    "через": {"accs"}, "про": {"accs"}, "сквозь": {"accs"},
    "о": {"loct", "accs"}, "об": {"loct", "accs"}, "обо": {"loct"}, "при": {"loct"},
    "в": {"accs", "loct"}, "во": {"accs", "loct"}, "на": {"accs", "loct"},
    "с": {"gent", "ablt", "accs"}, "со": {"gent", "ablt"}, "над": {"ablt"}, "под": {"ablt", "accs"},
    "перед": {"ablt"}, "между": {"ablt", "gent"}, "за": {"ablt", "accs"},
}
_FIXED_NEXT = {"совместно": ("с", "со"), "наряду": ("с", "со")}


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """Readings of a known word (the lower-case form), most probable first; () for an unknown one."""
    morph = analyzer()
    if not morph.word_is_known(word):
        return ()
    return tuple(morph.parse(word))


@lru_cache(maxsize=200_000)
def _pos_of(word: str) -> frozenset[str]:
    return frozenset(str(p.tag.POS) for p in parses(word))


def _pos(word: str) -> frozenset[str]:
    return _pos_of(word)


@lru_cache(maxsize=200_000)
def _cases_of(word: str, pos: frozenset | None) -> frozenset[str]:
    return frozenset(c for p in parses(word) if (pos is None or p.tag.POS in pos) for c in [p.tag.case] if c)


def _cases(word: str, pos: set[str] | None = None) -> frozenset[str]:
    return _cases_of(word, frozenset(pos) if pos is not None else None)


def _tokens(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _WORD.finditer(text)]


def _adjacent(text: str, a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Two words separated only by spaces."""
    return text[a[0] + len(a[1]):b[0]].strip() == ""


def likely(word: str) -> tuple:
    """The readings of a word that pymorphy3 finds at all likely (rare homonyms left out)."""
    return tuple(p for p in parses(word) if p.score >= 0.01)


@lru_cache(maxsize=200_000)
def _agree(adj: str, noun: str) -> bool:
    for pa in likely(adj):
        if pa.tag.POS != "ADJF":
            continue
        for pn in likely(noun):
            if pn.tag.POS != "NOUN" or pa.tag.case != pn.tag.case or pa.tag.number != pn.tag.number:
                continue
            if pn.tag.number == "sing" and pa.tag.gender and pn.tag.gender and pa.tag.gender != pn.tag.gender:
                continue
            return True
    return False


def _fix_agreement(adj: str, noun: str) -> str | None:
    noun_parse = next((p for p in parses(noun) if p.tag.POS == "NOUN"), None)
    adj_parse = next((p for p in parses(adj) if p.tag.POS == "ADJF"), None)
    if not noun_parse or not adj_parse:
        return None
    grammemes = {noun_parse.tag.case, noun_parse.tag.number}
    if noun_parse.tag.number == "sing" and noun_parse.tag.gender in ("masc", "femn", "neut"):
        grammemes.add(noun_parse.tag.gender)
    form = adj_parse.inflect({g for g in grammemes if g})
    return form.word if form else None


@rule("lang.agreement", WARNING, "прилагательное не согласовано с существительным («с низким результатами»)",
      "несогласованное окончание — опечатка, которая меняет смысл", "«регионального методистов»")
def agreement(a: Analysis):
    for para in a.text.paras:
        for offset, cell in para.cells:
            for o1, excerpt, message, fix in _disagreements(cell):
                yield a.text.finding(agreement.rule, para, offset + o1, excerpt, message, fix)


@lru_cache(maxsize=50_000)
def _disagreements(cell: str) -> tuple[tuple[int, str, str, str | None], ...]:
    """(offset, excerpt, message, fix) of each adjective of ``cell`` that does not agree with its
    noun (a function of the text alone: the regions' acts share most of their paragraphs)."""
    out = []
    tokens = _tokens(cell)
    for k, ((o1, w1), (o2, w2), nxt) in enumerate(zip(tokens, tokens[1:], tokens[2:] + [(None, "")])):
        adj, noun = w1.lower(), w2.lower()
        if k and (tokens[k - 1][1].lower() in ("и", "или") or cell[:o1].rstrip().endswith(",")):
            continue        # «регионального, муниципального и институционального уровней»
        if w2[:1].isupper() and not w1[:1].isupper() or not _adjacent(cell, (o1, w1), (o2, w2)):
            continue
        if _pos(adj) != {"ADJF"} or "NOUN" not in _pos(noun) or len(_pos(noun)) > 1:
            continue
        if nxt[1] and "NOUN" in _pos(nxt[1].lower()) and _agree(adj, nxt[1].lower()):
            continue        # «низким результатами» vs «… педагогическим работникам»: next word may be its noun
        if not _agree(adj, noun):
            fix = _fix_agreement(adj, noun)
            out.append((o1, f"{w1} {w2}", f"«{w1}» не согласовано с «{w2}»: проверьте окончание",
                        f"{fix} {w2}" if fix else None))
    return tuple(out)


def _phrase_cases(tokens: list[tuple[int, str]], start: int) -> tuple[set[str], int] | None:
    """The cases the noun phrase starting at ``start`` (adjectives, then a noun) can be in,
    and the index of its noun."""
    allowed: set[str] | None = None
    for k in range(start, min(start + 5, len(tokens))):
        word = tokens[k][1].lower()
        pos = _pos(word)
        if not pos:
            return None
        if pos <= {"ADJF", "PRTF"}:
            cases = _cases(word, {"ADJF", "PRTF"})
        elif "NOUN" in pos and pos <= {"NOUN", "ADJF"}:
            cases = _cases(word, {"NOUN"})
            return ((cases if allowed is None else cases & allowed) or set()), k
        else:
            return None
        allowed = cases if allowed is None else allowed & cases
    return None


@rule("lang.government", WARNING, "падеж после предлога или однородные существительные в разных падежах "
      "(«по поддержки и методическому сопровождению»); «совместно» без «с»",
      "предлог требует своего падежа; однородные члены стоят в одном падеже", "«совместно ГБУ РЦРО»")
def government(a: Analysis):
    for para in a.text.paras:
        for offset, cell in para.cells:
            tokens = _tokens(cell)
            for i, (o, w) in enumerate(tokens):
                low = w.lower()
                if low in _FIXED_NEXT and i + 1 < len(tokens) and tokens[i + 1][1].lower() not in _FIXED_NEXT[low] \
                        and _adjacent(cell, tokens[i], tokens[i + 1]) and tokens[i + 1][1][:1].isupper():
                    yield a.text.finding(government.rule, para, offset + o, f"{w} {tokens[i + 1][1]}",
                                         f"после «{w}» нужен предлог «{_FIXED_NEXT[low][0]}»",
                                         f"{w} {_FIXED_NEXT[low][0]} {tokens[i + 1][1]}")
                if low not in GOVERNS or i + 1 >= len(tokens) or not _adjacent(cell, tokens[i], tokens[i + 1]):
                    continue
                first = tokens[i + 1]
                first_cases = _cases(first[1].lower(), {"NOUN", "ADJF", "PRTF"})
                if first_cases and _pos(first[1].lower()) <= {"NOUN", "ADJF", "PRTF"} and not first_cases & GOVERNS[low]:
                    yield a.text.finding(government.rule, para, offset + first[0], f"{w} {first[1]}",
                                         f"после «{w}» слово «{first[1]}» стоит не в том падеже: проверьте окончание")
                    continue
                found = _phrase_cases(tokens, i + 1)
                if found is None:
                    continue
                _cases_found, noun = found
                # coordinated: «по X и Y» — X and Y in one case
                if noun + 2 < len(tokens) and tokens[noun + 1][1] == "и" and _adjacent(cell, tokens[noun], tokens[noun + 1]):
                    other = _phrase_cases(tokens, noun + 2)
                    best_first = parses(tokens[noun][1].lower())[0].tag.case
                    first_all = _cases(tokens[noun][1].lower(), {"NOUN"})
                    if other and other[0] & GOVERNS[low] and best_first not in GOVERNS[low] \
                            and not first_all & other[0] & GOVERNS[low]:
                        word = tokens[noun][1]
                        yield a.text.finding(government.rule, para, offset + tokens[noun][0], word,
                                             f"«{word}» и «{tokens[other[1]][1]}» после «{w}» должны стоять в одном "
                                             "падеже: проверьте окончание")


@rule("lang.preposition-missing", WARNING, "слово в предложном падеже без предлога («положения профессиональном»)",
      "предложный падеж употребляется только с предлогом: пропущен «о», «в» или «на»",
      "«Разработка положения профессиональном сообществе»")
def preposition_missing(a: Analysis):
    for para in a.text.paras:
        for offset, cell in para.cells:
            for o, excerpt, message, fix in _missing_prepositions(cell):
                yield a.text.finding(preposition_missing.rule, para, offset + o, excerpt, message, fix)


@lru_cache(maxsize=50_000)
def _missing_prepositions(cell: str) -> tuple[tuple[int, str, str, str], ...]:
    """(offset, excerpt, message, fix) of each word of ``cell`` in the prepositional case without
    its preposition (a function of the text alone)."""
    out = []
    tokens = _tokens(cell)
    reported = -1
    for i, (o, w) in enumerate(tokens):
        low = w.lower()
        ps = parses(low)
        if not ps or any(p.tag.case != "loct" for p in ps) or {str(p.tag.POS) for p in ps} - {"ADJF", "NOUN"}:
            continue
        k = i - 1
        while k >= 0 and "loct" in _cases(tokens[k][1].lower(), {"ADJF", "PRTF"}):
            k -= 1
        if k < 0 or not _adjacent(cell, tokens[k], tokens[k + 1]) or k + 1 < i and reported >= k + 1:
            continue
        near = {t.lower() for _o, t in tokens[max(0, k - 9):k + 1]}
        if near & {"в", "во", "на", "о", "об", "обо", "при", "по"} or "PREP" in _pos(tokens[k][1].lower()) \
                or tokens[k][1].lower() in ("и", "или", "а", "но"):
            continue
        if "NOUN" in _pos(tokens[k][1].lower()):
            reported = i
            out.append((tokens[k][0], cell[tokens[k][0]:tokens[k + 1][0] + len(tokens[k + 1][1])],
                        f"«{tokens[k + 1][1]}» в предложном падеже без предлога: пропущен предлог "
                        "(«о», «в», «на»)", f"{tokens[k][1]} о {tokens[k + 1][1]}"))
    return tuple(out)


def _canonical(a: Analysis) -> set[tuple[str, ...]]:
    """Word sequences (four and five words, lower case, as written) of the names the federal
    model fixes: its roles, its system, its terms."""
    from ...model.units import iter_subjects
    texts = []
    model = a.ctx.model or {}
    system = model.get("system", {})
    texts += [s["name"] for _l, _p, s in iter_subjects(system)] if system else []
    texts += [system.get("name", "")] + [e["term"] for e in system.get("glossary", [])]
    out = set()
    for text in texts:
        words = [w.lower().replace("ё", "е") for w in _WORD.findall(text)]
        for n in (4, 5):
            for i in range(len(words) - n + 1):
                out.add(tuple(words[i:i + n]))
    return out


@rule("lang.fixed-phrase", WARNING, "в устойчивом наименовании пропущено слово («центр непрерывного "
      "профессионального мастерства»)", "наименования из примерного положения пишутся полностью",
      "«педагогических работников и управленческих (утв. …»")
def fixed_phrase(a: Analysis):
    phrases = a.memo(_canonical)
    if not phrases:
        return
    shortened: dict[tuple, tuple[tuple, str]] = {}
    for p in phrases:
        if len(p) != 5:
            continue
        for k in range(1, 5):
            if "и" in p and k < 4 or _pos(p[k]) != {"NOUN"} and "NOUN" not in {str(x.tag.POS) for x in parses(p[k])[:1]}:
                continue
            short = p[:k] + p[k + 1:]
            if k == 4 or short not in phrases:  # a shorter name of its own is no loss
                shortened.setdefault(short, (p, p[k]))
    for para in a.text.paras:
        for offset, cell in para.cells:
            tokens = _tokens(cell)
            lemmas = [w.lower().replace("ё", "е") for _o, w in tokens]
            last = -1
            for i in range(len(tokens) - 3):
                window = tuple(lemmas[i:i + 4])
                if window not in shortened or i <= last:
                    continue
                phrase, lost = shortened[window]
                after = cell[tokens[i + 3][0] + len(tokens[i + 3][1]):].lstrip()[:1]
                if phrase[4] == lost and (after[:1].isalpha() or _pos(tokens[i + 3][1].lower()) != {"ADJF"}):
                    continue       # a name may end before its last word, but not on an adjective
                if tuple(lemmas[i:i + 5]) in phrases or lost in lemmas[max(0, i - 2):i] + lemmas[i + 4:i + 6]:
                    continue       # the word stands elsewhere in the name: reordered, not lost
                text = cell[tokens[i][0]:tokens[i + 3][0] + len(tokens[i + 3][1])]
                last = i + 3
                yield a.text.finding(fixed_phrase.rule, para, offset + tokens[i][0], text,
                                     f"в наименовании «{text}» пропущено слово «{lost}» (так в примерном положении)")


def _agree_gender(adj: str, gender: str, number: str = "sing") -> bool:
    return any(p.tag.POS == "ADJF" and p.tag.number == number and (number == "plur" or p.tag.gender == gender)
               for p in parses(adj))


def _heads(a: Analysis) -> dict[str, tuple[str, str]]:
    """abbreviation → (gender, number) of the head noun of its full form («РС НМС» → система:
    femn, sing), from the region's profile."""
    out = {}
    for abbr, full in a.ctx.abbreviations.items():
        for word in _WORD.findall(full):
            noun = next((p for p in parses(word.lower()) if p.tag.POS == "NOUN"), None)
            if noun is not None:
                plural = all(p.tag.number == "plur" for p in parses(word.lower()) if p.tag.POS == "NOUN")
                out[abbr] = (str(noun.normalized.tag.gender), "plur" if plural else "sing")
                break
    return out


@rule("lang.abbreviation-agreement", WARNING, "определение не согласовано с сокращением по роду главного слова "
      "(«функционального РС НМС» при «региональная система»)", "сокращение склоняется по своему главному слову",
      "«эффективности функционального РС НМС»", scope=("document",))
def abbreviation_agreement(a: Analysis):
    heads = a.memo(_heads)
    if not heads:
        return
    pattern = re.compile(r"(?<![\w-])([а-яё]{4,}) (" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
                         + r")(?![\w-])")
    for para in a.text.paras:
        for m in pattern.finditer(para.text):
            adj, abbr = m.group(1), m.group(2)
            gender, number = heads[abbr]
            if _pos(adj) == {"ADJF"} and gender in ("masc", "femn", "neut") and not _agree_gender(adj, gender, number):
                yield a.text.finding(abbreviation_agreement.rule, para, m.start(), m.group(0),
                                     f"«{adj}» не согласовано с «{abbr}» (главное слово — рода «{_GENDERS[gender]}»): "
                                     "проверьте окончание")


_GENDERS = {"masc": "мужского", "femn": "женского", "neut": "среднего"}


@rule("lang.adverb-for-adjective", WARNING, "наречие вместо прилагательного в ряду однородных определений "
      "(«полноценное и всесторонне научно-методическое»)", "однородные определения согласуются с одним словом",
      "«полноценное и всесторонне научно-методическое сопровождение»")
def adverb_for_adjective(a: Analysis):
    for para in a.text.paras:
        for offset, cell in para.cells:
            tokens = _tokens(cell)
            for (_o1, w1), (_o2, conj), (o3, w3), (_o4, w4) in zip(tokens, tokens[1:], tokens[2:], tokens[3:]):
                if conj not in ("и", "или") or _pos(w1.lower()) != {"ADJF"} or "ADVB" not in _pos(w3.lower()):
                    continue
                adjective = w3 + "е" if w3.endswith("е") else None
                if adjective and "ADJF" in _pos(adjective.lower()) and _pos(w4.lower()) <= {"ADJF", "NOUN"} \
                        and any(_agree(w1.lower(), n) and _agree(adjective.lower(), n) for n in [w4.lower()]
                                + [t.lower() for _o, t in tokens[tokens.index((_o4, w4)) + 1:][:2]]):
                    yield a.text.finding(adverb_for_adjective.rule, para, offset + o3, w3,
                                         f"«{w3}» стоит в ряду с «{w1}»: нужно прилагательное «{adjective}»", adjective)


def _collocations(a: Analysis):
    from collections import Counter

    from ...lang.morph import lemma
    pairs = Counter()
    seen = []
    for para in a.text.paras:
        for offset, cell in para.cells:
            tokens = _tokens(cell)
            for (o1, w1), (o2, w2) in zip(tokens, tokens[1:]):
                if _adjacent(cell, (o1, w1), (o2, w2)) and _pos(w1.lower()) == {"ADJF"} and len(w2) > 5:
                    key = (lemma(w1), lemma(w2))
                    pairs[key] += 1
                    seen.append((para, offset + o1, w1, w2, key))
    return pairs, seen


@rule("lang.collocation", WARNING, "слово похоже на опечатку в устойчивом сочетании («профессионального мастера» "
      "при «профессионального мастерства»)", "сочетание, повторённое в акте десятки раз, один раз написано иначе",
      "«конкурс профессионального мастера педагогов»", scope=("document",))
def collocation(a: Analysis):
    pairs, seen = a.memo(_collocations)
    for para, offset, w1, w2, (adj, noun) in seen:
        if pairs[(adj, noun)] > 1:
            continue
        for (adj2, noun2), n in pairs.items():
            if adj2 != adj or noun2 == noun or n < 10:
                continue
            common = len(_prefix(noun, noun2))
            if common >= 6 and common >= len(noun) - 1:
                yield a.text.finding(collocation.rule, para, offset, f"{w1} {w2}",
                                     f"«{w1} {w2}» — в акте {n} раз «… {noun2}»: проверьте слово")
                break


def _prefix(x: str, y: str) -> str:
    out = []
    for a, b in zip(x, y):
        if a != b:
            break
        out.append(a)
    return "".join(out)
