"""The schema's validator with references inlined (`messages.inlined`) says what the schema as
written says: the same messages at the same places, for the real profiles, the broken ones of
tests/broken and profiles Hypothesis mutates."""

from __future__ import annotations

import jsonschema
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from rsnms.diagnostics import InputError
from rsnms.project import Project
from rsnms.readers import yamlio
from rsnms.validate import load_catalog
from rsnms.validate.messages import inlined, schema_diagnostics

SCHEMA = load_catalog(Project(ROOT)).schema
AS_WRITTEN = jsonschema.Draft202012Validator(SCHEMA)
PROFILES = sorted((ROOT / "regions").glob("*.yaml")) + sorted((ROOT / "tests" / "broken").glob("*.yaml"))
BASE = (ROOT / "regions" / "omsk.yaml").read_text(encoding="utf-8").splitlines()
ODD = ["", "~", "[]", "{}", "[1, 2]", "{a: 1}", "2022-13-45", "0", "true", "x", "system", "- x", "[[x]]",
       "{text: т}", "{id: x, text: т}", "none", "cnppm", "adopted", "[{text: т, z: 1}]"]


def both(text: str):
    try:
        data, pos = yamlio.loads(text, yamlio.Positions("x.yaml"))
    except InputError:
        return None
    return schema_diagnostics(data, SCHEMA, pos), schema_diagnostics(data, SCHEMA, pos, AS_WRITTEN)


def test_no_reference_is_left_to_look_up_and_a_recursive_definition_is_a_cycle():
    schema, seen, refs, cycles = inlined(SCHEMA), set(), [], 0
    stack = [v for k, v in schema.items() if k != "$defs"]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack += node
        elif isinstance(node, dict):
            cycles += id(node) in seen
            if id(node) not in seen:
                seen.add(id(node))
                refs += [node["$ref"]] if "$ref" in node else []
                stack += [v for k, v in node.items() if k not in ("enum", "const")]
    assert refs == [] and cycles > 0
    assert schema["$defs"] is SCHEMA["$defs"]


def test_real_and_broken_profiles_get_the_same_messages():
    compared = 0
    for path in PROFILES:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        answer = both(text)
        if answer:
            assert answer[0] == answer[1], path
            compared += bool(answer[0])
    assert compared >= 10          # broken profiles whose schema errors were compared


@st.composite
def mutated(draw):
    lines = list(BASE)
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif ":" in lines[i]:
            lines[i] = lines[i].split(":", 1)[0] + ": " + draw(st.sampled_from(ODD))
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated())
def test_mutated_profiles_get_the_same_messages(text):
    answer = both(text)
    if answer:
        assert answer[0] == answer[1]
