"""Writer: a composed :class:`~rsnms.compose.Document` → .docx bytes, through its Word template.

The template (``templates/<act>.docx``) decides the look; this module only

1. turns :class:`~rsnms.compose.Rich` text into docxtpl ``RichText`` (placeholders get
   the template's character style «Заполнитель»);
2. renders the template with docxtpl in a sandboxed, autoescaping Jinja environment, so
   any text in a profile (``&``, ``<``, ``{{ x }}``) comes out literally;
3. sets the widths of data tables (``w:tblGrid`` and cell widths, which LibreOffice
   needs) and merges the cells compose asked to merge;
4. makes the file deterministic: fixed core properties and zip entry times.

:func:`package` joins rendered acts into one document (docxcompose), each act in its own
section so that the roadmap keeps its landscape pages.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from docx import Document as open_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from docxtpl import DocxTemplate, RichText
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from .compose import Document
from .diagnostics import Diagnostic, InputError
from .richtext import ROLE_PLACEHOLDER, Rich

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

PLACEHOLDER_STYLE = "Заполнитель"
DATA_TABLE_STYLE = "Таблица акта"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _style_id(docx, name: str) -> str | None:
    try:
        return docx.styles[name].style_id
    except KeyError:
        return None


def to_template(value, placeholder_style: str | None):
    """The context with every Rich turned into RichText (an empty one into '')."""
    if isinstance(value, Rich):
        if not value:
            return ""
        rt = RichText()
        for text, role in value:
            if role == ROLE_PLACEHOLDER:
                rt.add(text, style=placeholder_style, highlight=None if placeholder_style else "FFFF00")
            else:
                rt.add(text)
        return rt
    if isinstance(value, dict):
        return {k: to_template(v, placeholder_style) for k, v in value.items()}
    if isinstance(value, list):
        return [to_template(v, placeholder_style) for v in value]
    return value


def _ncols(table: dict) -> int:
    return max([len(table.get("header") or [])] + [sum(r.get("spans") or [1] * len(r["cells"]))
                                                    for r in table.get("rows", []) if r.get("kind") == "row"] + [1])


def _prepare(context: dict) -> dict:
    """Give every data table its column count (the template's colspan needs it)."""
    def walk(value):
        if isinstance(value, dict):
            if "rows" in value and isinstance(value.get("rows"), list):
                value["ncols"] = _ncols(value)
                for row in value["rows"]:
                    row.setdefault("spans", [1] * len(row["cells"]))
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    context = copy.deepcopy(context)
    walk(context)
    return context


def render(doc: Document, templates: Path) -> bytes:
    """The .docx of one act."""
    path = templates / doc.template
    where = f"templates/{doc.template}"
    if not path.is_file():
        raise InputError([Diagnostic(where, 1, 1, "", "шаблон не найден: верните его из git или создайте "
                                     "заново (python scripts/make_templates.py)")])
    try:
        tpl = DocxTemplate(str(path))
        docx = tpl.get_docx()
    except Exception as exc:   # not a Word file (a lawyer saved it as .doc, or it is damaged)
        raise InputError([Diagnostic(where, 1, 1, "", f"шаблон не читается как .docx ({type(exc).__name__}): "
                                     "сохраните его в Word в формате .docx")]) from None
    context = to_template(_prepare(doc.context), _style_id(docx, PLACEHOLDER_STYLE))
    env = SandboxedEnvironment(autoescape=True)
    try:
        tpl.render({"doc": context}, jinja_env=env, autoescape=True)
    except TemplateError as exc:   # a tag of the template was changed while restyling it
        near = " ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())[:120]
        raise InputError([Diagnostic(where, 1, 1, "", f"ошибка в метках шаблона: {exc.message or exc}"
                                     + (f" (рядом с текстом «{near}»)" if near else "")
                                     + ": верните метки вида {{r …}} и {%p …%} как были")]) from None
    _layout_tables(tpl.docx, doc.tables)
    schema_order(tpl.docx.element.body)
    _core_properties(tpl.docx, doc)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return deterministic_zip(buffer.getvalue())


def _data_tables(docx) -> list:
    out = []
    for table in docx.tables:
        style = table.style
        if style is not None and style.name == DATA_TABLE_STYLE:
            out.append(table)
    return out


def _text_width(docx) -> int:
    section = docx.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def _layout_tables(docx, layouts: list[dict]) -> None:
    """Column widths from compose's relative weights, and vertical merges."""
    width = _text_width(docx)
    for table, layout in zip(_data_tables(docx), layouts):
        tbl = table._tbl
        grid = tbl.tblGrid
        cols = grid.findall(qn("w:gridCol"))
        weights = list(layout.get("widths") or [])
        n = len(cols)
        weights = (weights + [weights[-1] if weights else 1] * n)[:n] if n else []
        total = sum(weights) or 1
        widths = [int(width * w / total) for w in weights]
        for col, w in zip(cols, widths):
            col.set(qn("w:w"), str(Emu(w).twips))
        tbl_pr = tbl.tblPr
        tbl_w = tbl_pr.find(qn("w:tblW"))
        if tbl_w is None:
            tbl_w = OxmlElement("w:tblW")
            tbl_pr.append(tbl_w)
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(Emu(sum(widths)).twips))
        layout_el = tbl_pr.find(qn("w:tblLayout"))
        if layout_el is None:
            layout_el = OxmlElement("w:tblLayout")
            tbl_pr.append(layout_el)
        layout_el.set(qn("w:type"), "fixed")
        for tr in tbl.tr_lst:
            col = 0
            for tc in tr.tc_lst:
                span = tc.grid_span
                tc.width = Emu(sum(widths[col:col + span]))
                col += span
        header_rows = sum(1 for tr in tbl.tr_lst if tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None)
        for column, first, last in layout.get("merges", []):
            top = table.cell(first + header_rows, column)
            bottom = table.cell(last + header_rows, column)
            top.merge(bottom)
            # merging concatenates paragraphs: keep the first non-empty one
            paragraphs = top.paragraphs
            keep = [p for p in paragraphs if p.text.strip()][:1] or paragraphs[:1]
            for p in paragraphs:
                if p not in keep:
                    p._p.getparent().remove(p._p)


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


def _core_properties(docx, doc: Document) -> None:
    props = docx.core_properties
    stamp = dt.datetime(2000, 1, 1)
    props.author = "rsnms"
    props.last_modified_by = "rsnms"
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    title = doc.context.get("title")
    props.title = title.plain if isinstance(title, Rich) else ""
    props.subject = doc.region
    props.keywords = doc.key
    props.comments = "проект" if doc.status != "adopted" else ""


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


def _strip_header_refs(sect_pr) -> None:
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        for el in sect_pr.findall(qn(tag)):
            sect_pr.remove(el)


def package(parts: list[bytes], first: Document) -> bytes:
    """One document: the order followed by its appendices, each in its own section."""
    from docxcompose.composer import Composer

    master = open_docx(io.BytesIO(parts[0]))
    composer = Composer(master)
    for part in parts[1:]:
        doc = open_docx(io.BytesIO(part))
        body = master.element.body
        final = body.find(qn("w:sectPr"))
        # close the current section with its own properties (orientation, headers) …
        closing = OxmlElement("w:p")
        p_pr = OxmlElement("w:pPr")
        p_pr.append(copy.deepcopy(final))
        closing.append(p_pr)
        final.addprevious(closing)
        # … and let the appended act bring its page setup (headers carry on)
        new_final = copy.deepcopy(doc.element.body.find(qn("w:sectPr")))
        _strip_header_refs(new_final)
        body.replace(final, new_final)
        composer.append(doc)
    _core_properties(master, first)
    master.core_properties.keywords = "package"
    buffer = io.BytesIO()
    master.save(buffer)
    return deterministic_zip(buffer.getvalue())
