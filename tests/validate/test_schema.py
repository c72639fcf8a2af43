"""The profile schema is generated from the federal model and kept up to date."""

from __future__ import annotations

import json

from conftest import ROOT, run_rsnms


def _schema(root=ROOT) -> dict:
    return json.loads((root / "regions" / "profile.schema.json").read_text(encoding="utf-8"))


def test_committed_schema_is_current():
    result = run_rsnms("schema", "--check")
    assert result.returncode == 0, result.stderr


def test_schema_enumerates_model_roles_functions_and_federal_acts():
    defs = _schema()["$defs"]
    assert defs["RoleRef"]["enum"][:3] == ["roiv", "cnppm", "iro"]
    assert "cnppm.f07" in defs["FunctionRef"]["enum"]
    assert "fz-273" in defs["FederalActRef"]["enum"]
    assert defs["Subject"]["properties"]["model_ref"] == {"anyOf": [{"$ref": "#/$defs/RoleRef"},
                                                                     {"$ref": "#/$defs/NoModel"}]}
    assert defs["NoModel"]["const"] == "none"      # the region's decision: no counterpart in the model
    assert _schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_adding_a_function_to_a_role_changes_the_schema(project_copy):
    model = project_copy / "acts" / "model.yaml"
    text = model.read_text(encoding="utf-8")
    functions = json.loads(run_rsnms("export", "model", root=project_copy).stdout)
    cnppm = next(s for s in functions["system"]["subjects"]["regional"] if s["id"] == "cnppm")
    last = cnppm["functions"][-1]
    new_id = f"cnppm.f{len(cnppm['functions']) + 1:02d}"
    anchor = f"id: {last['id']}"
    assert text.count(anchor) == 1
    # insert a new function item after the last cnppm function («- id: …» then «text: …»)
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == f"- {anchor}")
    assert lines[at + 1].strip().startswith("text: ")
    dash = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines.insert(at + 2, f"{dash}- id: {new_id}\n{dash}  text: организует новое направление работы.\n")
    model.write_text("".join(lines), encoding="utf-8")

    assert run_rsnms("schema", "--check", root=project_copy).returncode == 2
    result = run_rsnms("schema", root=project_copy)
    assert result.returncode == 0, result.stderr
    assert new_id in _schema(project_copy)["$defs"]["FunctionRef"]["enum"]
    assert new_id not in _schema()["$defs"]["FunctionRef"]["enum"]
    assert run_rsnms("schema", "--check", root=project_copy).returncode == 0


def test_schema_holds_only_json_schema_keywords_and_whole_descriptions():
    """A description written in a flow mapping once split at its comma into a stray key
    («издающего акты»: null) — every key of every subschema must be a keyword, and every
    description a sentence that reached the schema whole."""
    from jsonschema.validators import Draft202012Validator

    keywords = set(Draft202012Validator.META_SCHEMA["properties"]) | {"$defs", "$schema", "$id"}
    keywords |= {"type", "enum", "const", "properties", "required", "items", "additionalProperties", "pattern",
                 "minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum", "anyOf", "oneOf",
                 "allOf", "not", "$ref", "description", "title", "default", "format", "uniqueItems",
                 "propertyNames", "patternProperties", "examples", "if", "then", "else", "prefixItems",
                 "unevaluatedProperties", "contains", "dependentRequired", "minProperties", "maxProperties",
                 "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "deprecated", "readOnly", "$comment"}
    stray: list[str] = []

    def walk(node, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("properties", "$defs", "patternProperties"):
                    for name, sub in value.items():
                        walk(sub, f"{where}/{key}/{name}")
                    continue
                if key not in keywords:
                    stray.append(f"{where}: {key!r}")
                if key == "description" and (not isinstance(value, str) or "\a" in value):
                    stray.append(f"{where}: description {value!r}")
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{where}/{i}")

    walk(_schema(), "#")
    assert stray == []
