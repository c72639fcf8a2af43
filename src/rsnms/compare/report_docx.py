"""The comparison report as Word (python-docx): A4, page 1 a summary a region reads at a glance,
then the subjects' roles and each block side by side.

Page 1: what was compared, a table of the blocks (kept, changed in substance or in wording,
missing, added, links to check, the share of the model covered; «не предусмотрено» for blocks
the compared acts lack), the overall figure over the substantive blocks, and the first items that
need a decision. Tables have fixed column widths (set on the grid too, which LibreOffice reads),
header rows that repeat on every page, and headers whose words fit their columns.

A report holds thousands of runs and table rows: each kind is made once through python-docx
and copied (:func:`_run`, :func:`_line_row`), which gives the same XML in a fraction of the time.
"""

from __future__ import annotations

import io
from copy import deepcopy

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Row
from docx.text.paragraph import Paragraph

from ..lang import words
from ..writers.ooxml import deterministic_zip
from .report import compared, confidence, overall, summary_rows
from .view import CATEGORIES, Line, View

FONT = "Times New Roman"
DELETED = RGBColor(0xA0, 0x00, 0x00)
INSERTED = RGBColor(0x00, 0x3C, 0x8C)
FIRST_PAGE_DECISIONS = 6
SUMMARY_WIDTHS = [3.3, 1.4, 1.75, 1.75, 1.75, 1.95, 1.75, 1.75, 1.75]
CELL_MARGIN = 0.1    # cm on each side of a cell's text: narrow columns keep their header words whole
LINE_WIDTHS = [7.2, 7.6, 2.2]
_MADE: dict = {}     # a run of each format, the empty row of the side-by-side tables: made once, copied


def report_docx(view: View) -> bytes:
    doc = Document()
    _page(doc)
    _styles(doc)
    _heading(doc, f"{words.REPORT_TITLE}: {view.region}", 1)
    for text in compared(view):
        doc.add_paragraph(text)
    _summary(doc, view)
    _decisions(doc, view, first_page=True)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if len(view.decisions) > FIRST_PAGE_DECISIONS:
        _decisions(doc, view, first_page=False)
    _roles(doc, view)
    for section in view.sections:
        _heading(doc, section.title, 2)
        if not section.applicable or section.absent:
            doc.add_paragraph(words.NOT_APPLICABLE_SECTION if not section.applicable
                              else words.absent_block(section.coverage["model"]))
            continue
        for group in section.groups:
            if group.title:
                _heading(doc, group.title, 3)
            _lines(doc, group.lines)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = f"{words.REPORT_TITLE}: {view.region}", "", ""
    props.revision = 1
    out = io.BytesIO()
    doc.save(out)
    return deterministic_zip(out.getvalue())


def _page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(1.8)


def _styles(doc) -> None:
    for name, size in (("Normal", 11), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 11)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        fonts = style.element.rPr.rFonts
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)       # a theme font would win over the named one
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{attr}"), FONT)
        if name != "Normal":
            style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(10), Pt(4)
            style.paragraph_format.keep_with_next = True
    doc.styles["Normal"].paragraph_format.space_after = Pt(4)


def _table(doc, widths: list[float], header_rows: int = 1):
    table = doc.add_table(rows=header_rows, cols=len(widths))
    table._tbl.tblStyle_val = _style_id(doc, "Table Grid")       # what ``table.style = …`` sets
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(int(Cm(CELL_MARGIN).twips)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.append(margins)
    for col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        _repeat(row)
    return table


def _repeat(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        tr_pr.append(OxmlElement(tag))


def _cell(cell, width: float, text: str = "", *, size: float = 9, bold: bool = False, center: bool = False):
    cell.width = Cm(width)
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if center:
        paragraph.alignment = 1
    if text:
        _run(paragraph, text, size=size, bold=bold)
    return paragraph


def _run(paragraph, text: str, **font) -> None:
    """A run of ``text`` at the end of ``paragraph``, formatted by ``font`` (``size``, ``bold``,
    ``italic``, ``strike``, ``color``) as python-docx formats it: a copy of one run made once."""
    key = ("run", *sorted(font.items()))
    if key not in _MADE:
        run = Paragraph(OxmlElement("w:p"), None).add_run()
        for name, value in font.items():
            if name == "size":
                run.font.size = Pt(value)
            elif name == "color":
                run.font.color.rgb = value
            elif name in ("bold", "italic"):
                setattr(run, name, value)
            else:
                setattr(run.font, name, value)
        _MADE[key] = run._r
    r = deepcopy(_MADE[key])
    if "\t" in text or "\n" in text or "\r" in text:
        r.text = text
    elif text:
        r.add_t(text)           # what ``r.text = text`` makes of a text without tabs and breaks
    paragraph._p.append(r)


def _paragraph(doc, text: str = "", style: str | None = None):
    """``doc.add_paragraph(text, style)`` with the style's id looked up once (python-docx looks
    for the default style at every call)."""
    paragraph = doc.add_paragraph(text)
    if style is not None:
        paragraph._p.style = _style_id(doc, style)
    return paragraph


def _style_id(doc, name: str) -> str:
    if ("style", name) not in _MADE:
        _MADE[("style", name)] = doc.styles[name].style_id
    return _MADE[("style", name)]


def _heading(doc, text: str, level: int):
    return _paragraph(doc, text, f"Heading {level}")


def _row(table, kind: str, make) -> list:
    """The cells of a new row of ``table``, laid out by ``make(cells)`` — for the first row of its
    ``kind``; the others are copies of it."""
    if kind not in _MADE:
        row = table.add_row()
        make(row.cells)
        _MADE[kind] = deepcopy(row._tr)
        return row.cells
    tr = deepcopy(_MADE[kind])
    table._tbl.append(tr)
    return _Row(tr, table).cells


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _summary(doc, view: View) -> None:
    table = _table(doc, SUMMARY_WIDTHS, header_rows=2)
    top, sub = table.rows[0].cells, table.rows[1].cells
    heads = ["Блок", "Охват", "В примерном положении", "Сохранено дословно", "Изменено", "",
             "Нет в акте региона", "Добавлено регионом", "Проверить связь"]
    for k, (cell, head) in enumerate(zip(top, heads)):
        _shade(cell, "E7E6E6")
        _shade(sub[k], "E7E6E6")
        if k not in (4, 5):
            cell.merge(sub[k])
        _cell(cell, SUMMARY_WIDTHS[k], head, size=8, bold=True, center=k > 0)
    top[4].merge(top[5])
    _cell(sub[4], SUMMARY_WIDTHS[4], "по существу", size=8, bold=True, center=True)
    _cell(sub[5], SUMMARY_WIDTHS[5], "редакционно", size=8, bold=True, center=True)
    for values in summary_rows(view):
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = row.cells
        if values[1] == words.NOT_APPLICABLE:
            cells[1].merge(cells[-1])
            _cell(cells[0], SUMMARY_WIDTHS[0], values[0], size=9)
            _cell(cells[1], sum(SUMMARY_WIDTHS[1:]), words.NOT_APPLICABLE, size=9, center=True)
            continue
        for k, value in enumerate(values):
            _cell(cells[k], SUMMARY_WIDTHS[k], value, size=9, center=k > 0, bold=k == 1)
    doc.add_paragraph().add_run(overall(view)).bold = True
    legend = doc.add_paragraph()
    legend.add_run(words.LEGEND).font.size = Pt(9)


def _decisions(doc, view: View, first_page: bool) -> None:
    items = view.decisions[:FIRST_PAGE_DECISIONS] if first_page else view.decisions
    _heading(doc, words.DECISIONS_TITLE if first_page else words.DECISIONS_ALL, 2)
    if not items:
        doc.add_paragraph(words.NO_DECISIONS)
    for decision in items:
        paragraph = _paragraph(doc, style="List Bullet")
        _run(paragraph, decision.text, size=9.5)
        paragraph.paragraph_format.space_after = Pt(1)
    if first_page and len(view.decisions) > len(items):
        doc.add_paragraph(words.more_decisions(len(view.decisions) - len(items)))


def _roles(doc, view: View) -> None:
    _heading(doc, "Субъекты и роли", 2)
    widths = [7.0, 2.2, 5.6, 2.2]
    table = _table(doc, widths)
    for k, head in enumerate(["Субъект региона", "Пункт", "Роль в примерном положении", "Уверенность"]):
        _shade(table.rows[0].cells[k], "E7E6E6")
        _cell(table.rows[0].cells[k], widths[k], head, size=8, bold=True)
    for line in view.roles:
        cells = table.add_row().cells
        values = [line.subject, line.ref, line.role or words.NO_ROLE,
                  f"{words.confidence(line.score)} — {words.ROLE_REASONS[line.reason]}"]
        for k, value in enumerate(values):
            _cell(cells[k], widths[k], value, size=9)


def _lines(doc, lines: list[Line]) -> None:
    table = _table(doc, LINE_WIDTHS)
    for k, head in enumerate(["Примерное положение", "Акт региона", "Уверенность"]):
        _shade(table.rows[0].cells[k], "E7E6E6")
        _cell(table.rows[0].cells[k], LINE_WIDTHS[k], head, size=8, bold=True)
    for category in CATEGORIES:
        group = [line for line in lines if line.category == category]
        if not group:
            continue
        title = _row(table, "title", _title_row)[0]
        _run(title.paragraphs[0], f"{words.CATEGORY_TITLES[category]} — {len(group)}", size=9, bold=True)
        for line in group:
            _line(_row(table, "line", _line_row), line)


def _title_row(cells) -> None:
    cells[0].merge(cells[-1])
    _shade(cells[0], "F2F2F2")
    _cell(cells[0], sum(LINE_WIDTHS))


def _line_row(cells) -> None:
    for cell, width in zip(cells, LINE_WIDTHS):
        _cell(cell, width)


def _line(cells, line: Line) -> None:
    model = cells[0].paragraphs[0]
    if line.model is not None:
        _ref(model, line.model_ref)
        if line.category != "kept":
            _run(model, line.model_text, size=9)
    elif line.candidate is not None:
        _ref(model, f"{words.CANDIDATE}: {line.candidate_ref}")
        _run(model, line.candidate_text, size=9, italic=True)
    region = cells[1].paragraphs[0]
    if line.region is not None:
        _ref(region, " · ".join(x for x in (line.region_ref, line.subject) if x))
        if line.category in ("substantive", "editorial"):
            for op, text in line.diff:
                colour = {} if op == "=" else {"color": DELETED if op == "-" else INSERTED}
                _run(region, text + " ", size=9, strike=op == "-", bold=op == "+", **colour)
        else:
            _run(region, line.region_text, size=9)
    if confidence(line):
        _run(cells[2].paragraphs[0], confidence(line), size=9, bold=line.check or line.candidate is not None)


def _ref(paragraph, ref: str) -> None:
    if ref:
        _run(paragraph, ref + " — ", size=8.5, italic=True)
