"""Redline: the region's regulation as Word tracked changes against the model regulation.

Both regulations are rendered (the same templates as the acts), read back paragraph by
paragraph with their styles, aligned (equal paragraphs, reworded paragraph pairs, and
paragraphs only one side has), and written through pandoc's docx writer, which turns
``insertion``/``deletion`` spans into ``w:ins``/``w:del``: Accept All gives the region's
text, Reject All the model's. Paragraphs keep the template's style names
(``custom-style``), so the redline looks like the acts.
"""

from __future__ import annotations

import difflib
import io
import json
import re

from docx import Document as open_docx
from docx.oxml.ns import qn

from ..readers.docx import styled_paragraphs
from ..writers.pandoc import api_version, to_docx
from .similarity import normalized, similarity

AUTHOR = "rsnms"
DATE = "2000-01-01T00:00:00Z"
PAIR_THRESHOLD = 0.45


def paragraphs(docx: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every non-empty paragraph of a .docx body, tables included."""
    return styled_paragraphs(docx, "Абзац")


def align_paragraphs(model: list[str], region: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs of paragraph indexes in reading order: (i, j) same or reworded, (i, None) only in
    the model, (None, j) only in the region."""
    out: list[tuple[int | None, int | None]] = []
    keys_m, keys_r = [normalized(t) for t in model], [normalized(t) for t in region]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=keys_m, b=keys_r, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        out += _pair_chunk(model, region, list(range(i1, i2)), list(range(j1, j2)))
    return out


def _pair_chunk(model, region, ms: list[int], rs: list[int]):
    """Order-preserving best pairing inside a changed stretch (dynamic programming)."""
    n, m = len(ms), len(rs)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    sims = [[similarity(model[ms[a]], region[rs[b]]) for b in range(m)] for a in range(n)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            take = sims[a][b] + score[a + 1][b + 1] if sims[a][b] >= PAIR_THRESHOLD else -1
            score[a][b] = max(take, score[a + 1][b], score[a][b + 1])
    out, a, b = [], 0, 0
    while a < n and b < m:
        if sims[a][b] >= PAIR_THRESHOLD and score[a][b] == sims[a][b] + score[a + 1][b + 1]:
            out.append((ms[a], rs[b]))
            a, b = a + 1, b + 1
        elif score[a][b] == score[a + 1][b]:
            out.append((ms[a], None))
            a += 1
        else:
            out.append((None, rs[b]))
            b += 1
    out += [(ms[k], None) for k in range(a, n)] + [(None, rs[k]) for k in range(b, m)]
    return out


# --- pandoc AST ------------------------------------------------------------------------

def _words(text: str) -> list:
    out = []
    for i, word in enumerate(text.split(" ")):
        if i:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": word})
    return out


def _span(kind: str, inlines: list) -> dict:
    return {"t": "Span", "c": [["", [kind], [["author", AUTHOR], ["date", DATE]]], inlines]}


def changed_inlines(model: str, region: str) -> list:
    """Word-level difference as inlines: deletions and insertions as tracked-change spans."""
    a, b = model.split(" "), region.split(" ")
    ops = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()]
    out: list = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        last = k == len(ops) - 1
        if tag == "equal":
            out += _words(" ".join(a[i1:i2]))
            if not last:
                out.append({"t": "Space"})
            continue
        deleted, inserted = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if deleted:
            # the separating space belongs to the deletion when nothing replaces the words
            out.append(_span("deletion", _words(deleted) + ([{"t": "Space"}] if not inserted and not last else [])))
        if inserted:
            out.append(_span("insertion", _words(inserted)))
            if not last:
                out.append({"t": "Space"})
    return out


def _para(style: str, inlines: list) -> dict:
    return {"t": "Div", "c": [["", [], [["custom-style", style]]], [{"t": "Para", "c": inlines}]]}


def redline(model_docx: bytes, region_docx: bytes, reference_doc: str) -> bytes:
    """The redline .docx (bytes)."""
    model, region = paragraphs(model_docx), paragraphs(region_docx)
    blocks = []
    for i, j in align_paragraphs([t for _s, t in model], [t for _s, t in region]):
        if i is not None and j is not None:
            style, text = region[j]
            inlines = _words(text) if model[i][1] == text else changed_inlines(model[i][1], text)
        elif i is not None:
            style, text = model[i]
            inlines = [_span("deletion", _words(text))]
        else:
            style, text = region[j]
            inlines = [_span("insertion", _words(text))]
        blocks.append(_para(style, inlines))
    document = {"pandoc-api-version": api_version(), "meta": {}, "blocks": blocks}
    return to_docx(json.dumps(document, ensure_ascii=False), "json", ["--reference-doc", reference_doc])


def accepted_and_rejected(docx: bytes) -> tuple[list[str], list[str]]:
    """The text after Accept All and after Reject All, as non-empty paragraphs."""
    body = open_docx(io.BytesIO(docx)).element.body
    accepted, rejected = [], []
    for p in body.iter(qn("w:p")):
        acc, rej = [], []
        for el in p.iter(qn("w:t"), qn("w:delText")):
            inside_ins = any(a.tag == qn("w:ins") for a in el.iterancestors())
            if el.tag == qn("w:delText"):
                rej.append(el.text or "")
            else:
                acc.append(el.text or "")
                if not inside_ins:
                    rej.append(el.text or "")
        for text, out in (("".join(acc), accepted), ("".join(rej), rejected)):
            text = re.sub(r"\s+", " ", text).strip()
            if text:
                out.append(text)
    return accepted, rejected
