"""What the rules know besides the text: the federal registry, the region whose act it is
(its abbreviations, its authority, the kind of act it issues), the project's word list."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .structure import Structure, analyse
from .text import LintText

WORDLIST = Path(__file__).with_name("words.txt")


@dataclass
class Context:
    registry: list[dict] = field(default_factory=list)      # acts/federal-acts.yaml: acts
    model: dict | None = None                                # the model regulation (normalized)
    region: dict | None = None                               # the profile (normalized) whose act it is
    is_model: bool = False                                   # the federal model itself
    rendered: bool = False                                   # an act rsnms wrote (not a source text)

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """abbreviation → full form, as the region's profile introduces them."""
        if not self.region:
            return {}
        return {a["abbr"]: a["full"] for a in self.region.get("abbreviations", [])}

    @cached_property
    def order_kind(self) -> str | None:
        """The kind of act (приказ, распоряжение) that approves the region's system."""
        if not self.region:
            return None
        return self.region.get("acts", {}).get("order", {}).get("kind")

    @cached_property
    def words(self) -> set[str]:
        """The project word list: domain words, names and abbreviations the dictionary lacks."""
        if not WORDLIST.is_file():
            return set()
        out = set()
        for line in WORDLIST.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(line.lower().replace("ё", "е"))
        return out


class Analysis:
    """The text and what is computed once about it for every rule."""

    def __init__(self, text: LintText, ctx: Context):
        self.text = text
        self.ctx = ctx
        self._memo: dict = {}

    def memo(self, fn):
        """``fn(self)``, computed once for this text (rules share what they derive)."""
        if fn not in self._memo:
            self._memo[fn] = fn(self)
        return self._memo[fn]

    @cached_property
    def structure(self) -> Structure:
        return analyse(self.text)
