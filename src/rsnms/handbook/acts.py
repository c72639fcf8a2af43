"""An act as a handbook page, from its typed :class:`~rsnms.model.document.Document`:
sections and annexes as headings (the contents list), every clause, item and table row with
the anchor of the document model (``p-3-2``, ``r-12``) and a «§» permalink, so a reader can
cite «п. 3.2» by its address. The text is the text the .docx prints, block by block.
"""

from __future__ import annotations

from ..model.document import ANNEX, SECTION, SPAN, TABLE, Block, Document, Rich, Row, Table
from .markdown import cell, html_text, rich_html, scroll

PERMALINK = "Постоянная ссылка на {what}"


def permalink(anchor: str, what: str) -> str:
    return f'<a class="headerlink" href="#{anchor}" title="{html_text(PERMALINK.format(what=what))}">§</a>'


def _what(block: Block) -> str:
    number = block.number.rstrip(".")
    if block.kind == SECTION:
        return f"раздел {number}" if number else "раздел"
    if not number or number in ("-", "–", "—"):
        return "этот пункт"
    return f"подпункт {number}" if block.kind != "clause" else f"пункт {number}"


def act_markdown(doc: Document) -> str:
    """The act's page body: head, contents, body (or the roadmap's tables), signature."""
    parts = [_head(doc)]
    contents = _contents(doc)
    if contents:
        parts.append(contents)
    if doc.roadmap is not None:
        parts += _roadmap(doc)
    else:
        parts += [_block(b) for b in doc.body]
    if doc.order is not None:
        sig = doc.order.signature
        parts.append(f'<div class="rsnms-signature"><p>{rich_html(sig.position)}</p>'
                     f'<p>{rich_html(sig.name)}</p></div>')
    return "\n\n".join(p for p in parts if p) + "\n"


def _lines(text: Rich | None, cls: str) -> str:
    return f'<p class="{cls}">{rich_html(text)}</p>' if text and text.plain.strip() else ""


def _head(doc: Document) -> str:
    out = []
    if doc.order is not None:
        head = doc.order
        out += [_lines(head.issuer, "rsnms-issuer"), _lines(head.kind, "rsnms-kind"),
                f'<p class="rsnms-requisites">{rich_html(head.date)} {rich_html(head.number)}</p>',
                _lines(head.place, "rsnms-place"), _lines(doc.title, "rsnms-title"),
                _lines(head.preamble, "rsnms-preamble"), _lines(head.operative, "rsnms-operative")]
    else:
        out += [_lines(doc.stamp, "rsnms-stamp"), _lines(doc.heading, "rsnms-kind"),
                _lines(doc.title, "rsnms-title")]
    return "\n".join(x for x in out if x)


def _contents(doc: Document) -> str:
    """A contents list of the sections and annexes (or, in an act without sections, of its
    first-level clauses), each a link to its anchor."""
    heads = [b for b in doc.body if b.kind in (SECTION, ANNEX) and b.anchor]
    if not heads:
        heads = [b for b in doc.body if b.level == 0 and b.anchor and b.kind != TABLE]
    if len(heads) < 2:
        return ""
    items = []
    for b in heads:
        words = b.text.plain.split()
        title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        items.append(f'<li><a href="#{b.anchor}">{html_text(" ".join(x for x in (b.number, title) if x))}</a></li>')
    return ('<nav class="rsnms-contents" aria-label="Содержание акта"><p><strong>Содержание</strong></p>'
            f'<ol>{"".join(items)}</ol></nav>')


def _block(block: Block) -> str:
    if block.kind in (SECTION, ANNEX):
        stamp = _lines(block.stamp, "rsnms-stamp") if block.kind == ANNEX else ""
        title = " ".join(x for x in (block.number, block.text.plain.replace("\n", " ")) if x)
        heading = f"## {cell(title)}" + (f" {{#{block.anchor}}}" if block.anchor else "")
        return "\n\n".join(x for x in (stamp, heading) if x)
    if block.kind == TABLE and block.table is not None:
        return data_table(block.table, block.anchor)
    number = f'<span class="rsnms-number">{html_text(block.number)}</span> ' if block.number else ""
    anchor = f' id="{block.anchor}"' if block.anchor else ""
    link = " " + permalink(block.anchor, _what(block)) if block.anchor else ""
    return (f'<p class="rsnms-{block.kind} rsnms-level-{min(block.level, 4)}"{anchor}>{number}'
            f"{rich_html(block.text)}{link}</p>")


def data_table(table: Table, anchor: str = "", label: str = "") -> str:
    """A table of the act as HTML: each row that has an anchor gets it and a «§» link."""
    out = [f'<table{f" id={chr(34)}{anchor}{chr(34)}" if anchor else ""}>']
    if table.title and table.title.plain.strip():
        out.append(f"<caption>{rich_html(table.title)}</caption>")
    if table.header:
        out.append("<thead><tr>" + "".join(f"<th>{rich_html(h)}</th>" for h in table.header) + "</tr></thead>")
    out.append("<tbody>")
    ncols = table.ncols
    for row in table.rows:
        out.append(_row(row, ncols))
    out.append("</tbody></table>")
    return scroll("\n".join(out), label or (table.title.plain if table.title else ""))


def _row(row: Row, ncols: int) -> str:
    anchor = f' id="{row.anchor}"' if row.anchor else ""
    if row.kind == SPAN:
        return f'<tr class="rsnms-span"{anchor}><td colspan="{ncols}">{rich_html(row.cells[0])}</td></tr>'
    spans = row.spans or [1] * len(row.cells)
    cells = []
    for i, (text, span) in enumerate(zip(row.cells, spans)):
        colspan = f' colspan="{span}"' if span > 1 else ""
        link = ""
        if i == 0 and row.anchor:
            number = text.plain.strip()
            link = " " + permalink(row.anchor, f"строку {number}" if number else "строку")
        cells.append(f"<td{colspan}>{rich_html(text)}{link}</td>")
    return f"<tr{anchor}>" + "\n".join(cells) + "</tr>"


def _roadmap(doc: Document) -> list[str]:
    tables = doc.roadmap
    out = []
    if tables.abbreviations is not None:
        out += ["## Используемые сокращения {#abbreviations}", data_table(tables.abbreviations, "",
                                                                           "Используемые сокращения")]
    out += ["## Мероприятия {#measures}", data_table(tables.table, "", "Мероприятия дорожной карты")]
    out += [_lines(note, "rsnms-note") for note in tables.notes]
    return out


def unit_anchors(doc: Document) -> dict[str, str]:
    """Profile unit id → the anchor of the first block or table row that shows it."""
    out: dict[str, str] = {}
    tables = [doc.roadmap.table] + ([doc.roadmap.abbreviations] if doc.roadmap.abbreviations else []) \
        if doc.roadmap is not None else []
    for block in doc.body:
        if block.unit and block.anchor:
            out.setdefault(block.unit, block.anchor)
        for unit in block.inline if block.anchor else ():
            out.setdefault(unit, block.anchor)
        if block.table is not None:
            tables.append(block.table)
    for table in tables:
        for row in table.rows:
            if row.unit and row.anchor:
                out.setdefault(row.unit, row.anchor)
    return out


def anchors(doc: Document) -> set[str]:
    """Every anchor the page of ``doc`` has (for checking links to it)."""
    found = {b.anchor for b in doc.body if b.anchor}
    tables = [b.table for b in doc.body if b.table is not None]
    if doc.roadmap is not None:
        tables += [t for t in (doc.roadmap.table, doc.roadmap.abbreviations) if t is not None]
    found |= {r.anchor for t in tables for r in t.rows if r.anchor}
    return found
