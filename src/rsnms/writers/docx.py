"""Writer: a composed :class:`~rsnms.model.document.Document` → .docx bytes, through its
Word template.

The template (``templates/<act>.docx``) decides the look; this module only

1. turns the typed document into the context the templates read (``doc.body`` blocks
   with ``kind``, ``text`` — the number printed before the text —, ``table`` …) and its
   :class:`~rsnms.model.document.Rich` text into docxtpl ``RichText`` (placeholders get
   the template's character style «Заполнитель»);
2. renders the template with docxtpl in a sandboxed, autoescaping Jinja environment, so
   any text in a profile (``&``, ``<``, ``{{ x }}``) comes out literally;
3. lays out data tables and makes the file deterministic (:mod:`.ooxml`).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docxtpl import DocxTemplate, RichText
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ..diagnostics import Diagnostic, InputError
from ..lang import words
from ..model.document import ANNEX, ROLE_PLACEHOLDER, TABLE, TRACKED, Block, Document, Rich, Table
from .ooxml import deterministic_zip, layout_tables, schema_order

PLACEHOLDER_STYLE = "Заполнитель"
TRACKED_STYLE = "rsnms-"     # + role: marks a redline's run until it becomes a tracked change (compare.redline)
AUTHOR = "rsnms"


def render(doc: Document, templates: Path, template: str) -> bytes:
    """The .docx of one act, rendered through ``templates/<template>``."""
    tpl = _load(templates / template, f"templates/{template}")
    context = to_template(context_of(doc), _style_id(tpl.get_docx(), PLACEHOLDER_STYLE))
    try:
        tpl.render({"doc": context}, jinja_env=SandboxedEnvironment(autoescape=True), autoescape=True)
    except TemplateError as exc:   # a tag of the template was changed while restyling it
        near = " ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())[:120]
        raise InputError([Diagnostic(f"templates/{template}", 1, 1, "",
                                     f"ошибка в метках шаблона: {exc.message or exc}"
                                     + (f" (рядом с текстом «{near}»)" if near else "")
                                     + ": верните метки вида {{r …}} и {%p …%} как были")]) from None
    layout_tables(tpl.docx, doc.tables)
    schema_order(tpl.docx.element.body)
    core_properties(tpl.docx, doc)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return deterministic_zip(buffer.getvalue())


def _load(path: Path, where: str) -> DocxTemplate:
    if not path.is_file():
        raise InputError([Diagnostic(where, 1, 1, "", "шаблон не найден: верните его из git или создайте "
                                     "заново (python scripts/make_templates.py)")])
    try:
        tpl = DocxTemplate(str(path))
        tpl.get_docx()
    except Exception as exc:   # not a Word file (a lawyer saved it as .doc, or it is damaged)
        raise InputError([Diagnostic(where, 1, 1, "", f"шаблон не читается как .docx ({type(exc).__name__}): "
                                     "сохраните его в Word в формате .docx")]) from None
    return tpl


def _style_id(docx, name: str) -> str | None:
    try:
        return docx.styles[name].style_id
    except KeyError:
        return None


# --- the context the templates read ----------------------------------------------------

def context_of(doc: Document) -> dict:
    """What ``templates/<act>.docx`` reads as ``doc``."""
    ctx = {"key": doc.key, "region": doc.region, "status": doc.status, "draft": doc.draft,
           "stamp": doc.stamp, "heading": doc.heading, "title": doc.title}
    if doc.order is not None:
        head = doc.order
        ctx.update(issuer=head.issuer, kind=head.kind, kind_spaced=head.kind_spaced, date=head.date,
                   number=head.number, place=head.place, preamble=head.preamble, operative=head.operative,
                   signature={"position": head.signature.position, "name": head.signature.name})
    if doc.roadmap is not None:
        ctx.update(table=_table(doc.roadmap.table), notes=doc.roadmap.notes,
                   abbreviations=_table(doc.roadmap.abbreviations) if doc.roadmap.abbreviations else None)
    else:
        ctx["body"] = [_block(b) for b in doc.body]
    return ctx


def _block(block: Block) -> dict:
    out = {"kind": block.kind, "text": block.numbered_text, "level": block.level}
    if block.kind == ANNEX:
        out["stamp"] = block.stamp
    if block.kind == TABLE:
        out["table"] = _table(block.table)
    return out


def _table(table: Table) -> dict:
    return {"header": table.header, "title": table.title, "ncols": table.ncols,
            "widths": table.widths, "merges": table.merges,
            "rows": [{"kind": r.kind, "cells": r.cells, "spans": r.spans or [1] * len(r.cells)}
                     for r in table.rows]}


def to_template(value, placeholder_style: str | None):
    """The context with every Rich turned into RichText (an empty one into '')."""
    if isinstance(value, Rich):
        if not value:
            return ""
        rt = RichText()
        for text, role in value:
            if role == ROLE_PLACEHOLDER:
                rt.add(text, style=placeholder_style, highlight=None if placeholder_style else "FFFF00")
            elif role in TRACKED:
                rt.add(text, style=TRACKED_STYLE + role)
            else:
                rt.add(text)
        return rt
    if isinstance(value, dict):
        return {k: to_template(v, placeholder_style) for k, v in value.items()}
    if isinstance(value, list):
        return [to_template(v, placeholder_style) for v in value]
    return value


def core_properties(docx, doc: Document) -> None:
    """Fixed dates and authorship (equal input, equal bytes); title, region, kind, draft."""
    props = docx.core_properties
    stamp = dt.datetime(2000, 1, 1)
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.title = doc.title.plain[:255]     # Office's limit for a core property
    props.subject = doc.region
    props.keywords = doc.key
    props.comments = words.DRAFT_COMMENT if doc.draft else ""
