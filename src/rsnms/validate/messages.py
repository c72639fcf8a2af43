"""JSON Schema errors → located Russian diagnostics.

jsonschema reports what failed in its own terms (``oneOf``, ``additionalProperties``);
this finds the error that explains the problem (the alternative the author meant) and
says it in Russian, at the value's line and column.
"""

from __future__ import annotations

import difflib
import re

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from ..diagnostics import Diagnostic
from ..lang.translations import PATTERN_MESSAGES, TYPE_NAMES
from ..readers import yamlio


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


MAX_ERRORS = 200      # a file with more is not a profile with typos: the first ones say what is wrong


_VALIDATOR: list = [None, None]     # the schema and its validator: built once for every profile checked
_KEYWORDS = set(jsonschema.Draft202012Validator.VALIDATORS)     # the keywords that validate
_DATA = ("enum", "const", "default", "examples")    # values, not schemas


def inlined(schema: dict) -> dict:
    """The schema with each ``{"$ref": "#/$defs/X"}`` (beside it only words that do not
    validate, a description) replaced by the definition itself, the same dict wherever it is
    used (a recursive definition becomes a cycle): jsonschema then validates without looking
    references up, in half the time, with the same keywords in the same order — so the same
    errors (``tests/validate/test_schema_inlined.py``). ``$defs`` stays for the rest."""
    if "$defs" not in schema:
        return schema
    defs: dict[str, dict] = {name: {} for name in schema["$defs"]}

    def inline(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/") and ref[8:] in defs and not _KEYWORDS & (set(node) - {"$ref"}):
                return defs[ref[8:]]
            return {key: value if key in _DATA else inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(value) for value in node]
        return node

    for name, definition in schema["$defs"].items():
        defs[name].update({key: value if key in _DATA else inline(value) for key, value in definition.items()})
    out = inline({key: value for key, value in schema.items() if key != "$defs"})
    out["$defs"] = schema["$defs"]
    return out


def validator_of(schema: dict):
    if _VALIDATOR[0] is not schema:
        _VALIDATOR[:] = [schema, jsonschema.Draft202012Validator(inlined(schema))]
    return _VALIDATOR[1]


def schema_diagnostics(data, schema: dict, pos: yamlio.Positions, validator=None) -> list[Diagnostic]:
    """Located Russian messages of the schema's errors (``validator``: another validator of
    ``schema``, for the test that the inlined one says the same)."""
    validator = validator or validator_of(schema)
    out: list[Diagnostic] = []
    for error in validator.iter_errors(data):
        out += translate(error, schema, pos)
        if len(out) >= MAX_ERRORS:
            break
    return capped(sorted(set(out)), pos.file)


def capped(diagnostics: list[Diagnostic], file: str) -> list[Diagnostic]:
    """At most :data:`MAX_ERRORS` errors of one file, then a line saying the rest were not listed."""
    errors = [d for d in diagnostics if d.severity == "error"]
    if len(errors) < MAX_ERRORS:
        return diagnostics
    kept = errors[:MAX_ERRORS]
    last = kept[-1]
    return kept + [Diagnostic(file, last.line, last.column, "", f"ошибок не меньше {MAX_ERRORS}: показаны первые, "
                              "остальные не проверялись — исправьте эти и запустите проверку снова")]
