"""The text the linter reads: paragraphs with their positions, whatever the input was.

A ``.txt`` conversion gives one paragraph per line (a table row is a line of cells
separated by tabs); a .docx, .odt or PDF one per paragraph (or per table row, its cells
apart); a profile one per text field, at the field's line and column. Markup left by a
conversion (HTML tags, ``[bookmark: …]``, Markdown ``*``) is masked by spaces of the same
length, so columns still point into the file as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from .finding import Finding

_MARKUP = re.compile(r"<(?!https?://)[^<>\n]{1,200}>|\[bookmark:[^\]\n]*\]|\*|&nbsp;")
WORD = re.compile(r"[А-Яа-яЁёA-Za-z0-9]+(?:[-‑][А-Яа-яЁёA-Za-z0-9]+)*")


def mask(text: str) -> str:
    """Markup replaced by spaces of its length; tabs kept (they separate table cells)."""
    return _MARKUP.sub(lambda m: " " * len(m.group(0)), text)


@dataclass
class Para:
    """One paragraph (or table row) of the text, at a place of the input."""

    text: str                          # masked text; a table row's cells joined by tabs
    line: int                          # 1-based line, or paragraph index
    col0: int = 1                      # the column of text[0]
    where: str = ""                    # for a profile field: its path (``system.tasks[2]``)
    row: bool = False                  # a table row: cells are the tab-separated parts

    @property
    def cells(self) -> list[tuple[int, str]]:
        """(offset, text) of each cell of a row, or of the one paragraph."""
        if not self.row:
            return [(0, self.text)]
        out, offset = [], 0
        for part in self.text.split("\t"):
            out.append((offset, part))
            offset += len(part) + 1
        return out

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class LintText:
    """A document (or a profile) as the rules see it."""

    file: str
    paras: list[Para]
    kind: str = "document"             # document | profile
    source_lines: list[str] = field(default_factory=list)   # a .txt file's own lines, for errata

    def words(self) -> Iterator[tuple[Para, int, str]]:
        """(paragraph, offset, word) of every word in reading order."""
        for para in self.paras:
            for m in WORD.finditer(para.text):
                yield para, m.start(), m.group(0)

    def finding(self, rule, para: Para, offset: int, excerpt: str, message: str, fix: str | None = None) -> Finding:
        """A finding of ``rule`` (a registered :class:`~.registry.Rule`) at ``offset`` of ``para``; the
        column points at the excerpt as it stands in the paragraph."""
        offset = max(offset, 0)
        if excerpt and not para.text.startswith(excerpt, offset):
            at = para.text.find(excerpt, offset)
            if 0 <= at - offset <= 80:
                offset = at
        return Finding(rule.id, rule.severity, self.file, para.line, para.col0 + offset, message, excerpt, fix)
