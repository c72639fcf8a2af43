"""Deadlines as written in roadmaps («Октябрь – ноябрь 2022 года», «IV квартал
2023 г.», «Ежеквартально») → a period ``{start, end[, recurrence]}``.

Only what the text says is used; a recurring or open deadline («ежеквартально», «в
течение года», «постоянно») takes the roadmap's own period (``span``) when the
profile gives one. Anything not understood returns ``None`` (the validator warns).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH_RE = r"\b(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])\b"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR = r"(20\d\d)"

RECURRENCE = [
    (r"ежемесячн", "monthly"),
    (r"ежекварт", "quarterly"),
    (r"ежегодн", "yearly"),
    (r"2 раза в месяц|два раза в месяц", "twice-monthly"),
    (r"раз в полгода|раза в полгода|полугоди", "half-yearly"),
    (r"по мере необходимости|по запросу|по мере поступления", "as-needed"),
]
_WHOLE_SPAN = r"постоянно|на постоянной основе|в течение (всего )?периода|весь период|по отдельному (графику|плану)|в течение года|в течение учебного года|в соответствии с графиком|по графику"


def _month(word: str) -> int:
    word = word.lower()
    for stem, number in sorted(MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return number
    raise ValueError(word)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _iso(d: date) -> str:
    return d.isoformat()


def parse_deadline(text: str, span: dict | None = None) -> dict | None:
    """Parse a deadline; ``span`` is the roadmap's period (``{start, end}``) if known."""
    t = " ".join(text.replace("\u00a0", " ").split()).lower()
    t = t.replace("—", "–").replace(" - ", " – ")
    for pattern, recurrence in RECURRENCE:
        if re.search(pattern, t):
            return _recurring(t, recurrence, span)
    for reader in (_full_dates, _quarters, _months, _years):
        found = reader(t, text, span)
        if found is not _NOT_THIS:
            return found
    if re.search(_WHOLE_SPAN, t) and span:
        return {"start": span["start"], "end": span["end"]}
    return None


_NOT_THIS = object()   # a reader's answer: the deadline is not written in its way


def _recurring(t: str, recurrence: str, span: dict | None) -> dict | None:
    years = [int(y) for y in re.findall(_YEAR, t)]
    if years:
        return {"start": f"{min(years)}-01-01", "end": f"{max(years)}-12-31", "recurrence": recurrence}
    if span:
        return {"start": span["start"], "end": span["end"], "recurrence": recurrence}
    return None


def _full_dates(t: str, _text: str, span: dict | None):
    """25 июля 2021 года, 01.09.2022, до 01.09.2022."""
    full = [(int(d), _month(m), int(y)) for d, m, y in re.findall(r"(\d{1,2})\s+" + _MONTH_RE + r"\s+" + _YEAR, t)]
    full += [(int(d), int(m), int(y)) for d, m, y in re.findall(r"\b(\d{1,2})\.(\d{1,2})\.(20\d\d)\b", t)]
    try:
        dates = sorted(date(y, m, d) for d, m, y in full)
    except ValueError:
        return None
    if not dates:
        return _NOT_THIS
    start = dates[0] if len(dates) > 1 or not t.startswith("до ") else None
    if start is None and span:
        start = date.fromisoformat(span["start"])
    return {"start": _iso(start or dates[0]), "end": _iso(dates[-1])}


def _quarters(_t: str, text: str, _span: dict | None):
    """IV квартал 2023 года, I–II кварталы 2023 г."""
    q = re.search(r"\b(I{1,3}|IV)(?:\s*[–,-]\s*(I{1,3}|IV))?\s+квартал\w*\s+" + _YEAR, text.replace("—", "–"))
    if not q:
        return _NOT_THIS
    first, last, year = _ROMAN[q.group(1)], _ROMAN[q.group(2) or q.group(1)], int(q.group(3))
    return {"start": _iso(date(year, 3 * first - 2, 1)),
            "end": _iso(date(year, 3 * last, _last_day(year, 3 * last)))}


def _months(t: str, _text: str, _span: dict | None):
    """октябрь 2022 года; октябрь – ноябрь 2022 года; сентябрь 2022 – май 2023."""
    months = re.findall(_MONTH_RE + r"(?:\s+" + _YEAR + r")?", t)
    years = [int(y) for y in re.findall(_YEAR, t)]
    if not (months and years):
        return _NOT_THIS
    resolved = []
    pending = []
    for word, year in months:
        pending.append(_month(word))
        if year:
            resolved += [(int(year), m) for m in pending]
            pending = []
    if pending and not resolved and len(set(years)) > 1:
        # «февраль, 2023 год, 2024 год»: the same months in each year listed
        return _yearly(min(years), max(years), min(pending), max(pending))
    if pending:
        resolved += [(years[-1], m) for m in pending]
    named = {y for y, _m in resolved}
    if len(named) == 1 and set(years) - named:
        # «апрель – сентябрь 2023 год, 2024 год»: the months again in the later years
        months_only = [m for _y, m in resolved]
        return _yearly(min(years), max(years), min(months_only), max(months_only))
    (y1, m1), (y2, m2) = min(resolved), max(resolved)
    return {"start": _iso(date(y1, m1, 1)), "end": _iso(date(y2, m2, _last_day(y2, m2)))}


def _yearly(y1: int, y2: int, m1: int, m2: int) -> dict:
    return {"start": _iso(date(y1, m1, 1)), "end": _iso(date(y2, m2, _last_day(y2, m2))),
            "recurrence": "yearly"}


def _years(t: str, _text: str, span: dict | None):
    """2023 год; 2023–2024 годы; в течение 2023 года; до 2024 года."""
    years = [int(y) for y in re.findall(_YEAR, t)]
    if not years:
        return _NOT_THIS
    start_year = min(years)
    if t.startswith("до ") and span and len(years) == 1:
        start_year = int(span["start"][:4])
    return {"start": f"{start_year}-01-01", "end": f"{max(years)}-12-31"}
