"""Validation stage: raw YAML → checked, normalized :class:`Profile` (or diagnostics).

Order of work for a profile: safe YAML reading (:mod:`rsnms.yamlio`), the JSON Schema
generated from the federal model (messages translated to Russian here), then the
cross-reference checks (:mod:`rsnms.checks`). Every problem of every file is
collected, so one run reports them all.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from . import checks, schema as schema_mod, yamlio
from .diagnostics import Diagnostic, InputError
from .profile import Profile, normalize
from .project import REGISTRY_SCHEMA, Project

TYPE_NAMES = {
    "string": "строка", "array": "список", "object": "словарь (поля «ключ: значение»)",
    "integer": "целое число", "number": "число", "boolean": "логическое значение (true/false)",
    "null": "пустое значение",
}
PATTERN_MESSAGES = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "дата «{v}» должна быть записана как ГГГГ-ММ-ДД (например, 2023-06-13)",
    "^[a-z][a-z0-9_-]*$": "идентификатор «{v}»: допустимы строчные латинские буквы, цифры, «-» и «_», "
                          "первой — буква",
    "^[a-z][a-z0-9-]*$": "идентификатор «{v}»: допустимы строчные латинские буквы, цифры и «-», первой — буква",
    "^[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*$": "идентификатор «{v}»: допустимы строчные латинские буквы, цифры, "
                                           "«-», «_» и точки между частями",
    "^(system|acts|roadmap)(\\.[a-z0-9_-]+)*$": "путь «{v}» должен начинаться с system., acts. или roadmap "
                                               "(например, system.tasks)",
    "\\S": "пустой текст: заполните поле или удалите его",
    "^acts/sources/.+": "путь «{v}» должен вести в acts/sources/",
}


def _kind(value) -> str:
    if isinstance(value, bool):
        return "логическое значение"
    if isinstance(value, str):
        return f"строка «{value[:40]}{'…' if len(value) > 40 else ''}»"
    if isinstance(value, list):
        return "список"
    if isinstance(value, dict):
        return "словарь"
    if value is None:
        return "пустое значение"
    return f"число {value}"


def _resolve(root: dict, sub: dict) -> dict:
    while "$ref" in sub and sub["$ref"].startswith("#/$defs/"):
        sub = root["$defs"][sub["$ref"].split("/")[-1]]
    return sub


def _allowed_keys(root: dict, sub: dict) -> list[str]:
    sub = _resolve(root, sub)
    keys = list(sub.get("properties", {}))
    for part in sub.get("allOf", []):
        keys += _allowed_keys(root, part)
    return keys


def _branch_keys(root: dict, sub: dict) -> set[str]:
    sub = _resolve(root, sub)
    keys = set(sub.get("properties", {}))
    for part in sub.get("allOf", []) + sub.get("oneOf", []) + sub.get("anyOf", []):
        keys |= _branch_keys(root, part)
    return keys


def _leaf(error: ValidationError, root: dict) -> ValidationError | list[str]:
    """Descend through oneOf/anyOf to the error that explains the problem.

    Among the alternatives, the one meant is the one whose fields cover the most of
    the value's keys (then the one with the fewest errors). Returns the list of
    expected type names when every alternative failed on the type.
    """
    while error.validator in ("oneOf", "anyOf") and error.context:
        branches: dict[int, list[ValidationError]] = {}
        for c in error.context:
            branches.setdefault(c.relative_schema_path[0], []).append(c)
        typed = {i: errs for i, errs in branches.items()
                 if not all(c.validator == "type" and not c.relative_path for c in errs)}
        if not typed:
            expected: list[str] = []
            for c in error.context:
                for t in c.validator_value if isinstance(c.validator_value, list) else [c.validator_value]:
                    if TYPE_NAMES.get(t, t) not in expected:
                        expected.append(TYPE_NAMES.get(t, t))
            return expected
        instance_keys = set(error.instance) if isinstance(error.instance, dict) else set()

        def score(item):
            index, errs = item
            unknown = len(instance_keys - _branch_keys(root, error.validator_value[index]))
            return (unknown, len(errs), index)

        _index, errs = min(typed.items(), key=score)
        error = best_match(errs)
    return error


def translate(error: ValidationError, root: dict, pos: yamlio.Positions) -> list[Diagnostic]:
    """A jsonschema error → located Russian diagnostics."""
    leaf = _leaf(error, root)
    if isinstance(leaf, list):
        path = tuple(error.absolute_path)
        return [pos.diagnostic(path, f"ожидается {' или '.join(leaf)}, а указан(а) {_kind(error.instance)}")]
    error = leaf
    path = tuple(error.absolute_path)
    v, value = error.validator, error.instance
    if v == "required":
        missing = [k for k in error.validator_value if isinstance(value, dict) and k not in value]
        return [pos.diagnostic(path, f"нет обязательного поля «{k}»: добавьте его") for k in missing]
    if v in ("additionalProperties", "unevaluatedProperties"):
        allowed = _allowed_keys(root, error.schema)
        extras = re.findall(r"'([^']+)'", error.message.split("(")[-1]) or ["?"]
        out = []
        for key in extras:
            hint = difflib.get_close_matches(key, allowed, n=1)
            tip = f"возможно, имелось в виду «{hint[0]}»" if hint else f"допустимы: {', '.join(allowed)}"
            out.append(pos.diagnostic(path + (key,), f"неизвестное поле «{key}»: {tip}", key=True))
        return out
    if v == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = " или ".join(TYPE_NAMES.get(t, t) for t in expected)
        return [pos.diagnostic(path, f"ожидается {names}, а указан(а) {_kind(value)}")]
    if v == "enum":
        options = [str(o) for o in error.validator_value]
        what = error.schema.get("description")
        if len(options) <= 12:
            msg = f"недопустимое значение «{value}»: допустимы {', '.join(options)}"
        else:
            hint = difflib.get_close_matches(str(value), options, n=1)
            msg = f"«{value}» не найдено" + (f" ({what.lower()})" if what else "")
            msg += f": возможно, «{hint[0]}»" if hint else ": проверьте идентификатор"
        return [pos.diagnostic(path, msg)]
    if v == "pattern":
        template = PATTERN_MESSAGES.get(error.validator_value, "значение «{v}» имеет неверный вид")
        return [pos.diagnostic(path, template.format(v=value))]
    if v == "minLength":
        return [pos.diagnostic(path, "пустая строка: заполните поле или удалите его")]
    if v == "minItems":
        return [pos.diagnostic(path, "пустой список: добавьте хотя бы один элемент")]
    if v == "minimum":
        return [pos.diagnostic(path, f"значение должно быть не меньше {error.validator_value}")]
    return [pos.diagnostic(path, f"значение не соответствует схеме (правило «{v}»)")]


def schema_diagnostics(data, schema: dict, pos: yamlio.Positions) -> list[Diagnostic]:
    validator = jsonschema.Draft202012Validator(schema)
    out: list[Diagnostic] = []
    for error in validator.iter_errors(data):
        out += translate(error, schema, pos)
    return sorted(set(out))


@dataclass
class Catalog:
    """The federal layer every profile is checked against."""

    project: Project
    registry: dict
    model: Profile
    schema: dict
    values: dict
    drafts: dict


def load_drafts(project: Project, full_schema: dict) -> dict:
    """acts/drafts.yaml: skeletons of the acts rsnms composes, checked like a profile's acts."""
    raw, pos = yamlio.load(project.drafts)
    schema = {"$schema": full_schema.get("$schema"), "$defs": full_schema["$defs"], "type": "object",
              "additionalProperties": False, "required": ["order", "network_regulation"],
              "properties": {"order": {"$ref": "#/$defs/Order"},
                             "network_regulation": {"$ref": "#/$defs/NetworkRegulation"}}}
    problems = schema_diagnostics(raw, schema, pos)
    if problems:
        raise InputError(problems)
    return raw


def load_registry(project: Project) -> dict:
    data, pos = yamlio.load(project.registry)
    registry_schema, _ = yamlio.load(REGISTRY_SCHEMA)
    problems = schema_diagnostics(data, registry_schema, pos)
    if not problems:
        seen: set[str] = set()
        for i, act in enumerate(data["acts"]):
            if act["id"] in seen:
                problems.append(pos.diagnostic(("acts", i, "id"), f"акт «{act['id']}» уже есть в реестре"))
            seen.add(act["id"])
            if "date" in act:
                try:
                    date.fromisoformat(act["date"])
                except ValueError:
                    problems.append(pos.diagnostic(("acts", i, "date"), f"несуществующая дата «{act['date']}»"))
        for i, act in enumerate(data["acts"]):
            for key in ("amends", "part_of"):
                if key in act and act[key] not in seen:
                    problems.append(pos.diagnostic(("acts", i, key), f"акта «{act[key]}» нет в реестре"))
    if problems:
        raise InputError(problems)
    return data


def load_catalog(project: Project) -> Catalog:
    registry = load_registry(project)
    core = schema_mod.load_core()
    raw, pos = yamlio.load(project.model)
    problems = schema_diagnostics(raw, schema_mod.complete(core, None), pos)
    if problems:
        raise InputError(problems)
    values = schema_mod.model_values(normalize(raw), registry)
    full = schema_mod.complete(core, values)
    problems = schema_diagnostics(raw, full, pos)
    problems += checks.check(raw, pos, file=project.model, root=project.root,
                             model_functions=set(values["functions"]))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    model = Profile(project.model, raw, normalize(raw), pos)
    return Catalog(project, registry, model, full, values, load_drafts(project, full))


def validate_file(path: Path, catalog: Catalog) -> tuple[Profile | None, list[Diagnostic]]:
    """One profile: (profile or None, every diagnostic including warnings)."""
    try:
        raw, pos = yamlio.load(path)
    except InputError as exc:
        return None, exc.diagnostics
    problems = schema_diagnostics(raw, catalog.schema, pos)
    if problems:
        return None, problems
    problems = checks.check(raw, pos, file=path, root=catalog.project.root,
                            model_functions=set(catalog.values["functions"]))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return Profile(path, raw, normalize(raw), pos), problems


def validate_files(paths: list[Path], catalog: Catalog) -> tuple[list[Profile], list[Diagnostic]]:
    profiles, diagnostics = [], []
    for path in paths:
        profile, problems = validate_file(path, catalog)
        diagnostics += problems
        if profile is not None:
            profiles.append(profile)
    return profiles, diagnostics
