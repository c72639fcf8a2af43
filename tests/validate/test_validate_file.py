"""Whatever a person does to a valid profile, validation answers with diagnostics, never a crash.

Hypothesis deletes, duplicates and retypes lines of tests/data/minimal.yaml and
replaces scalar values with values of other types; `validate_file` must return
(profile or None, diagnostics) every time.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from rsnms.project import Project
from rsnms.validate import load_catalog, validate_file

BASE = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8").splitlines()
CATALOG = load_catalog(Project(ROOT))
ODD_VALUES = ["", "~", "[]", "{}", "[1, 2]", "{a: 1}", "2022-13-45", "0", "-1", "true", "«»", "[[x]]",
              "system", "acts.order", "'", '"', "- x", ": :", "&a", "*a", "!!str 5", "1e9"]


@st.composite
def mutated(draw):
    lines = list(BASE)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "indent", "dedent"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(ODD_VALUES))}"
        if not lines:
            break
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated())
def test_mutated_profiles_give_diagnostics_not_exceptions(tmp_path_factory, text):
    path: Path = tmp_path_factory.mktemp("p") / "minimal.yaml"
    path.write_text(text, encoding="utf-8")
    profile, diagnostics = validate_file(path, CATALOG)
    if profile is None:
        assert any(d.severity == "error" for d in diagnostics)
    for d in diagnostics:
        assert d.line >= 1 and d.column >= 1
        assert re.search("[а-яё]", d.message), d.message  # Russian, for the user
