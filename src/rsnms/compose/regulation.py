"""Acts made of an outline of sections and clauses — the regulation (положение) and the
network-interaction regulation (регламент) — with their annexes (tables, glossary)."""

from __future__ import annotations

from ..lang import words
from ..model.document import ANNEX, PARA, Document, Rich
from .acts import RegionActs
from .outline import Body
from .stamps import head, title_text
from .tables import table_for


def compose_outline_act(acts: RegionActs, key: str) -> Document:
    w = acts.writer(key)
    act = acts.acts[key]
    parts = head(acts, key, w)
    # a draft the region has not written takes the data it lacks from the model
    fallback = acts.model if act.get("composed") and not acts.is_model else None
    body = Body(w, acts.data, act, fallback=fallback)
    body.outline(_with_abbreviations(act.get("outline", []), acts.fixes.get(key), acts.kind_forms(key)))
    annexes = act.get("annexes", [])
    for i, annex in enumerate(annexes, 1):
        stamp = _annex_stamp(acts, key, acts.annex_number(key, i), w) if annex.get("stamp", True) else Rich()
        body.emit(ANNEX, w(annex["title"]), anchor=f"annex-{i}", stamp=stamp)
        value = body.ref(annex["ref"])
        if value is None:
            body.missing(annex["ref"])
        elif annex["ref"] == "system.glossary":
            for k, entry in enumerate(value, 1):
                body.emit(PARA, w(entry["term"]) + w(" – ") + w(entry["definition"]),
                          anchor=f"annex-{i}-t{k}", unit=entry.get("id", ""))
        else:
            table_for(body, annex["ref"], value, annex.get("columns"), annex.get("numbered", True))
    return acts.document(key, w, body=body.blocks, **parts)


def _with_abbreviations(outline: list[dict], fixes, kind_forms: dict) -> list[dict]:
    """The outline with the draft's list of abbreviations after the first clause of its first
    section (see :mod:`.abbreviations`)."""
    if not fixes or not fixes.listed or not outline:
        return outline
    first = dict(outline[0])
    clauses = list(first.get("clauses", []))
    clauses.insert(min(1, len(clauses)), {"text": words.abbreviations_clause(kind_forms), "items": fixes.items()})
    first["clauses"] = clauses
    return [first] + list(outline[1:])


def _annex_stamp(acts: RegionActs, key: str, number: int | None, w) -> Rich:
    """«Приложение 2 к Положению», or in full — «Приложение № 1 / к примерному положению о …»,
    as an appendix act's stamp — when the act says ``annex_stamp: full``."""
    act = acts.acts[key]
    if act.get("annex_stamp") == "full":
        return Rich.lines([w(words.appendix_heading(number)),
                           w(f"к {acts.kind_forms(key)['dat']} ") + w(title_text(act))])
    return w(words.annex_stamp(number, acts.kind_forms(key)["dat"]))
