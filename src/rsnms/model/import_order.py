"""The order of an imported source: its requisites, clauses, signature — or, when the source
holds only its appendices, an order drafted from their stamp (``imp``: the
:class:`~rsnms.model.importer.Importer`)."""

from __future__ import annotations

import re

from ..lang import words
from ..readers.acts import Para, Table
from ..readers.acts.outline import CLAUSE, ITEM, build
from ..readers.acts.parts import Part
from ..readers.acts.requisites import order_head, stamp_requisites

PLACEHOLDER_TEXT = re.compile(r"^\[[^\[\]]{2,80}\]$")


def order(imp, part: Part):
    head = order_head(part.body)
    imp.placed.update(head.lines.values())
    for block in part.body:
        cells = [c for r in block.rows for c in r.cells if c.strip()] if isinstance(block, Table) else []
        if cells and all(PLACEHOLDER_TEXT.match(c.strip()) for c in cells):
            imp.placed.update(r.line for r in block.rows)   # a draft's signature left to fill in
        if block not in head.body:
            imp.placed.update([block.line] + ([r.line for r in block.rows] if isinstance(block, Table) else []))
    order: dict = {"status": "adopted", "kind": head.kind or words.ORDER_KIND}
    if PLACEHOLDER_TEXT.match(head.preamble or "") or not head.signatory:
        order["status"] = "draft"
    first, last = part.lines
    if order["status"] == "adopted":
        order["source"] = {"file": imp.source_file, "first": first, "last": last}
    if head.date_words:
        order["date_format"] = "words"
    for key, value in (("number", head.number), ("date", head.date), ("place", head.place),
                       ("title", head.title)):
        if value and not PLACEHOLDER_TEXT.match(value):
            order[key] = value
    order.setdefault("title", "[[наименование приказа]]")
    if head.preamble and not PLACEHOLDER_TEXT.match(head.preamble):
        order["preamble"] = head.preamble
    if head.operative:
        order["operative_word"] = head.operative
        if head.operative_separate:
            order["operative_word_separate"] = True
        imp.errata.operative(head)
    if head.kind_spaced or any(isinstance(b, Para) and "вразрядку" in b.style for b in part.body[:4]):
        order["kind_letter_spaced"] = True
    order["clauses"] = order_clauses(imp, head.body, order)
    if head.signatory and not any(PLACEHOLDER_TEXT.match(v) for v in head.signatory.values()):
        order["signatory"] = head.signatory
    imp.acts["order"] = order
    return head



def order_clauses(imp, blocks: list, order: dict) -> list[dict]:
    clauses = []
    roots = build([b for b in blocks if isinstance(b, Para)])
    imp.errata.numbering(roots, "acts.order.clauses")
    for node in roots:
        imp.placed.update(n.line for n in node.walk())
        clause: dict = {"text": node.text}
        items = [c for c in node.children if c.kind == ITEM]
        if re.search(r"утратившим\w*\s+силу", node.text, re.I) and items:
            order["repeals"] = [i.text for i in items]
            clause["ref"] = "acts.order.repeals"
        elif items:
            clause["items"] = [i.text for i in items]
            if all(not i.number for i in items):
                clause["list_style"] = "none"
        if node.kind != CLAUSE:
            clause["unnumbered"] = True
        clauses.append(clause)
    return clauses or [{"text": "[[текст пункта приказа]]"}]



def draft_order(imp, parts: list[Part], keys: list[str]) -> dict:
    """The source holds no order, only acts it approved: each act's stamp gives the requisites of
    the order that approved it (``approved_by``); the profile's order is a draft, which rsnms
    composes from its skeleton to approve whatever the region has not adopted yet."""
    kind = words.ORDER_KIND
    for part in parts:
        if not part.stamp or part.key not in imp.acts:
            continue
        date, number, _printed = stamp_requisites(part.stamp_text)
        part_kind = "распоряжение" if re.search(r"распоряжени", part.stamp_text, re.I) else words.ORDER_KIND
        if date and number:
            imp.acts[part.key]["approved_by"] = {"kind": part_kind, "date": date, "number": number}
            kind = part_kind
    return {"status": "draft", "kind": kind}
