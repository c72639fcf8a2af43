"""Safe YAML reading with source positions (reader stage of the pipeline).

The document is composed into nodes by ruamel.yaml (YAML 1.2) and turned into plain
Python data here, so that the rules are ours and explicit:

* only the standard scalar, sequence and mapping tags are accepted (no ``!tag``,
  no ``<<`` merge keys, no binary/set/omap);
* a duplicate key is an error naming both lines;
* timestamps stay strings (``2022-04-07``): dates are checked later with a Russian
  message instead of a constructor crash on ``2022-02-30``.

Every value's position is kept in :class:`Positions` for located messages.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..diagnostics import Diagnostic, InputError, display_path, format_path
from ..lang.translations import YAML_PROBLEMS

_STD = "tag:yaml.org,2002:"



@dataclass
class Positions:
    """Where each value (and each mapping key) stands in the source, 1-based."""

    file: str
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """Position of ``path``; falls back to the nearest enclosing value."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        path = tuple(path)
        while path:
            if path in self.keys:
                return self.keys[path]
            path = path[:-1]
            if path in self.values:
                return self.values[path]
        return self.values.get((), (1, 1))

    def diagnostic(self, path: tuple, message: str, *, key: bool = False, severity: str = "error") -> Diagnostic:
        line, col = self.of(tuple(path), key=key)
        return Diagnostic(self.file, line, col, format_path(tuple(path)), message, severity)


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: ScalarNode, path: tuple, pos: Positions, errors: list[Diagnostic]):
    tag, value = node.tag, node.value
    if tag == _STD + "str":
        return value
    if tag == _STD + "null":
        return None
    if tag == _STD + "bool":
        return value.lower() == "true"
    if tag == _STD + "int":
        text = value.replace("_", "")
        if re.fullmatch(r"[-+]?0o[0-7]+", text):
            return int(text.replace("0o", ""), 8)
        if re.fullmatch(r"[-+]?0x[0-9a-fA-F]+", text):
            return int(text, 16)
        return int(text, 10)
    if tag == _STD + "float":
        low = value.lower()
        if low in (".inf", "+.inf"):
            return math.inf
        if low == "-.inf":
            return -math.inf
        if low == ".nan":
            return math.nan
        return float(value)
    if tag == _STD + "timestamp":
        return value
    errors.append(pos.diagnostic(path, f"нестандартный тег «{tag}» не допускается: уберите его"))
    return value


def _build(node, path: tuple, pos: Positions, errors: list[Diagnostic]):
    pos.values[path] = _mark(node)
    if isinstance(node, ScalarNode):
        return _scalar(node, path, pos, errors)
    if isinstance(node, SequenceNode):
        if node.tag != _STD + "seq":
            errors.append(pos.diagnostic(path, f"нестандартный тег «{node.tag}» не допускается: уберите его"))
        return [_build(item, path + (i,), pos, errors) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        if node.tag != _STD + "map":
            errors.append(pos.diagnostic(path, f"нестандартный тег «{node.tag}» не допускается: уберите его"))
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _STD + "merge":
                line, col = _mark(key_node)
                errors.append(Diagnostic(pos.file, line, col, format_path(path),
                                         "ключ слияния «<<» не поддерживается: запишите поля явно"))
                continue
            if not isinstance(key_node, ScalarNode):
                line, col = _mark(key_node)
                errors.append(Diagnostic(pos.file, line, col, format_path(path),
                                         "ключом может быть только строка"))
                continue
            key = _scalar(key_node, path, pos, errors)
            key = key if isinstance(key, str) else str(key)
            line, col = _mark(key_node)
            if key in result:
                errors.append(Diagnostic(pos.file, line, col, format_path(path + (key,)),
                                         f"повторяющийся ключ «{key}» (первый раз — строка {first_line[key]}): "
                                         "оставьте один"))
                continue
            first_line[key] = line
            pos.keys[path + (key,)] = (line, col)
            result[key] = _build(value_node, path + (key,), pos, errors)
        return result
    raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover - ruamel gives only these three


def load(path: Path) -> tuple[object, Positions]:
    """Read ``path``; return plain data and positions, or raise :class:`InputError`."""
    shown = display_path(path)
    pos = Positions(shown)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([Diagnostic(shown, 1, 1, "", "файл не найден: проверьте имя")]) from None
    except UnicodeDecodeError as exc:
        raise InputError([Diagnostic(shown, 1, 1, "",
                                     f"файл не в кодировке UTF-8 (байт {exc.start}): сохраните его в UTF-8")]) from None
    return loads(text, pos)


def loads(text: str, pos: Positions) -> tuple[object, Positions]:
    yaml = YAML(typ="rt", pure=True)
    yaml.version = (1, 2)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ruamel's English warnings (reused anchors) are not for users
            nodes = list(yaml.compose_all(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (exc.problem or exc.context or "").strip()
        russian = next((ru for en, ru in YAML_PROBLEMS.items() if problem.startswith(en)), None)
        message = russian or f"синтаксическая ошибка YAML ({problem})"
        raise InputError([Diagnostic(pos.file, line, col, "", message + ": исправьте синтаксис")]) from None
    except YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise InputError([Diagnostic(pos.file, 1, 1, "", f"синтаксическая ошибка YAML ({exc})")]) from None
    if not nodes or nodes[0] is None:
        raise InputError([Diagnostic(pos.file, 1, 1, "", "файл пуст: нужен один документ YAML")])
    if len(nodes) > 1:
        line = nodes[0].end_mark.line + 1
        raise InputError([Diagnostic(pos.file, line, 1, "", "второй документ (---) в файле: "
                                     "профиль — один документ YAML, уберите «---»")])
    errors: list[Diagnostic] = []
    data = _build(nodes[0], (), pos, errors)
    if errors:
        raise InputError(errors)
    return data, pos
