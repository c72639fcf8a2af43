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
                 is_model: bool = False, registry: dict | None = None):
        self.data = data
        self.model = model
        self.drafts = drafts
        self.kinds = kinds
        self.registry = registry or {"acts": []}
        self.region = data["id"]
        self.is_model = is_model
        acts = copy.deepcopy(data.get("acts", {}))
        self.acts = acts if is_model else self._with_drafts(acts)
        self.parents = self._parents()
        self.fixes: dict = {}           # act key → abbreviations.Plan of its second composition
        if not is_model:
            from .facts import derive
            self.data = {**data, "derived": derive(self)}

    def _with_drafts(self, acts: dict) -> dict:
        """The profile's acts, and a draft of every kind it lacks (from acts/drafts.yaml or
        from the model regulation), marked ``composed``; a draft order without text of its own
        takes the skeleton's and approves every act nothing else approves."""
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
                acts[key]["kind"] = kind.default_kind       # a region's own, no longer «примерное»
            acts[key]["status"] = "draft"
            acts[key]["composed"] = True
        order = acts.get("order", {})
        if order.get("status") == "draft" and not order.get("clauses"):
            acts["order"] = {**copy.deepcopy(self.drafts["order"]), **order, "composed": True}
            order = acts["order"]
        if order.get("composed") and not order.get("appendices"):
            attached = {child for act in acts.values() for child in act.get("appendices", [])}
            order["appendices"] = [key for key, act in acts.items() if key != "order" and key not in attached
                                   and not act.get("approved_by")
                                   and (act.get("composed") or act.get("status") == "draft")]
        if order.get("composed") and len(order.get("appendices", [])) > 1:
            for key in order["appendices"]:     # the order names them «(приложение № 1)»: so do their stamps
                if key in acts and (acts[key].get("composed") or acts[key].get("status") == "draft"):
                    acts[key]["stamp"] = words.STAMP_APPENDIX
        return acts

    def _parents(self) -> dict[str, tuple[str, int | None]]:
        """act → (parent act, appendix number or None when the parent has one appendix). An
        act's annexes (a glossary inside it) and its appendix acts are numbered together,
        annexes first: the model's glossary is «Приложение № 1», its roadmap «Приложение № 2»."""
        out: dict[str, tuple[str, int | None]] = {}
        for parent, act in self.acts.items():
            apps = act.get("appendices", [])
            annexes = len(act.get("annexes", []))
            for i, child in enumerate(apps, 1):
                if child in self.acts and child not in out:
                    out[child] = (parent, annexes + i if annexes + len(apps) > 1 else None)
        return out

    def annex_number(self, key: str, index: int) -> int | None:
        """The number of annex ``index`` (1-based) of act ``key``, None when it is the only appendix."""
        act = self.acts[key]
        total = len(act.get("annexes", [])) + len([c for c in act.get("appendices", []) if c in self.acts])
        return index if total > 1 else None

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
        return Writer(self.data, f"{self.region}/{self.kinds[key].slug}", self._adaptation(key))

    def _adaptation(self, key: str):
        """How a draft changes the texts it borrows: the model's generic words become the
        region's; introductions the second composition moves or drops go."""
        if self.is_model or not self.acts[key].get("composed"):
            return None
        from ..lang.adaptation import RegionForms, adapt
        from .abbreviations import drop_introductions
        cases = ("gen", "dat", "acc", "ins", "pre")
        region, authority = self.data.get("region", {}), self.data.get("authority", {})
        forms = RegionForms(
            region={"nom": region.get("name", ""), **{c: region.get("cases", {}).get(c, "") for c in cases}},
            authority={"nom": authority.get("name", ""), **{c: authority.get("cases", {}).get(c, "") for c in cases}},
            order_kind={c: self.kind_forms("order")[c] for c in ("nom",) + cases})
        drop = getattr(self.fixes.get(key), "drop", set())
        return lambda text: drop_introductions(adapt(text, forms), drop)

    def value(self, path: str):
        return lookup(self.data, path)
