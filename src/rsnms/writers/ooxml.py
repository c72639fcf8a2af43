"""Office Open XML details every writer of .docx and .xlsx needs: properties in schema
order, data-table layout (widths, merges), and deterministic zip archives."""

from __future__ import annotations

import io
import re
import zipfile

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Twips
from docx.table import _Cell

from ..model.document import Table
from .widths import fit, minimum_widths

# Child order that the WordprocessingML schema prescribes (Word rejects some files whose
# properties come in another order; LibreOffice does not mind, so tests check it).
SCHEMA_ORDER = {
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
            "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
              "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
              "tblCaption", "tblDescription"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"],
}
DATA_TABLE_STYLE = "Таблица акта"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def schema_order(root) -> None:
    """Put the children of every rPr, tblPr and tcPr under ``root`` in schema order."""
    for tag, order in SCHEMA_ORDER.items():
        rank = {qn(f"w:{name}"): i for i, name in enumerate(order)}
        for element in root.iter(qn(f"w:{tag}")):
            children = list(element)
            ordered = sorted(children, key=lambda c: rank.get(c.tag, len(rank)))
            if ordered != children:
                for child in children:
                    element.remove(child)
                element.extend(ordered)


def deterministic_zip(data: bytes) -> bytes:
    """The same .docx (or .xlsx) with fixed entry times, attributes and document dates, so equal
    input gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":   # some writers stamp the save time here
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>2000-01-01T00:00:00Z\2",
                                 content)
            dst.writestr(entry, content)
    return out.getvalue()


# a template saved without page setup (no section properties, or no size or margins in them):
# A4 with the margins of ГОСТ Р 7.0.97-2016 (left 30 mm, right 10 mm)
DEFAULT_TEXT_WIDTH = Mm(210 - 30 - 10)


def _data_tables(docx) -> list:
    return [t for t in docx.tables if t.style is not None and t.style.name == DATA_TABLE_STYLE]


def _text_widths(docx, tables: list) -> list[int]:
    """The text width of the section each of ``tables`` stands in (a package holds portrait
    and landscape acts)."""
    sections = docx.sections
    section, of_table = 0, {}
    for child in docx.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            of_table[child] = section
        elif child.tag == qn("w:p") and child.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None:
            section += 1
    last = len(sections) - 1
    widths = []
    for table in tables:
        s = sections[min(of_table.get(table._tbl, last), last)] if last >= 0 else None
        sizes = (s.page_width, s.left_margin, s.right_margin) if s is not None else (None, None, None)
        widths.append(DEFAULT_TEXT_WIDTH if None in sizes else sizes[0] - sizes[1] - sizes[2])
    return widths


def layout_tables(docx, layouts: list[Table]) -> None:
    """Column widths from compose's relative weights, none narrower than its longest word
    (:mod:`.widths`; ``w:tblGrid`` and cell widths, which LibreOffice needs), fixed layout, and
    vertical merges; each table as wide as the text of its section."""
    tables = _data_tables(docx)
    for table, layout, width in zip(tables, layouts, _text_widths(docx, tables)):
        tbl = table._tbl
        cols = tbl.tblGrid.findall(qn("w:gridCol"))
        weights = _weights(list(layout.widths or []), len(cols))
        widths = [Twips(w) for w in fit(Emu(width).twips, weights, minimum_widths(layout, len(cols)))]
        for col, w in zip(cols, widths):
            col.set(qn("w:w"), str(Emu(w).twips))
        _property(tbl.tblPr, "w:tblW", {"w:type": "dxa", "w:w": str(Emu(sum(widths)).twips)})
        _property(tbl.tblPr, "w:tblLayout", {"w:type": "fixed"})
        for tr in tbl.tr_lst:
            col = 0
            for tc in tr.tc_lst:
                span = _span(tc)
                tc.width = Emu(sum(widths[col:col + span]))
                col += span
        _merge(table, layout.merges)


def _weights(weights: list[float], n: int) -> list[float]:
    return (weights + [weights[-1] if weights else 1] * n)[:n] if n else []


def _property(parent, tag: str, attributes: dict) -> None:
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)
    for name, value in attributes.items():
        element.set(qn(name), value)


def _span(tc) -> int:
    """The grid columns a cell spans (python-docx's ``tc.grid_span``, read straight from the XML)."""
    span = tc.find(_GRID_SPAN)
    return int(span.get(qn("w:val"))) if span is not None else 1


_GRID_SPAN = f"{qn('w:tcPr')}/{qn('w:gridSpan')}"
_V_MERGE = f"{qn('w:tcPr')}/{qn('w:vMerge')}"


def _cell(table, rows: list, row: int, column: int) -> _Cell:
    """python-docx's ``table.cell(row, column)`` — a cell a vertical merge continues is the one
    above —, found in its row instead of listing every cell of the table."""
    start = 0
    for tc in rows[row].tc_lst:
        span = _span(tc)
        if column < start + span:
            merge = tc.find(_V_MERGE)
            if merge is not None and merge.get(qn("w:val"), "continue") == "continue" and row > 0:
                return _cell(table, rows, row - 1, column)
            return _Cell(tc, table)
        start += span
    raise IndexError(f"no cell {column} in row {row}")


def _merge(table, merges: list[tuple[int, int, int]]) -> None:
    """Merge cells vertically (column, first row, last row — counted below the header)."""
    rows = table._tbl.tr_lst
    header_rows = sum(1 for tr in rows if tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None)
    for column, first, last in merges:
        top = _cell(table, rows, first + header_rows, column)
        top.merge(_cell(table, rows, last + header_rows, column))
        # merging concatenates paragraphs: keep the first non-empty one
        paragraphs = top.paragraphs
        keep = [p for p in paragraphs if p.text.strip()][:1] or paragraphs[:1]
        for p in paragraphs:
            if p not in keep:
                p._p.getparent().remove(p._p)
