"""Alignment: which unit of a region's system corresponds to which unit of the federal model.

Subjects are mapped to model roles by name and by what they do (their functions); then,
block by block (tasks, principles, mechanisms, interaction subjects and channels,
indicators, glossary, legal basis, functions), every unit is classified:

* ``kept`` — the region has the model's unit verbatim (up to case, punctuation, ё);
* ``changed`` — the region has it reworded (with the word-level difference);
* ``missing`` — the model's unit has no counterpart in the region;
* ``added`` — the region's unit has no counterpart in the model.

Similarity is Russian-aware: both texts are reduced to lemmas (pymorphy3) and compared
with rapidfuzz; within a block the pairing is one-to-one and optimal (the assignment that
maximizes total similarity, scipy's ``linear_sum_assignment``). A ``model_ref`` in the
profile wins over any computed pairing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lang import words
from ..model.units import is_group, iter_leaves, iter_subjects
from .similarity import normalized, similarity, word_diff

# blocks of units compared one to one (functions are compared across all subjects)
BLOCKS = ("tasks", "principles", "mechanisms", "interaction.subjects", "interaction.channels", "indicators",
          "glossary", "legal_basis")
# Calibrated on the hand-labelled alignments in tests/data/gold/: a function pairs with a
# function of its subject's role from similarity 0.6, with another role's only from 0.8.
THRESHOLD = {"functions": 0.8, "subjects": 0.5, "subject_functions": 0.6, "default": 0.5}
SAME_ROLE_BONUS = 0.2
SAME_LEVEL_BONUS = 0.03


@dataclass(frozen=True)
class Unit:
    id: str
    text: str
    owner: str = ""          # subject id (functions) or ""
    model_ref: str = ""


@dataclass
class Pair:
    block: str
    model: Unit | None
    region: Unit | None
    status: str
    score: float = 0.0
    diff: list[tuple[str, str]] = field(default_factory=list)   # ("=", "-", "+", words)

    def to_json(self) -> dict:
        return {"block": self.block, "status": self.status, "score": round(self.score, 3),
                "model": self.model.__dict__ if self.model else None,
                "region": self.region.__dict__ if self.region else None,
                "diff": [list(op) for op in self.diff]}


@dataclass
class Alignment:
    region: str
    subjects: dict[str, str]          # region subject id → model role id
    pairs: list[Pair]

    def coverage(self) -> dict[str, dict]:
        """Per block: model units, kept, changed, missing, added and the share of the model covered."""
        out: dict[str, dict] = {}
        for pair in self.pairs:
            entry = out.setdefault(pair.block, {"kept": 0, "changed": 0, "missing": 0, "added": 0})
            entry[pair.status] += 1
        total = {"kept": 0, "changed": 0, "missing": 0, "added": 0}
        for entry in out.values():
            for key in total:
                total[key] += entry[key]
        out[words.TOTAL] = total
        for entry in out.values():
            model_units = entry["kept"] + entry["changed"] + entry["missing"]
            entry["model"] = model_units
            entry["coverage"] = round((entry["kept"] + entry["changed"]) / model_units, 3) if model_units else None
        return out

    def links(self, block_prefix: str) -> dict[str, str | None]:
        """region unit id → model unit id (or None) for the blocks starting with ``block_prefix``."""
        return {p.region.id: (p.model.id if p.model else None) for p in self.pairs
                if p.region and p.block.startswith(block_prefix)}

    def to_json(self) -> dict:
        return {"region": self.region, "subjects": self.subjects, "coverage": self.coverage(),
                "pairs": [p.to_json() for p in self.pairs]}


# --- units --------------------------------------------------------------------------------

def _text(entry) -> str:
    if isinstance(entry, str):
        return entry
    if "term" in entry:
        return f"{entry['term']} – {entry['definition']}"
    return entry.get("text", "")


def block_units(system: dict, block: str) -> list[Unit]:
    node = system
    for key in block.split("."):
        node = node.get(key, {}) if isinstance(node, dict) else {}
    if not isinstance(node, list):
        return []
    return [Unit(e["id"], _text(e), model_ref=e.get("model_ref", "")) for e in iter_leaves(node)
            if isinstance(e, dict)]


def function_units(system: dict) -> list[Unit]:
    out = []
    for _level, _path, subject in iter_subjects(system):
        for f in iter_leaves(subject.get("functions", [])):
            if isinstance(f, dict):
                out.append(Unit(f["id"], f.get("text", ""), owner=subject["id"], model_ref=f.get("model_ref", "")))
    return out


# --- pairing ------------------------------------------------------------------------------

def assign(model: list[Unit], region: list[Unit], score, threshold: float) -> list[tuple[int, int, float]]:
    """Optimal one-to-one pairs (model index, region index, score) with score ≥ threshold;
    explicit ``model_ref`` links are fixed first."""
    from scipy.optimize import linear_sum_assignment
    import numpy as np

    fixed, used_m, used_r = [], set(), set()
    index = {u.id: i for i, u in enumerate(model)}
    for j, unit in enumerate(region):
        if unit.model_ref and unit.model_ref in index and index[unit.model_ref] not in used_m:
            i = index[unit.model_ref]
            fixed.append((i, j, 1.0))
            used_m.add(i)
            used_r.add(j)
    rest_m = [i for i in range(len(model)) if i not in used_m]
    rest_r = [j for j in range(len(region)) if j not in used_r]
    if not rest_m or not rest_r:
        return fixed
    matrix = np.array([[score(model[i], region[j]) for j in rest_r] for i in rest_m])
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    pairs = [(rest_m[r], rest_r[c], float(matrix[r, c])) for r, c in zip(rows, cols) if matrix[r, c] >= threshold]
    return fixed + pairs


def classify(block: str, model: list[Unit], region: list[Unit], pairs) -> list[Pair]:
    out = []
    matched_m = {i for i, _j, _s in pairs}
    matched_r = {j for _i, j, _s in pairs}
    for i, j, s in sorted(pairs):
        m, r = model[i], region[j]
        same = normalized(m.text) == normalized(r.text)
        out.append(Pair(block, m, r, "kept" if same else "changed", s, [] if same else word_diff(m.text, r.text)))
    out += [Pair(block, m, None, "missing") for i, m in enumerate(model) if i not in matched_m]
    out += [Pair(block, None, r, "added") for j, r in enumerate(region) if j not in matched_r]
    return out


def match_subjects(model_system: dict, region_system: dict, authority: str = "") -> dict[str, str]:
    """region subject id → model role id, by name and by what the subject does (its functions)."""
    roles = [s for _l, _p, s in iter_subjects(model_system)]
    subjects = [s for _l, _p, s in iter_subjects(region_system)]
    level = {s["id"]: lvl for lvl, _p, s in iter_subjects(model_system)}
    region_level = {s["id"]: lvl for lvl, _p, s in iter_subjects(region_system)}

    def name_of(s: dict) -> str:
        return " ".join(x for x in (s.get("name"), s.get("short"), s.get("heading")) if x)

    def functions_of(s: dict) -> list[str]:
        return [_text(f) for f in iter_leaves(s.get("functions", [])) if not is_group(f)]

    def score(role: dict, subject: dict) -> float:
        """By name and by what it does; a subject with functions must do what the role does."""
        name = similarity(name_of(role), name_of(subject))
        rf, sf = functions_of(role), functions_of(subject)
        if not sf:
            return name
        does = sum(max((similarity(a, b) for a in rf), default=0.0) for b in sf) / len(sf)
        return 0.45 * name + 0.55 * does if does >= THRESHOLD["subject_functions"] else 0.0

    role_by_id = {r["id"]: r for r in roles}
    out: dict[str, str] = {}
    for s in subjects:
        # a role may be shared by several bodies of a region, so each subject takes its best role
        if s.get("model_ref"):
            out[s["id"]] = s["model_ref"]
        elif s["id"] in role_by_id:
            out[s["id"]] = s["id"]
        elif authority and normalized(s.get("name", "")) == normalized(authority):
            out[s["id"]] = "roiv"   # the body that issues the acts is the model's executive authority
        else:
            # a body of the region plays a role of its own level (regional, municipal, institutional)
            best = max(((score(r, s), r["id"]) for r in roles if level[r["id"]] == region_level[s["id"]]),
                       default=(0.0, ""))
            if best[0] >= THRESHOLD["subjects"]:
                out[s["id"]] = best[1]
    return out


def align(region: dict, model: dict) -> Alignment:
    rs, ms = region["system"], model["system"]
    subjects = match_subjects(ms, rs, region.get("authority", {}).get("name", ""))
    pairs: list[Pair] = []
    for block in BLOCKS:
        m, r = block_units(ms, block), block_units(rs, block)
        if not m and not r:
            continue
        found = assign(m, r, lambda a, b: similarity(a.text, b.text), THRESHOLD["default"])
        pairs += classify(block, m, r, found)
    mf, rf = function_units(ms), function_units(rs)

    model_level = {s["id"]: lvl for lvl, _p, s in iter_subjects(ms)}
    region_level = {s["id"]: lvl for lvl, _p, s in iter_subjects(rs)}

    def function_score(a: Unit, b: Unit) -> float:
        bonus = SAME_ROLE_BONUS if subjects.get(b.owner) == a.owner else 0.0
        if model_level.get(a.owner) == region_level.get(b.owner):
            bonus += SAME_LEVEL_BONUS   # breaks ties between equal texts of different levels
        return similarity(a.text, b.text) + bonus

    found = assign(mf, rf, function_score, THRESHOLD["functions"])
    pairs += classify("functions", mf, rf, found)
    return Alignment(region["id"], subjects, pairs)


def block_title(block: str) -> str:
    return words.BLOCK_TITLES.get(block, block)
