"""Fidelity: how closely a rendered act reproduces the text of the adopted act it came from.

Both texts are normalized the same way — NFC, lower case, ё→е, HTML tags dropped,
quotes and dashes to spaces, letter-spaced words («П Р И К А З») joined — and split
into word tokens; the score is rapidfuzz's normalized Indel similarity of the two
token sequences (1.0: the same words in the same order).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

from rapidfuzz.distance import Indel

_TAGS = re.compile(r"<(?!https?://)[^>]+>")   # keep <https://…> autolinks
_QUOTES_DASHES = re.compile(r"[«»„“”‟\"'‘’‚`\-‐‑‒–—―−]")
_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    text = _TAGS.sub(" ", text)
    text = _QUOTES_DASHES.sub(" ", text)
    words = _WORD.findall(text)
    out: list[str] = []
    run: list[str] = []
    for word in words + [""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if len(run) >= 3:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if word:
            out.append(word)
    return out


def source_text(root: Path, source: dict) -> str:
    lines = (root / source["file"]).read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[source["first"] - 1:source["last"]])


def similarity(rendered: str, source: str) -> float:
    return Indel.normalized_similarity(tokens(rendered), tokens(source))


def diff(rendered: str, source: str, context: int = 4) -> list[str]:
    """Human-readable differences (for tuning a profile): «- source only», «+ rendered only»."""
    a, b = tokens(source), tokens(rendered)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left = " ".join(a[max(i1 - context, 0):i1])
        out.append(f"… {left} [-{' '.join(a[i1:i2])}-] [+{' '.join(b[j1:j2])}+]")
    return out
