"""The command line speaks Russian, exits 2 on user mistakes and never shows a traceback."""

from __future__ import annotations

import json

from ruamel.yaml import YAML

from conftest import ROOT, run_rsnms


def test_help_is_russian():
    result = run_rsnms("--help")
    assert result.returncode == 0
    assert "использование: rsnms" in result.stdout
    assert "проверить профили регионов" in result.stdout


def test_unknown_command_and_missing_argument():
    for args in (["frobnicate"], ["export"], ["new", "tver"]):
        result = run_rsnms(*args)
        assert result.returncode == 2
        assert "ошибка:" in result.stderr
        assert "Traceback" not in result.stderr


def test_unknown_region():
    result = run_rsnms("validate", "atlantis")
    assert result.returncode == 2
    assert "регион «atlantis» не найден в regions/" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file():
    result = run_rsnms("validate", "nowhere/profile.yaml")
    assert result.returncode == 2
    assert "nowhere/profile.yaml:1:1: (весь файл): файл не найден" in result.stderr


def test_export_json_and_yaml_agree():
    as_json = json.loads(run_rsnms("export", "omsk", "--format", "json").stdout)
    as_yaml = YAML(typ="safe").load(run_rsnms("export", "omsk", "--format", "yaml").stdout)
    assert as_json == as_yaml
    # normalized: every task is an object with a derived id
    assert as_json["system"]["tasks"][0]["id"] == "task.01"
    assert isinstance(as_json["system"]["tasks"][0]["text"], str)
    functions = as_json["system"]["subjects"]["regional"][0]["functions"]
    assert functions[0]["id"] == as_json["system"]["subjects"]["regional"][0]["id"] + ".f01"


def test_export_gives_each_roadmap_row_its_number_and_period():
    data = json.loads(run_rsnms("export", "omsk").stdout)
    rows = [item for d in data["roadmap"]["directions"] for item in d.get("items", [])]
    assert [row["num"] for row in rows] == list(range(1, len(rows) + 1))
    assert all("period" in row for row in rows)


def test_broken_profile_in_regions_stops_the_build_and_keeps_outputs(project_copy):
    assert run_rsnms("build", root=project_copy).returncode == 0
    built = {p: p.read_bytes() for p in (project_copy / "build").rglob("*") if p.is_file()}
    assert built
    profile = project_copy / "regions" / "omsk.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("id: omsk", "id: omsk\nid: again", 1),
                       encoding="utf-8")
    result = run_rsnms("build", root=project_copy)
    assert result.returncode == 2
    assert "regions/omsk.yaml:3:1: id: повторяющийся ключ «id»" in result.stderr
    assert {p: p.read_bytes() for p in (project_copy / "build").rglob("*") if p.is_file()} == built


def test_build_writes_normalized_data_deterministically(project_copy):
    assert run_rsnms("build", root=project_copy).returncode == 0
    first = {p.name: p.read_bytes() for p in (project_copy / "build" / "data").iterdir()}
    assert set(first) == {f"{r}.json" for r in ["model", "omsk", "orenburg", "irkutsk", "eao"]
                          if (ROOT / "regions" / f"{r}.yaml").exists() or r == "model"}
    assert run_rsnms("build", root=project_copy).returncode == 0
    second = {p.name: p.read_bytes() for p in (project_copy / "build" / "data").iterdir()}
    assert first == second
