"""Column widths of a data table that never break a word: each column at least as wide as
its longest word (in the header, bold, and in its cells), measured in the font the acts are
set in; the rest of the width shared by compose's relative weights.

Words are measured with Pillow in Liberation Serif, metrically equal to Times New Roman
(what the templates name and what LibreOffice substitutes); without the font file a
conservative estimate per letter stands in.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..model.document import ROW, Table

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONTS = {False: "LiberationSerif-Regular.ttf", True: "LiberationSerif-Bold.ttf"}
CELL_MARGINS_TWIPS = 2 * 115 + 30          # Word's default left and right cell margins, and a little air
TWIPS_PER_POINT = 20
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=4)
def _font(bold: bool, size: float):
    try:
        from PIL import ImageFont
        return ImageFont.truetype(str(FONT_DIR / FONTS[bold]), size=int(size * 10))
    except (ImportError, OSError):
        return None


@lru_cache(maxsize=50_000)
def word_twips(word: str, size: float = 12.0, bold: bool = False) -> int:
    """The printed width of ``word`` in twips."""
    font = _font(bold, size)
    if font is None:
        return int(len(word) * size * (0.62 if bold else 0.56) * TWIPS_PER_POINT)
    return int(font.getlength(word) / 10 * TWIPS_PER_POINT)


def minimum_widths(table: Table, n: int, size: float = 12.0) -> list[int]:
    """The least width of each of ``n`` columns (twips) that keeps its longest word whole."""
    out = [0] * n
    for i, cell in enumerate(table.header[:n]):
        out[i] = max([out[i]] + [word_twips(w, size, True) for w in _WORD.findall(cell.plain)])
    for row in table.rows:
        if row.kind != ROW:
            continue
        col = 0
        for cell, span in zip(row.cells, row.spans or [1] * len(row.cells)):
            if span == 1 and col < n:
                out[col] = max([out[col]] + [word_twips(w, size) for w in _WORD.findall(cell.plain)])
            col += span
    return [w + CELL_MARGINS_TWIPS if w else 0 for w in out]


def fit(total: int, weights: list[float], minimum: list[int]) -> list[int]:
    """Widths summing to ``total`` in proportion to ``weights``, none below its ``minimum``
    (when the minimums alone exceed ``total``, in proportion to them)."""
    n = len(weights)
    if sum(minimum) >= total:
        base = sum(minimum) or 1
        return [int(total * m / base) for m in minimum]
    fixed: dict[int, int] = {}
    while True:
        free = total - sum(fixed.values())
        weight = sum(w for i, w in enumerate(weights) if i not in fixed) or 1
        widths = [fixed.get(i, int(free * weights[i] / weight)) for i in range(n)]
        short = [i for i in range(n) if i not in fixed and widths[i] < minimum[i]]
        if not short:
            return widths
        for i in short:
            fixed[i] = minimum[i]
