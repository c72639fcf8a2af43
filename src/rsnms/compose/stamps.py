"""Approval stamps and the order's requisites, in one place: every stamp («Приложение № 2
к приказу … от … № …», «УТВЕРЖДЕНО распоряжением …») takes the order's date and number
from the one field ``acts.order``."""

from __future__ import annotations

from ..lang import words
from ..lang.formats import format_date
from ..model.document import ROLE_TEXT, Rich
from .acts import RegionActs
from .text import Writer


def head(acts: RegionActs, key: str, w: Writer) -> dict:
    """What every act has above its body: stamp, heading, title (in this order, so that
    the warnings about placeholders come in reading order)."""
    act = acts.acts[key]
    return {"stamp": stamp(acts, key, w), "heading": w(act.get("heading", "")), "title": w(act.get("title", ""))}


def order_requisites(acts: RegionActs, w: Writer, in_stamp: bool) -> tuple[Rich, Rich]:
    """The order's date and number (placeholders when the profile does not give them)."""
    order = acts.acts.get("order", {})
    date = format_date(order.get("date"), order.get("date_format") == "words", in_stamp)
    return w.value(date, words.MISSING["date"]), w.value(order.get("number"), words.MISSING["number"])


def stamp(acts: RegionActs, key: str, w: Writer) -> Rich | None:
    """The stamp above act ``key``, or None for the order and for an act nothing approves."""
    if key == "order":
        return None
    parent = acts.parents.get(key)
    if parent is None and acts.acts[key].get("approved_by"):
        # adopted by an order whose text the profile does not hold: its requisites as given
        approval = acts.acts[key]["approved_by"]
        date = format_date(approval["date"], False, True)
        issuer = approval.get("issuer") or acts.value("authority.cases.gen") or "[[authority.cases.gen]]"
        return Rich.lines(_order_stamp(acts, key, None, (words.KIND_FORMS[approval["kind"]], issuer, w(date),
                                                         w(str(approval["number"]))), w))
    # an act the region's order does not approve awaits an order of its own
    future_order = parent is None
    if parent is None:
        parent = ("order", None) if "order" in acts.acts else None
    if parent is None:
        return None
    parent_key, number = parent
    if parent_key == "order":
        order_kind = acts.kind_forms("order")
        authority = acts.value("authority.cases.gen") or "[[authority.cases.gen]]"
        date, num = order_requisites(acts, w, in_stamp=True)
        if future_order:
            date, num = Rich([w.missing(words.MISSING["date"])]), Rich([w.missing(words.MISSING["number"])])
        return Rich.lines(_order_stamp(acts, key, number, (order_kind, authority, date, num), w))
    lines = [w(words.appendix_heading(number)),
             w(f"к {acts.kind_forms(parent_key)['dat']} ") + w(title_text(acts.acts[parent_key]))]
    return Rich.lines(lines)


def _order_stamp(acts: RegionActs, key: str, number: int | None, requisites: tuple, w: Writer) -> list[Rich]:
    """«УТВЕРЖДЕН приказом …» or «Приложение № N к приказу …», then «от … № …»."""
    order_kind, authority, date, num = requisites
    style = acts.acts[key].get("stamp", words.STAMP_APPROVED)
    if style == words.STAMP_APPROVED:
        lines = [w(words.APPROVED[acts.kind_forms(key)["gender"]]), w(f"{order_kind['ins']} {authority}")]
    else:
        lines = [w(words.appendix_heading(number)), w(f"к {order_kind['dat']} {authority}")]
    lines.append(w("от ") + date + Rich([(" " + words.NUMBER_SIGN, ROLE_TEXT)]) + num)
    return lines


def title_text(act: dict) -> str:
    """An act's title as it continues «к Положению …» (a capital letter lowered, unless the
    title is in capitals)."""
    title = act.get("title", "")
    return title[:1].lower() + title[1:] if title[:2].isupper() is False else title
