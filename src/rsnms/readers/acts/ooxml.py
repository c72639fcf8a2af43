"""A .docx as printed: paragraphs with their automatic numbers, table rows with their cells.

Tracked changes are taken as accepted (insertions kept, deletions and moved-away text
dropped, deleted table rows gone), so an act a lawyer edited reads as it would after
«Принять все». Automatic numbering is computed by :mod:`.numbering`. Content controls
are looked into; a table inside a cell becomes lines of that cell.
"""

from __future__ import annotations

import io

from docx import Document as open_docx
from docx.oxml.ns import qn

from . import Rendition, Source
from .guard import fail
from .numbering import Numbering

_DROP = ("w:del", "w:moveFrom", "w:pPrChange", "w:rPrChange", "w:sectPrChange", "w:tblPrChange",
         "w:trPrChange", "w:tcPrChange", "w:numberingChange", "w:delInstrText")
_UNWRAP = ("w:ins", "w:moveTo")


def accept_changes(body) -> None:
    """Accept every tracked change of ``body`` in place."""
    for tag in ("w:tr",):
        for row in list(body.iter(qn(tag))):
            props = row.find(qn("w:trPr"))
            if props is not None and props.find(qn("w:del")) is not None:
                row.getparent().remove(row)
    for tag in _DROP:
        for el in list(body.iter(qn(tag))):
            if el.getparent() is not None:
                el.getparent().remove(el)
    for tag in _UNWRAP:
        for el in list(body.iter(qn(tag))):
            parent = el.getparent()
            if parent is None or parent.tag in (qn("w:rPr"), qn("w:trPr"), qn("w:pPr")):
                if parent is not None:
                    parent.remove(el)     # a mark of an inserted paragraph or row: nothing to keep
                continue
            index = parent.index(el)
            for child in list(el):
                parent.insert(index, child)
                index += 1
            parent.remove(el)


def paragraph_lines(p) -> list[str]:
    """The text of a paragraph, split at its line breaks; tabs are spaces."""
    lines, current = [], []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
        if el.tag == qn("w:t"):
            current.append(el.text or "")
        elif el.tag == qn("w:noBreakHyphen"):
            current.append("-")
        elif el.tag == qn("w:tab"):
            current.append(" ")
        elif el.get(qn("w:type")) in (None, "textWrapping"):
            lines.append("".join(current))
            current = []
    lines.append("".join(current))
    return [" ".join(line.split()) for line in lines if line.strip()]


class _Reader:
    def __init__(self, document):
        self.numbering = Numbering(document)
        self.styles = {s.style_id: s.name for s in document.styles}
        self.out = Rendition()

    def style(self, p) -> str:
        ppr = p.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return self.styles.get(style.get(qn("w:val")), "") if style is not None else ""

    def text(self, p) -> tuple[str, list[str], bool]:
        label = self.numbering.label(p)
        lines = paragraph_lines(p)
        if label and lines:
            lines[0] = f"{label} {lines[0]}"
        return " ".join(lines), lines, bool(label)

    def walk(self, parent) -> None:
        for el in parent:
            if el.tag == qn("w:p"):
                text, lines, auto = self.text(el)
                self.out.para(text, style=self.style(el), auto=auto, lines=lines)
            elif el.tag == qn("w:tbl"):
                self.table(el)
            elif el.tag == qn("w:sdt"):
                content = el.find(qn("w:sdtContent"))
                if content is not None:
                    self.walk(content)

    def cell_text(self, tc) -> str:
        lines = []
        for el in tc.iter(qn("w:p")):
            _text, paragraph, _auto = self.text(el)
            lines += paragraph
        return "\n".join(lines)

    def table(self, tbl) -> None:
        rows = []
        for tr in tbl.findall(qn("w:tr")):
            cells, spans, merged = [], [], []
            for tc in tr.iter(qn("w:tc")):
                if tc.getparent() is not tr and tc.getparent().tag != qn("w:sdtContent"):
                    continue
                props = tc.find(qn("w:tcPr"))
                span = props.find(qn("w:gridSpan")) if props is not None else None
                vmerge = props.find(qn("w:vMerge")) if props is not None else None
                cells.append(self.cell_text(tc))
                spans.append(int(span.get(qn("w:val"))) if span is not None else 1)
                merged.append(vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue"))
            rows.append((cells, spans, merged))
        self.out.table(rows)


def read(data: bytes, name: str, kind: str = "docx") -> Source:
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as exc:   # noqa: BLE001 - any reason a .docx does not open is the same to the user
        raise fail(name, f"документ не открывается ({type(exc).__name__}): откройте его в Word "
                         "или LibreOffice и сохраните заново как .docx") from None
    body = document.element.body
    accept_changes(body)
    reader = _Reader(document)
    reader.walk(body)
    if not reader.out.lines:
        raise fail(name, "в документе нет текста: возьмите файл акта с текстом")
    return reader.out.source(name, kind)
