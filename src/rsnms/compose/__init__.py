"""Compose: turn a profile into the documents of its acts (the logic between data and look).

Everything that is logic rather than look is decided here, once, for every writer:
which acts exist and which are drafts (:mod:`.acts`), which appendices an act has and
how they are numbered, the approval stamps (:mod:`.stamps`), clause and list numbering
and anchors (:mod:`.outline`, :mod:`.lists`, :mod:`.tables`), the roadmap rows
(:mod:`.roadmap`), what is still unknown (a highlighted placeholder and a warning,
:mod:`.text`). Each kind of act has one composer, registered in :mod:`.kinds`; the
result is a typed :class:`~rsnms.model.document.Document`, and templates only choose
the look.

Drafts (acts a region has not adopted) are composed from the profile and from the
skeletons in ``acts/drafts.yaml`` and ``acts/model.yaml``; a fact the profile lacks
is never invented: it stays a placeholder ``[[…]]``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.document import Document
from . import abbreviations
from .acts import RegionActs
from .kinds import ACT_KEYS, ACT_KINDS, ActKind

__all__ = ["ACT_KEYS", "ACT_KINDS", "ActKind", "ComposedRegion", "compose_region", "compose_model"]


@dataclass
class ComposedRegion:
    """Every act of one region, composed once: what the acts are (``acts``: adopted, or
    drafted from skeletons) and their documents in registry order."""

    acts: dict[str, dict]
    documents: dict[str, Document]
    package: list[str]              # act keys: the order, then its appendices, as published

    @property
    def warnings(self) -> list[str]:
        return [w for doc in self.documents.values() for w in doc.warnings]


def compose_region(data: dict, model: dict, drafts: dict, registry: dict | None = None) -> ComposedRegion:
    """Every act of a region (adopted or drafted)."""
    acts = RegionActs(data, model, drafts, ACT_KINDS, registry=registry)
    documents = {key: _compose(acts, key, kind) for key, kind in ACT_KINDS.items() if key in acts.acts}
    return ComposedRegion(acts.acts, documents, acts.package_order())


def _compose(acts: RegionActs, key: str, kind: ActKind) -> Document:
    """An act; a draft twice when its abbreviations need introducing (:mod:`.abbreviations`)."""
    document = kind.compose(acts, key)
    if acts.acts[key].get("composed"):
        fixes = abbreviations.plan(document, abbreviations.known_forms(acts.data, acts.model))
        if fixes:
            acts.fixes[key] = fixes
            document = kind.compose(acts, key)
    return document


def compose_model(model: dict, drafts: dict, registry: dict | None = None) -> list[Document]:
    """The federal model regulation and its roadmap template (its appendix), placeholders shown."""
    acts = RegionActs(model, model, drafts, ACT_KINDS, is_model=True, registry=registry)
    return [ACT_KINDS[key].compose(acts, key) for key in ("regulation", "roadmap")]
