"""Language: mixed scripts, the operative word, repeated words, an act naming itself by the
wrong kind, model text left unadapted, terms written with a capital and without."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ...lang.morph import analyzer
from ...lang.formats import times
from ..context import Analysis
from ..finding import ERROR, WARNING
from ..registry import rule
from ..structure import ORDER_KINDS, unspace
from ..text import WORD

# Latin letters that look like Cyrillic ones
HOMOGLYPHS = str.maketrans("aceopxyABCEHKMOPTXy", "асеорхуАВСЕНКМОРТХу")
_CYR, _LAT = re.compile(r"[А-Яа-яЁё]"), re.compile(r"[A-Za-z]")
OPERATIVE = {"приказ": ("приказываю",), "распоряжение": ("обязываю", "предлагаю", "поручаю", "рекомендую"),
             "постановление": ("постановляю", "постановляет")}
_OPERATIVE_END = re.compile(r"(?:^|[\s,])([а-яё]{4,}|(?:[а-яё] ){3,}[а-яё])\s*:\s*$", re.I)
_SELF_KIND = re.compile(r"\b(настоящ\w+)\s+(положени|регламент|комплекс\w*\s+мер|план\w*\s+мероприятий|"
                        r"порядк|порядок|дорожн\w+\s+карт)(\w*)", re.I)
_SELF_KINDS = {"положени": "положение", "регламент": "регламент", "комплекс": "комплекс мер",
               "план": "план мероприятий", "порядк": "порядок", "порядок": "порядок", "дорожн": "дорожная карта"}
_PLACEHOLDERS = re.compile(r"\[\[[^\]]*\]\]|\((?:наименование|указать|ФИО)[^)]*\)|\bРОИВ\b|"
                           r"\bвласти\s+субъекта\s+Российской\s+Федерации\b|\bв\s+субъекте\s+Российской\s+Федерации\b")


def _edit_distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein
    return Levenshtein.distance(a, b)


@rule("lang.mixed-script", ERROR, "латинские буквы внутри русского слова (или наоборот)",
      "такое слово не находится поиском и не проходит проверку орфографии", "«аprobации»")
def mixed_script(a: Analysis):
    for para, offset, word in a.text.words():
        if any(_CYR.search(part) and _LAT.search(part) for part in word.split("-")) and not re.search(r"\d", word):
            cyr, lat = len(_CYR.findall(word)), len(_LAT.findall(word))
            if cyr < lat:
                continue        # a Latin word with a Cyrillic look-alike is rare in acts: leave it
            fixed = word.translate(HOMOGLYPHS)
            yield a.text.finding(mixed_script.rule, para, offset, word,
                                 f"в слове «{word}» латинские буквы ({', '.join(sorted(set(_LAT.findall(word))))}): "
                                 "наберите его русскими буквами", fixed if not _LAT.search(fixed) else None)


@rule("lang.operative-word", ERROR, "неверное распорядительное слово («призываю» вместо «приказываю»)",
      "распорядительное слово определяет вид акта; опечатка в нём — дефект реквизита",
      "«…, призываю:» в приказе", scope=("document",))
def operative_word(a: Analysis):
    s = a.structure
    kind = s.kind or a.ctx.order_kind
    if kind not in ORDER_KINDS:
        return
    for part in s.parts:
        if part.kind not in ORDER_KINDS:
            continue
        for para in a.text.paras[part.start:part.end]:
            m = _OPERATIVE_END.search(para.text)
            if not m or para.row:
                continue
            word = unspace(m.group(1)).replace(" ", "").lower()
            if not word.endswith("ю") or word in OPERATIVE[kind]:
                continue
            expected = OPERATIVE[kind][0]
            other = next((k for k, words in OPERATIVE.items() if word in words), None)
            if other or _edit_distance(word, expected) <= 3:
                why = f"слово акта вида «{other}»" if other else "опечатка"
                yield a.text.finding(operative_word.rule, para, m.start(1), m.group(1),
                                     f"распорядительное слово «{word}» ({why}): в акте вида «{kind}» — «{expected}»",
                                     expected)


@rule("lang.repeated-word", WARNING, "слово повторено подряд («и и», «ДПО ФГАОУ ДПО»)",
      "повтор — след правки текста; он меняет смысл или наименование", "«в в рамках»")
def repeated_word(a: Analysis):
    for para in a.text.paras:
        for offset, text in para.cells:
            tokens = [(m.start() + offset, m.group(0)) for m in WORD.finditer(text)]
            for (o1, w1), (_o2, w2) in zip(tokens, tokens[1:]):
                between = para.text[o1 + len(w1):_o2]
                if w1.lower() == w2.lower() and not w1.isdigit() and between.strip() == "" and len(w1) > 0:
                    yield a.text.finding(repeated_word.rule, para, o1, para.text[o1:_o2 + len(w2)],
                                         f"слово «{w1}» повторено подряд: уберите повтор", w1)
            for (o1, w1), (_o2, w2), (_o3, w3) in zip(tokens, tokens[1:], tokens[2:]):
                if w1 == w3 and w1.isupper() and w2.isupper() and len(w1) >= 2 and w1 != w2 \
                        and re.fullmatch(r"[\w-]+ [\w-]+ [\w-]+", para.text[o1:_o3 + len(w3)]):
                    yield a.text.finding(repeated_word.rule, para, o1, f"{w1} {w2} {w3}",
                                         f"сокращение «{w1}» повторено в «{w1} {w2} {w3}»: уберите лишнее",
                                         f"{w2} {w3}")


def _inflect_kind(found_noun: str, new_kind: str, adjective: str) -> str | None:
    """«настоящим Положением» → «настоящим регламентом» (case kept, gender of the new kind)."""
    parse = next((p for p in analyzer().parse(found_noun) if p.tag.POS == "NOUN"), None)
    if parse is None:
        return None
    case = parse.tag.case
    head = new_kind.split()[0]
    noun = next((p for p in analyzer().parse(head) if p.tag.POS == "NOUN"), None)
    adj = analyzer().parse("настоящий")[0]
    if noun is None:
        return None
    noun_form = noun.inflect({case, "sing"})
    adj_form = adj.inflect({case, "sing", noun.tag.gender} if case != "accs" else {case, "sing", noun.tag.gender, "inan"})
    if noun_form is None or adj_form is None:
        return None
    tail = new_kind[len(head):]
    return f"{adj_form.word} {noun_form.word}{tail}"


@rule("lang.self-reference", ERROR, "акт называет себя актом другого вида («настоящее Положение» в регламенте)",
      "ссылка на себя должна называть тот же вид акта, что и его заголовок", "«настоящим Положением» в регламенте",
      scope=("document",))
def self_reference(a: Analysis):
    for i, para in enumerate(a.text.paras):
        part = a.structure.part_of(i)
        if part is None or part.kind in ("", *ORDER_KINDS, "методические рекомендации"):
            continue
        for m in _SELF_KIND.finditer(para.text):
            named = _SELF_KINDS[_stem(m.group(2))]
            if named == part.kind or {named, part.kind} <= {"комплекс мер", "дорожная карта", "план мероприятий"}:
                continue
            fix = _inflect_kind(m.group(2) + m.group(3), part.kind, m.group(1))
            yield a.text.finding(self_reference.rule, para, m.start(), m.group(0),
                                 f"акт — {part.kind}, а называет себя «{m.group(0)}»: исправьте ссылку на себя", fix)


def _stem(word: str) -> str:
    low = word.lower()
    for stem in _SELF_KINDS:
        if low.startswith(stem):
            return stem
    return low


@rule("lang.model-text", ERROR, "неадаптированный текст примерного положения: «РОИВ», «субъект Российской "
      "Федерации», «(наименование …)»", "в акте региона орган и регион называются по имени",
      "«распорядительный акт РОИВ» в положении региона")
def model_text(a: Analysis):
    region = a.ctx.region
    if region is None or a.ctx.is_model:
        return
    own_short = (region.get("authority") or {}).get("short") or ""
    introduced = any(re.search(r"\(далее\s*[–—-]\s*РОИВ\)", p.text) for p in a.text.paras)
    for para in a.text.paras:
        for m in _PLACEHOLDERS.finditer(para.text):
            found = m.group(0)
            if found == "РОИВ" and (own_short == "РОИВ" or introduced):
                continue
            fix = own_short if found == "РОИВ" and own_short else None
            if found.startswith("субъект"):
                fix = None
            yield a.text.finding(model_text.rule, para, m.start(), found,
                                 f"«{found}» — текст примерного положения: назовите орган или регион так, "
                                 "как в акте региона", fix)


_DEFINITION_START = re.compile(r"^\s*(?:[-–—•·]\s*)?[«\"]?[А-ЯЁA-Z][^–—]{1,80}?[»\"]?\s[–—]\s\S")
_SECOND_DEFINITION = re.compile(r"(?<=[.;])\s+([А-ЯЁ][а-яё]+(?:\s+[а-яё-]+){0,5}|[А-ЯЁ]{2,}(?:\s[А-ЯЁ]{2,})*)\s[–—]\s(?=\S)")


@rule("lang.merged-entries", WARNING, "в одном определении (строке перечня сокращений) слиты два",
      "у каждого термина и сокращения — своё определение, иначе одно из них теряется",
      "«… новшества. Субъект научно-методической деятельности – …»")
def merged_entries(a: Analysis):
    for para in a.text.paras:
        cells = para.cells
        abbreviation_row = para.row and len(cells) >= 2 and re.fullmatch(r"[А-ЯЁ][А-ЯЁа-яё ]*[А-ЯЁ]", cells[0][1].strip())
        for k, (offset, cell) in enumerate(cells):
            first = _DEFINITION_START.match(cell)
            if not first and not (abbreviation_row and k == 1):
                continue
            # a second definition follows the first one's dash («Советы. Объединения – …» is one term)
            for m in _SECOND_DEFINITION.finditer(cell, max(10, first.end() - 1 if first else 0)):
                yield a.text.finding(merged_entries.rule, para, offset + m.start(1), m.group(0).strip(),
                                     f"определение «{m.group(1)}» слито с предыдущим: вынесите его отдельным пунктом")


_APPENDIX_REF = re.compile(r"\(приложени[ея]\s+(?:№\s*)?(\d+)\)|\bв\s+приложении\s+(?:№\s*)?(\d+)\b", re.I)
_APPENDIX_HEAD = re.compile(r"^\s*приложение\s+(?:№\s*)?(\d+)", re.I)


@rule("lang.appendix-reference", ERROR, "ссылка на приложение, которого в акте нет",
      "ссылка «(приложение 1)» при отсутствии приложения 1 ведёт в никуда", "«(приложение 1)», а есть только «Приложение 2»",
      scope=("document",), whole=True)
def appendix_reference(a: Analysis):
    heads = {int(m.group(1)) for p in a.text.paras for m in [_APPENDIX_HEAD.match(p.text)] if m}
    if not heads:
        return
    for para in a.text.paras:
        for m in _APPENDIX_REF.finditer(para.text):
            n = int(m.group(1) or m.group(2))
            if n not in heads:
                yield a.text.finding(appendix_reference.rule, para, m.start(), m.group(0),
                                     f"в акте нет приложения {n} (есть: {', '.join(map(str, sorted(heads)))}): "
                                     "проверьте ссылку или обозначьте приложение")


@rule("lang.capitalization", WARNING, "термин написан то с прописной, то со строчной («Федеральный оператор»)",
      "один термин — одно написание во всём акте", "«федеральным оператором» при «Федеральным оператором»")
def capitalization(a: Analysis):
    capital: dict[tuple, int] = {}
    lower: list[tuple] = []
    for para in a.text.paras:
        for start, pair, key in _pairs(para.text):
            if pair[0].isupper():
                capital[key] = capital.get(key, 0) + 1
            else:
                lower.append((key, para, start, pair))
    lowered = Counter(key for key, _p, _s, _w in lower)
    for key, para, start, pair in lower:
        n = capital.get(key, 0)
        if n >= 5 and n >= 5 * lowered[key]:
            yield a.text.finding(capitalization.rule, para, start, pair,
                                 f"«{pair}» в остальном тексте пишется с прописной ({times(n)}): приведите к "
                                 "одному написанию", pair[0].upper() + pair[1:])


_PAIR = re.compile(r"(?<=[а-яё,;:»)] )(?=(([А-ЯЁа-яё][а-яё]+) ([а-яё]{4,})))")


@lru_cache(maxsize=50_000)
def _pairs(text: str) -> tuple[tuple[int, str, tuple[str, str]], ...]:
    """(offset, the two words as written, their lemmas) of each pair of words of a paragraph
    that may be a term (a function of the text alone)."""
    from ...lang.morph import lemma

    return tuple((m.start(), m.group(1), (lemma(m.group(2)), lemma(m.group(3)))) for m in _PAIR.finditer(text))


_LIST_ITEM = re.compile(r"^\s*(?:[-–—•·▪]|\d{1,2}\)|[а-я]\))\s+([А-Яа-яЁё]+)")
_FRAME_END = re.compile(r"([А-Яа-яЁё]+)\s*:\s*$")
# a list after these governs its own case («в соответствии с:» — instrumental, «на основании:» — genitive)
_GOVERNING_END = {"с", "со", "в", "во", "на", "по", "к", "о", "об", "при", "для", "от", "из", "между", "основании",
                  "соответствии", "согласно"}


@rule("lang.list-case", WARNING, "пункт перечня после «…:» не в именительном падеже («основа: Федеральным законом»)",
      "перечень после двоеточия продолжает называть предметы — в именительном падеже, если слова перед "
      "двоеточием не требуют другого", "«Нормативная правовая основа …: Федеральным законом от …»")
def list_case(a: Analysis):
    from .grammar import parses
    paras = a.text.paras
    for i, para in enumerate(paras):
        frame = _FRAME_END.search(para.text)
        if not frame or para.row or frame.group(1).lower() in _GOVERNING_END:
            continue
        if {p.tag.POS for p in parses(frame.group(1).lower())} & {"VERB", "INFN", "PRTS"} - {None} and \
                frame.group(1).lower() not in ("являются", "является", "составляют", "относятся"):
            continue                    # «осуществляет:» — the verb decides the case
        for item in paras[i + 1:i + 30]:
            m = _LIST_ITEM.match(item.text)
            if not m:
                break
            word = m.group(1)
            readings = [p for p in parses(word.lower()) if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
            cases = {p.tag.case for p in readings}
            if readings and "nomn" not in cases and cases & {"ablt", "datv"} and \
                    not any(p.tag.POS in ("VERB", "INFN", "ADVB", "PREP", "CONJ") for p in parses(word.lower())):
                yield a.text.finding(list_case.rule, item, m.start(1), word,
                                     f"после «{frame.group(1)}:» пункт перечня начинается словом «{word}» не в "
                                     "именительном падеже: «Федеральный закон …», а не «Федеральным законом …»")
