"""The federal subjects of Russia (``acts/federal-subjects.yaml``): official names, ISO 3166-2
codes and case forms checked by hand — for a profile's FRBR code (``ru-oms``) and for
``rsnms import`` to fill ``region.cases`` and to find the region an act names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..readers import yamlio

CASE_KEYS = ("gen", "dat", "acc", "ins", "pre")


@dataclass(frozen=True)
class FederalSubject:
    name: str
    code: str                 # lower case: oms, yev; a conventional one where ISO has none
    kind: str
    cases: dict
    iso: str | None = None

    @property
    def frbr(self) -> str:
        """The FRBR country-and-locality part: ``ru-oms``."""
        return f"ru-{self.code}"


def _key(text: str) -> str:
    return " ".join(re.sub(r"[—–-]", " ", text.lower().replace("ё", "е")).split())


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[FederalSubject, ...]:
    data, _pos = yamlio.load(path)
    return tuple(FederalSubject(s["name"], s["code"], s["kind"], dict(s["cases"]), s.get("iso"))
                 for s in data["subjects"])


def load(path: Path) -> list[FederalSubject]:
    return list(_load(path))


def by_name(path: Path, name: str) -> FederalSubject | None:
    """The subject named ``name`` (in the nominative, or in one of its case forms)."""
    key = _key(name)
    for subject in _load(path):
        if key == _key(subject.name) or key in (_key(f) for f in subject.cases.values()):
            return subject
    return None


def named_in(path: Path, text: str) -> FederalSubject | None:
    """The subject whose name (in any case) stands in ``text`` — the longest match wins."""
    key = f" {_key(text)} "
    found = [(len(form), s) for s in _load(path) for form in (s.name, *s.cases.values())
             if f" {_key(form)} " in key]
    return max(found, key=lambda x: x[0])[1] if found else None
