"""The order (приказ, распоряжение) that approves the other acts: issuer, kind, requisites,
preamble and operative word, its clauses, the signature."""

from __future__ import annotations

from ..lang import words
from ..model.document import ROLE_TEXT, Document, OrderHead, Rich, Signature
from .acts import RegionActs
from .outline import Body
from .stamps import head, order_requisites
from .text import Writer, capitalize


def compose_order(acts: RegionActs, key: str = "order") -> Document:
    w = acts.writer(key)
    order = acts.acts[key]
    parts = head(acts, key, w)
    date, number = order_requisites(acts, w, in_stamp=False)
    authority = acts.value("authority.name") or ""
    preamble = _preamble(order, w)
    operative = order.get("operative_word")
    separate = order.get("operative_word_separate", False)
    body = Body(w, acts.data, order, fallback=None)
    body.list_style = order.get("list_style", "-")
    clauses = order.get("clauses", [])
    if len(clauses) == 1:   # a single operative clause is not numbered
        clauses = [dict(clauses[0], unnumbered=True)]
    index = 0
    for clause in clauses:
        index = body.clause(clause, [], index, level=1)
    signatory = order.get("signatory") or {}
    parts["order"] = OrderHead(
        issuer=w(authority.upper() if authority and "[[" not in authority else authority),
        kind=w(order.get("kind", words.ORDER_KIND).upper()),
        kind_spaced=bool(order.get("kind_letter_spaced")),
        date=date,
        number=Rich([(words.NUMBER_SIGN, ROLE_TEXT)]) + number,
        place=w.value(order.get("place") or acts.value("region.center"), words.MISSING["place"]),
        preamble=preamble,
        operative=w(f"{operative}:") if operative and separate else None,
        signature=Signature(w.value(signatory.get("position"), words.MISSING["signatory_position"]),
                            w.value(signatory.get("name"), words.MISSING["signatory_name"])))
    return acts.document(key, w, body=body.blocks, **parts)


def _preamble(order: dict, w: Writer) -> Rich:
    """The preamble, ending in the operative word «…, приказываю:» unless it stands apart."""
    preamble = w(order.get("preamble", "")) if order.get("preamble") else Rich()
    if not preamble and order.get("status") != "adopted":
        preamble = Rich([w.missing(words.MISSING["preamble"])])
    operative = order.get("operative_word")
    if operative and not order.get("operative_word_separate", False):
        preamble = preamble + w(f" {operative}:") if preamble else w(f"{capitalize(operative)}:")
    return preamble
