"""Assembling an imported profile: region and authority, the system's name, subjects' ids,
abbreviations introduced with «(далее – …)», the roadmap's rows with their executors."""

from __future__ import annotations

import re
from pathlib import Path

from ..lang.cases import CASES, inflect_phrase
from ..lang.morph import best_parse
from ..readers.acts import Para, Source
from ..readers.acts.names import introduced, split_executors, subject_id
from . import federal_subjects
from .units import iter_roadmap, iter_subjects

SYSTEM_NAME = re.compile(r"региональн\w+\s+систем\w+\s+научно-\s?методического\s+сопровождения\s+педагогических\s+"
                         r"работников\s+и\s+управленческих\s+кадров", re.I)
DEFAULT_SYSTEM = "региональная система научно-методического сопровождения педагогических работников и управленческих кадров"
AUTHORITY = re.compile(r"(министерств\w*|департамент\w*|комитет\w*|управлени\w*|агентств\w*)\s+(?:общего\s+и\s+"
                       r"профессионального\s+)?образовани\w*(?:\s+и\s+науки)?\s+(.+?)(?=\s+от\s|$)", re.I)


def texts(source: Source) -> list[str]:
    out = []
    for block in source.blocks:
        if isinstance(block, Para):
            out.append(block.text)
        else:
            out += [c for r in block.rows for c in r.cells if c]
    return out


def nominative(phrase: str) -> str:
    """«департамента образования …» → «департамент образования …» (the first word only)."""
    first, _, rest = phrase.partition(" ")
    parse = best_parse(first.lower())
    form = parse.inflect({"nomn"})
    word = form.word if form else first.lower()
    return f"{word} {rest}".strip()


def region_and_authority(subjects_file: Path, issuer: str, name: str | None, all_text: list[str],
                         place: str | None) -> tuple[dict, dict]:
    """The region (its case forms from the federal subjects) and the authority that issues the acts."""
    known = federal_subjects.by_name(subjects_file, name) if name else None
    if known is None and not name:
        for text in [issuer] + all_text[:80]:
            known = federal_subjects.named_in(subjects_file, text) if text else None
            if known:
                break
    region: dict = {"name": known.name if known else (name or "[[наименование субъекта РФ]]")}
    region["cases"] = dict(known.cases) if known else {
        c: (inflect_phrase(name, c) if name else f"[[наименование субъекта РФ — {c}]]") for c in CASES}
    if place:
        region["center"] = place
    authority_name = _authority_name(issuer, all_text, region)
    authority = {"name": authority_name,
                 "cases": {c: inflect_phrase(authority_name, c) for c in CASES}
                 if "[[" not in authority_name else {c: f"[[{authority_name} — {c}]]" for c in CASES}}
    return region, authority


def _authority_name(issuer: str, all_text: list[str], region: dict) -> str:
    if issuer:
        text = " ".join(issuer.split())
        if text.isupper():
            text = text.lower()
            for form in (region["name"], *region["cases"].values()):
                text = text.replace(form.lower(), form)
            text = text[:1].upper() + text[1:]
        return text
    for text in all_text[:40]:
        m = AUTHORITY.search(text)
        if m and re.search(r"приказом|распоряжением", text, re.I):
            return nominative(m.group(0).strip(" ,."))
    return "[[наименование органа управления образованием]]"


def system_identity(all_text: list[str], region: dict) -> tuple[str, str]:
    """The system's name (nominative, with the region when the act names it so) and abbreviation."""
    abbr = None
    for text in all_text:
        for full, short, _s, _e in introduced(text):
            if re.fullmatch(r"Р\s?С\s?Н\s?М\s?С|РСНМС|РС НМС|Система", short) and not abbr:
                abbr = short
    name = DEFAULT_SYSTEM
    gen = region["cases"].get("gen", "")
    if gen and any(SYSTEM_NAME.search(t) and gen in t[SYSTEM_NAME.search(t).end():][:len(gen) + 3]
                   for t in all_text[:60]):
        name = f"{DEFAULT_SYSTEM} {gen}"
    return name, abbr or "РСНМС"


def abbreviations(all_text: list[str]) -> list[dict]:
    """Every «(далее – X)» once: its full form as the act gives it at the first mention."""
    out: dict[str, dict] = {}
    for text in all_text:
        for full, abbr, _start, _end in introduced(text):
            if abbr and full and abbr not in out and len(abbr) <= 80:
                out[abbr] = {"abbr": abbr, "full": full}
    return list(out.values())


def assign_ids(system: dict) -> None:
    taken: set[str] = set()
    for _level, _path, subject in iter_subjects(system):
        subject_keys = dict(subject)
        subject.clear()
        subject["id"] = subject_id(subject_keys, taken)
        subject.update(subject_keys)


def link_abbreviations(abbrs: list[dict], system: dict) -> None:
    """An abbreviation that is a subject's short name refers to that subject."""
    shorts = {s.get("short"): s["id"] for _l, _p, s in iter_subjects(system) if s.get("short")}
    for entry in abbrs:
        if entry["abbr"] in shorts:
            entry["refers_to"] = shorts[entry["abbr"]]


def roadmap_rows(found, abbrs: list[dict], system: dict) -> dict:
    """The roadmap's directions with executors as lists; executors introduced in a cell
    («органы … (далее – ОМС) (по согласованию)») become abbreviations; unknown ones too,
    with their full form left to fill in."""
    known = {a["abbr"] for a in abbrs} | {s["id"] for _l, _p, s in iter_subjects(system)} \
        | {s.get("short") for _l, _p, s in iter_subjects(system) if s.get("short")}
    by_abbr = {a["abbr"]: a for a in abbrs}
    directions = []
    for direction in found.directions:
        directions.append({k: v for k, v in direction.items() if v or k in ("items",)})
    roadmap = {"directions": [d for d in directions if d.get("items") or d.get("groups")] or [{"items": []}]}
    for _path, item, _d, _g in iter_roadmap(roadmap):
        item.pop("_line", None)
        item.pop("_num", None)
        for key in ("responsible", "co_executors"):
            if key not in item:
                continue
            names, cell = [], item[key]
            for full, abbr, start, end in reversed(introduced(cell)):
                if full and abbr not in by_abbr:
                    by_abbr[abbr] = {"abbr": abbr, "full": full, "introduce_in_roadmap": True}
                    abbrs.append(by_abbr[abbr])
                if full:
                    cell = cell[:start] + abbr + cell[end:]
            for name in split_executors(cell):
                base = re.sub(r"\s*\([^()]*\)\s*$", "", name).strip()
                if base and base not in known and key == "responsible" and base not in by_abbr:
                    by_abbr[base] = {"abbr": base, "full": f"[[полное наименование: {base}]]"}
                    abbrs.append(by_abbr[base])
                names.append(name)
            item[key] = names
    for direction in roadmap["directions"]:
        if not direction.get("items"):
            direction.pop("items", None)
        if not direction.get("title"):
            direction.pop("title", None)
    return roadmap


def roadmap_period(title: str, order_date: str | None) -> dict | None:
    """The roadmap's period from its title: «на 2022 год», «на 2023–2024 годы», «до 2024 года»."""
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", title)]
    if not years:
        return None
    if re.search(r"\bдо\s+20\d\d", title) and order_date and len(years) == 1:
        return {"start": f"{order_date[:4]}-01-01", "end": f"{years[0]}-12-31"}
    return {"start": f"{min(years)}-01-01", "end": f"{max(years)}-12-31"}
