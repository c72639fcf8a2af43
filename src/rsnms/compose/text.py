"""Profile strings → :class:`~rsnms.model.document.Rich` text for one region's documents.

``[[a.b.c]]`` is replaced by the profile's value at that path when it has one; anything
else in ``[[…]]`` stays a placeholder (shown highlighted) and becomes a warning. Plain
text is typeset (quotes, dashes, non-breaking spaces).
"""

from __future__ import annotations

import re
from typing import Callable

from ..lang import words
from ..lang.typography import typeset
from ..model.document import ROLE_PLACEHOLDER, ROLE_TEXT, Rich
from ..model.units import lookup

PLACEHOLDER = re.compile(r"\[\[(.+?)\]\]")


def with_targets(indicator: dict) -> str:
    """Indicator text with its targets «(к 2024 году – не менее 30 %)» before the final ';'."""
    text = indicator["text"]
    targets = indicator.get("targets") or {}
    if not targets:
        return text
    end = text[-1] if text.endswith((";", ".", ",")) else ""
    return f"{text[:len(text) - len(end)]} ({words.target_note(targets)}){end}"


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    """Turns profile strings into :class:`Rich` text for one document, counting placeholders."""

    def __init__(self, data: dict, what: str, adapt: Callable[[str], str] | None = None):
        self.data = data
        self.what = what
        self.adapt = adapt              # a draft's changes to plain text (the model's words, introductions)
        self.warnings: list[str] = []

    def __call__(self, text, *, typeset_text: bool = True) -> Rich:
        if text is None:
            return Rich()
        return Rich(r for r in self._runs(str(text), 0, typeset_text) if r[0])

    def _runs(self, text: str, depth: int, typeset_text: bool = True) -> list:
        runs, pos = [], 0
        for m in PLACEHOLDER.finditer(text):
            if m.start() > pos:
                runs.append(self._plain(text[pos:m.start()], typeset_text))
            runs.extend(self._resolve(m.group(1), depth))
            pos = m.end()
        if pos < len(text):
            runs.append(self._plain(text[pos:], typeset_text))
        return runs

    def _plain(self, text: str, typeset_text: bool):
        if self.adapt is not None:
            text = self.adapt(text)
        return (typeset(text) if typeset_text else text, ROLE_TEXT)

    def _resolve(self, key: str, depth: int) -> list:
        """A profile value in place of ``[[key]]`` (values may hold placeholders, three deep)."""
        value = lookup(self.data, key) if re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", key) else None
        if isinstance(value, (str, int)) and depth < 3:
            return self._runs(str(value), depth + 1)
        return [self.missing(key)]

    def missing(self, description: str):
        """A placeholder run for something the profile does not say, with a warning."""
        self.warnings.append(words.not_filled(self.what, description))
        return (f"[{description}]", ROLE_PLACEHOLDER)

    def value(self, text, description: str) -> Rich:
        """The text if given, else a placeholder described by ``description``."""
        if text in (None, ""):
            return Rich([self.missing(description)])
        return self(text)
