"""Requisites: the act's date, number and kind are the same in its head, in every stamp and
in every reference to itself; dates exist and are plausible."""

from __future__ import annotations

import datetime as dt
import re

from ...lang.formats import MONTHS_GEN
from ..context import Analysis
from ..finding import ERROR, WARNING
from ..registry import rule
from ..structure import ORDER_KINDS, dates

_SELF = re.compile(r"\bнастоящ(?:ий|его|ему|им|ем|ее|ая|ей|ую)\s+(приказ|распоряжени|постановлени)\w*", re.I)
_KIND_STEM = {"приказ": "приказ", "распоряжени": "распоряжение", "постановлени": "постановление"}


@rule("requisites.date", ERROR, "дата акта в грифе или заголовке приложения не совпадает с датой в его шапке",
      "акт имеет одну дату; расхождение делает ссылку на акт недостоверной",
      "шапка «07.04.2022 № 26», гриф «от 04.04.2012 № 26»", scope=("document",), whole=True)
def date_mismatch(a: Analysis):
    s = a.structure
    if s.date is None or s.date[3] is None:
        return
    own = s.date[3]
    for stamp in s.stamps:
        if stamp.date and stamp.date[3] != own:
            para, offset, written, _day = stamp.date
            fix = (f"{own.day} {MONTHS_GEN[own.month - 1]} {own.year}" if re.search(r"[а-я]", written)
                   else own.strftime("%d.%m.%Y"))
            yield a.text.finding(date_mismatch.rule, para, offset, written,
                                 f"дата «{written}» не совпадает с датой акта в его шапке "
                                 f"({s.date[2]}): исправьте гриф", fix)


@rule("requisites.number", ERROR, "номер акта в грифе не совпадает с номером в его шапке",
      "по номеру акт находят в реестрах; другой номер — ссылка на другой акт",
      "шапка «№ 01-21/889», гриф «№ 01-21/Р89»", scope=("document",), whole=True)
def number_mismatch(a: Analysis):
    s = a.structure
    if s.number is None:
        return
    own = s.number[2].rstrip(".")
    for stamp in s.stamps:
        if stamp.number and stamp.number[2].rstrip(".") != own:
            para, offset, written = stamp.number
            yield a.text.finding(number_mismatch.rule, para, offset, written,
                                 f"номер «{written}» не совпадает с номером акта в его шапке (№ {own}): "
                                 "исправьте гриф", own)


@rule("requisites.kind", ERROR, "вид акта (приказ, распоряжение) назван иначе, чем в его шапке",
      "гриф «к приказу» при распоряжении или «настоящего приказа» в распоряжении вводят в заблуждение",
      "шапка «РАСПОРЯЖЕНИЕ», в тексте «Контроль за исполнением настоящего приказа»", scope=("document",),
      whole=True)
def kind_mismatch(a: Analysis):
    s = a.structure
    kind = s.kind or a.ctx.order_kind
    if kind not in ORDER_KINDS:
        return
    for stamp in s.stamps:
        if stamp.kind and stamp.kind != kind:
            para = stamp.paras[0]
            yield a.text.finding(kind_mismatch.rule, para, 0, para.stripped[:40],
                                 f"в грифе вид акта — «{stamp.kind}», а акт — {kind}: исправьте гриф")
    for i, para in enumerate(a.text.paras):
        part = s.part_of(i)
        if part is None or part.kind not in ORDER_KINDS and part.kind != "":
            continue
        for m in _SELF.finditer(para.text):
            named = _KIND_STEM[m.group(1).lower()]
            if named != kind:
                yield a.text.finding(kind_mismatch.rule, para, m.start(), m.group(0),
                                     f"акт — {kind}, а здесь назван «{named}»: исправьте ссылку на акт",
                                     m.group(0).replace(m.group(1), kind[:len(m.group(1))]))


@rule("requisites.date-invalid", ERROR, "несуществующая дата", "такой даты нет в календаре",
      "от 31.02.2023", scope=("document", "profile"))
def invalid_date(a: Analysis):
    for para in a.text.paras:
        for offset, written, day in dates(para.text):
            if day is None:
                yield a.text.finding(invalid_date.rule, para, offset, written,
                                     f"даты «{written}» не существует: проверьте день и месяц")


@rule("requisites.date-plausible", WARNING, "дата акта раньше дат актов, на которые он ссылается, или в будущем",
      "акт не может ссылаться на акты, принятые после него; так выглядят опечатки в годе",
      "приказ от 04.04.2012, ссылающийся на распоряжение от 31.12.2019", scope=("document",), whole=True)
def implausible_date(a: Analysis):
    s = a.structure
    cited = [day for para in a.text.paras for o, w, day in dates(para.text)
             if day and re.match(r"\s*(?:г\.|года)?\s*№", para.text[o + len(w):o + len(w) + 12])]
    own_dates = []
    if s.date and s.date[3]:
        own_dates.append(s.date)
    own_dates += [st.date for st in s.stamps if st.date and st.date[3]]
    for para, offset, written, day in own_dates:
        later = [c for c in cited if c > day and (c - day).days > 366]
        if day > dt.date.today() + dt.timedelta(days=366):
            yield a.text.finding(implausible_date.rule, para, offset, written,
                                 f"дата «{written}» более чем на год впереди: проверьте год")
        elif later and len(later) >= 2:
            yield a.text.finding(implausible_date.rule, para, offset, written,
                                 f"дата «{written}» раньше дат актов, на которые акт ссылается "
                                 f"(например, {max(later).strftime('%d.%m.%Y')}): проверьте год")
