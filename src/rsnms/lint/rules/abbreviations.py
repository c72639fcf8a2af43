"""Abbreviations: each introduced with «(далее – …)» before its first use in the act that uses
it, once, in one spelling, and used after it is introduced."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz.distance import Levenshtein

from ...lang.abbreviations import COMMON, INTRO, QUOTED, RUN, TOKEN, is_abbreviation, needs_introduction, runs
from ..context import Analysis
from ..finding import ERROR, WARNING
from ..registry import rule
from ..text import Para

_DEFINITION = re.compile(r"^\s*(?:[-–—•·▪]\s+)?([А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ](?: [А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ]){0,3})(?:\s*«[^«»]{1,80}»)?"
                         r"\s*(?:\t|\s[–—-]\s)\s*\S")


@dataclass
class Use:
    index: int              # paragraph index
    para: Para
    offset: int
    token: str


@dataclass
class Inventory:
    """Where each abbreviation is introduced, defined in a list, and used."""

    uses: list[Use] = field(default_factory=list)
    intros: dict[str, list[Use]] = field(default_factory=dict)     # token → introductions
    names: dict[str, list[Use]] = field(default_factory=dict)      # introduced name → introductions
    defined: set[str] = field(default_factory=set)                 # in a list or table of abbreviations
    defined_tokens: set[str] = field(default_factory=set)          # … and each word of those
    runs: set[str] = field(default_factory=set)                    # multi-word abbreviations introduced

    @cached_property
    def counts(self) -> Counter:
        return Counter(u.token for u in self.uses)


@lru_cache(maxsize=50_000)
def _uppercase_paragraph(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 6 and sum(ch.isupper() for ch in letters) / len(letters) > 0.7


def inventory(a: Analysis) -> Inventory:
    return a.memo(_inventory)


def _inventory(a: Analysis) -> Inventory:
    inv = Inventory()
    for i, para in enumerate(a.text.paras):
        if _uppercase_paragraph(para.text):
            continue
        intro_spans = []
        for m in INTRO.finditer(para.text):
            group = 1 if m.group(1) is not None else 2
            intro_spans.append((m.start(group), m.end(group)))
            offset = m.start(group)
            for name in re.split(r",\s*|\s?/\s?", m.group(group)):
                tokens = [t for t in TOKEN.findall(name) if is_abbreviation(t)]
                if len(tokens) > 1:
                    inv.runs.add(" ".join(tokens))
                if tokens and group == 1:
                    inv.names.setdefault(name.strip(), []).append(Use(i, para, offset, name.strip()))
                offset += len(name) + 1
        d = _DEFINITION.match(para.text)
        if d and (para.row or re.search(r"\s[–-]\s", para.text)):
            inv.defined_tokens.update(TOKEN.findall(d.group(1)))
            inv.defined.add(" ".join(d.group(1).split()))
            if len(d.group(1).split()) > 1:
                inv.runs.add(" ".join(d.group(1).split()))
        quoted = [(q.start(), q.end()) for q in QUOTED.finditer(para.text)]
        for m in TOKEN.finditer(para.text):
            token = m.group(0)
            if not is_abbreviation(token) or any(s <= m.start() < e for s, e in quoted):
                continue
            use = Use(i, para, m.start(), token)
            if any(s <= m.start() < e for s, e in intro_spans):
                inv.intros.setdefault(token, []).append(use)
            else:
                inv.uses.append(use)
    return inv


def _acts(a: Analysis) -> list[tuple[int, int]]:
    """Paragraph ranges of the acts in the document: a part with its appendices «к Положению»
    is one act; an appendix to the order is an act of its own."""
    out: list[list[int]] = []
    for part in a.structure.parts:
        before = " ".join(p.text for p in a.text.paras[max(0, part.start - 8):part.start])
        inner = re.search(r"\bк\s+(положению|регламенту)\b", before, re.I)
        if out and (inner or part.kind == "" or out[-1][0] == out[-1][1]):
            out[-1][1] = part.end
        else:
            out.append([part.start, part.end])
    return [(s, e) for s, e in out]


def _act_of(acts: list[tuple[int, int]], index: int) -> int:
    return next((n for n, (s, e) in enumerate(acts) if s <= index < e), 0)


def _needs_intro(token: str, a: Analysis) -> bool:
    return needs_introduction(token)


@rule("abbr.undefined", WARNING, "сокращение использовано без введения «(далее – …)» или до него",
      "читатель акта должен найти полное наименование до первого сокращения", "«ММС» без «(далее – ММС)»",
      scope=("document",))
def undefined(a: Analysis):
    inv = inventory(a)
    acts = _acts(a)
    variants = {id(use) for use, _fix in _variants(a)}
    intro_spans = {(u.index, u.offset) for us in inv.intros.values() for u in us}
    reported: set[tuple[str, int]] = set()
    for use in _all_runs(a):
        act = _act_of(acts, use.index)
        if id(use) in variants or use.run in inv.defined or (use.run, act) in reported:
            continue
        missing = []
        for token in use.run.split(" "):
            if not _needs_intro(token, a) or token in inv.defined_tokens:
                continue
            intros = inv.intros.get(token, [])
            if any(u.index == use.index and u.offset >= use.offset for u in intros):
                missing = []
                break                  # the use is the introduction itself
            earlier = [u for u in intros if (u.index, u.offset) < (use.index, use.offset)
                       and _act_of(acts, u.index) == act]
            if not earlier:
                missing.append((token, intros))
        if not missing or (use.index, use.offset) in intro_spans:
            continue
        reported.add((use.run, act))
        token, intros = missing[0]
        elsewhere = [u for u in intros if _act_of(acts, u.index) != act and (u.index, u.offset) < (use.index, use.offset)]
        if elsewhere:
            message = (f"сокращение «{use.run}» введено в другом акте (строка {elsewhere[0].para.line}): введите "
                       "его и в этом акте")
        elif intros:
            message = (f"сокращение «{use.run}» использовано до введения (оно введено в строке "
                       f"{intros[0].para.line}): введите его при первом упоминании")
        else:
            message = (f"сокращение «{use.run}» не введено: при первом упоминании дайте полное наименование и "
                       f"«(далее – {use.run})»")
        yield a.text.finding(undefined.rule, use.para, use.offset, use.run, message)


@rule("abbr.unused", WARNING, "сокращение введено, но дальше не используется",
      "лишнее введение путает читателя", "«(далее – КУ РИАЦ)» без последующих «КУ РИАЦ»", scope=("document",))
def unused(a: Analysis):
    inv = inventory(a)
    for token, intros in inv.intros.items():
        first = intros[0]
        later = [u for u in inv.uses if u.token == token and u.index >= first.index]
        if not later and len(intros) == 1 and _needs_intro(token, a):
            yield a.text.finding(unused.rule, first.para, first.offset, token,
                                 f"сокращение «{token}» введено, но дальше не используется: уберите введение "
                                 "или используйте сокращение")


@rule("abbr.redefined", WARNING, "сокращение введено повторно", "сокращение вводится один раз в акте",
      "«(далее – ЦНППМ)» дважды", scope=("document",))
def redefined(a: Analysis):
    """Within one part of an act: an appendix (a roadmap «Приложение к Положению») is often read
    alone, and may introduce again what the act introduced."""
    inv = inventory(a)
    parts = [(p.start, p.end) for p in a.structure.parts] or [(0, len(a.text.paras))]
    for name, intros in inv.names.items():
        seen: dict[int, Use] = {}
        for use in intros:
            act = _act_of(parts, use.index)
            if act in seen and use.index != seen[act].index:
                yield a.text.finding(redefined.rule, use.para, use.offset, name,
                                     f"сокращение «{name}» уже введено (строка {seen[act].para.line}): уберите "
                                     "повторное введение")
            seen.setdefault(act, use)


_PREVIOUS = re.compile(r"([А-Яа-яЁё]+)\s+$")


@dataclass
class RunUse:
    para: Para
    offset: int
    run: str
    before: str          # the lemma of the word before it («паспорт»), '' when none
    index: int = 0       # paragraph index


def _all_runs(a: Analysis) -> list[RunUse]:
    """Every abbreviation as written, multi-word ones whole («РС НМС», «ГАУ ДПО ИРО»)."""
    return a.memo(_find_runs)


def _find_runs(a: Analysis) -> list[RunUse]:
    from ...lang.morph import lemma
    out = []
    for index, para in enumerate(a.text.paras):
        if _uppercase_paragraph(para.text):
            continue
        for at, text in runs(para.text):
            prev = _PREVIOUS.search(para.text[max(0, at - 40):at])
            out.append(RunUse(para, at, text, lemma(prev.group(1)) if prev else "", index))
    return out


def _close(x: str, y: str, short: bool) -> bool:
    """Two spellings of one abbreviation: one letter (two in a long one) apart, or case only;
    not two legal forms of organisations («ГКУ ИО» and «ГАУ ИО» are different bodies)."""
    if x == y:
        return False
    xs, ys = x.split(" "), y.split(" ")
    if len(xs) == len(ys) and all(a == b or (a in COMMON and b in COMMON) for a, b in zip(xs, ys)):
        return False
    if len(xs) == len(ys) > 1:
        # word by word: a differing word is a misspelling of the other only one letter apart
        # («ГАУ ДПО» and «ГАУ ИО» name different bodies)
        return all(a.lower() == b.lower() or min(len(a), len(b)) >= 3
                   and Levenshtein.distance(a.lower(), b.lower()) <= 1 for a, b in zip(xs, ys))
    if x.lower() == y.lower():
        return True
    if not short and min(len(x), len(y)) < 4:
        return False
    limit = 2 if max(len(x), len(y)) >= 6 else 1
    return Levenshtein.distance(x.lower(), y.lower()) <= limit


def _established(a: Analysis) -> Counter:
    """Abbreviations whose spelling the act establishes — introduced, defined, in the region's
    profile, or used at least three times — with a weight of how established each is."""
    inv = inventory(a)
    counts = Counter(r.run for r in _all_runs(a))
    established = Counter({r: n for r, n in counts.items() if n >= 3})
    for name in list(inv.names) + list(inv.defined) + list(inv.runs) + list(a.ctx.abbreviations):
        for m in RUN.finditer(name):
            established[m.group(0)] += 1 + counts.get(m.group(0), 0)
    return established


def _variants(a: Analysis) -> list[tuple[RunUse, str]]:
    """(use, the established spelling) for each rare spelling of an established abbreviation."""
    return a.memo(_find_variants)


def _find_variants(a: Analysis) -> list[tuple[RunUse, str]]:
    inv = inventory(a)
    found = _all_runs(a)
    counts = Counter(r.run for r in found)
    context = Counter((r.before, r.run) for r in found)
    established = a.memo(_established)
    out = []
    for use in found:
        mine = counts[use.run]
        if use.run in a.ctx.abbreviations or use.run in inv.defined:
            continue
        best = None
        if use.run not in COMMON:
            for other, n in established.items():
                if n >= 2 * mine and _close(use.run, other, short=False) and (best is None or n > best[1]):
                    best = (other, n)
        if best is None and use.before:
            # «паспорта ДПО» where the act says «паспорт ДППО» throughout
            here = context[(use.before, use.run)]
            for (before, other), n in context.items():
                if before == use.before and n >= max(3, 4 * here) and _close(use.run, other, short=True) \
                        and other not in COMMON and (use.run not in COMMON or n >= 5 and here <= 2):
                    best = (other, n)
        if best:
            out.append((use, best[0]))
    return out


def _variant_of(token: str, inv: Inventory, a: Analysis) -> str | None:
    return next((fix for use, fix in _variants(a) if use.run == token), None)


@rule("abbr.variant", ERROR, "сокращение написано иначе, чем введено или принято в акте («ЦНПМ» при «ЦНППМ»)",
      "разные написания — разные организации для читателя и для поиска", "«ЦНППР» при «ЦНППМ»",
      scope=("document", "profile"))
def variant(a: Analysis):
    for use, fix in _variants(a):
        yield a.text.finding(variant.rule, use.para, use.offset, use.run,
                             f"«{use.run}» — по-видимому, «{fix}» (так сокращение написано в акте): "
                             "исправьте написание", fix)


@rule("abbr.broken", ERROR, "составное сокращение разорвано запятой или два сокращения слиты без запятой",
      "«ГАУ ДПО, ИРО» читается как две организации", "«ГАУ ДПО, ИРО»; «ЦНППМ НМЦ ОГПУ»", scope=("document",))
def broken(a: Analysis):
    inv = inventory(a)
    runs = set(inv.runs) | {r for r in a.ctx.abbreviations if " " in r and "," not in r}
    established = a.memo(_established)
    counts = Counter(r.run for r in _all_runs(a))
    for use in _all_runs(a):
        if counts[use.run] >= 3 or use.run in established and established[use.run] > counts[use.run]:
            continue
        cell = next((c for o, c in use.para.cells if o <= use.offset <= o + len(c)), "")
        longer = [k for k in established if k.startswith(use.run + " ") and " " in k]
        if cell.strip() == use.run and longer:
            yield a.text.finding(broken.rule, use.para, use.offset, use.run,
                                 f"«{use.run}» — начало сокращения «{longer[0]}»: напишите его полностью", longer[0])
            continue
        tokens = use.run.split(" ")
        for k in range(1, len(tokens)):
            left, right = " ".join(tokens[:k]), " ".join(tokens[k:])
            if left in established and right in established and "," in cell \
                    and not set(left.split()) <= COMMON and not set(right.split()) <= COMMON:
                yield a.text.finding(broken.rule, use.para, use.offset, use.run,
                                     f"«{use.run}» — два сокращения без запятой: «{left}, {right}»", f"{left}, {right}")
                break
    for para in a.text.paras:
        for run in runs:
            tokens = run.split()
            pattern = r"(?<![\w-])" + r"(?:\s*,\s*|\s+)".join(map(re.escape, tokens)) + r"(?![\w-])"
            for m in re.finditer(pattern, para.text):
                if "," in m.group(0):
                    yield a.text.finding(broken.rule, para, m.start(), m.group(0),
                                         f"«{m.group(0)}» — одно сокращение «{run}»: уберите запятую", run)


LEGAL_FORMS = sorted((t for t in COMMON if t.endswith("У") or t == "АНО"), key=len, reverse=True)
_BARE_FORM = re.compile(r"(?<![\w-])(?:" + "|".join(LEGAL_FORMS) + r")(?: (?:ДПО|ВО|ДО|СПО))?(?=\s*(?:[,.;)\t]|$))")
_NAMED = re.compile(r"((?:[А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ] ){1,3})«([^«»]{3,80})»")


@rule("abbr.legal-form", WARNING, "одна и та же организация названа с разными организационно-правовыми формами",
      "«ГАОУ ДПО «Академия …»» и «ФГАОУ ДПО «Академия …»» — это для читателя две разные организации",
      "«ГАОУ ДПО «Академия Минпросвещения России»» при «ФГАОУ ДПО «Академия Минпросвещения России»»")
def legal_form(a: Analysis):
    forms: dict[str, Counter] = {}
    found = []
    for para in a.text.paras:
        for m in _NAMED.finditer(para.text):
            form = m.group(1).strip()
            if not all(t in COMMON for t in form.split()):
                continue
            forms.setdefault(m.group(2), Counter())[form] += 1
            found.append((para, m.start(1), form, m.group(2)))
    for para in a.text.paras:
        for m in _BARE_FORM.finditer(para.text):
            yield a.text.finding(legal_form.rule, para, m.start(), m.group(0).strip(),
                                 f"организация названа одной организационно-правовой формой «{m.group(0).strip()}»: "
                                 "добавьте её наименование")
    for para, offset, form, name in found:
        usual, n = forms[name].most_common(1)[0]
        if form != usual and n >= 2 * forms[name][form]:
            yield a.text.finding(legal_form.rule, para, offset, form,
                                 f"«{name}» здесь — {form}, в остальном тексте — {usual}: проверьте организационно-"
                                 "правовую форму", usual)
