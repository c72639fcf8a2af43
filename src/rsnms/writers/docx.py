"""Writer: a composed :class:`~rsnms.model.document.Document` → .docx bytes, through its
Word template.

The template (``templates/<act>.docx``) decides the look; this module only

1. turns the typed document into the context the templates read (``doc.body`` blocks
   with ``kind``, ``text`` — the number printed before the text —, ``table`` …) and its
   :class:`~rsnms.model.document.Rich` text into docxtpl ``RichText`` (placeholders get
   the template's character style «Заполнитель»);
2. renders the template with docxtpl in a sandboxed, autoescaping Jinja environment with
   limits (:mod:`.sandbox`), so any text in a profile (``&``, ``<``, ``{{ x }}``) comes out
   literally and no template tag can include files, run for hours or fill the memory; the
   template file is checked first like any Office file (:mod:`rsnms.readers.acts.guard`);
3. lays out data tables and makes the file deterministic (:mod:`.ooxml`).

:func:`fill` does 2–3 for any template and any acts: one act (:func:`render`), or the
package, whose template reads each act as ``parts[i]`` (:mod:`.package`).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docxtpl import DocxTemplate, RichText
from jinja2 import TemplateError

from .. import escape
from ..diagnostics import Diagnostic, InputError
from ..lang import words
from ..lang.translations import jinja_message
from ..model.document import ANNEX, ROLE_PLACEHOLDER, TABLE, TRACKED, Block, Document, Rich, Table
from ..readers.acts import guard
from .ooxml import deterministic_zip, layout_tables, schema_order
from .sandbox import Budget, TemplateSandbox, budgeted

PLACEHOLDER_STYLE = "Заполнитель"
TRACKED_STYLE = "rsnms-"     # + role: marks a redline's run until it becomes a tracked change (compare.redline)
AUTHOR = "rsnms"


def render(doc: Document, templates: Path, template: str) -> bytes:
    """The .docx of one act, rendered through ``templates/<template>``."""
    where = f"templates/{template}"
    _key, data = checked(templates / template, where)
    return fill(open_template(data, where), [doc], where)


def fill(tpl: DocxTemplate, docs: list[Document], where: str, keywords: str | None = None) -> bytes:
    """``tpl`` rendered with the contexts of ``docs`` — the first as ``doc``, all as ``parts``
    (a package's template reads each act's part as ``parts[i]``, :mod:`.package`) —, tables laid
    out, properties in schema order, the first act's core properties, deterministic bytes."""
    budget = Budget()
    style = _style_id(tpl.get_docx(), PLACEHOLDER_STYLE)
    parts = [budgeted(to_template(context_of(doc), style), budget) for doc in docs]
    try:
        tpl.render({"doc": parts[0], "parts": parts}, jinja_env=TemplateSandbox(budget), autoescape=True)
    except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError, RecursionError) as exc:
        # a tag of the template was changed while restyling it, or is not what a template may do
        near = " ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())[:120]
        raise InputError([Diagnostic(where, 1, 1, "",
                                     f"ошибка в метках шаблона: {jinja_message(exc)}"
                                     + (f" (рядом с текстом «{near}»)" if near else "")
                                     + ": верните метки вида {{r …}} и {%p …%} как были")]) from None
    layout_tables(tpl.docx, [table for doc in docs for table in doc.tables])
    schema_order(tpl.docx.element.body)
    core_properties(tpl.docx, docs[0])
    if keywords is not None:
        tpl.docx.core_properties.keywords = keywords
    buffer = io.BytesIO()
    tpl.save(buffer)
    return deterministic_zip(buffer.getvalue())


_CHECKED: dict[tuple, bytes] = {}     # (template, its size and time) → its bytes, checked once per process


def checked(path: Path, where: str) -> tuple[tuple, bytes]:
    """A template's bytes, checked by the guard once per process while the file is unchanged, and
    the key of that version (its path, size, time, inode)."""
    if not path.is_file():
        raise InputError([Diagnostic(where, 1, 1, "", "шаблон не найден: верните его из git или создайте "
                                     "заново (python scripts/make_templates.py)")])
    info = path.stat()
    key = (str(path), info.st_size, info.st_mtime_ns, info.st_ino)
    if key not in _CHECKED:
        try:
            guard.check(path, where)
        except InputError as exc:
            raise InputError([Diagnostic(d.file, d.line, d.column, d.path, f"шаблон: {d.message}")
                              for d in exc.diagnostics]) from None
        _CHECKED[key] = path.read_bytes()
    return key, _CHECKED[key]


def open_template(data: bytes, where: str) -> DocxTemplate:
    """A fresh docxtpl template from checked bytes (each render changes its document)."""
    try:
        tpl = DocxTemplate(io.BytesIO(data))
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
                rt.add(escape.xml(text), style=placeholder_style, highlight=None if placeholder_style else "FFFF00")
            elif role in TRACKED:
                rt.add(escape.xml(text), style=TRACKED_STYLE + role)
            else:
                rt.add(escape.xml(text))
        return rt
    if isinstance(value, str):
        return escape.xml(value)
    if isinstance(value, dict):
        return {k: to_template(v, placeholder_style) for k, v in value.items()}
    if isinstance(value, list):
        return [to_template(v, placeholder_style) for v in value]
    return value


CORE_PROPERTY_LIMIT = 255     # characters Word (and python-docx) allow in a core property


def fit_property(text: str) -> str:
    """A title as a core property: at most 255 characters, cut at a word with «…»."""
    text = " ".join(text.split())
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    cut = text[:CORE_PROPERTY_LIMIT - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


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
    props.title = fit_property(doc.title.plain)
    props.subject = fit_property(doc.region)
    props.keywords = doc.key
    props.comments = words.DRAFT_COMMENT if doc.draft else ""
