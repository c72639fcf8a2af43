"""Word's automatic numbering, as printed: «1.», «2.1.», «3)», «а)», «•».

python-docx drops these labels (they are not in the text but computed by Word from
``word/numbering.xml``); here they are computed the same way: each paragraph with a
``w:numPr`` (its own or its style's) advances the counter of its list level, deeper
levels restart, and the level's ``w:lvlText`` («%1.%2.») is filled with the counters in
each level's ``w:numFmt``. Lists sharing an abstract definition share their counters,
as in Word; ``w:startOverride`` restarts a list.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

from ...lang.formats import LETTERS, roman

BULLETS = {"–": "–", "—": "–", "-": "-", "−": "-"}


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False        # w:isLgl: every level printed in decimal


def _val(el, tag: str, default=None):
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val")) if child is not None else default


def _level(lvl) -> Level:
    return Level(int(_val(lvl, "w:start", "1") or 1), _val(lvl, "w:numFmt", "decimal"),
                 _val(lvl, "w:lvlText", "") or "", lvl.find(qn("w:isLgl")) is not None)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        s = letters[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("russianLower", "russianUpper"):
        s = LETTERS[(n - 1) % len(LETTERS)] * ((n - 1) // len(LETTERS) + 1)
        return s.upper() if fmt == "russianUpper" else s
    if fmt in ("lowerRoman", "upperRoman"):
        return roman(n).lower() if fmt == "lowerRoman" else roman(n)
    return str(n)


class Numbering:
    """Printed labels of a document's numbered paragraphs, in reading order."""

    def __init__(self, document):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}   # id → numId, ilvl, basedOn
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        try:
            self._read(document.part.numbering_part.element)
        except (KeyError, NotImplementedError):   # no numbering definitions
            pass
        for style in document.styles.element.iter(qn("w:style")):
            ppr = style.find(qn("w:pPr"))
            num = ppr.find(qn("w:numPr")) if ppr is not None else None
            self.styles[style.get(qn("w:styleId"))] = (_val(num, "w:numId"), _val(num, "w:ilvl"),
                                                       _val(style, "w:basedOn"))

    def _read(self, root) -> None:
        for abstract in root.iter(qn("w:abstractNum")):
            self.abstract[abstract.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"))): _level(lvl) for lvl in abstract.iter(qn("w:lvl"))}
        for num in root.iter(qn("w:num")):
            levels, starts = {}, {}
            for override in num.iter(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl")))
                if override.find(qn("w:lvl")) is not None:
                    levels[ilvl] = _level(override.find(qn("w:lvl")))
                if _val(override, "w:startOverride") is not None:
                    starts[ilvl] = int(_val(override, "w:startOverride"))
            self.nums[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId"), levels, starts)

    def _style_num(self, style_id: str | None, depth: int = 0) -> tuple[str | None, str | None]:
        if not style_id or style_id not in self.styles or depth > 10:
            return None, None
        num_id, ilvl, based = self.styles[style_id]
        if num_id is not None:
            return num_id, ilvl
        return self._style_num(based, depth + 1)

    def label(self, p) -> str:
        """The label Word prints before paragraph ``p`` ('' for none); advances the counters."""
        ppr = p.find(qn("w:pPr"))
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, ilvl = (_val(num, "w:numId"), _val(num, "w:ilvl")) if num is not None else (None, None)
        if num_id is None:
            style_num, style_lvl = self._style_num(_val(ppr, "w:pStyle"))
            num_id, ilvl = style_num, ilvl if ilvl is not None else style_lvl
        if num_id in (None, "0") or num_id not in self.nums:
            return ""
        abstract_id, overrides, starts = self.nums[num_id]
        levels = dict(self.abstract.get(abstract_id, {}), **overrides)
        level_no = int(ilvl or 0)
        if level_no not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in starts.items():
                counters[lvl] = start - 1
        counters[level_no] = counters.get(level_no, levels[level_no].start - 1) + 1
        for deeper in [k for k in counters if k > level_no]:
            del counters[deeper]
        level = levels[level_no]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return BULLETS.get(level.text.strip(), "·")
        out = level.text
        for k in range(9):
            if f"%{k + 1}" in out:
                sub = levels.get(k, Level())
                value = counters.get(k, sub.start)
                out = out.replace(f"%{k + 1}", format_number(value, "decimal" if level.legal else sub.fmt))
        return out.strip()
