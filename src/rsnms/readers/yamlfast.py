"""The fast path of the YAML reader: libyaml's C parser gives the events, composed into nodes here.

:mod:`.yamlio` reads every YAML file with ruamel.yaml, whose pure-Python scanner costs about
90 ms for a profile of 80 KB; libyaml (PyYAML's ``CParser``) parses the same file in 2 ms.
This module is tried first and answers only for the plain subset of YAML a profile is
written in; for anything else :func:`compose` returns ``None`` and :mod:`.yamlio` reads the
file with ruamel as before — so every message (a syntax error, a limit, a second document,
an undefined alias) still comes from that one path, word for word.

``None`` («not sure») is returned for:

* a parse error of libyaml, an empty stream, a second document, a ``%YAML``/``%TAG`` directive;
* an explicit tag (``!!str``, ``!x``, ``!``), an anchor or an alias;
* a tab, NEL, LINE/PARAGRAPH SEPARATOR or a BOM anywhere in the text (where YAML 1.1 —
  libyaml — and YAML 1.2 — ruamel — may read indentation and line breaks differently; the
  escapes of double-quoted values, ``\\/`` included, read the same in both);
* a limit of :mod:`.yamlio` passed (depth, items, values, length of a value): the events are
  composed as they come, so nothing grows past a limit before the fast path gives up;
* an empty value (``key:``) whose position ruamel would give otherwise than
  :meth:`_Composer.empty_mark` computes (ruamel places it at the token that follows).

A plain scalar's tag is resolved with ruamel's own YAML 1.2 table (``yes``/``on`` stay strings,
``010`` is ten), so the two paths give the same tags; ``tests/readers/test_yamlfast.py``
checks that both give the same data and positions for every YAML file of the project and the
tests, and for mutated profiles. Without libyaml (a PyYAML built without it) every file takes
the ruamel path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml.resolver import VersionedResolver

try:
    from yaml import YAMLError
    from yaml._yaml import CParser
    from yaml.events import (DocumentEndEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent,
                             ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent, StreamStartEvent)
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
except ImportError:  # pragma: no cover - PyYAML without libyaml: the ruamel path only
    CParser = None

_STD = "tag:yaml.org,2002:"
# ruamel's YAML 1.2 implicit resolvers: first character → [(tag, regexp)], as its composer uses them
_IMPLICIT = VersionedResolver(version=(1, 2)).versioned_resolver
# characters whose reading may differ between YAML 1.1 (libyaml) and 1.2 (ruamel): left to ruamel
_UNSURE = re.compile("[\t\x85\u2028\u2029\ufeff]")


@dataclass(frozen=True)
class Limits:
    depth: int      # a node at this nesting level (the root is 0) or deeper is refused
    items: int      # items of one list or pairs of one mapping
    nodes: int      # values in all, keys included
    scalar: int     # characters of one value


_NODE_EVENTS = (ScalarEvent, SequenceStartEvent, MappingStartEvent) if CParser is not None else ()


class _Unsure(Exception):
    """The fast path does not answer: the ruamel path reads the file."""


def available() -> bool:
    return CParser is not None


def compose(text: str, limits: Limits):
    """The one document's root node (PyYAML nodes with resolved tags and marks), or ``None``."""
    if CParser is None or _UNSURE.search(text):
        return None
    parser = CParser(text)
    try:
        return _Composer(parser, text, limits).stream()
    except (_Unsure, YAMLError):
        return None
    finally:
        parser.dispose()


def _tag(value: str, implicit: tuple) -> str:
    """The tag ruamel's resolver gives an untagged scalar (``VersionedResolver.resolve``)."""
    if implicit[0]:
        for tag, regexp in _IMPLICIT.get(value[:1], []) + _IMPLICIT.get(None, []):
            if regexp.match(value):
                return tag
    return _STD + "str"


class _Composer:
    """Events → nodes, counting as ruamel's composer in :mod:`.yamlio` counts."""

    def __init__(self, parser, text: str, limits: Limits):
        self.text, self.lines = text, None
        self.next = parser.get_event
        self.peek = parser.peek_event
        self.limits = limits
        self.count = 0

    def expect(self, kind) -> object:
        event = self.next()
        if type(event) is not kind:
            raise _Unsure
        return event

    def stream(self):
        self.expect(StreamStartEvent)
        start = self.expect(DocumentStartEvent)
        if start.version is not None or start.tags:
            raise _Unsure
        root = self.node(0)
        self.expect(DocumentEndEvent)
        self.expect(StreamEndEvent)
        return root

    def node(self, level: int):
        if level >= self.limits.depth:
            raise _Unsure
        event = self.next()
        kind = type(event)
        self.count += 1
        if kind not in _NODE_EVENTS or self.count > self.limits.nodes or event.anchor is not None \
                or event.tag is not None:
            raise _Unsure     # an alias, an anchor or a tag: the ruamel path
        if kind is ScalarEvent:
            if len(event.value) > self.limits.scalar:
                raise _Unsure
            return ScalarNode(_tag(event.value, event.implicit), event.value, event.start_mark, event.end_mark)
        if kind is SequenceStartEvent:
            items = []
            while type(self.peek()) is not SequenceEndEvent:
                if len(items) >= self.limits.items:
                    raise _Unsure
                items.append(self.node(level + 1))
            return SequenceNode(_STD + "seq", items, event.start_mark, self.next().end_mark)
        if kind is MappingStartEvent:
            pairs = []
            while type(self.peek()) is not MappingEndEvent:
                if len(pairs) >= self.limits.items:
                    raise _Unsure
                key, value = self.node(level + 1), self.node(level + 1)
                if type(value) is ScalarNode and value.start_mark.column == value.end_mark.column \
                        and value.start_mark.line == value.end_mark.line:
                    value.start_mark = self.empty_mark(value, event.flow_style)
                pairs.append((key, value))
            return MappingNode(_STD + "map", pairs, event.start_mark, self.next().end_mark)
        raise _Unsure  # pragma: no cover - _NODE_EVENTS holds only these three

    def empty_mark(self, value, flow: bool):
        """Where ruamel's parser puts a mapping's empty value (``key:`` and nothing): not after the
        colon, as libyaml does, but at the end of the token that follows — the next key or the
        end of the mapping. Only blank lines and comments on lines of their own may stand between
        (a comment after the colon, a ``?`` or ``:`` token, a flow mapping: not sure)."""
        if flow:
            raise _Unsure
        if self.lines is None:
            self.lines = re.split("\r\n|\r|\n", self.text)
        start, mark = value.start_mark, self.peek().start_mark
        if not start.line < mark.line < len(self.lines):   # (libyaml ends a last line without a break)
            raise _Unsure
        gap = [self.lines[start.line][start.column:], self.lines[mark.line][:mark.column]]
        gap += [line.split("#", 1)[0] for line in self.lines[start.line + 1:mark.line]]
        if any(part.strip(" ") for part in gap):
            raise _Unsure
        return mark
