"""Every broken profile in tests/broken/ gives exactly its expected located messages and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT, run_rsnms

BROKEN = ROOT / "tests" / "broken"
EXPECTED = YAML(typ="safe").load((BROKEN / "expected.yaml").read_text(encoding="utf-8"))
FILES = sorted(p for p in BROKEN.glob("*.yaml") if p.name != "expected.yaml")


def test_there_are_at_least_30_broken_profiles_each_with_expectations():
    assert len(FILES) >= 30
    assert sorted(EXPECTED) == [p.name for p in FILES]


def test_the_base_of_the_broken_profiles_is_valid():
    result = run_rsnms("validate", "tests/data/minimal.yaml")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_broken_profile_reports_located_russian_message(path: Path):
    shown = f"tests/broken/{path.name}"
    result = run_rsnms("validate", shown)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    got = [line[len(shown) + 1:] for line in result.stderr.splitlines() if line.startswith(shown + ":")]
    assert got == EXPECTED[path.name]
    assert result.stdout == ""


def test_all_problems_of_several_files_are_reported_at_once():
    first, second = FILES[0], FILES[-1]
    result = run_rsnms("validate", f"tests/broken/{first.name}", f"tests/broken/{second.name}")
    assert result.returncode == 2
    assert f"tests/broken/{first.name}:" in result.stderr
    assert f"tests/broken/{second.name}:" in result.stderr
