"""Safe YAML reading with source positions (reader stage of the pipeline).

The document is composed into nodes and turned into plain Python data here, so that the
rules are ours and explicit. Two parsers compose, with the same limits and the same YAML 1.2
tags: first libyaml through :mod:`.yamlfast` (2 ms for a profile of 80 KB), which answers
only for the plain subset profiles are written in and the files within the limits; for
anything else — every error among them — ruamel.yaml (pure Python, 90 ms) reads the file and
says what is wrong, so every message comes from one path. Both give the same data and the
same positions (``tests/readers/test_yamlfast.py`` proves it on every YAML file of the
project and the tests, on hostile inputs and on mutated profiles). The rules:

* only the standard scalar, sequence and mapping tags are accepted (no ``!tag``,
  no ``<<`` merge keys, no binary/set/omap);
* a duplicate key is an error naming both lines;
* timestamps stay strings (``2022-04-07``): dates are checked later with a Russian
  message instead of a constructor crash on ``2022-02-30``;
* a folded block (``>``) reads as folded text (without the BEL marks ruamel's round-trip
  scanner puts where it folded);
* limits, checked while the parser reads (so a hostile file is refused before the parser
  is exhausted): the file's size (:data:`MAX_BYTES`, before reading), nesting depth, items
  of one list or mapping, length of one value, and values in all — an alias ``*a`` counts
  as the values of its anchor, so a «billion laughs» stops at :data:`MAX_NODES` (the fast
  path takes no anchors and gives way at the first limit passed: the message is ruamel's);
* only a regular file is read (a folder, a named pipe, a symlink loop is a located message,
  never a hang), bytes that are not UTF-8 and characters YAML does not allow (NUL, control
  characters) are located at their line and column.

Every value's position is kept in :class:`Positions` for located messages.
"""

from __future__ import annotations

import math
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, SequenceNode

from ..diagnostics import Diagnostic, InputError, display_path, format_path
from ..lang.translations import YAML_PROBLEMS
from . import yamlfast
from .files import read_text

_STD = "tag:yaml.org,2002:"

# limits of one YAML file (the largest profile: 0.2 MB, depth 11, 1 800 values, 89 items in a list)
MAX_BYTES = 2 * 2**20
MAX_DEPTH = 40
MAX_ITEMS = 5_000
MAX_NODES = 50_000
MAX_SCALAR = 100_000
LIMITS = yamlfast.Limits(depth=MAX_DEPTH, items=MAX_ITEMS, nodes=MAX_NODES, scalar=MAX_SCALAR)
# characters YAML 1.2 does not allow in a stream (tab, line breaks and NEL are allowed)
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


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


def _unfolded(node) -> str:
    """The value without the BEL marks ruamel's round-trip scanner puts where it folded a ``>``
    block (a BEL of the user's cannot be there: the raw character is refused, a block has no
    escapes)."""
    return node.value.replace("\a", "") if node.style == ">" else node.value


def _scalar(node, path: tuple, pos: Positions, errors: list[Diagnostic]):
    tag, value = node.tag, node.value
    if tag == _STD + "str":
        return _unfolded(node)
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
    """Plain data from a node of either path (ruamel's or :mod:`.yamlfast`'s PyYAML nodes: the
    same ``id``, ``tag``, ``value`` and ``start_mark``)."""
    pos.values[path] = _mark(node)
    if node.id == "scalar":
        return _scalar(node, path, pos, errors)
    if node.id == "sequence":
        if node.tag != _STD + "seq":
            errors.append(pos.diagnostic(path, f"нестандартный тег «{node.tag}» не допускается: уберите его"))
        return [_build(item, path + (i,), pos, errors) for i, item in enumerate(node.value)]
    if node.id == "mapping":
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
            if key_node.id != "scalar":
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
    raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover - both paths give only these three


class _Limit(Exception):
    """A limit of :class:`_Composer` was passed at ``mark``."""

    def __init__(self, message: str, mark):
        super().__init__(message)
        self.message, self.mark = message, mark


class _Composer(Composer):
    """ruamel's composer that counts as it goes: depth, items of each list and mapping, the
    length of each value, and values in all with aliases expanded."""

    def __init__(self, loader=None):
        super().__init__(loader)
        self.count = 0
        self.sizes: dict = {}           # anchor → values under it (None while it is being composed)

    def compose_node(self, parent, index):
        event = self.parser.peek_event()
        if isinstance(parent, SequenceNode) and index >= MAX_ITEMS or \
                isinstance(parent, MappingNode) and index is None and len(parent.value) >= MAX_ITEMS:
            raise _Limit(f"больше {MAX_ITEMS:_} элементов в одном списке или словаре".replace("_", " "),
                         event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise _Limit(f"вложенность глубже {MAX_DEPTH} уровней", event.start_mark)
        if isinstance(event, AliasEvent):
            size = self.sizes.get(event.anchor, 1)
            if size is None:
                raise _Limit(f"ссылка «*{event.anchor}» стоит внутри своего же якоря (цикл)", event.start_mark)
            self._add(size, event.start_mark)
            return super().compose_node(parent, index)
        self._add(1, event.start_mark)
        if getattr(event, "value", None) is not None and len(_unfolded(event)) > MAX_SCALAR:
            raise _Limit(f"значение длиннее {MAX_SCALAR:_} символов".replace("_", " "), event.start_mark)
        anchor, before = event.anchor, self.count
        if anchor is not None:
            self.sizes[anchor] = None
        node = super().compose_node(parent, index)
        if anchor is not None:
            self.sizes[anchor] = self.count - before + 1
        return node

    def _add(self, size: int, mark) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise _Limit(f"больше {MAX_NODES:_} значений (ссылки «*имя» считаются столько раз, сколько "
                         "раскрываются)".replace("_", " "), mark)


def load(path: Path) -> tuple[object, Positions]:
    """Read ``path``; return plain data and positions, or raise :class:`InputError`."""
    shown = display_path(path)
    return loads(read_text(path, shown, MAX_BYTES, "профиль такого размера не бывает", ".yaml",
                           binary=False), Positions(shown))


def _not_printable(text: str, pos: Positions) -> None:
    m = _NOT_PRINTABLE.search(text)
    if m:
        offset = m.start()
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        code = ord(m.group(0))
        name = unicodedata.name(m.group(0), "") or {0: "NUL"}.get(code, "управляющий символ")
        raise InputError([Diagnostic(pos.file, line, col, "", f"недопустимый символ U+{code:04X} ({name}) в "
                                     f"строке {line}: удалите его (в файле YAML он не допускается)")])


def _compose(text: str, pos: Positions):
    """The first document's node; more than one document is an error at the second."""
    yaml = YAML(typ="rt", pure=True)
    yaml.version = (1, 2)
    yaml.Composer = _Composer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ruamel's English warnings (reused anchors) are not for users
        documents = yaml.compose_all(text)
        try:
            first = next(documents, None)
            second = next(documents, None) if first is not None else None
        finally:
            documents.close()
    if second is not None:
        line = first.end_mark.line + 1
        raise InputError([Diagnostic(pos.file, line, 1, "", "второй документ (---) в файле: "
                                     "профиль — один документ YAML, уберите «---»")])
    return first


def loads(text: str, pos: Positions, *, fast: bool = True) -> tuple[object, Positions]:
    """Plain data and positions of ``text``: by :mod:`.yamlfast` when it answers, else by ruamel
    (``fast=False``: by ruamel only — the differential test compares the two)."""
    _not_printable(text, pos)
    node = yamlfast.compose(text, LIMITS) if fast else None
    errors: list[Diagnostic] = []
    data = _build(node if node is not None else _compose_or_fail(text, pos), (), pos, errors)
    if errors:
        raise InputError(errors)
    return data, pos


def _compose_or_fail(text: str, pos: Positions):
    """The root node by ruamel, or :class:`InputError` with the located Russian message."""
    try:
        node = _compose(text, pos)
    except _Limit as exc:
        line, col = exc.mark.line + 1, exc.mark.column + 1
        raise InputError([Diagnostic(pos.file, line, col, "", f"{exc.message}: такой файл не может быть "
                                     "профилем — проверьте, тот ли это файл")]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (exc.problem or exc.context or "").strip()
        russian = next((ru for en, ru in YAML_PROBLEMS.items() if problem.startswith(en)), None)
        message = russian or f"синтаксическая ошибка YAML ({problem})"
        raise InputError([Diagnostic(pos.file, line, col, "", message + ": исправьте синтаксис")]) from None
    except YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise InputError([Diagnostic(pos.file, 1, 1, "", f"синтаксическая ошибка YAML ({exc})")]) from None
    if node is None:
        raise InputError([Diagnostic(pos.file, 1, 1, "", "файл пуст: нужен один документ YAML")])
    return node
