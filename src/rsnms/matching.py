"""Which model subject (role) and which model function each region's subject and function
corresponds to.

A profile may say it outright (``model_ref``); otherwise the link is found: a subject
by its id or abbreviation (``cnppm``, ``ЦНППМ``) or, failing that, by the similarity of
its name to the role's; a function by the similarity of its text to the functions of
the matched role (rapidfuzz ``token_set_ratio`` on lemma-free lower-case text).
Found links are marked as found, so the handbook can say which are certain.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .profile import iter_leaves, iter_subjects

ROLE_ALIASES = {"ministry": "roiv", "roiv": "roiv", "moiv": "roiv"}
NAME_THRESHOLD = 72
FUNCTION_THRESHOLD = 62


@dataclass(frozen=True)
class Link:
    region_unit: str     # id in the profile
    model_unit: str      # id in the model
    score: float         # 100 for a stated link
    stated: bool


def _text(unit) -> str:
    return (unit if isinstance(unit, str) else unit.get("text", "")).lower().replace("ё", "е")


def match_subjects(region: dict, model: dict) -> list[Link]:
    roles = {s["id"]: s for _l, _p, s in iter_subjects(model["system"])}
    links = []
    for _level, _path, subject in iter_subjects(region["system"]):
        if subject.get("model_ref"):
            links.append(Link(subject["id"], subject["model_ref"], 100.0, True))
            continue
        role = ROLE_ALIASES.get(subject["id"], subject["id"])
        if role in roles:
            links.append(Link(subject["id"], role, 100.0, False))
            continue
        name = (subject.get("name") or "").lower()
        best = max(((fuzz.token_set_ratio(name, r["name"].lower()), rid) for rid, r in roles.items()),
                   default=(0, ""))
        if best[0] >= NAME_THRESHOLD:
            links.append(Link(subject["id"], best[1], float(best[0]), False))
    return links


def match_functions(region: dict, model: dict, subjects: list[Link]) -> list[Link]:
    roles = {s["id"]: s for _l, _p, s in iter_subjects(model["system"])}
    by_subject = {s["id"]: s for _l, _p, s in iter_subjects(region["system"])}
    links = []
    for subject_link in subjects:
        subject = by_subject[subject_link.region_unit]
        model_functions = [f for f in iter_leaves(roles[subject_link.model_unit].get("functions", []))]
        for function in iter_leaves(subject.get("functions", [])):
            if isinstance(function, dict) and function.get("model_ref"):
                links.append(Link(function["id"], function["model_ref"], 100.0, True))
                continue
            scored = [(fuzz.token_set_ratio(_text(function), _text(mf)), mf["id"]) for mf in model_functions]
            best = max(scored, default=(0, ""))
            if best[0] >= FUNCTION_THRESHOLD:
                links.append(Link(function["id"], best[1], float(best[0]), False))
    return links
