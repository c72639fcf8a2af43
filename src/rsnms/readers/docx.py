"""Reading the text of a .docx: every paragraph of its body (tables included), in order."""

from __future__ import annotations

import io
import re

from docx import Document as open_docx
from docx.oxml.ns import qn

_TEXT = (qn("w:t"), qn("w:tab"), qn("w:br"))


def paragraph_text(p) -> str:
    """The text of a ``w:p`` element; tabs and line breaks as spaces."""
    return "".join(el.text or "" if el.tag == qn("w:t") else " " for el in p.iter(*_TEXT))


def docx_text(data: bytes) -> str:
    """The text of a .docx body: every paragraph, in tables too, in document order."""
    body = open_docx(io.BytesIO(data)).element.body
    return "\n".join(paragraph_text(p) for p in body.iter(qn("w:p")))


def styled_paragraphs(data: bytes, default_style: str) -> list[tuple[str, str]]:
    """(style name, text) of every non-empty paragraph, white space folded."""
    document = open_docx(io.BytesIO(data))
    styles = {s.style_id: s.name for s in document.styles}
    out = []
    for p in document.element.body.iter(qn("w:p")):
        text = re.sub(r"\s+", " ", paragraph_text(p)).strip()
        if text:
            style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            out.append((styles.get(style.get(qn("w:val")), default_style) if style is not None else default_style,
                        text))
    return out
