"""Alignment: which unit of a region's system corresponds to which unit of the federal model.

Subjects are mapped to the model's roles first (:mod:`.roles`); then, block by block (tasks,
principles, mechanisms, the subjects and channels of interaction, indicators, the sources of
monitoring data, the glossary, the legal basis, the functions of subjects), units are linked
and every link and unit is classified:

* ``kept`` — the region has the model's unit verbatim (up to case, punctuation, ё);
* ``changed`` — reworded; *editorial* when only the wording changed (the same content words,
  up to word forms, order and the region's own names), else a change of substance;
* ``missing`` — the model's unit has no counterpart in the region;
* ``added`` — the region's unit has no counterpart in the model.

How units are linked (:mod:`.similarity` scores two texts):

1. the profile decides first: a unit's ``model_ref`` links it (``none``: to nothing); a link
   the texts do not bear out (score under :data:`THRESHOLD`) is kept but flagged;
2. one to one: the assignment that maximizes the total score, links from :data:`THRESHOLD`;
   a function of the subject that plays the model function's role gets :data:`SAME_ROLE`
   more, so a function of another subject needs that much more to be linked;
3. one to many: a unit left over whose best counterpart is already linked is linked to it too
   when the score clears the threshold (the region split the unit, or two of its bodies share
   the duty); a model unit left over whose text a region unit holds (:data:`MERGED` of its
   weight) is linked to it (the region merged units). For functions only within one role.

Glossary entries are matched by the defined term first: a definition counts only when the
terms are alike (:data:`TERM`). Entries of the legal basis that cite federal acts of the
registry are linked when they cite the same act, never when they cite different ones.

Every link keeps its score as its confidence; under :data:`CONFIDENT` it is «проверить».
A unit the region added (left unlinked) whose closest model unit scores from :data:`SUGGEST`
carries that unit as a *candidate*: a region may have reworded a unit of
the model past what words can show, and only its official can say so (in the profile).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..lang import words
from ..model.units import iter_leaves, iter_subjects
from .roles import NO_ROLE, Role, match_subjects
from .scope import EVERYTHING, SUBSTANTIVE, Scope
from .similarity import Vocabulary, normalized, word_diff

FUNCTIONS = "functions"
# in the order of the model regulation
BLOCKS = ("legal_basis", "tasks", "principles", "approaches", FUNCTIONS, "mechanisms", "interaction.subjects",
          "interaction.channels", "duties", "rights", "indicators", "monitoring.methods", "glossary")
THRESHOLD = 0.45     # a link from this score
CONFIDENT = 0.6      # under it a link is shown as «проверить»
SAME_ROLE = 0.2      # functions: what the subject playing the role gets over others
MERGED = 0.75        # a model unit whose text a region unit holds this much of is merged into it
TERM = 0.5           # glossary: terms this alike before definitions count
SUGGEST = 0.3        # an added unit's closest model unit from this score is shown as a candidate


@dataclass(frozen=True)
class Unit:
    id: str
    text: str
    owner: str = ""          # functions: the subject (role) id
    model_ref: str = ""
    term: str = ""           # glossary: the defined term
    definition: str = ""
    acts: tuple[str, ...] = ()   # legal basis: the federal acts cited


@dataclass
class Pair:
    block: str
    model: Unit | None
    region: Unit | None
    status: str                      # kept, changed, missing, added
    score: float = 0.0               # the link's confidence (the similarity of the texts)
    diff: list[tuple[str, str]] = field(default_factory=list)   # ("=", "-", "+", words)
    link: str = ""                   # one, split (a model unit in several), merge (several in one)
    source: str = ""                 # text (found) or profile (model_ref)
    editorial: bool = False          # changed in wording only
    note: str = ""                   # why it needs a decision
    candidate: Unit | None = None    # added: the closest model unit (not linked to it)
    candidate_score: float = 0.0

    @property
    def confident(self) -> bool:
        return self.score >= CONFIDENT and not self.note

    def to_json(self) -> dict:
        return {"block": self.block, "status": self.status, "score": round(self.score, 3), "link": self.link,
                "source": self.source, "editorial": self.editorial, "note": self.note,
                "model": self.model.__dict__ if self.model else None,
                "region": self.region.__dict__ if self.region else None,
                "diff": [list(op) for op in self.diff],
                "candidate": self.candidate.__dict__ if self.candidate else None,
                "candidate_score": round(self.candidate_score, 3)}


@dataclass
class Alignment:
    region: str
    roles: dict[str, Role]           # region subject id → its role (or none) and the confidence
    pairs: list[Pair]
    scope: Scope = EVERYTHING
    blocks: tuple[str, ...] = ()     # the blocks compared, in order
    not_applicable: tuple[str, ...] = ()   # blocks of the model the acts compared do not have

    @property
    def subjects(self) -> dict[str, str]:
        """Region subject id → model role id, for the subjects that play one."""
        return {sid: r.role for sid, r in self.roles.items() if r.role}

    @property
    def warnings(self) -> list[str]:
        return [p.note for p in self.pairs if p.note]

    def coverage(self) -> dict[str, dict]:
        """Per block: model units, kept, changed (of which editorial), missing, added, links to
        check, the share of the model covered (None: not in the acts compared), and the total
        over the substantive blocks (:data:`.scope.SUBSTANTIVE`)."""
        out = {block: _coverage([p for p in self.pairs if p.block == block], block in self.blocks)
               for block in BLOCKS if block in self.blocks or block in self.not_applicable}
        total = _coverage([p for p in self.pairs if p.block in SUBSTANTIVE], True)
        total["blocks"] = [b for b in SUBSTANTIVE if b in out and out[b]["applicable"] and out[b]["model"]]
        out[words.TOTAL] = total
        return out

    def links(self, block_prefix: str) -> dict[str, str | None]:
        """region unit id → model unit id (or None) for the blocks starting with ``block_prefix``."""
        return {p.region.id: (p.model.id if p.model else None) for p in self.pairs
                if p.region and p.block.startswith(block_prefix)}

    def to_json(self) -> dict:
        return {"region": self.region, "subjects": self.subjects,
                "roles": {sid: {"role": r.role, "score": round(r.score, 3), "reason": r.reason}
                          for sid, r in self.roles.items()},
                "compared_acts": list(self.scope.acts), "coverage": self.coverage(),
                "pairs": [p.to_json() for p in self.pairs]}


def _coverage(pairs: list[Pair], applicable: bool) -> dict:
    models: dict[str, set[str]] = {}
    for p in pairs:
        if p.model is not None:
            models.setdefault(p.model.id, set()).add(p.status if p.status != "changed" or not p.editorial
                                                     else "editorial")
    entry = {"kept": 0, "changed": 0, "editorial": 0, "missing": 0, "applicable": applicable,
             "added": sum(1 for p in pairs if p.status == "added"),
             "check": sum(1 for p in pairs if p.model and p.region and not p.confident)}
    for statuses in models.values():
        status = next(s for s in ("kept", "editorial", "changed", "missing") if s in statuses)
        entry["changed" if status == "editorial" else status] += 1
        entry["editorial"] += status == "editorial"
    entry["model"] = len(models)
    entry["coverage"] = (round((entry["kept"] + entry["changed"]) / len(models), 3)
                         if applicable and models else None)
    return entry


# --- units --------------------------------------------------------------------------------

def _unit(entry: dict, owner: str = "") -> Unit:
    if "term" in entry:
        return Unit(entry["id"], f"{entry['term']} – {entry['definition']}", owner, entry.get("model_ref", ""),
                    entry["term"], entry["definition"])
    text = " ".join([entry.get("text", "")] + [i.get("text", "") if isinstance(i, dict) else i
                                               for i in iter_leaves(entry.get("items", []))])
    return Unit(entry["id"], text.strip(), owner, entry.get("model_ref", ""), acts=tuple(entry.get("acts", [])))


def block_units(system: dict, block: str) -> list[Unit]:
    node = system
    for key in block.split("."):
        node = node.get(key, {}) if isinstance(node, dict) else {}
    if not isinstance(node, list):
        return []
    return [_unit(e) for e in iter_leaves(node) if isinstance(e, dict) and "id" in e]


def function_units(system: dict) -> list[Unit]:
    return [_unit(f, subject["id"]) for _level, _path, subject in iter_subjects(system)
            for f in iter_leaves(subject.get("functions", [])) if isinstance(f, dict) and "id" in f]


def units(system: dict, block: str) -> list[Unit]:
    return function_units(system) if block == FUNCTIONS else block_units(system, block)


# --- linking ------------------------------------------------------------------------------

class Linker:
    """Scores and links the units of one region with the model's."""

    def __init__(self, model: dict, region: dict, roles: dict[str, Role], blocks: list[str]):
        self.roles = roles
        self.vocabulary = Vocabulary(model, region, {sid: r.role for sid, r in roles.items()})
        self.units = {b: (units(model["system"], b), units(region["system"], b)) for b in blocks}
        self.terms: dict[tuple[str, str], list[str]] = {}
        for block, sides in self.units.items():
            for side, us in zip("mr", sides):
                for u in us:
                    for part, text in (("", u.text), ("term", u.term), ("definition", u.definition)):
                        if text:
                            self.terms[(side + part, u.id + "\0" + block)] = self.vocabulary.terms(text)
        self.vocabulary.fit(self.terms.values())

    def _terms(self, side: str, unit: Unit, block: str, part: str = "") -> list[str]:
        return self.terms.get((side + part, unit.id + "\0" + block), [])

    def same_role(self, block: str, m: Unit, r: Unit) -> bool:
        role = self.roles.get(r.owner)
        return block != FUNCTIONS or (role is not None and role.role == m.owner)

    def score(self, block: str, m: Unit, r: Unit) -> float:
        """How alike the two units are (0..1), by the rules of the block."""
        v = self.vocabulary
        if m.term and r.term:       # glossary: the defined term first, then the definition
            term = v.score(self._terms("m", m, block, "term"), self._terms("r", r, block, "term"))
            return (term + v.score(self._terms("m", m, block, "definition"),
                                   self._terms("r", r, block, "definition"))) / 2 if term >= TERM else 0.0
        text = v.score(self._terms("m", m, block), self._terms("r", r, block))
        if m.acts and r.acts:       # entries of the legal basis citing federal acts of the registry
            return max(text, CONFIDENT) if set(m.acts) & set(r.acts) else 0.0
        return text

    def held(self, block: str, m: Unit, r: Unit) -> float:
        """How much of the model unit's text the region unit holds (by weight)."""
        part = "definition" if block == "glossary" else ""
        return self.vocabulary.contained(self._terms("m", m, block, part), self._terms("r", r, block, part))

    def link(self, block: str) -> list[Pair]:
        model, region = self.units[block]
        fixed = {j: i for j, r in enumerate(region) for i, m in enumerate(model) if r.model_ref == m.id}
        own = {j for j, r in enumerate(region) if r.model_ref == NO_ROLE}
        s = np.zeros((len(model), len(region)))
        for i, m in enumerate(model):
            for j, r in enumerate(region):
                s[i, j] = self.score(block, m, r)
        bonus = np.array([[SAME_ROLE if block == FUNCTIONS and self.same_role(block, m, r) else 0.0
                           for r in region] for m in model]).reshape(s.shape)
        found = _assign(s + bonus, THRESHOLD + (SAME_ROLE if block == FUNCTIONS else 0.0), fixed, own)
        found = self._extend(block, s + bonus, found, fixed, own)
        return self._pairs(block, model, region, s, found, set(fixed.items()), own)

    def _extend(self, block, s, found: set[tuple[int, int]], fixed, own) -> set[tuple[int, int]]:
        """One to many: region units split from a linked model unit, model units merged into one."""
        model, region = self.units[block]
        threshold = THRESHOLD + (SAME_ROLE if block == FUNCTIONS else 0.0)
        paired = {j: i for i, j in found}
        for j in range(len(region)):
            if j in fixed or j in own or not model:
                continue
            i = int(np.argmax(s[:, j]))
            if s[i, j] < threshold or not self.same_role(block, model[i], region[j]) or paired.get(j) == i:
                continue
            if j in paired and s[i, j] > s[paired[j], j]:
                found.discard((paired[j], j))     # its best counterpart, taken by another: both keep it
            if j not in paired or s[i, j] > s[paired[j], j]:
                found.add((i, j))
        linked = {i for i, _j in found}
        for i in range(len(model)):
            if i in linked or not region:
                continue
            j = int(np.argmax(s[i, :]))
            if (s[i, j] >= threshold and j not in own and self.same_role(block, model[i], region[j])
                    and self.held(block, model[i], region[j]) >= MERGED):
                found.add((i, j))
        return found

    def _pairs(self, block, model, region, s, found, fixed, own) -> list[Pair]:
        per_model = {i: sum(1 for a, _b in found if a == i) for i, _j in found}
        per_region = {j: sum(1 for _a, b in found if b == j) for _i, j in found}
        out = []
        for i, j in sorted(found):
            m, r = model[i], region[j]
            same = normalized(m.text) == normalized(r.text)
            diff = [] if same else word_diff(m.text, r.text)
            pair = Pair(block, m, r, "kept" if same else "changed", float(s[i, j]), diff,
                        "split" if per_model[i] > 1 else "merge" if per_region[j] > 1 else "one",
                        "profile" if (i, j) in fixed else "text", not same and self.vocabulary.editorial(m.text, r.text))
            if (i, j) in fixed and s[i, j] < THRESHOLD:
                pair.note = words.dissimilar_link(r.text, m.text)
            out.append(pair)
        linked_m, linked_r = {i for i, _j in found}, {j for _i, j in found}
        out += [Pair(block, m, None, "missing") for i, m in enumerate(model) if i not in linked_m]
        for j, r in enumerate(region):
            if j not in linked_r:
                out.append(self._candidate(Pair(block, None, r, "added"), s[:, j], j in own))
        return out

    def _candidate(self, pair: Pair, scores, own: bool) -> Pair:
        """An added unit with its closest model unit (of the same role, for functions), when that
        scores from :data:`SUGGEST`; none when the profile says the unit has no counterpart."""
        model = self.units[pair.block][0]
        near = [(float(v), i) for i, v in enumerate(scores)
                if v >= SUGGEST and self.same_role(pair.block, model[i], pair.region)]
        if near and not own:
            pair.candidate_score, i = max(near, key=lambda x: (x[0], -x[1]))
            pair.candidate = model[i]
        return pair


def _assign(s, threshold: float, fixed: dict[int, int], own: set[int]) -> set[tuple[int, int]]:
    """Optimal one-to-one links (model index, region index) from ``threshold``; the profile's first."""
    from scipy.optimize import linear_sum_assignment

    found = {(i, j) for j, i in fixed.items()}
    rest_m = [i for i in range(s.shape[0]) if i not in fixed.values()]
    rest_r = [j for j in range(s.shape[1]) if j not in fixed and j not in own]
    if rest_m and rest_r:
        sub = s[np.ix_(rest_m, rest_r)]
        rows, cols = linear_sum_assignment(sub, maximize=True)
        found |= {(rest_m[a], rest_r[b]) for a, b in zip(rows, cols) if sub[a, b] >= threshold}
    return found


def align(region: dict, model: dict, scope: Scope = EVERYTHING) -> Alignment:
    """The alignment of a region's system with the model's, in the blocks of ``scope``."""
    roles = match_subjects(model, region)
    present = [b for b in BLOCKS if units(model["system"], b) or units(region["system"], b)]
    blocks = [b for b in present if scope.applies(b)]
    linker = Linker(model, region, roles, blocks)
    pairs = [pair for block in blocks for pair in linker.link(block)]
    others = tuple(b for b in present if b not in blocks and units(model["system"], b))
    return Alignment(region["id"], roles, pairs, scope, tuple(blocks), others)


def block_title(block: str) -> str:
    return words.BLOCK_TITLES.get(block, block)
