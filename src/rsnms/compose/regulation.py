"""Acts made of an outline of sections and clauses — the regulation (положение) and the
network-interaction regulation (регламент) — with their annexes (tables, glossary)."""

from __future__ import annotations

from ..lang import words
from ..model.document import ANNEX, PARA, Document, Rich
from .acts import RegionActs
from .outline import Body
from .stamps import head
from .tables import table_for


def compose_outline_act(acts: RegionActs, key: str) -> Document:
    w = acts.writer(key)
    act = acts.acts[key]
    parts = head(acts, key, w)
    # a draft the region has not written takes the data it lacks from the model
    fallback = acts.model if act.get("composed") and not acts.is_model else None
    body = Body(w, acts.data, act, fallback=fallback)
    body.outline(act.get("outline", []))
    annexes = act.get("annexes", [])
    for i, annex in enumerate(annexes, 1):
        number = i if len(annexes) > 1 else None
        stamp = w(words.annex_stamp(number, acts.kind_forms(key)["dat"])) if annex.get("stamp", True) else Rich()
        body.emit(ANNEX, w(annex["title"]), anchor=f"annex-{i}", stamp=stamp)
        value = body.ref(annex["ref"])
        if value is None:
            body.missing(annex["ref"])
        elif annex["ref"] == "system.glossary":
            for k, entry in enumerate(value, 1):
                body.emit(PARA, w(entry["term"]) + w(" – ") + w(entry["definition"]),
                          anchor=f"annex-{i}-t{k}", unit=entry.get("id", ""))
        else:
            table_for(body, annex["ref"], value, annex.get("columns"))
    return acts.document(key, w, body=body.blocks, **parts)
