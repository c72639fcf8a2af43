"""The registry of act kinds: one entry per kind of act a region adopts.

A fifth kind of act is one entry here, one composer (a function ``(acts, key) →
Document``) and one Word template ``templates/<slug>.docx``; the build, the package,
the handbook and the stamps find it through this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..lang import words
from ..model.document import Document
from .acts import RegionActs
from .order import compose_order
from .regulation import compose_outline_act
from .roadmap import compose_roadmap


@dataclass(frozen=True)
class ActKind:
    key: str                                        # as in a profile's ``acts``
    title: str                                      # how the handbook names it
    compose: Callable[[RegionActs, str], Document]
    draft_from: str                                 # a missing act is drafted from "drafts" or "model"
    default_kind: str = words.DEFAULT_KIND          # its kind word when the profile names none
    draft_heading: str | None = None                # heading of a draft taken from the model

    @property
    def slug(self) -> str:
        return self.key.replace("_", "-")

    @property
    def template(self) -> str:
        return f"{self.slug}.docx"


ACT_KINDS: dict[str, ActKind] = {kind.key: kind for kind in (
    ActKind("order", "Приказ (распоряжение)", compose_order, "drafts", default_kind=words.ORDER_KIND),
    ActKind("regulation", "Положение", compose_outline_act, "model", draft_heading=words.REGULATION_HEADING),
    ActKind("roadmap", "Дорожная карта", compose_roadmap, "model", default_kind="комплекс мер"),
    ActKind("network_regulation", "Регламент сетевого взаимодействия", compose_outline_act, "drafts"),
)}
ACT_KEYS = tuple(ACT_KINDS)
