"""The alignment engine against the gold standard labelled by hand from the source texts
(tests/data/gold/), and the precedence of an explicit ``model_ref``."""

from __future__ import annotations

from ruamel.yaml import YAML

from conftest import ROOT, export_json
from rsnms.compare.align import align

GOLD = sorted((ROOT / "tests" / "data" / "gold").glob("*.yaml"))


def gold(path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def scores(pairs):
    """Precision and recall of predicted links against gold links (None: no counterpart)."""
    tp = sum(1 for g, p in pairs if g is not None and p == g)
    predicted = sum(1 for _g, p in pairs if p is not None)
    relevant = sum(1 for g, _p in pairs if g is not None)
    return tp / max(predicted, 1), tp / max(relevant, 1), tp, predicted, relevant


def test_gold_covers_every_unit_of_at_least_two_regions():
    assert len(GOLD) >= 2
    for path in GOLD:
        labels = gold(path)
        data = export_json(labels["region"])
        def leaves(items):
            for item in items:
                yield from leaves(item["items"]) if "group" in item else [item]
        tasks = {t["id"] for t in leaves(data["system"]["tasks"])}
        assert set(labels["tasks"]) == tasks
        functions = {f["id"] for level in data["system"]["subjects"].values() for s in level
                     for f in s.get("functions", [])}
        assert set(labels["functions"]) == functions


def test_alignment_matches_the_gold_standard():
    model = export_json("model")
    pooled = []
    print()
    for path in GOLD:
        labels = gold(path)
        alignment = align(export_json(labels["region"]), model)
        for kind, predicted in (("subjects", alignment.subjects), ("tasks", alignment.links("tasks")),
                                ("functions", alignment.links("functions"))):
            pairs = [(g, predicted.get(unit)) for unit, g in labels[kind].items()]
            p, r, tp, n_pred, n_rel = scores(pairs)
            print(f"{labels['region']:<10} {kind:<10} precision {p:.3f} recall {r:.3f} "
                  f"(верно {tp}, найдено {n_pred}, в эталоне {n_rel})")
            if kind != "subjects":
                pooled += pairs
    p, r, *_ = scores(pooled)
    print(f"{'всего':<10} {'tasks+functions':<10} precision {p:.3f} recall {r:.3f}")
    assert p >= 0.9 and r >= 0.9


def test_explicit_model_ref_wins():
    model = export_json("model")
    data = export_json("omsk")
    data["system"]["tasks"][0]["model_ref"] = "task.09"   # deliberately unlike its text
    links = align(data, model).links("tasks")
    assert links["task.01"] == "task.09"
