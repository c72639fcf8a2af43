"""`rsnms import` as a user runs it: rendered acts give back their profiles, the seed texts give
the profiles' units, acts laid out otherwise (Word numbering, other columns, .odt, .pdf) are
read, an edited act comes back unit by unit, bad input changes nothing."""

from __future__ import annotations

import re
import shutil

import pytest
from rapidfuzz import fuzz
from ruamel.yaml import YAML

from acts_samples import converted, synthetic_act, tracked
from conftest import ROOT, copy_project, run_rsnms
from rsnms.lang.typography import typeset
from rsnms.model.units import iter_leaves, iter_roadmap, iter_subjects

SOURCES = {"omsk": "000_e4389d264fc9d2d5.txt", "orenburg": "001_8f2d06e666759c7b.txt",
           "irkutsk": "003_78658875f6c88a1e.txt", "eao": "004_e695f8a21520c27b.txt"}


def load(path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return " ".join(typeset(text).replace("\u00a0", " ").split())


def _text(unit) -> str:
    if isinstance(unit, str):
        return unit
    return unit.get("text") or f"{unit.get('term')} – {unit.get('definition')}"


def blocks(data: dict) -> dict[str, list[str]]:
    """The units of a profile by block, as texts (written independently of rsnms's walkers' users)."""
    system, out = data["system"], {}
    for key in ("tasks", "principles", "approaches", "mechanisms", "duties", "rights", "legal_basis", "indicators",
                "glossary"):
        if system.get(key):
            out[key] = [_text(u) for u in iter_leaves(system[key])]
    for key in ("subjects", "channels"):
        if system.get("interaction", {}).get(key):
            out[f"interaction.{key}"] = [_text(u) for u in iter_leaves(system["interaction"][key])]
    if system.get("monitoring", {}).get("methods"):
        out["monitoring.methods"] = [_text(u) for u in system["monitoring"]["methods"]]
    if system.get("goal"):
        out["goal"] = [system["goal"]] if isinstance(system["goal"], str) else system["goal"]
    for level, subjects in system.get("subjects", {}).items():
        out[f"subjects.{level}"] = [s.get("heading") or s["name"] for s in subjects]
    functions = [_text(f) for _l, _p, s in iter_subjects(system) for f in iter_leaves(s.get("functions", []))]
    if functions:
        out["functions"] = functions
    if data.get("roadmap"):
        out["roadmap"] = [item["activity"] for _p, item, _d, _g in iter_roadmap(data["roadmap"])]
    return out


def matched(original: list[str], imported: list[str], threshold: float) -> int:
    """Units of ``original`` with a counterpart in ``imported`` (one to one, best pairs first)."""
    scores = sorted(((fuzz.ratio(norm(a), norm(b)) / 100, i, j) for i, a in enumerate(original)
                     for j, b in enumerate(imported)), reverse=True)
    used_a, used_b, count = set(), set(), 0
    for score, i, j in scores:
        if score >= threshold and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            count += 1
    return count


def table(region: str, original: dict, imported: dict, threshold: float) -> list[tuple]:
    rows = []
    a, b = blocks(original), blocks(imported)
    for key in sorted(set(a) | set(b)):
        rows.append((key, len(a.get(key, [])), len(b.get(key, [])), matched(a.get(key, []), b.get(key, []), threshold)))
    print(f"\n{region}: блок | в профиле | импорт | совпало (сходство ≥ {threshold})")
    for row in rows:
        print(" | ".join(map(str, row)))
    return rows


def do_import(root, *args) -> dict:
    result = run_rsnms("import", *args, root=root)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Не отнесено ни к одному полю (unplaced)" in result.stdout and "Единицы по блокам" in result.stdout
    return result
