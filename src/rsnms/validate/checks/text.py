"""Text a profile may hold: no control characters (a line break only where a text may have
several lines, a tab only in a quote of a source), no lone surrogates, no invisible
direction controls; a user's format string holds only its named fields."""

from __future__ import annotations

import re
import unicodedata

from ... import escape
from ...compose.roadmap import DIRECTION_FIELDS
from ...model.units import walk_values
from .context import Context

# fields of one line: names, short forms, requisites (a line break would split a heading,
# a signature or a file name)
ONE_LINE = {"name", "short", "abbr", "center", "number", "date", "place", "term", "position", "operative_word",
            "code", "key", "id", "ref", "model_ref", "refers_to", "file", "where", "rule", "status", "kind"}
# where a tab is meaningful: a quote of a source text's table row (cells apart)
TABS = {"quote"}
# bidirectional controls (RLO and the like): the text would read differently from what it holds
BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}
# format strings of a profile → their closed set of fields, each explained
FORMATS = {("acts", "roadmap", "direction_format"): DIRECTION_FIELDS}


def _key(path: tuple) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "")


# every character :func:`problem` looks at (C0 and C1 controls — Unicode's «Cc» —, surrogates,
# the two noncharacters, the direction controls): a text without one is passed at C speed
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                      + "".join(chr(code) for code in sorted(BIDI)) + "]")


def problem(text: str, key: str) -> str | None:
    """What is wrong with a text of field ``key``, or None."""
    if _SUSPECT.search(text) is None:
        return None
    for ch in text:
        found = char_problem(ch, key)
        if found:
            return found
    return None


def char_problem(ch: str, key: str) -> str | None:
    """What is wrong with character ``ch`` in a text of field ``key``, or None."""
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return (f"одиночный суррогат U+{code:04X} (половина символа, например из «\\u{code:04x}»): "
                "запишите символ целиком или удалите")
    if ch == "\n":
        return "перевод строки в поле из одной строки: запишите значение в одну строку" if key in ONE_LINE else None
    if ch == "\t" and key in TABS:
        return None
    if unicodedata.category(ch) == "Cc" or code in (0xFFFE, 0xFFFF):
        name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(code, "управляющий символ")
        return f"недопустимый символ U+{code:04X} ({name}): удалите его — в тексте акта он не печатается"
    if code in BIDI:
        return (f"невидимый знак направления письма U+{code:04X} ({unicodedata.name(ch)}): удалите его — "
                "с ним текст читается не так, как записан")
    return None


_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL, звонок", 0x08: "BACKSPACE", 0x09: "TAB, табуляция",
                  0x0B: "VT, вертикальная табуляция", 0x0C: "FF, разрыв страницы", 0x0D: "CR, возврат каретки",
                  0x1B: "ESC", 0x7F: "DEL"}


def text_fields(c: Context) -> None:
    """Every text (and every key) of the profile."""
    for path, value in walk_values(c.data):
        if isinstance(value, dict):
            for key in value:
                found = problem(key, "key") if isinstance(key, str) else None
                if found:
                    c.error(path + (key,), "в имени поля: " + found, key=True)
        if isinstance(value, str):
            found = problem(value, _key(path))
            if found:
                c.error(path, found)


def format_strings(c: Context) -> None:
    """A format string holds only its own named fields (never Python's format syntax)."""
    for path, fields in FORMATS.items():
        value = c.data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if not isinstance(value, str):
            continue
        try:
            escape.template_fields(value, fields)
        except escape.FieldError as exc:
            allowed = ", ".join(f"{{{name}}} — {what}" for name, what in fields.items())
            if exc.reason == "lone":
                what = f"одиночная фигурная скобка «{exc.field}» (символ {exc.offset + 1})"
            else:
                what = f"неизвестное поле «{{{exc.field}}}»"
            c.error(path, f"{what}: допустимы {allowed}; фигурная скобка как текст — «{{{{» или «}}}}»")
