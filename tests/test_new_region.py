"""`rsnms new` scaffolds a profile from the model that validates at once."""

from __future__ import annotations

from ruamel.yaml import YAML

from conftest import export_json, run_rsnms
from rsnms.readers.docx import docx_text


def test_new_region_validates_and_has_case_forms(project_copy):
    result = run_rsnms("new", "tver", "--name", "Тверская область", root=project_copy)
    assert result.returncode == 0, result.stderr
    path = project_copy / "regions" / "tver.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=profile.schema.json\n")
    data = YAML(typ="safe").load(text)
    assert data["region"]["cases"] == {
        "gen": "Тверской области", "dat": "Тверской области", "acc": "Тверскую область",
        "ins": "Тверской областью", "pre": "Тверской области",
    }
    # the model's region placeholder is filled in with the genitive
    assert "Тверской области" in data["system"]["name"]
    assert "[[region.cases.gen]]" not in text

    check = run_rsnms("validate", "tver", root=project_copy)
    assert check.returncode == 0, check.stderr
    # facts the model cannot know are placeholders, reported as warnings
    assert "предупреждение: не заполнено:" in check.stderr
    assert "наименование органа исполнительной власти" in check.stderr


def test_new_region_links_every_unit_to_the_model(project_copy):
    assert run_rsnms("new", "tver", "--name", "Тверская область", root=project_copy).returncode == 0
    tver = export_json("tver", root=project_copy)
    model = export_json("model", root=project_copy)
    roles = [s["id"] for level in model["system"]["subjects"].values() for s in level]
    assert [s["model_ref"] for level in tver["system"]["subjects"].values() for s in level] == roles
    cnppm = next(s for s in tver["system"]["subjects"]["regional"] if s["id"] == "cnppm")
    assert cnppm["functions"][6]["model_ref"] == "cnppm.f07"
    assert [t["model_ref"] for t in tver["system"]["tasks"]] == [t["id"] for t in model["system"]["tasks"]]
    assert all(item["deadline"] == "[[срок исполнения]]" for d in tver["roadmap"]["directions"]
               for item in d["items"])


def test_new_region_with_authority_and_multiword_name(project_copy):
    result = run_rsnms("new", "jao", "--name", "Еврейская автономная область",
                       "--authority", "Департамент образования Еврейской автономной области",
                       "--kind", "распоряжение", root=project_copy)
    assert result.returncode == 0, result.stderr
    data = export_json("jao", root=project_copy)
    assert data["region"]["cases"]["gen"] == "Еврейской автономной области"
    assert data["region"]["cases"]["ins"] == "Еврейской автономной областью"
    assert data["authority"]["cases"]["gen"] == "Департамента образования Еврейской автономной области"
    assert data["acts"]["order"]["kind"] == "распоряжение"
    # the draft order takes its clauses from the skeleton, in the grammar of its kind
    assert run_rsnms("build", "jao", "--no-site", root=project_copy).returncode == 0
    order = docx_text((project_copy / "build" / "acts" / "jao" / "order.docx").read_bytes()).replace("\u00a0", " ")
    assert "обязываю:" in order and "Контроль за исполнением настоящего распоряжения" in order
    assert "Утвердить прилагаемые:" in order and "(приложение № 1)" in order and "(приложение № 2)" in order


def test_new_asks_for_the_coordinator_and_takes_it(project_copy):
    result = run_rsnms("new", "tver", "--name", "Тверская область", root=project_copy)
    assert "system.coordinator" in result.stdout and "--coordinator" in result.stdout
    check = run_rsnms("validate", "tver", root=project_copy)
    assert "не указан координатор сетевого взаимодействия" in check.stderr
    result = run_rsnms("new", "pskov", "--name", "Псковская область", "--coordinator", "cnppm", root=project_copy)
    assert result.returncode == 0 and "system.coordinator" not in result.stdout
    assert export_json("pskov", root=project_copy)["system"]["coordinator"] == {"subject": "cnppm"}
    assert run_rsnms("build", "pskov", "--no-site", root=project_copy).returncode == 0
    network = docx_text((project_copy / "build" / "acts" / "pskov" / "network-regulation.docx").read_bytes())
    assert "координатором сетевого взаимодействия субъектов рснмс является центр" in network.lower()
    bad = run_rsnms("new", "kursk", "--name", "Курская область", "--coordinator", "nobody", root=project_copy)
    assert bad.returncode == 2 and "нет субъекта «nobody»" in bad.stderr
    assert not (project_copy / "regions" / "kursk.yaml").exists()


def test_new_refuses_existing_profile_and_bad_id(project_copy):
    before = (project_copy / "regions" / "omsk.yaml").read_bytes()
    result = run_rsnms("new", "omsk", "--name", "Омская область", root=project_copy)
    assert result.returncode == 2
    assert "профиль уже существует" in result.stderr
    assert (project_copy / "regions" / "omsk.yaml").read_bytes() == before

    result = run_rsnms("new", "Тверь", "--name", "Тверская область", root=project_copy)
    assert result.returncode == 2
    assert "идентификатор региона" in result.stderr
    assert not (project_copy / "regions" / "Тверь.yaml").exists()
