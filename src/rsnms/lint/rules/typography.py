"""Typography: «» quotes and brackets in pairs, dashes, non-breaking spaces after «№» and in
initials, list items ending in «;» and the last in «.», no word breaks or letter spacing left
by a PDF conversion."""

from __future__ import annotations

import re

from ...lang.morph import analyzer
from ..context import Analysis
from ..finding import NOTE, WARNING
from ..registry import rule
from ..text import Para

_MARKER = re.compile(r"(?:^\s*(?:[-–—•]\s*)?|(?<=[;:]\s)|(?<=\t))(?:\d{1,2}|[а-яa-z])\)")
_ITEM = re.compile(r"^\s*(?:[-–—•·▪◦]\s+|\d{1,2}\)\s|[а-я]\)\s)")
_DOUBLE_MARKER = re.compile(r"^\s*([-–—•])\s+(\d{1,2}\)|[а-я]\))\s")
_ABBREVIATED_END = re.compile(r"(?:\bт\.\s?[дп]|\bдр|\bг|\bгг|\bпр|\bим|\bт\.\s?е)\.$")


def _balance(text: str, opening: str, closing: str) -> int:
    return text.count(opening) - text.count(closing)


def _quote_balance(text: str) -> int:
    """Unpaired «» quotes. Russian typography prints one «»» where a nested quote ends with the
    one around it («приказ «Об утверждении … проекта «Образование»», «ОРОО «АПРОО «СПЕКТР»»), so a
    closing quote inside a quote may close every open one: the text is paired when some reading
    of its closing quotes closes them all."""
    depths = {0}
    for ch in text:
        if ch == "«":
            depths = {d + 1 for d in depths}
        elif ch == "»":
            depths = {d - 1 for d in depths if d >= 1} | ({0} if any(d >= 2 for d in depths) else set())
            if not depths:
                return -1
    return 0 if 0 in depths else min(depths)


def _paren_balance(text: str) -> int:
    return _balance(_MARKER.sub("", text), "(", ")")


def _unbalanced(paras: list[Para], i: int, balance) -> bool:
    """Whether paragraph i opens or closes a pair that the text around it (a paragraph broken
    across lines by a conversion) does not close or open."""
    b = balance(paras[i].text)
    if b == 0:
        return False
    step = 1 if b > 0 else -1
    total, j, looked = b, i + step, 0
    while 0 <= j < len(paras) and looked < 3:
        if paras[j].stripped:
            looked += 1
            total += balance(paras[j].text)
            if total == 0:
                return False
        j += step
    return True


def _pair_rule(a: Analysis, check, balance, what: str, pair: str):
    paras = a.text.paras
    for i, para in enumerate(paras):
        if not _unbalanced(paras, i, balance):
            continue
        for offset, text in para.cells if para.row else [(0, para.text)]:
            if balance(text) == 0:
                continue
            b = balance(text)
            sign = pair[0] if b > 0 else pair[1]
            at = text.rfind(sign) if b > 0 else text.find(sign)
            yield a.text.finding(check.rule, para, offset + max(at, 0), text[max(at, 0):max(at, 0) + 40].strip(),
                                 f"{what}: «{sign}» без пары — закройте или уберите")


@rule("typo.quotes", WARNING, "кавычки без пары или прямые кавычки вместо «ёлочек»",
      "незакрытая кавычка искажает наименование документа или организации", "«Основные принципы … без закрывающей")
def quotes(a: Analysis):
    yield from _pair_rule(a, quotes, _quote_balance, "кавычка", "«»")
    for para in a.text.paras:
        for m in re.finditer(r'"[^"\n]{1,200}"', para.text):
            yield a.text.finding(quotes.rule, para, m.start(), m.group(0),
                                 "прямые кавычки: в русском тексте — «ёлочки»", f"«{m.group(0)[1:-1]}»")


@rule("typo.brackets", WARNING, "скобка без пары", "незакрытая скобка делает неясным, где кончается оговорка",
      "«(утв. нормативным правовым актом … (далее – РОИВ).»")
def brackets(a: Analysis):
    yield from _pair_rule(a, brackets, _paren_balance, "скобка", "()")


@rule("typo.dash", WARNING, "дефис между словами вместо тире", "тире отделяет части предложения, дефис — части слова",
      "«(далее - ММС)»", scope=("document",))
def dash(a: Analysis):
    for para in a.text.paras:
        for m in re.finditer(r"(?<=[\w»)]) - (?=[\w«(])", para.text):
            yield a.text.finding(dash.rule, para, m.start() + 1, "-", "дефис между словами: поставьте тире «–»", "–")


@rule("typo.nbsp", NOTE, "нет неразрывного пробела после «№» или между инициалами и фамилией",
      "номер и фамилия не должны отрываться на другую строку", "«№ 26», «Т.В. Дернова» с обычным пробелом",
      scope=("document",))
def nbsp(a: Analysis):
    if not a.text.file.endswith((".docx", ".odt")):
        return               # text and PDF conversions do not keep non-breaking spaces
    for para in a.text.paras:
        for m in re.finditer(r"№ (?=\S)|\b[А-ЯЁ]\.\s?[А-ЯЁ]\. (?=[А-ЯЁ][а-яё])", para.text):
            yield a.text.finding(nbsp.rule, para, m.start(), m.group(0), "обычный пробел: нужен неразрывный",
                                 m.group(0)[:-1] + "\u00a0")


@rule("typo.double-marker", WARNING, "у пункта перечня два маркера («- 1)»)",
      "перечень нумеруется одним способом", "«- 1) разработка программ ДПО»", scope=("document",))
def double_marker(a: Analysis):
    for para in a.text.paras:
        m = _DOUBLE_MARKER.match(para.text)
        if m:
            yield a.text.finding(double_marker.rule, para, m.start(1), m.group(0).strip(),
                                 f"два маркера «{m.group(1)} {m.group(2)}»: оставьте один", m.group(2))


@rule("typo.list-ending", WARNING, "пункт перечня оканчивается не так: точка в середине перечня, запятая в конце абзаца",
      "пункты перечня разделяются «;», последний оканчивается «.»", "«… предоставляет их в РОИВ.» перед следующим пунктом")
def list_ending(a: Analysis):
    paras = [p for p in a.text.paras if p.stripped]
    for para, nxt in zip(paras, paras[1:] + [None]):
        text = para.text.rstrip()
        if para.row:
            continued = nxt is not None and next((c.strip() for _o, c in nxt.cells if c.strip()), "A")[:1].islower()
            for offset, cell in para.cells:
                if cell.rstrip().endswith(",") and cell.count(",") >= 2 and not continued:
                    tail = cell.strip()[-30:]
                    yield a.text.finding(list_ending.rule, para, offset + len(cell.rstrip()) - len(tail), tail,
                                         "перечень в ячейке оканчивается запятой: уберите её или допишите перечень")
            continue
        if text.endswith(",") and len(text.strip()) >= 60 and (nxt is None or not nxt.text.lstrip()[:1].islower()):
            yield a.text.finding(list_ending.rule, para, len(text) - len(text[-30:]), text[-30:],
                                 "абзац обрывается запятой: допишите его или поставьте нужный знак")
        elif (_ITEM.match(para.text) and nxt is not None and _ITEM.match(nxt.text) and text.endswith(".")
              and para.text[_ITEM.match(para.text).end():].lstrip()[:1].islower()
              and not _ABBREVIATED_END.search(text) and _same_marker(para.text, nxt.text)
              and not re.search(r"\S\s+[–—-]\s", text[3:]) and not re.search(r"[а-я»)]\.\s+[А-ЯЁ]", text)):
            yield a.text.finding(list_ending.rule, para, len(text) - 1, ".",
                                 "пункт в середине перечня оканчивается точкой: поставьте «;»", ";")


def _same_marker(a: str, b: str) -> bool:
    kind = lambda t: "-" if t.lstrip()[:1] in "-–—•·▪◦" else "1" if t.lstrip()[:1].isdigit() else "а"  # noqa: E731
    return kind(a) == kind(b)


@rule("typo.hyphenation", WARNING, "перенос слова, оставшийся от конвертации PDF («методи- ческого»)",
      "разорванное слово не находится поиском", "«научно-» в конце строки и «методического» в начале следующей",
      scope=("document",))
def hyphenation(a: Analysis):
    paras = a.text.paras
    for i, para in enumerate(paras):
        for m in re.finditer(r"([А-Яа-яЁё]+)- ([а-яё]+)(?<!\sи)(?<!\sили)", para.text):
            if m.group(2) in ("и", "или"):
                continue
            left, right = m.group(1), m.group(2)
            joined = left + right if analyzer().word_is_known((left + right).lower()) else f"{left}-{right}"
            yield a.text.finding(hyphenation.rule, para, m.start(), m.group(0),
                                 f"перенос внутри строки «{m.group(0)}»: соедините части слова", joined)
        text = para.text.rstrip()
        if para.row or not re.search(r"[А-Яа-яЁё]-$", text) or re.search(r"\s-$", text):
            continue
        nxt = next((p for p in paras[i + 1:i + 3] if p.stripped), None)
        if nxt is not None and nxt.stripped[:1].islower():
            word = text.split()[-1]
            yield a.text.finding(hyphenation.rule, para, len(text) - len(word), word,
                                 f"слово «{word}» перенесено на другую строку: соедините его с продолжением")


@rule("typo.letter-spacing", NOTE, "слово набрано вразрядку пробелами («П Р И К А З»)",
      "разрядку задают стилем: слово, набранное с пробелами, не находится поиском", "«п р и к а з ы в а ю»",
      scope=("document",))
def letter_spacing(a: Analysis):
    for para in a.text.paras:
        for m in re.finditer(r"(?<!\S)(?:[А-ЯЁа-яё] ){3,}[А-ЯЁа-яё](?!\S)", para.text):
            yield a.text.finding(letter_spacing.rule, para, m.start(), m.group(0),
                                 "слово набрано вразрядку пробелами: задайте разрядку стилем", m.group(0).replace(" ", ""))


def _compounds(a: Analysis) -> set[tuple[str, str]]:
    """(first part, lemma of the second part) of every hyphenated compound in the text
    («научно-методического» → («научно», «методический»)), and of common ones of acts."""
    from ...lang.morph import lemma
    out = set(COMMON_COMPOUNDS)
    for _para, _offset, word in a.text.words():
        parts = word.lower().split("-")
        if len(parts) == 2 and parts[0].endswith("о") and len(parts[0]) > 3:
            out.add((parts[0], lemma(parts[1])))
    return out


COMMON_COMPOUNDS = {("научно", "методический"), ("учебно", "методический"), ("научно", "практический"),
                    ("психолого", "педагогический"), ("организационно", "методический"),
                    ("информационно", "методический"), ("экспертно", "аналитический"),
                    ("социально", "экономический"), ("информационно", "коммуникационный"),
                    ("нормативно", "правовой"), ("профессионально", "общественный")}


@rule("typo.hyphen-missing", WARNING, "составное слово написано раздельно («научно методического»)",
      "составное прилагательное пишется через дефис, как в остальном тексте", "«научно методического сопровождения»")
def hyphen_missing(a: Analysis):
    from ...lang.morph import lemma
    compounds = a.memo(_compounds)
    for para in a.text.paras:
        for m in re.finditer(r"(?<![\w-])([А-Яа-яЁё]{4,}о) ([а-яё]{4,})(?![\w-])", para.text):
            if (m.group(1).lower(), lemma(m.group(2))) in compounds:
                yield a.text.finding(hyphen_missing.rule, para, m.start(), m.group(0),
                                     f"«{m.group(0)}» пишется через дефис", f"{m.group(1)}-{m.group(2)}")
