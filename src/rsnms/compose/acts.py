"""Which acts a region has, and how they hang together: adopted or drafted in the profile,
else drafted from the skeletons; which act each is an appendix of, with what number; the
order in which a package is signed and published."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from ..lang import words
from ..model.document import Document
from ..model.units import lookup
from .text import Writer

if TYPE_CHECKING:
    from .kinds import ActKind


class RegionActs:
    """The acts of one profile (or of the model regulation, ``is_model``)."""

    def __init__(self, data: dict, model: dict, drafts: dict, kinds: dict[str, "ActKind"], *,
                 is_model: bool = False):
        self.data = data
        self.model = model
        self.drafts = drafts
        self.kinds = kinds
        self.region = data["id"]
        self.is_model = is_model
        acts = copy.deepcopy(data.get("acts", {}))
        self.acts = acts if is_model else self._with_drafts(acts)
        self.parents = self._parents()

    def _with_drafts(self, acts: dict) -> dict:
        """The profile's acts, and a draft of every kind it lacks (from acts/drafts.yaml or
        from the model regulation), marked ``composed``."""
        for key, kind in self.kinds.items():
            if key in acts:
                continue
            if kind.draft_from == "drafts":
                acts[key] = copy.deepcopy(self.drafts[key])
            else:
                acts[key] = copy.deepcopy(self.model["acts"][key])
                if kind.draft_heading:
                    acts[key]["heading"] = kind.draft_heading
                acts[key]["from_model"] = True
                acts[key].pop("appendices", None)
            acts[key]["status"] = "draft"
            acts[key]["composed"] = True
        # a composed regulation takes the composed roadmap as its appendix, as in the model
        reg = acts.get("regulation", {})
        if reg.get("composed") and acts.get("roadmap", {}).get("composed"):
            reg["appendices"] = ["roadmap"]
        return acts

    def _parents(self) -> dict[str, tuple[str, int | None]]:
        """act → (parent act, appendix number or None when the parent has one appendix)."""
        out: dict[str, tuple[str, int | None]] = {}
        for parent, act in self.acts.items():
            apps = act.get("appendices", [])
            for i, child in enumerate(apps, 1):
                if child in self.acts and child not in out:
                    out[child] = (parent, i if len(apps) > 1 else None)
        return out

    def package_order(self) -> list[str]:
        """The order, then its appendices depth-first, as they are signed and published."""
        out: list[str] = []

        def walk(key):
            if key in out or key not in self.acts:
                return
            out.append(key)
            for child in self.acts[key].get("appendices", []):
                walk(child)
        if "order" in self.acts:
            walk("order")
        return out

    def kind_forms(self, key: str) -> dict:
        """Case forms of the kind word of act ``key`` («положение»: «к Положению»)."""
        act = self.acts[key]
        default = self.kinds[key].default_kind if key in self.kinds else words.DEFAULT_KIND
        return words.KIND_FORMS.get(act.get("kind", default), words.KIND_FORMS[words.DEFAULT_KIND])

    def document(self, key: str, w: Writer, **parts) -> Document:
        """The composed act ``key``, with the warnings its writer collected."""
        return Document(self.region, key, self.acts[key].get("status", "draft"), warnings=w.warnings, **parts)

    def writer(self, key: str) -> Writer:
        return Writer(self.data, f"{self.region}/{self.kinds[key].slug}")

    def value(self, path: str):
        return lookup(self.data, path)
