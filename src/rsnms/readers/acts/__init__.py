"""Reading existing acts: a .docx, .odt, .doc, .rtf, .pdf or .txt → a :class:`Source`, the
act's paragraphs and table rows in reading order, each with its position.

Every format is brought to the same shape, its *rendition*: one line per paragraph, one
line per table row (cells separated by tabs, the paragraphs of a cell by spaces) — the
shape of the seed texts in ``acts/sources/``. A paragraph's printed number stays in its
text («2.1. Целью …»), whether it was typed or came from Word's automatic numbering, so
the recognizers (:mod:`.outline`, :mod:`.roadmap` …) read every format alike, and a
position is a line of the rendition.

Readers: :mod:`.text` (.txt), :mod:`.ooxml` (.docx: automatic numbering as printed,
:mod:`.numbering`; tracked changes accepted), :mod:`.office` (.odt, .doc, .rtf through
LibreOffice to .docx, many files in one call), :mod:`.pdf` (pdfplumber: text lines and
tables). :mod:`.guard` turns bad input into a Russian message before anything is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Para:
    """A paragraph as printed (its number, typed or automatic, at the start of ``text``)."""

    text: str
    line: int = 0            # line of the rendition (1-based)
    style: str = ""          # paragraph style name, when the format has styles
    auto: bool = False       # its number came from automatic numbering
    lines: list[str] = field(default_factory=list)   # physical lines (a .txt paragraph wrapped over several)


@dataclass
class Row:
    """A table row: the text of each cell (paragraphs of a cell joined by a line break)."""

    cells: list[str]
    line: int = 0
    spans: list[int] | None = None    # grid columns each cell spans (None: one each)
    merged: list[bool] | None = None  # cell continues the cell above (vertical merge)
    after_break: bool = False         # a page break (an empty line of a .txt) stands before it


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.rows[0].line if self.rows else 0


Block = Para | Table


@dataclass
class Source:
    """What a reader gives: blocks in reading order, and the rendition their lines point into."""

    name: str                    # the input file as the user named it
    blocks: list[Block]
    lines: list[str]             # the rendition: ``lines[n - 1]`` is line n
    kind: str = ""               # docx, txt, pdf …

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


class Rendition:
    """Collects blocks and writes their rendition line by line."""

    def __init__(self):
        self.blocks: list[Block] = []
        self.lines: list[str] = []

    def para(self, text: str, **extra) -> Para | None:
        text = clean(text)
        if not text:
            return None
        self.lines.append(text)
        para = Para(text, len(self.lines), **extra)
        self.blocks.append(para)
        return para

    def table(self, rows: list[tuple[list[str], list[int] | None, list[bool] | None]]) -> Table | None:
        table = Table()
        for cells, spans, merged in rows:
            cells = [clean(c, keep_breaks=True) for c in cells]
            if not any(cells) and not any(merged or []):
                continue
            self.lines.append("\t".join(c.replace("\n", " ") for c in cells))
            table.rows.append(Row(cells, len(self.lines), spans, merged))
        if table.rows:
            self.blocks.append(table)
            return table
        return None

    def source(self, name: str, kind: str) -> Source:
        return Source(name, self.blocks, self.lines, kind)


def clean(text: str, keep_breaks: bool = False) -> str:
    """White space folded (no-break spaces and tabs too), soft hyphens dropped."""
    text = text.replace("\u00ad", "").replace("\u00a0", " ").replace("\u2007", " ").replace("\u202f", " ")
    if keep_breaks:
        return "\n".join(" ".join(part.split()) for part in text.split("\n") if part.strip())
    return " ".join(text.split())


SUFFIXES = (".docx", ".docm", ".odt", ".doc", ".rtf", ".pdf", ".txt")


def read_sources(paths: list[Path]) -> list[Source]:
    """Every input file read (after :func:`.guard.check`), files for LibreOffice converted in one call."""
    from . import guard, office, ooxml, pdf, text

    for path in paths:
        guard.check(path)
    converted = office.to_docx([p for p in paths if p.suffix.lower() in office.SUFFIXES])
    out = []
    for path in paths:
        suffix = path.suffix.lower()
        if suffix in (".docx", ".docm"):
            out.append(ooxml.read(path.read_bytes(), str(path)))
        elif suffix in office.SUFFIXES:
            out.append(ooxml.read(converted[path], str(path), kind=suffix.lstrip(".")))
        elif suffix == ".pdf":
            out.append(pdf.read(path))
        else:
            out.append(text.read(path))
    return out


def combine(sources: list[Source]) -> Source:
    """Several files of one act (the order, then its appendices) as one source."""
    if len(sources) == 1:
        return sources[0]
    blocks: list[Block] = []
    lines: list[str] = []
    for source in sources:
        offset = len(lines)
        for block in source.blocks:
            if isinstance(block, Para):
                blocks.append(Para(block.text, block.line + offset, block.style, block.auto, block.lines))
            else:
                blocks.append(Table([Row(r.cells, r.line + offset, r.spans, r.merged) for r in block.rows]))
        lines += source.lines
    return Source(", ".join(s.name for s in sources), blocks, lines, "+".join(s.kind for s in sources))
