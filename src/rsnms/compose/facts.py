"""Facts a draft states, derived from the profile and never invented: the kind of act the
region's authority issues (in every case), its own acts with their requisites, the
network's coordinator and the act that made it one, the legal basis in the nominative.

A draft's skeleton reads them as ``[[derived.<name>]]``. What the profile does not hold
stays a placeholder (``[[дата]]``, ``[[координатор сетевого взаимодействия …]]``): the
writer highlights it and the build warns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang import words
from ..lang.cases import title_in_case
from ..lang.formats import format_date
from ..model.units import iter_subjects
from .stamps import title_text

if TYPE_CHECKING:
    from .acts import RegionActs

CASES = ("nom", "gen", "dat", "acc", "ins", "pre")


def derive(acts: "RegionActs") -> dict:
    """The values of ``[[derived.*]]`` for one region."""
    order = acts.kind_forms("order")
    out: dict = {f"order_kind_{case}": order[case] for case in CASES}
    out["order_kind"] = order["nom"]
    out["operative_word"] = words.OPERATIVE_WORDS.get(acts.acts.get("order", {}).get("kind", words.ORDER_KIND), "")
    out["order_ins"] = own_act(acts, "order", "ins")
    if "regulation" in acts.acts:
        out["regulation_ins"] = own_act(acts, "regulation", "ins")
        out["regulation_nom"] = own_act(acts, "regulation", "nom")
    out.update(coordinator(acts))
    out["legal_basis"] = legal_basis(acts)
    out.update(approves(acts))
    return out


def approves(acts: "RegionActs") -> dict:
    """``approves``: the draft order's clause approving its appendices — «Утвердить прилагаемое
    Положение …» for one, «Утвердить прилагаемые:» and ``approved_list`` («Положение …
    (приложение № 1);», «комплекс мер (дорожную карту) … (приложение № 2).») for several."""
    children = [key for key in acts.acts.get("order", {}).get("appendices", []) if key in acts.acts]
    named = []
    for n, key in enumerate(children, 1):
        forms = acts.kind_forms(key)
        title = acts.acts[key].get("title", "")
        # a title that does not name the kind («о создании …» under the heading ПОЛОЖЕНИЕ) gets it
        title = title_in_case(title, "acc") if title[:1].isupper() else f"{forms['acc']} {title}"
        if forms["nom"][:1].islower() or acts.acts[key].get("kind") in ("комплекс мер", "план мероприятий"):
            title = title[:1].lower() + title[1:]
        named.append((title, forms["gender"], f" ({words.appendix_heading(n).lower()})" if len(children) > 1 else ""))
    if len(named) == 1:
        title, gender, _ = named[0]
        return {"approves": f"Утвердить {words.ATTACHED_ACC[gender]} {title}.", "approved_list": []}
    if not named:
        return {"approves": f"[[{words.MISSING['approved_acts']}]]", "approved_list": []}
    items = [f"{title}{note}" + (";" if i < len(named) - 1 else ".") for i, (title, _g, note) in enumerate(named)]
    return {"approves": "Утвердить прилагаемые:", "approved_list": items}


def requisites_phrase(kind: str, case: str, issuer: str | None, date, number, title: str | None = None) -> str:
    """«распоряжением министерства … от 26.04.2021 № 705-мр «О региональном операторе …»»."""
    forms = words.KIND_FORMS.get(kind)
    parts = [forms[case] if forms else kind]
    if issuer:
        parts.append(issuer)
    parts.append("от " + (format_date(date, False) or f"[[{words.MISSING['date']}]]"))
    parts.append(words.NUMBER_SIGN + (str(number) if number else f"[[{words.MISSING['number']}]]"))
    text = " ".join(parts)
    return f"{text} «{title}»" if title else text


def own_act(acts: "RegionActs", key: str, case: str) -> str:
    """One of the region's acts named in ``case``: the order with its requisites; an act it
    approves by kind and title, «утвержденное приказом … от … № …» (agreeing with the act)."""
    authority = acts.value("authority.cases.gen") or "[[authority.cases.gen]]"
    if key == "order":
        order = acts.acts.get("order", {})
        return requisites_phrase(order.get("kind", words.ORDER_KIND), case, authority, order.get("date"),
                                 order.get("number"))
    act = acts.acts[key]
    forms = acts.kind_forms(key)
    title = sentence_case(title_text(act), acts.data)
    approval = act.get("approved_by")
    approved = (requisites_phrase(approval["kind"], "ins", approval.get("issuer") or authority, approval["date"],
                                  approval["number"]) if approval else own_act(acts, "order", "ins"))
    return f"{forms[case]} {title}, {words.approved_participle(forms['gender'], case)} {approved}"


def coordinator(acts: "RegionActs") -> dict:
    """``coordinator``: the subject that coordinates the network (nominative), and
    ``coordinator_clause``: the sentence saying so, with the act that made it so when the
    profile names it («В соответствии с приказом … координатором … является …»)."""
    entry = acts.data.get("system", {}).get("coordinator")
    system = acts.value("system.abbr") or "[[system.abbr]]"
    name = f"[[{words.MISSING['coordinator']}]]"
    phrase = ""
    if entry:
        subjects = {s["id"]: s for _l, _p, s in iter_subjects(acts.data["system"])}
        name = subjects.get(entry["subject"], {}).get("name", name)
        basis = entry.get("basis") or {}
        if basis.get("act"):
            phrase = own_act(acts, basis["act"], "ins") if basis["act"] != "order" else own_act(acts, "order", "ins")
        elif basis:
            issuer = basis.get("issuer") or acts.value("authority.cases.gen")
            phrase = requisites_phrase(basis["kind"], "ins", issuer, basis["date"], basis["number"],
                                       basis.get("title"))
    sentence = f"координатором сетевого взаимодействия субъектов {system} является {name}."
    clause = f"В соответствии с {phrase} {sentence}" if phrase else sentence[:1].upper() + sentence[1:]
    return {"coordinator": name, "coordinator_clause": clause}


NAMES = ("order_kind", "operative_word", "order_ins", "regulation_ins", "regulation_nom", "coordinator",
         "coordinator_clause", "legal_basis", "approves", "approved_list") + tuple(f"order_kind_{c}" for c in CASES)
"""The names a skeleton may use as ``[[derived.<name>]]`` or ``ref: derived.<name>``."""


def legal_basis(acts: "RegionActs") -> list[str]:
    """The federal acts the region's regulation rests on, in the nominative as the registry
    names them (the model's, when the profile lists none), then the region's regulation;
    each item ends in «;», the last in «.»."""
    registry = {act["id"]: act for act in acts.registry.get("acts", [])}
    entries = acts.data.get("system", {}).get("legal_basis") or acts.model.get("system", {}).get("legal_basis", [])
    ids: list[str] = []
    for entry in entries:
        for act_id in (entry.get("acts", []) if isinstance(entry, dict) else []):
            if act_id in registry and act_id not in ids:
                ids.append(act_id)
    items = [_cited(registry[act_id]) for act_id in ids]
    if "regulation" in acts.acts and not acts.acts["regulation"].get("composed"):
        items.append(own_act(acts, "regulation", "nom"))
    return [text + (";" if i < len(items) - 1 else ".") for i, text in enumerate(items)]


def _cited(act: dict) -> str:
    """A federal act as a legal basis names it: the registry's short form, with the act's
    title in «» when the short form leaves it out."""
    short, title = act["short"], act.get("title") or ""
    if title and title[:1].isupper() and title not in short and "«" not in short:
        return f"{short} «{title}»"
    return short


def sentence_case(title: str, data: dict) -> str:
    """A title set in capitals («О СОЗДАНИИ … ИРКУТСКОЙ ОБЛАСТИ») as a sentence names it: in
    lower case, with the region's name in the profile's capitals."""
    if not title[:12].isupper():
        return title
    text = title.lower()
    names = [data.get("region", {}).get("name", "")] + list(data.get("region", {}).get("cases", {}).values())
    for name in sorted(filter(None, names), key=len, reverse=True):
        text = text.replace(name.lower(), name)
    return text
