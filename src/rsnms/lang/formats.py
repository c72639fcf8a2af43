"""How numbers and dates are written in Russian acts: list markers («1)», «а)»), Roman
numerals of roadmap directions, dates («07.04.2022», «13 июня 2023 г.»)."""

from __future__ import annotations

import datetime as dt

MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def marker(style: str | None, n: int) -> str:
    """The list marker of item ``n`` (1-based) in a list style; '' for none."""
    if style in (None, "none"):
        return ""
    if style == "1)":
        return f"{n})"
    if style == "1.":
        return f"{n}."
    if style == "а)":
        return f"{LETTERS[(n - 1) % len(LETTERS)]})"
    return style


def sub_style(style: str | None) -> str:
    """The list style of items nested in a list of ``style``."""
    return {"1)": "а)", "1.": "1)", "а)": "-"}.get(style or "", style or "-")


def format_date(value: str | None, words: bool, in_stamp: bool = False) -> str | None:
    """«07.04.2022», or in words «7 апреля 2022 года» («… г.» in a stamp)."""
    if not value:
        return None
    day = dt.date.fromisoformat(str(value))
    if not words:
        return day.strftime("%d.%m.%Y")
    suffix = "г." if in_stamp else "года"
    return f"{day.day} {MONTHS_GEN[day.month - 1]} {day.year} {suffix}"


def short_date(value: str | None) -> str:
    """«07.04.2022», or '' when there is no date."""
    return format_date(value, words=False) or ""


def requisites(act: dict) -> str:
    """«от 07.04.2022 № 26» from an act's date and number (what it has of them)."""
    parts = []
    if act.get("date"):
        parts.append(f"от {short_date(act['date'])}")
    if act.get("number"):
        parts.append(f"№ {act['number']}")
    return " ".join(parts)


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun after the number ``n``: 1, 21 раз; 2–4, 22 раза; 5–20, 25 раз."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def times(n: int) -> str:
    """«3 раза», «5 раз»."""
    return f"{n} {plural(n, 'раз', 'раза', 'раз')}"
