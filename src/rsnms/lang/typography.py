"""Russian typography for text that goes into documents.

Applied once, when a document is composed, so every writer gets the same text:

* straight quotes become «ёлочки» (inner quotes „лапки“);
* a hyphen between spaces becomes an en dash, with a non-breaking space before it;
* a non-breaking space after «№» and «г.», and between initials and a surname.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

_INITIALS = re.compile(r"\b([А-ЯЁ]\.\s?[А-ЯЁ]\.)\s*(?=[А-ЯЁ][а-яё])")
_SURNAME_INITIALS = re.compile(r"\b([А-ЯЁ][а-яё]+)\s+(?=[А-ЯЁ]\.\s?[А-ЯЁ]\.(?!\w))")
_NUMBER_SIGN = re.compile(r"№\s*(?=\S)")
_CITY = re.compile(r"\b(г|п|с|ст|ч|ул)\.\s*(?=[А-ЯЁ0-9])")
_DASH = re.compile(r"\s+[-–—]\s+")


def _quotes(text: str) -> str:
    if '"' not in text:
        return text
    out, depth = [], 0
    for i, ch in enumerate(text):
        if ch != '"':
            out.append(ch)
            continue
        before = text[i - 1] if i else " "
        opening = before.isspace() or before in "(«„[-–—"
        if opening:
            out.append("«" if depth == 0 else "„")
            depth += 1
        else:
            depth = max(depth - 1, 0)
            out.append("»" if depth == 0 else "“")
    return "".join(out)


def typeset(text: str) -> str:
    """The text with Russian quotes, dashes and non-breaking spaces."""
    text = _quotes(text)
    text = _DASH.sub(f"{NBSP}– ", text)
    text = _NUMBER_SIGN.sub(f"№{NBSP}", text)
    text = _INITIALS.sub(lambda m: m.group(1).replace(" ", "") + NBSP, text)
    text = _SURNAME_INITIALS.sub(lambda m: m.group(1) + NBSP, text)
    text = _CITY.sub(lambda m: f"{m.group(1)}.{NBSP}", text)
    return text
