"""Citations of federal acts: the date, number and title a text gives agree with the registry
(acts/federal-acts.yaml); an act the registry does not know is pointed out."""

from __future__ import annotations

import datetime as dt
import re

from rapidfuzz import fuzz

from ..context import Analysis
from ..finding import ERROR, NOTE
from ..registry import rule
from ..structure import dates

_FEDERAL = re.compile(
    r"(федеральн\w+\s+закон\w*|указ\w*\s+президента\s+российской\s+федерации|"
    r"(?:распоряжени|постановлени)\w*\s+правительства\s+российской\s+федерации|"
    r"(?:приказ|распоряжени|письм)\w*\s+(?:министерства\s+просвещения\s+российской\s+федерации|"
    r"минпросвещения\s+россии|минобрнауки\s+россии))", re.I)
_REQUISITES = re.compile(r"\bот\s+(\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+[а-я]+\s+\d{4})\s*(?:г\.|года)?\s*"
                         r"№\s*([0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё./\-]*)(?:\s*«([^»]{5,200})»)?", re.I)


def _norm_number(number: str) -> str:
    return number.upper().replace(" ", "").rstrip(".")


def _by_number(registry: list[dict]) -> dict[str, dict]:
    return {_norm_number(str(act["number"])): act for act in registry if act.get("number")}


def _citations(a: Analysis):
    """(paragraph, offset, written, date, number, title) of every federal act cited with requisites."""
    for para in a.text.paras:
        for m in _FEDERAL.finditer(para.text):
            tail = para.text[m.end():m.end() + 260]
            r = _REQUISITES.search(tail)
            if not r or r.start() > 120:
                continue
            found = dates(r.group(1))
            day = found[0][2] if found else None
            yield para, m.start(), para.text[m.start():m.end() + r.end()], day, r.group(2), r.group(3)


@rule("citation.mismatch", ERROR, "реквизиты федерального акта расходятся с реестром (дата, номер, наименование)",
      "неверная дата или номер — ссылка на другой или несуществующий акт",
      "«распоряжение Правительства Российской Федерации от 31.12.2019 № 3273-р» с другой датой")
def mismatch(a: Analysis):
    known = _by_number(a.ctx.registry)
    for para, offset, written, day, number, title in _citations(a):
        act = known.get(_norm_number(number))
        if act is None:
            continue
        registry_day = dt.date.fromisoformat(str(act["date"])) if act.get("date") else None
        if day and registry_day and day != registry_day:
            yield a.text.finding(mismatch.rule, para, offset, written[:80],
                                 f"акт № {number} в реестре датирован {registry_day:%d.%m.%Y}, а здесь — "
                                 f"{day:%d.%m.%Y}: проверьте дату", registry_day.strftime("%d.%m.%Y"))
        if title and act.get("title") and fuzz.ratio(title.lower(), act["title"].lower()) < 80 \
                and act["title"].lower() not in title.lower():
            yield a.text.finding(mismatch.rule, para, offset, written[:80],
                                 f"наименование акта № {number} отличается от реестра («{act['title']}»): "
                                 "проверьте наименование", act["title"])


@rule("citation.unknown", NOTE, "федеральный акт, которого нет в реестре acts/federal-acts.yaml",
      "реквизиты такого акта никто не сверил", "«приказ Минпросвещения России от 01.01.2030 № 1»")
def unknown(a: Analysis):
    if not a.ctx.registry:
        return
    known = _by_number(a.ctx.registry)
    for para, offset, written, _day, number, _title in _citations(a):
        if _norm_number(number) not in known:
            yield a.text.finding(unknown.rule, para, offset, written[:80],
                                 f"акта № {number} нет в реестре федеральных актов: сверьте реквизиты и добавьте "
                                 "его в acts/federal-acts.yaml")
