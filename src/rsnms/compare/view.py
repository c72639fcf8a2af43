"""One region's comparison as a reader sees it: the same facts for the report (.docx, .md) and
the handbook's page, so that the two never disagree.

Built from the :class:`~.align.Alignment` and the composed acts: which acts were compared, the
coverage per block and overall, the items that need a decision, and per block the lines of a
side-by-side table — grouped by subject for functions, ordered by what happened to them
(changed in substance, changed in wording, missing, added, kept), each with the clause
references of both acts (:mod:`.refs`) and the link's confidence. No internal id or field name
reaches a reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..compose import ACT_KINDS
from ..compose.text import Writer
from ..lang import words
from ..model.document import Document
from ..model.units import iter_subjects
from .align import CONFIDENT, FUNCTIONS, Alignment, Pair, Unit, block_title
from .refs import unit_refs
from .similarity import word_diff

CATEGORIES = ("substantive", "editorial", "missing", "added", "kept")


@dataclass
class Line:
    category: str                    # one of CATEGORIES
    pair: Pair
    model_ref: str = ""
    region_ref: str = ""
    subject: str = ""                # functions: the region's subject (its name)
    model_text: str = ""             # as the acts print them (placeholders resolved, typeset)
    region_text: str = ""
    diff: list[tuple[str, str]] = field(default_factory=list)   # between the two, word by word
    candidate_ref: str = ""          # added: the closest model unit (under the threshold), its clause
    candidate_text: str = ""

    @property
    def model(self) -> Unit | None:
        return self.pair.model

    @property
    def region(self) -> Unit | None:
        return self.pair.region

    @property
    def check(self) -> bool:
        return self.pair.model is not None and self.pair.region is not None and not self.pair.confident

    @property
    def candidate(self) -> Unit | None:
        return self.pair.candidate


@dataclass
class Group:
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Section:
    block: str
    title: str
    applicable: bool
    coverage: dict
    groups: list[Group] = field(default_factory=list)

    @property
    def absent(self) -> bool:
        """The region's act has none of this block (every unit of the model is missing)."""
        return self.applicable and not any(line.region for g in self.groups for line in g.lines)


@dataclass
class Decision:
    kind: str                        # note, role, check, candidate
    text: str


@dataclass
class RoleLine:
    subject: str
    ref: str
    role: str                        # the model role's name, or words.NO_ROLE_…
    score: float
    reason: str


@dataclass
class View:
    region: str                      # its name
    compared: list[str]              # the acts compared, as a reader names them
    adopted: bool                    # False: the region adopted none, drafts are compared
    has_regulation: bool             # a redline exists
    sections: list[Section]
    total: dict
    decisions: list[Decision]
    roles: list[RoleLine]

    @property
    def substantive(self) -> list[str]:
        return [block_title(b) for b in self.total.get("blocks", [])]


def category(pair: Pair) -> str:
    if pair.status == "changed":
        return "editorial" if pair.editorial else "substantive"
    return pair.status


def _compared(alignment: Alignment, acts: dict, documents: dict[str, Document], refs: dict) -> list[str]:
    """The acts compared that hold units of the system, as a reader names them."""
    keys = [k for k in alignment.scope.acts if k in documents and k in ACT_KINDS]
    holding = [k for k in keys if any(b.unit in refs for b in documents[k].body)] or keys
    out = []
    for key in holding:
        doc = documents[key]
        stamp = " ".join(doc.stamp.plain.split()) if doc.stamp else ""
        first, _, rest = stamp.partition(" ")
        stamp = " ".join(x for x in (first.lower() if first.isupper() else first[:1].lower() + first[1:], rest) if x)
        kind = acts[key].get("kind") or ACT_KINDS[key].default_kind
        title = " ".join(f"{kind[:1].upper()}{kind[1:]} {doc.title.plain}".split())
        status = "" if acts[key].get("status") == "adopted" else f" ({words.ACT_STATUS['draft']})"
        out.append(f"{title}{status}" + (f" — {stamp}" if stamp else ""))
    return out


def _line(pair: Pair, model_refs: dict, region_refs: dict, subjects: dict, display) -> Line:
    model = display[0](pair.model.text) if pair.model else ""
    region = display[1](pair.region.text) if pair.region else ""
    diff = word_diff(model, region) if pair.status == "changed" else []
    candidate = pair.candidate
    return Line(category(pair), pair, model_refs.get(pair.model.id, "") if pair.model else "",
                region_refs.get(pair.region.id, "") if pair.region else "",
                subjects.get(pair.region.owner, {}).get("name", "") if pair.region and pair.region.owner else "",
                model, region, diff, model_refs.get(candidate.id, "") if candidate else "",
                display[0](candidate.text) if candidate else "")


def build_view(alignment: Alignment, region: dict, model: dict, acts: dict, documents: dict[str, Document],
               model_doc: Document) -> View:
    """The view of one region's comparison (``acts``, ``documents``: the region's, as composed)."""
    region_refs = unit_refs([documents[k] for k in alignment.scope.acts if k in documents])
    model_refs = unit_refs([model_doc])
    subjects = {s["id"]: s for _l, _p, s in iter_subjects(region["system"])}
    roles = {s["id"]: s for _l, _p, s in iter_subjects(model["system"])}
    coverage = alignment.coverage()
    display = (lambda text: Writer(model, "")(text).plain, lambda text: Writer(region, "")(text).plain)
    sections = []
    for block, entry in coverage.items():
        if block == words.TOTAL:
            continue
        lines = [_line(p, model_refs, region_refs, subjects, display) for p in alignment.pairs if p.block == block]
        groups = _function_groups(lines, alignment, subjects, roles) if block == FUNCTIONS else [Group("", lines)]
        for group in groups:
            group.lines.sort(key=lambda line: CATEGORIES.index(line.category))
        sections.append(Section(block, block_title(block), entry["applicable"], entry, groups))
    role_lines = [RoleLine(s["name"], region_refs.get(sid, ""), roles[r.role]["name"] if r.role in roles else "",
                           r.score, r.reason)
                  for sid, s in subjects.items() for r in [alignment.roles[sid]]]
    return View(region["region"]["name"], _compared(alignment, acts, documents, region_refs), alignment.scope.adopted,
                acts.get("regulation", {}).get("status") == "adopted", sections, coverage[words.TOTAL],
                decisions(alignment, sections, role_lines), role_lines)


def _function_groups(lines: list[Line], alignment: Alignment, subjects: dict, roles: dict) -> list[Group]:
    """Functions grouped by the model's role (the region's subjects that play it named), then the
    region's subjects that play no role."""
    groups: dict[str, Group] = {}
    for rid, role in roles.items():
        played = [subjects[s]["name"] for s, r in alignment.roles.items() if r.role == rid and s in subjects]
        groups[rid] = Group(words.role_group(role["name"], played))
    for sid, subject in subjects.items():
        if not alignment.roles[sid].role:
            groups[sid] = Group(words.own_subject_group(subject["name"]))
    for line in lines:
        key = line.model.owner if line.model else alignment.roles[line.region.owner].role or line.region.owner
        groups[key].lines.append(line)
    return [g for g in groups.values() if g.lines]


def decisions(alignment: Alignment, sections: list[Section], roles: list[RoleLine]) -> list[Decision]:
    """What a region's official must decide: links the profile states and the texts do not bear
    out, subjects left without a role or given one uncertainly, links found with low confidence,
    and units the region added that may be the model's reworded (their candidates)."""
    out = [Decision("note", p.note) for p in alignment.pairs if p.note]
    for line in roles:
        if line.reason == "composite":
            out.append(Decision("role", words.composite_subject(line.subject)))
        elif line.role and line.reason == "names" and line.score < CONFIDENT:
            out.append(Decision("role", words.uncertain_role(line.subject, line.role, line.score)))
    for section in sections:
        for group in section.groups:
            for line in group.lines:
                if line.check and not line.pair.note:
                    out.append(Decision("check", words.check_link(section.title, line.region_ref, line.region_text,
                                                                  line.model_ref, line.model_text, line.pair.score)))
    candidates = {s.title: sum(line.candidate is not None for g in s.groups for line in g.lines) for s in sections}
    if any(candidates.values()):
        out.append(Decision("candidate", words.possible_links({b: n for b, n in candidates.items() if n})))
    return out
