"""``rsnms new``: a profile for a new region, pre-filled from the federal model.

Content comes from the model regulation (every unit linked back by ``model_ref``);
the region's name is put in its case forms, suggested by pymorphy3 and marked for a
person to check; facts the model cannot know (the authority, dates, numbers,
deadlines, the head's name) stay as ``[[…]]`` placeholders, which the validator
lists as warnings until they are filled in.
"""

from __future__ import annotations

import copy
import re

from .checks import PLACEHOLDER
from .profile import Profile, iter_roadmap, iter_subjects

CASES = {"gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "pre": "loct"}
AUTHORITY = ("наименование органа исполнительной власти субъекта Российской Федерации, "
             "осуществляющего государственное управление в сфере образования")


def inflect_phrase(phrase: str, case: str) -> str:
    """Inflect the words of a name up to its head noun («Тверская область» → «Тверской области»).

    Words after the head noun («образования», «(Якутия)») keep their form. A suggestion
    only: official names have forms no rule derives.
    """
    import pymorphy3

    morph = _morph(pymorphy3)
    words = phrase.split(" ")
    chosen = []  # (index, parse) of the words up to and including the head noun
    for index, word in enumerate(words):
        if not re.fullmatch(r"[А-Яа-яЁё-]+", word):
            continue
        parses = [p for p in morph.parse(word) if "nomn" in p.tag]
        if not parses:
            continue
        # an adjective reading first («Тверская» is also a surname, a noun)
        parse = next((p for p in parses if p.tag.POS == "ADJF"), parses[0])
        chosen.append((index, parse))
        if parse.tag.POS == "NOUN":
            break
    head = chosen[-1][1] if chosen and chosen[-1][1].tag.POS == "NOUN" else None
    out = list(words)
    for index, parse in chosen:
        target = {CASES[case]}
        if case == "acc" and parse.tag.POS == "ADJF" and head is not None and \
                (head.tag.gender == "masc" or head.tag.number == "plur"):
            target.add(head.tag.animacy or "inan")
        form = parse.inflect(target)
        if form:
            out[index] = _same_case(words[index], form.word)
    return " ".join(out)


_MORPH = None


def _morph(module):
    global _MORPH
    if _MORPH is None:
        _MORPH = module.MorphAnalyzer()
    return _MORPH


def _same_case(original: str, new: str) -> str:
    """Restore the capitals of the original, part by part («Ханты-Мансийский»)."""
    old_parts, new_parts = original.split("-"), new.split("-")
    if len(old_parts) != len(new_parts):
        old_parts, new_parts = [original], [new]
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for o, n in zip(old_parts, new_parts))


def _fill(value, mapping: dict):
    """Replace ``[[path]]`` placeholders whose path is known; keep the others."""
    if isinstance(value, str):
        return PLACEHOLDER.sub(lambda m: mapping.get(m.group(1).strip(), m.group(0)), value)
    if isinstance(value, list):
        return [_fill(v, mapping) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, mapping) for k, v in value.items()}
    return value


def _link_units(items: list) -> list:
    """Model units → region units linked by ``model_ref`` (their ids are derived again)."""
    out = []
    for entry in items:
        entry = dict(entry)
        if "group" in entry:
            entry.pop("id", None)
            entry["items"] = _link_units(entry["items"])
        else:
            entry["model_ref"] = entry.pop("id")
            if "items" in entry:
                entry["items"] = [{"text": sub["text"]} for sub in entry["items"]]
        out.append(entry)
    return out


def scaffold(region_id: str, name: str, model: Profile, *, authority: str | None = None,
             kind: str = "приказ") -> dict:
    """The data of a new profile (plain dict, ready to be written as YAML)."""
    cases = {case: inflect_phrase(name, case) for case in CASES}
    if authority:
        authority_block = {"name": authority,
                           "cases": {case: inflect_phrase(authority, case) for case in CASES}}
    else:
        authority_block = {"name": f"[[{AUTHORITY}]]",
                           "cases": {case: f"[[{AUTHORITY} — {label}]]" for case, label in
                                     (("gen", "родительный падеж"), ("dat", "дательный падеж"),
                                      ("acc", "винительный падеж"), ("ins", "творительный падеж"),
                                      ("pre", "предложный падеж"))}}
    authority_block["short"] = model.raw["authority"].get("short", "РОИВ")
    authority_block["head"] = {"position": "[[должность руководителя]]", "name": "[[И.О. Фамилия]]"}
    mapping = {"region.name": name, **{f"region.cases.{c}": v for c, v in cases.items()}}
    if authority:
        mapping["authority.name"] = authority

    system = copy.deepcopy(model.data["system"])
    if "[[region.cases.gen]]" not in system["name"]:
        system["name"] += " [[region.cases.gen]]"  # the region's own system
    for key in ("tasks", "principles", "approaches", "mechanisms", "duties", "rights", "legal_basis"):
        if key in system:
            system[key] = _link_units(system[key])
    for key in ("subjects", "channels"):
        if key in system.get("interaction", {}):
            system["interaction"][key] = _link_units(system["interaction"][key])
    if "methods" in system.get("monitoring", {}):
        system["monitoring"]["methods"] = _link_units(system["monitoring"]["methods"])
    if "glossary" in system:
        system["glossary"] = [dict({k: v for k, v in e.items() if k != "id"}, model_ref=e["id"])
                              for e in system["glossary"]]
    if "indicators" in system:
        system["indicators"] = [dict({k: v for k, v in e.items() if k != "id"}, model_ref=e["id"])
                                for e in system["indicators"] if "group" not in e]
    for _level, _path, subject in iter_subjects(system):
        subject["model_ref"] = subject["id"]
        if "functions" in subject:
            subject["functions"] = _link_units(subject["functions"])

    roadmap = copy.deepcopy(model.raw.get("roadmap", {"directions": []}))
    for _p, item, _d, _g in iter_roadmap(roadmap):
        item["model_ref"] = item.pop("id")
        item["deadline"] = "[[срок исполнения]]"
        item.pop("period", None)

    regulation = copy.deepcopy(model.raw["acts"]["regulation"])
    regulation.update(status="draft", heading="ПОЛОЖЕНИЕ", stamp="утвержден")
    regulation.pop("appendices", None)
    roadmap_act = copy.deepcopy(model.raw["acts"]["roadmap"])
    roadmap_act.update(status="draft", stamp="утвержден")
    system_name = system["name"]
    order = {
        "status": "draft",
        "kind": kind,
        "place": "[[место издания]]",
        "title": f"Об утверждении Положения о создании и функционировании {_genitive_system(system_name)} "
                 "и Комплекса мер («дорожной карты»)",
        "operative_word": "приказываю" if kind == "приказ" else "обязываю",
        "clauses": [
            {"text": f"Утвердить прилагаемое Положение о создании и функционировании "
                     f"{_genitive_system(system_name)}."},
            {"text": "Утвердить прилагаемый Комплекс мер («дорожную карту») по созданию и функционированию "
                     f"{_genitive_system(system_name)}."},
            {"text": f"Контроль за исполнением настоящего {'приказа' if kind == 'приказ' else 'распоряжения'} "
                     "оставляю за собой."},
        ],
        "signatory": {"position": "[[должность руководителя]]", "name": "[[И.О. Фамилия]]"},
        "appendices": ["regulation", "roadmap"],
    }
    data = {
        "id": region_id,
        "region": {"name": name, "cases": cases},
        "authority": authority_block,
        "abbreviations": copy.deepcopy(model.raw.get("abbreviations", [])),
        "system": system,
        "roadmap": roadmap,
        "acts": {"order": order, "regulation": regulation, "roadmap": roadmap_act},
    }
    return _fill(data, mapping)


def _genitive_system(name: str) -> str:
    """«региональная система … [[region.cases.gen]]» → «региональной системы …» (fixed phrase)."""
    return re.sub(r"^региональная система", "региональной системы", name)
