"""The alignment engine against the gold standard labelled by hand from the source texts
(tests/data/gold/, scored by scripts/gold_scores.py), and the profile's decisions: a link the
texts do not bear out is flagged, a split unit gets several links, a composite subject no role."""

from __future__ import annotations

import copy
import importlib.util
import sys

import pytest

from conftest import ROOT, export_json
from rsnms.compare.align import align
from rsnms.compare.roles import composite, kind_of, match_subjects

_spec = importlib.util.spec_from_file_location("gold_scores", ROOT / "scripts" / "gold_scores.py")
gold_scores = importlib.util.module_from_spec(_spec)
sys.modules["gold_scores"] = gold_scores          # dataclasses look their module up
_spec.loader.exec_module(gold_scores)

# Calibrated blocks the engine does not reach, with why (see the report of issue 13): Orenburg
# rewrote its tasks in words of its own (no word of «интеграция процессов … в рамках единого
# научно-методического пространства» is in «развитие сетевого взаимодействия … единой
# информационно-методической среды»), and counts «управленческих команд, принявших участие в
# программах повышения квалификации» where the model has «… повысивших свою квалификацию». There
# the engine must claim no wrong link; everywhere else precision and recall are at least 0.9.
SHORT = {("orenburg", "tasks"), ("orenburg", "indicators")}


@pytest.fixture(scope="module")
def model():
    return export_json("model")


def _leaves(items):
    for item in items or []:
        yield from _leaves(item["items"]) if isinstance(item, dict) and "group" in item else [item]


def _block_ids(system: dict, block: str) -> set[str]:
    if block == "functions":
        return {f["id"] for level in system.get("subjects", {}).values() for s in level
                for f in _leaves(s.get("functions", []))}
    if block == "subjects":
        return {s["id"] for level in system.get("subjects", {}).values() for s in level}
    node = system
    for key in block.split("."):
        node = node.get(key, {})
    return {e["id"] for e in _leaves(node if isinstance(node, list) else [])}


@pytest.mark.parametrize("path", gold_scores.gold_files() + gold_scores.gold_files(held_out=True),
                         ids=lambda p: p.stem)
def test_gold_labels_every_unit_of_every_block(path):
    labels = gold_scores.load_gold(path)
    system = export_json(labels["region"])["system"]
    blocks = ["subjects", "functions", "tasks", "principles", "approaches", "mechanisms", "interaction.subjects",
              "interaction.channels", "indicators", "monitoring.methods", "glossary", "legal_basis", "duties", "rights"]
    for block in blocks:
        ids = _block_ids(system, block)
        assert set(labels.get(block, {})) == ids, (labels["region"], block)


def test_three_regions_are_calibrated_and_one_is_held_out():
    assert {p.stem for p in gold_scores.gold_files()} == {"omsk", "orenburg", "eao"}
    assert [p.stem for p in gold_scores.gold_files(held_out=True)] == ["irkutsk"]


def test_alignment_matches_the_gold_in_every_block_of_the_calibrated_regions():
    checked = 0
    for path in gold_scores.gold_files():
        labels = gold_scores.load_gold(path)
        alignment = gold_scores.region_alignment(labels["region"])
        for score in gold_scores.scores(labels, alignment):
            key = (labels["region"], score.block)
            if key in SHORT:
                assert score.right == score.found, key          # no wrong link claimed
                continue
            if score.gold == 0:
                assert score.found == 0, key
                continue
            assert score.precision >= 0.9 and score.recall >= 0.9, (key, score)
            checked += 1
    assert checked >= 19


def test_a_link_the_texts_do_not_bear_out_is_flagged(model):
    data = export_json("omsk")
    task = data["system"]["tasks"][0]
    task["model_ref"] = "task.01"
    task["text"] = "организация летнего отдыха и оздоровления детей в загородных лагерях;"
    alignment = align(data, model)
    pair = next(p for p in alignment.pairs if p.region and p.region.id == task["id"])
    assert pair.model.id == "task.01" and pair.source == "profile"
    assert pair.score < 0.45 and not pair.confident and pair.note
    assert "тексты мало похожи" in alignment.warnings[0]
    assert alignment.coverage()["tasks"]["check"] == 1


def test_a_link_the_texts_bear_out_is_not_flagged(model):
    data = export_json("omsk")
    data["system"]["tasks"][3]["model_ref"] = "task.04"
    alignment = align(data, model)
    pair = next(p for p in alignment.pairs if p.region and p.region.id == data["system"]["tasks"][3]["id"])
    assert pair.model.id == "task.04" and pair.source == "profile" and not pair.note and not alignment.warnings


def test_a_split_unit_gets_one_to_many_links(model):
    data = export_json("omsk")
    first = copy.deepcopy(data["system"]["tasks"][0])
    second = copy.deepcopy(first)
    first["text"] = ("выстраивание единой региональной системы профессионального развития педагогических "
                     "работников и управленческих кадров;")
    second["id"] = "task.01b"
    second["text"] = ("тьюторское сопровождение индивидуальных образовательных маршрутов педагогических работников, "
                      "построенных на основе диагностики профессиональных дефицитов, выявленных на базе ЦНППМ;")
    data["system"]["tasks"][0:1] = [first, second]
    pairs = [p for p in align(data, model).pairs if p.block == "tasks" and p.model and p.model.id == "task.01"]
    assert sorted(p.region.id for p in pairs) == [first["id"], "task.01b"]
    assert {p.link for p in pairs} == {"split"}


def test_merged_units_get_one_link_each(model):
    data = export_json("omsk")
    channels = data["system"]["interaction"]["channels"]
    merged = dict(channels[1], text="общедоступные коммуникации (совещания, образовательные мероприятия и др.) "
                                    "и онлайн-каналы (вебинары, размещение информации на тематических порталах);")
    channels[1:3] = [merged]
    pairs = [p for p in align(data, model).pairs if p.block == "interaction.channels" and p.region
             and p.region.id == merged["id"]]
    assert sorted(p.model.id for p in pairs) == ["channel.02", "channel.03"]
    assert {p.link for p in pairs} == {"merge"}


def test_a_unit_reworded_past_the_threshold_carries_its_closest_model_unit_as_a_candidate(model):
    data = export_json("omsk")
    task = data["system"]["tasks"][6]
    task["text"] = "вовлечение педагогов в исследовательскую и экспериментальную работу на базе инновационных площадок;"
    pair = next(p for p in align(data, model).pairs if p.region and p.region.id == task["id"])
    assert pair.status == "added" and pair.model is None            # no link claimed ...
    assert pair.candidate.id == "task.07" and 0.3 <= pair.candidate_score < 0.45    # ... but the closest shown
    assert pair.to_json()["candidate"]["id"] == "task.07"
    task["model_ref"] = "none"                                       # the region says it has no counterpart
    pair = next(p for p in align(data, model).pairs if p.region and p.region.id == task["id"])
    assert pair.status == "added" and pair.candidate is None
    task["model_ref"] = ""
    task["text"] = "организация летнего отдыха детей;"                 # nothing alike: no candidate
    pair = next(p for p in align(data, model).pairs if p.region and p.region.id == task["id"])
    assert pair.status == "added" and pair.candidate is None


def test_composite_groups_and_collectives_take_no_role(model):
    assert composite("ГКУ «ЦПРК», ГАУ ЦППМиСП, профессиональные образовательные организации, ЦОПП")
    assert composite("Управленческие команды; методические советы образовательных организаций")
    assert not composite("Методические объединения, профессиональные объединения педагогических работников")
    assert not composite("Оренбургский областной Дворец творчества имени В.П. Поляничко. Региональный центр")
    assert kind_of("Региональный методический актив") == "collective"
    assert kind_of("ГАУ ДПО «Институт развития образования»") == "organisation"
    data = export_json("omsk")
    regional = data["system"]["subjects"]["regional"]
    regional.append({"id": "partners", "name": "ГАУ «Центр оценки», профессиональные образовательные "
                     "организации, образовательные организации высшего образования",
                     "functions": [dict(f, id=f"partners.f{i}") for i, f in enumerate(regional[2]["functions"])]})
    regional.append({"id": "asset", "name": "Региональный методический актив",
                     "functions": [dict(f, id=f"asset.f{i}") for i, f in enumerate(regional[1]["functions"])]})
    roles = match_subjects(model, data)
    assert roles["partners"].role is None and roles["partners"].reason == "composite"
    assert roles["asset"].role is None            # does what the ЦНППМ does, but is no centre
    assert roles["iro"].role == "iro" and roles["cnppm"].role == "cnppm"


def test_the_profile_decides_a_role_and_its_absence(model):
    data = export_json("orenburg")
    regional = {s["id"]: s for s in data["system"]["subjects"]["regional"]}
    assert match_subjects(model, data)["ogpu"].role == "iro"
    regional["ogpu"]["model_ref"] = "none"
    regional["rnms"]["model_ref"] = "cnppm"
    roles = match_subjects(model, data)
    assert roles["ogpu"].role is None and roles["ogpu"].reason == "profile"
    assert roles["rnms"].role == "cnppm" and roles["rnms"].score == 1.0


def test_the_acts_a_region_adopted_decide_the_blocks_compared():
    eao = gold_scores.region_alignment("eao")
    coverage = eao.coverage()
    assert not coverage["tasks"]["applicable"] and coverage["tasks"]["coverage"] is None
    assert coverage["interaction.subjects"]["applicable"]
    assert coverage["всего"]["blocks"] == ["functions", "interaction.subjects", "interaction.channels"]
    assert not any(p.block == "tasks" for p in eao.pairs)
    omsk = gold_scores.region_alignment("omsk").coverage()
    assert omsk["glossary"]["applicable"] and omsk["glossary"]["coverage"] == 0     # an act of that kind has it
