"""Create the default Word templates in templates/ (run once; then restyle them in Word).

    .venv/bin/python scripts/make_templates.py [--force]

The templates are the place for the look of the acts: page setup, fonts, spacing,
indents, table borders, header rows, page numbers. This script only writes the
first version of them; a lawyer may then open templates/*.docx in Word or
LibreOffice Writer and change any style. It refuses to overwrite existing
templates unless --force is given.

What the templates contain besides styles are docxtpl tags over the context that
rsnms.compose builds: ``doc.stamp``, ``doc.heading``, ``doc.title``, ``doc.body``
(blocks with ``kind`` section / clause / item / label / para / annex / table),
``doc.table`` for the roadmap, ``doc.signature`` for the order. The style names
below are what rsnms.docx_writer relies on: keep them when restyling.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from rsnms.docx_writer import schema_order

ROOT = Path(__file__).resolve().parents[1]
FONT = "Times New Roman"
J, C, L, R = (WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER,
              WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT)


def set_font(font, size: float, bold: bool = False, italic: bool = False) -> None:
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic


def set_lang(style) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "ru-RU")
    lang.set(qn("w:eastAsia"), "ru-RU")
    rpr.append(lang)


def letter_spacing(style, twips: int) -> None:
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(twips))
    style.element.get_or_add_rPr().append(spacing)


def paragraph_style(doc, name: str, *, align=J, size: float = 14, bold=False, italic=False,
                    first_line: float | None = 1.25, left: float = 0, before: float = 0,
                    after: float = 0, keep_next=False, page_break=False, base="Normal"):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles[base]
        style.quick_style = True
    set_font(style.font, size, bold, italic)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(first_line) if first_line else Cm(0)
    fmt.left_indent = Cm(left)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    fmt.keep_with_next = keep_next
    fmt.page_break_before = page_break
    fmt.widow_control = True
    return style


def base_styles(doc, text_width: float, stamp_indent: float) -> None:
    """Styles shared by every act (sizes in pt, indents in cm)."""
    normal = paragraph_style(doc, "Normal")
    set_lang(normal)
    paragraph_style(doc, "Абзац")
    paragraph_style(doc, "Пункт")
    paragraph_style(doc, "Перечень")
    paragraph_style(doc, "Подзаголовок", keep_next=True)
    paragraph_style(doc, "Раздел", align=C, bold=True, first_line=None, before=12, after=6, keep_next=True)
    paragraph_style(doc, "Гриф", align=L, first_line=None, left=stamp_indent, after=18)
    paragraph_style(doc, "Гриф приложения", align=L, first_line=None, left=stamp_indent, after=18,
                    page_break=True)
    paragraph_style(doc, "Вид документа", align=C, bold=True, first_line=None, keep_next=True)
    paragraph_style(doc, "Наименование документа", align=C, bold=True, first_line=None, after=12,
                    keep_next=True)
    paragraph_style(doc, "Текст таблицы", align=L, size=12, first_line=None)
    paragraph_style(doc, "Шапка таблицы", align=C, size=12, bold=True, first_line=None)
    paragraph_style(doc, "Строка раздела таблицы", align=C, size=12, bold=True, first_line=None,
                    keep_next=True)
    paragraph_style(doc, "Пояснение таблицы", align=C, size=12, italic=True, first_line=None,
                    keep_next=True)
    placeholder = doc.styles.add_style("Заполнитель", WD_STYLE_TYPE.CHARACTER)
    placeholder.font.highlight_color = WD_COLOR_INDEX.YELLOW
    shading = OxmlElement("w:shd")   # LibreOffice shows a character style's shading, not its highlight
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "FFFF00")
    placeholder.element.get_or_add_rPr().append(shading)
    placeholder.quick_style = True
    table_style = doc.styles.add_style("Таблица акта", WD_STYLE_TYPE.TABLE)
    table_style.base_style = doc.styles["Table Grid"]


def page_setup(doc, landscape: bool = False) -> float:
    """A4, margins 30/10/20/20 mm, page number centred at the top from page 2; text width in cm."""
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = C
    header.paragraph_format.first_line_indent = Cm(0)
    run = header.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    set_font(run.font, 12)
    width = (29.7 if landscape else 21.0) - 4.0
    return width


def para(doc, text: str, style: str = "Абзац"):
    p = doc.add_paragraph(text)
    p.style = doc.styles[style]
    return p


def cell_text(cell, text: str, style: str) -> None:
    p = cell.paragraphs[0]
    p.text = text
    p.style = style


def row_flag(row, tag: str) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement(f"w:{tag}")
    trpr.append(el)


def no_cell_margins(table) -> None:
    """A layout table whose text lines up with the page margins."""
    tbl_pr = table._tbl.tblPr
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), "0")
    ind.set(qn("w:type"), "dxa")
    tbl_pr.append(ind)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)


def data_table(doc, table_expr: str, width_cm: float, *, with_labels: bool = False):
    """The generic table of the acts: an optional repeated header row, full-width rows, rows of cells."""
    rows = [
        ("tag", f"{{%tr if {table_expr}.header %}}"),
        ("header", None),
        ("tag", "{%tr endif %}"),
        ("tag", f"{{%tr for row in {table_expr}.rows %}}"),
        ("tag", "{%tr if row.kind == 'span' %}"),
        ("span", "Строка раздела таблицы"),
    ]
    if with_labels:
        rows += [("tag", "{%tr elif row.kind == 'label' %}"), ("span", "Пояснение таблицы")]
    rows += [
        ("tag", "{%tr else %}"),
        ("cells", None),
        ("tag", "{%tr endif %}"),
        ("tag", "{%tr endfor %}"),
    ]
    table = doc.add_table(rows=len(rows), cols=3)
    table.style = doc.styles["Таблица акта"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for col in table.columns:
        col.width = Cm(width_cm / 3)
    for row, (kind, value) in zip(table.rows, rows):
        cells = row.cells
        if kind == "tag":
            a = cells[0].merge(cells[2])
            cell_text(a, value, "Текст таблицы")
        elif kind == "span":
            a = cells[0].merge(cells[2])
            cell_text(a, f"{{% colspan {table_expr}.ncols %}}{{{{r row.cells[0] }}}}", value)
        elif kind == "header":
            row_flag(row, "tblHeader")
            row_flag(row, "cantSplit")
            cell_text(cells[0], f"{{%tc for h in {table_expr}.header %}}", "Шапка таблицы")
            cell_text(cells[1], "{{r h }}", "Шапка таблицы")
            cell_text(cells[2], "{%tc endfor %}", "Шапка таблицы")
            for c in cells:
                c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        else:
            row_flag(row, "cantSplit")
            cell_text(cells[0], "{%tc for c in row.cells %}", "Текст таблицы")
            cell_text(cells[1], "{% colspan row.spans[loop.index0] %}{{r c }}", "Текст таблицы")
            cell_text(cells[2], "{%tc endfor %}", "Текст таблицы")
    return table


def body_loop(doc, width_cm: float) -> None:
    """The blocks of an act body: sections, clauses, list items, annexes, tables."""
    para(doc, "{%p for b in doc.body %}")
    para(doc, "{%p if b.kind == 'section' %}")
    para(doc, "{{r b.text }}", "Раздел")
    para(doc, "{%p elif b.kind == 'clause' %}")
    para(doc, "{{r b.text }}", "Пункт")
    para(doc, "{%p elif b.kind == 'item' %}")
    para(doc, "{{r b.text }}", "Перечень")
    para(doc, "{%p elif b.kind == 'label' %}")
    para(doc, "{{r b.text }}", "Подзаголовок")
    para(doc, "{%p elif b.kind == 'annex' %}")
    para(doc, "{{r b.stamp }}", "Гриф приложения")
    para(doc, "{{r b.text }}", "Наименование документа")
    para(doc, "{%p elif b.kind == 'table' %}")
    data_table(doc, "b.table", width_cm)
    para(doc, "{%p else %}")
    para(doc, "{{r b.text }}", "Абзац")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def heading_block(doc, stamp_style: str = "Гриф") -> None:
    para(doc, "{%p if doc.stamp %}")
    para(doc, "{{r doc.stamp }}", stamp_style)
    para(doc, "{%p endif %}")
    para(doc, "{%p if doc.heading %}")
    para(doc, "{{r doc.heading }}", "Вид документа")
    para(doc, "{%p endif %}")
    para(doc, "{{r doc.title }}", "Наименование документа")


def new_document(landscape: bool = False):
    doc = Document()
    # drop the empty first paragraph python-docx starts with
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    width = page_setup(doc, landscape)
    base_styles(doc, width, stamp_indent=(width - 7.5))
    return doc, width


def order_template():
    doc, width = new_document()
    paragraph_style(doc, "Орган", align=C, bold=True, first_line=None)
    paragraph_style(doc, "Вид акта", align=C, size=16, bold=True, first_line=None, before=18, after=18)
    paragraph_style(doc, "Вид акта вразрядку", align=C, size=16, bold=True, first_line=None, before=18,
                    after=18, base="Вид акта")
    letter_spacing(doc.styles["Вид акта вразрядку"], 60)
    req = paragraph_style(doc, "Реквизиты", align=L, first_line=None)
    req.paragraph_format.tab_stops.add_tab_stop(Cm(width), WD_TAB_ALIGNMENT.RIGHT)
    paragraph_style(doc, "Место издания", align=C, first_line=None, before=6, after=18)
    paragraph_style(doc, "Заголовок акта", align=C, bold=True, first_line=None, after=18, keep_next=True)
    paragraph_style(doc, "Распорядительное слово", align=L, first_line=None, before=6, after=6)
    letter_spacing(doc.styles["Распорядительное слово"], 40)
    paragraph_style(doc, "Подпись", align=L, first_line=None)
    paragraph_style(doc, "Подпись: фамилия", align=R, first_line=None)
    para(doc, "{{r doc.issuer }}", "Орган")
    para(doc, "{%p if doc.kind_spaced %}")
    para(doc, "{{r doc.kind }}", "Вид акта вразрядку")
    para(doc, "{%p else %}")
    para(doc, "{{r doc.kind }}", "Вид акта")
    para(doc, "{%p endif %}")
    para(doc, "{{r doc.date }}\t{{r doc.number }}", "Реквизиты")
    para(doc, "{{r doc.place }}", "Место издания")
    para(doc, "{{r doc.title }}", "Заголовок акта")
    para(doc, "{%p if doc.preamble %}")
    para(doc, "{{r doc.preamble }}", "Абзац")
    para(doc, "{%p endif %}")
    para(doc, "{%p if doc.operative %}")
    para(doc, "{{r doc.operative }}", "Распорядительное слово")
    para(doc, "{%p endif %}")
    body_loop(doc, width)
    para(doc, "", "Абзац")
    para(doc, "", "Абзац")
    sign = doc.add_table(rows=1, cols=2)
    sign.alignment = WD_TABLE_ALIGNMENT.LEFT
    no_cell_margins(sign)
    sign.columns[0].width, sign.columns[1].width = Cm(width * 0.6), Cm(width * 0.4)
    left, right = sign.rows[0].cells
    left.width, right.width = Cm(width * 0.6), Cm(width * 0.4)
    cell_text(left, "{{r doc.signature.position }}", "Подпись")
    cell_text(right, "{{r doc.signature.name }}", "Подпись: фамилия")
    right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    return doc


def regulation_template():
    doc, width = new_document()
    heading_block(doc)
    body_loop(doc, width)
    return doc


def roadmap_template():
    doc, width = new_document(landscape=True)
    # its own name: in package.docx the portrait acts' «Гриф» would otherwise win
    paragraph_style(doc, "Гриф (альбомный лист)", align=L, first_line=None, left=width - 9.0, after=18)
    heading_block(doc, "Гриф (альбомный лист)")
    para(doc, "{%p if doc.abbreviations %}")
    para(doc, "{{r doc.abbreviations.title }}", "Наименование документа")
    data_table(doc, "doc.abbreviations", width)
    para(doc, "", "Абзац")
    para(doc, "{%p endif %}")
    data_table(doc, "doc.table", width, with_labels=True)
    para(doc, "{%p for n in doc.notes %}")
    para(doc, "{{r n }}", "Абзац")
    para(doc, "{%p endfor %}")
    return doc


TEMPLATES = {
    "order.docx": order_template,
    "regulation.docx": regulation_template,
    "roadmap.docx": roadmap_template,
    "network-regulation.docx": regulation_template,
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Создать шаблоны актов в templates/")
    parser.add_argument("--force", action="store_true", help="перезаписать существующие шаблоны")
    args = parser.parse_args(argv)
    out = ROOT / "templates"
    out.mkdir(exist_ok=True)
    for name, make in TEMPLATES.items():
        target = out / name
        if target.exists() and not args.force:
            print(f"{target.relative_to(ROOT)}: уже есть (--force, чтобы перезаписать)", file=sys.stderr)
            continue
        doc = make()
        schema_order(doc.element.body)
        schema_order(doc.styles.element)
        doc.core_properties.author = "rsnms"
        doc.core_properties.title = f"Шаблон: {name}"
        doc.save(target)
        print(f"{target.relative_to(ROOT)}: создан", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
