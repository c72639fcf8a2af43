"""Precision and recall of the comparison engine against the hand-labelled gold alignments,
per block and per region: the calibrated regions (tests/data/gold/*.yaml) and, apart, the
regions held out of calibration (tests/data/gold/heldout/*.yaml).

    .venv/bin/python scripts/gold_scores.py        # the tables
    .venv/bin/python scripts/gold_scores.py -v     # and each wrong or missed link of the calibrated regions
    .venv/bin/python scripts/gold_scores.py -vv    # … and of the held-out ones (read them only to report)

A link is a pair (region unit, model unit); a gold label may name several model units (the
region merged them) and several region units may name one model unit (the region split it).
Precision: the share of the engine's links that the gold has; recall: the share of the gold's
links the engine found. «—»: nothing to count (no links in the gold, none found).
tests/compare/test_align.py asserts ≥ 0.9 in every block of the calibrated regions.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
sys.path.insert(0, str(ROOT / "src"))


@dataclass
class Score:
    block: str
    found: int          # links the engine made
    gold: int           # links in the gold
    right: int          # links in both

    @property
    def precision(self) -> float | None:
        return self.right / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.right / self.gold if self.gold else None


def gold_files(held_out: bool = False) -> list[Path]:
    return sorted((GOLD / "heldout" if held_out else GOLD).glob("*.yaml"))


def load_gold(path: Path) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def gold_links(labels: dict) -> set[tuple[str, str]]:
    out = set()
    for unit, target in labels.items():
        for model in target if isinstance(target, list) else [target]:
            if model is not None:
                out.add((unit, model))
    return out


def predicted_links(alignment, block: str, units) -> set[tuple[str, str]]:
    """The engine's links of ``block`` among the region units ``units``."""
    if block == "subjects":
        return {(s, r) for s, r in alignment.subjects.items() if s in units and r}
    return {(p.region.id, p.model.id) for p in alignment.pairs
            if p.block == block and p.region and p.model and p.region.id in units}


def link_sets(labels: dict, alignment):
    """(block, gold links, the engine's links) of every labelled block."""
    for block, entries in labels.items():
        if block != "region":
            yield block, gold_links(entries), predicted_links(alignment, block, set(entries))


def scores(labels: dict, alignment) -> list[Score]:
    return [Score(block, len(found), len(gold), len(gold & found)) for block, gold, found in link_sets(labels, alignment)]


def region_alignment(region: str):
    """The engine's alignment of a region as a build makes it (profile of the project, its acts)."""
    from rsnms.pipeline.region import RegionWork
    from rsnms.project import Project
    from rsnms.validate import load_catalog, validate_file

    project = Project(ROOT)
    catalog = load_catalog(project)
    profile, _diagnostics = validate_file(project.profile(region), catalog)
    return RegionWork(project, catalog, profile).alignment


def errors(labels: dict, alignment) -> list[str]:
    """Each wrong or missed link, for reading (never used to label)."""
    out = []
    for block, gold, found in link_sets(labels, alignment):
        out += [f"  {block}: лишняя {r} → {m}" for r, m in sorted(found - gold)]
        out += [f"  {block}: пропущена {r} → {m}" for r, m in sorted(gold - found)]
    return out


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def table(held_out: bool) -> list[str]:
    lines = []
    for path in gold_files(held_out):
        labels = load_gold(path)
        alignment = region_alignment(labels["region"])
        for s in scores(labels, alignment):
            lines.append(f"{labels['region']:<10} {s.block:<22} {_share(s.precision):>9} {_share(s.recall):>7} "
                         f"{s.right:>6} {s.found:>6} {s.gold:>6}")
        if "-vv" in sys.argv or ("-v" in sys.argv and not held_out):
            lines += errors(labels, alignment)
    return lines


def main() -> int:
    head = f"{'регион':<10} {'блок':<22} {'precision':>9} {'recall':>7} {'верно':>6} {'найдено':>6} {'эталон':>6}"
    print("Калиброванные регионы (tests/data/gold/):")
    print(head)
    print("\n".join(table(False)))
    print("\nОтложенные регионы — на них ничего не настраивалось (tests/data/gold/heldout/):")
    print(head)
    print("\n".join(table(True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
