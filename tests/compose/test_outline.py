"""Compose: every act of a region as typed blocks; clause numbers and anchors computed once,
kept apart from the text."""

from __future__ import annotations

import re

import pytest

from conftest import REGIONS, ROOT
from rsnms.compose import ACT_KINDS, compose_model, compose_region
from rsnms.project import Project
from rsnms.validate import load_catalog, validate_file

CATALOG = load_catalog(Project(ROOT))


def composed(region: str):
    profile, _d = validate_file(Project(ROOT).profile(region), CATALOG)
    return compose_region(profile.data, CATALOG.model.data, CATALOG.drafts)


def test_omsk_regulation_clause_3_2_has_its_number_and_anchor_apart_from_its_text():
    body = composed("omsk").documents["regulation"].body
    clause = next(b for b in body if b.anchor == "p-3-2")
    assert clause.kind == "clause" and clause.number == "3.2." and clause.level == 1
    assert not clause.text.plain.startswith("3.2")
    assert clause.numbered_text.plain.startswith("3.2. ")
    section = next(b for b in body if b.anchor == "s-3")
    assert section.kind == "section" and section.number == "3."


def test_continuous_numbering_anchors_by_the_running_number():
    body = composed("irkutsk").documents["regulation"].body
    clause = next(b for b in body if b.anchor == "p-16")
    assert clause.number == "16."


@pytest.mark.parametrize("region", REGIONS)
def test_every_anchor_is_unique_and_every_number_matches_its_anchor(region):
    for doc in composed(region).documents.values():
        anchors = [b.anchor for b in doc.body if b.anchor]
        assert len(anchors) == len(set(anchors)), (region, doc.key)
        for block in doc.body:
            if block.kind == "clause" and block.number:   # a section printed as a clause keeps s-N
                prefix = "s-" if block.anchor.startswith("s-") else "p-"
                assert block.anchor == prefix + "-".join(re.findall(r"\d+", block.number)), (region, block.number)
            assert not re.match(r"^\d+(\.\d+)*\.\s", block.text.plain), (region, block.text.plain[:40])


def test_roadmap_rows_carry_their_anchor():
    table = composed("omsk").documents["roadmap"].roadmap.table
    numbered = [r for r in table.rows if r.anchor]
    assert [r.anchor for r in numbered[:3]] == ["r-1", "r-2", "r-3"]
    assert len(numbered) == 27


def test_each_kind_of_act_is_composed_by_its_registry_entry_with_its_template():
    region = composed("eao")
    assert list(region.documents) == list(ACT_KINDS)
    for key, kind in ACT_KINDS.items():
        assert region.documents[key].key == key
        assert (ROOT / "templates" / kind.template).is_file()
    assert region.package == ["order", "regulation", "roadmap"]    # the draft order approves the drafts


def test_model_regulation_and_its_roadmap_template():
    regulation, roadmap = compose_model(CATALOG.model.data, CATALOG.drafts)
    assert regulation.key == "regulation" and roadmap.key == "roadmap"
    assert any(b.anchor == "s-1" for b in regulation.body)


@pytest.mark.parametrize("region", ["omsk", "orenburg", "irkutsk"])
def test_every_task_and_function_of_an_adopted_regulation_has_an_anchor(region):
    profile, _d = validate_file(Project(ROOT).profile(region), CATALOG)
    system = profile.data["system"]
    body = composed(region).documents["regulation"].body
    anchored = {b.unit for b in body if b.unit and b.anchor}
    anchored |= {r.unit for b in body if b.table for r in b.table.rows if r.unit and r.anchor}
    units = {t["id"] for t in system["tasks"] if "group" not in t}
    for level in system["subjects"].values():
        for subject in level:
            # functions listed inside a subject's table row are reached through the subject's row
            if subject["id"] not in anchored:
                units |= {f["id"] for f in subject.get("functions", []) if "group" not in f}
    missing = units - anchored
    assert not missing, sorted(missing)[:10]
