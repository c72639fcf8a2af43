"""The federal model and the four regions validate, and hold what their seed acts hold.

Counts are read twice, independently: from the seed text (by the line ranges and
list markers given in tests/data/seed_counts/<id>.yaml) and from `rsnms export`.
"""

from __future__ import annotations

import re

import pytest
from ruamel.yaml import YAML

from conftest import REGIONS, ROOT, export_json, run_rsnms

SPECS = ROOT / "tests" / "data" / "seed_counts"


def seed_counts(profile_id: str) -> dict[str, int]:
    spec = YAML(typ="safe").load((SPECS / f"{profile_id}.yaml").read_text(encoding="utf-8"))
    lines = (ROOT / spec["source"]).read_text(encoding="utf-8").splitlines()
    counts = {}
    for entry in spec["counts"]:
        first, last = entry["lines"]
        text = "\n".join(lines[first - 1:last])
        counts[entry["key"]] = len(re.findall(entry["pattern"], text, re.MULTILINE)) + entry.get("adjust", 0)
    return counts


def _leaves(items):
    for item in items or []:
        if "group" in item:
            yield from _leaves(item["items"])
        else:
            yield item


def export_counts(data: dict) -> dict[str, int]:
    """Counts from the exported JSON (written here, independently of rsnms.profile)."""
    system, counts = data["system"], {}
    subjects = system.get("subjects", {})
    for level in ("regional", "municipal", "institutional"):
        if level in subjects:
            counts[f"subjects.{level}"] = len(subjects[level])

    def walk(subject_list):
        for subject in subject_list:
            if "functions" in subject:
                counts[f"functions.{subject['id']}"] = len(list(_leaves(subject["functions"])))
            walk(subject.get("elements", []))

    for level in subjects.values():
        walk(level)
    for key in ("tasks", "principles", "indicators"):
        if key in system:
            counts[key] = len(list(_leaves(system[key])))
    if "glossary" in system:
        counts["glossary"] = len(system["glossary"])
    if "roadmap" in data:
        rows = 0
        for direction in data["roadmap"]["directions"]:
            rows += len(direction.get("items", []))
            rows += sum(len(g["items"]) for g in direction.get("groups", []))
        counts["roadmap"] = rows
    return counts


def test_model_and_all_regions_validate():
    result = run_rsnms("validate", *REGIONS)
    assert result.returncode == 0, result.stderr
    assert "ошибок нет" in result.stdout


@pytest.mark.parametrize("profile_id", ["model", *REGIONS])
def test_counts_match_the_seed_text(profile_id):
    exported = export_counts(export_json(profile_id))
    from_seed = seed_counts(profile_id)
    # every kind of unit the profile holds is counted in the seed, and nothing else
    assert sorted(from_seed) == sorted(exported)
    assert from_seed == exported


@pytest.mark.parametrize("profile_id", REGIONS)
def test_region_has_its_subjects_and_acts(profile_id):
    data = export_json(profile_id)
    assert data["id"] == profile_id
    assert data["system"]["subjects"].get("regional"), "a region has regional subjects"
    assert "order" in data["acts"]
    for act in data["acts"].values():
        assert act["status"] in ("adopted", "draft")


def test_seed_profiles_leave_model_links_to_the_comparison():
    for region in REGIONS:
        text = (ROOT / "regions" / f"{region}.yaml").read_text(encoding="utf-8")
        assert "model_ref" not in text, region


def test_errata_record_the_known_requisite_discrepancies():
    omsk = export_json("omsk")
    assert omsk["acts"]["order"]["date"] == "2022-04-07"
    assert any("04.04.2012" in e["quote"] for e in omsk["errata"])
    assert omsk["acts"]["order"]["operative_word"] == "приказываю"


def test_sources_are_part_of_the_project():
    for region in ["model", *REGIONS]:
        data = export_json(region)
        for source in data["sources"]:
            assert (ROOT / source).is_file()
