"""Word tracked changes: the runs a redline marks (:data:`~rsnms.model.document.TRACKED` roles,
rendered by :mod:`.docx` with the character style ``rsnms-<role>``) become revisions.

* inserted runs go into ``w:ins``, deleted runs into ``w:del`` (their ``w:t`` become
  ``w:delText``), moved runs into ``w:moveFrom``/``w:moveTo`` between named move ranges
  (``w:moveFromRangeStart`` … ``End``), so Word shows them as moved, not deleted and inserted;
* a paragraph whose every run is inserted (deleted, moved) has its paragraph mark marked the
  same way, so Reject All (Accept All) removes the paragraph, not only its text;
* a table row whose every run is inserted (deleted) is marked as an inserted (deleted) row.

Revision ids are numbered in document order; the author and the date are the caller's (no
date: Word shows none). Accept All gives the document whose runs were not deleted or moved
away; Reject All the one whose runs were not inserted or moved here.
"""

from __future__ import annotations

import io

from docx import Document as open_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..model.document import ROLE_DELETED, ROLE_INSERTED, ROLE_MOVED_FROM, ROLE_MOVED_TO, TRACKED
from .docx import TRACKED_STYLE
from .ooxml import deterministic_zip

WRAPPER = {ROLE_INSERTED: "w:ins", ROLE_DELETED: "w:del", ROLE_MOVED_FROM: "w:moveFrom", ROLE_MOVED_TO: "w:moveTo"}
RANGE = {ROLE_MOVED_FROM: "w:moveFromRange", ROLE_MOVED_TO: "w:moveToRange"}
ROW_MARK = {ROLE_INSERTED: "w:ins", ROLE_DELETED: "w:del"}


class _Revisions:
    def __init__(self, author: str, date: str | None):
        self.author, self.date, self.next_id, self.moves = author, date, 1, {ROLE_MOVED_FROM: 0, ROLE_MOVED_TO: 0}

    def element(self, tag: str, *, stamped: bool = True, **attrs):
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        if stamped:
            el.set(qn("w:author"), self.author)
            if self.date:
                el.set(qn("w:date"), self.date)
        for key, value in attrs.items():
            el.set(qn(f"w:{key}"), value)
        return el


def _role(run) -> str | None:
    style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
    if style is None or not style.get(qn("w:val"), "").startswith(TRACKED_STYLE):
        return None
    role = style.get(qn("w:val"))[len(TRACKED_STYLE):]
    return role if role in TRACKED else None


def _unmark(run) -> None:
    rpr = run.find(qn("w:rPr"))
    rpr.remove(rpr.find(qn("w:rStyle")))
    if not len(rpr):
        run.remove(rpr)


def _paragraph(p, rev: _Revisions) -> set[str | None]:
    """Wrap the marked runs of one paragraph; the roles of its runs."""
    runs = [r for r in p if r.tag == qn("w:r")]
    roles = [_role(r) for r in runs]
    i = 0
    while i < len(runs):
        role = roles[i]
        if role is None:
            i += 1
            continue
        group = [runs[i]]
        while i + 1 < len(runs) and roles[i + 1] == role and runs[i + 1].getprevious() is group[-1]:
            i += 1
            group.append(runs[i])
        _wrap(p, group, role, rev)
        i += 1
    said = {role for role, run in zip(roles, runs) if role or not _empty(run)}   # a template's empty runs say nothing
    if len(said) == 1 and None not in said:
        _mark_paragraph(p, said.pop(), rev)
    return {role for role, run in zip(roles, runs) if role or not _empty(run)}


def _empty(run) -> bool:
    return not any((el.text if el.tag == qn("w:t") else "x") for el in run.iter(qn("w:t"), qn("w:br"), qn("w:tab")))


def _wrap(p, group: list, role: str, rev: _Revisions) -> None:
    wrapper = rev.element(WRAPPER[role])
    group[0].addprevious(wrapper)
    for run in group:
        _unmark(run)
        if role in (ROLE_DELETED, ROLE_MOVED_FROM):
            for t in run.iter(qn("w:t")):
                t.tag = qn("w:delText")
        wrapper.append(run)
    if role in RANGE:
        rev.moves[role] += 1
        start = rev.element(RANGE[role] + "Start", name=f"move{rev.moves[role]}")
        end = rev.element(RANGE[role] + "End", stamped=False)
        end.set(qn("w:id"), start.get(qn("w:id")))
        wrapper.addprevious(start)
        wrapper.addnext(end)


def _mark_paragraph(p, role: str, rev: _Revisions) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    rpr.insert(0, rev.element(WRAPPER[role]))


def _row(tr, roles: set[str | None], rev: _Revisions) -> None:
    marked = roles - {None}
    if len(marked) == 1 and None not in roles and (role := marked.pop()) in ROW_MARK:
        trpr = tr.find(qn("w:trPr"))
        if trpr is None:
            trpr = OxmlElement("w:trPr")
            tr.insert(1 if tr.find(qn("w:tblPrEx")) is not None else 0, trpr)
        trpr.append(rev.element(ROW_MARK[role]))


def track(docx: bytes, author: str, date: str | None, title: str | None = None) -> bytes:
    """The .docx with its marked runs as tracked changes by ``author`` on ``date`` (ISO 8601);
    ``title``: its title as a property (the text after Accept All)."""
    document = open_docx(io.BytesIO(docx))
    rev = _Revisions(author, date)
    body = document.element.body
    rev.next_id = 1 + max((int(v) for el in body.iter() if (v := el.get(qn("w:id"))) and v.isdigit()), default=0)
    rows = {}
    for p in body.iter(qn("w:p")):
        roles = _paragraph(p, rev)
        tr = next((a for a in p.iterancestors(qn("w:tr"))), None)
        if tr is not None:
            rows.setdefault(id(tr), (tr, set()))[1].update(roles)
    for tr, roles in rows.values():
        _row(tr, roles, rev)
    document.core_properties.author = document.core_properties.last_modified_by = author
    if title is not None:
        document.core_properties.title = title[:255]
    out = io.BytesIO()
    document.save(out)
    return deterministic_zip(out.getvalue())
