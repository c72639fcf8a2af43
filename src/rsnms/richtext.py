"""Text of documents: :class:`Rich` runs and the :class:`Writer` that fills in a profile's values.

A string from a profile becomes Rich text: runs of plain, typeset text and runs marked
``placeholder`` for what the profile does not say (``[[…]]``), which writers show
highlighted and the build reports as warnings.
"""

from __future__ import annotations

import datetime as dt
import re

from .typography import typeset

MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))

PLACEHOLDER = re.compile(r"\[\[(.+?)\]\]")
ROLE_TEXT = ""
ROLE_PLACEHOLDER = "placeholder"


class Rich(list):
    """Text as runs ``(text, role)``; role ``placeholder`` marks what is still unknown."""

    @property
    def plain(self) -> str:
        return "".join(text for text, _role in self)

    def __add__(self, other):
        return Rich(list(self) + list(other))

    @classmethod
    def lines(cls, lines: list["Rich"]) -> "Rich":
        """Several lines as one text with line breaks between them."""
        out = cls()
        for i, line in enumerate(lines):
            if i:
                out.append(("\n", ROLE_TEXT))
            out.extend(line)
        return out


# --- small pure helpers -----------------------------------------------------------

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
    if not value:
        return None
    day = dt.date.fromisoformat(str(value))
    if not words:
        return day.strftime("%d.%m.%Y")
    suffix = "г." if in_stamp else "года"
    return f"{day.day} {MONTHS_GEN[day.month - 1]} {day.year} {suffix}"


def lookup(data, path: str):
    """The value at a dotted path (list indices or ids of list entries allowed), or None."""
    node = data
    for part in path.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, list):
            found = [e for e in node if isinstance(e, dict) and e.get("id") == part]
            if not found:
                return None
            node = found[0]
        else:
            return None
    return node


def with_targets(indicator: dict) -> str:
    """Indicator text with its targets «(к 2024 году – не менее 30 %)» before the final ';'."""
    text = indicator["text"]
    targets = indicator.get("targets") or {}
    if not targets:
        return text
    note = "; ".join(f"к {year} году – {value}" for year, value in targets.items())
    end = text[-1] if text.endswith((";", ".", ",")) else ""
    return f"{text[:len(text) - len(end)]} ({note}){end}"


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- composing text -----------------------------------------------------------------

class Writer:
    """Turns profile strings into :class:`Rich` text for one region, counting placeholders.

    ``[[a.b.c]]`` is replaced by the profile's value at that path when it has one;
    anything else in ``[[…]]`` stays a placeholder (shown highlighted) and becomes a
    warning. Plain text is typeset (quotes, dashes, non-breaking spaces).
    """

    def __init__(self, data: dict, what: str):
        self.data = data
        self.what = what
        self.warnings: list[str] = []

    def __call__(self, text, *, typeset_text: bool = True) -> Rich:
        out = Rich()
        if text is None:
            return out
        text = str(text)
        pos = 0
        for m in PLACEHOLDER.finditer(text):
            if m.start() > pos:
                out.append(self._plain(text[pos:m.start()], typeset_text))
            out.extend(self._resolve(m.group(1), depth=0))
            pos = m.end()
        if pos < len(text):
            out.append(self._plain(text[pos:], typeset_text))
        return Rich(r for r in out if r[0])

    def _plain(self, text: str, typeset_text: bool):
        return (typeset(text) if typeset_text else text, ROLE_TEXT)

    def _resolve(self, key: str, depth: int) -> list:
        value = lookup(self.data, key) if re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", key) else None
        if isinstance(value, (str, int)) and depth < 3:
            text = str(value)
            runs = []
            pos = 0
            for m in PLACEHOLDER.finditer(text):
                if m.start() > pos:
                    runs.append((typeset(text[pos:m.start()]), ROLE_TEXT))
                runs.extend(self._resolve(m.group(1), depth + 1))
                pos = m.end()
            if pos < len(text):
                runs.append((typeset(text[pos:]), ROLE_TEXT))
            return runs
        return [self.missing(key)]

    def missing(self, description: str):
        """A placeholder run for something the profile does not say, with a warning."""
        self.warnings.append(f"{self.what}: не заполнено «{description}»")
        return (f"[{description}]", ROLE_PLACEHOLDER)

    def value(self, text, description: str) -> Rich:
        """The text if given, else a placeholder described by ``description``."""
        if text in (None, ""):
            return Rich([self.missing(description)])
        return self(text)
