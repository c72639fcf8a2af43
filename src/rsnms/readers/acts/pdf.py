"""A PDF with a text layer, through pdfplumber: its tables as rows of cells, the rest as
lines joined into paragraphs the way the plain-text reader joins them.

Tables are found by their ruling lines (pdfplumber's default strategy); words inside a
table's box are not read again as text. Text the table finder did not claim is cut
into lines by their vertical position; a paragraph ends after a line that stops short of
the right margin (or ends a sentence) when the next starts one, or before a gap larger than one and a half line heights. A PDF without text (a scan) is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import Source
from .guard import fail
from . import text as text_reader


def _lines_outside(page, boxes) -> list[tuple[float, str]]:
    """(top, text) of each text line of the page outside the table boxes."""
    def outside(obj):
        return not any(x0 <= (obj["x0"] + obj["x1"]) / 2 <= x1 and top <= (obj["top"] + obj["bottom"]) / 2 <= bottom
                       for x0, top, x1, bottom in boxes)
    words = page.filter(outside).extract_words(keep_blank_chars=False, use_text_flow=True)
    lines: list[list] = []
    for w in words:
        if lines and abs(lines[-1][0] - w["top"]) < 3:
            lines[-1][1].append(w["text"])
            lines[-1][3] = max(lines[-1][3], w["x1"])
        else:
            lines.append([w["top"], [w["text"]], w["bottom"] - w["top"], w["x1"]])
    return [(top, " ".join(ws), height, right) for top, ws, height, right in lines]


def join_cell(text: str) -> str:
    """The lines of a narrow cell: a word a line break cut («Наименован» + «ие») is joined again when
    only the joined word is a Russian word."""
    from ...lang.morph import analyzer

    out = ""
    for line in (text or "").split("\n"):
        line = line.strip()
        if not out:
            out = line
            continue
        left = re.search(r"([А-Яа-яЁё]+)$", out)
        right = re.match(r"^([а-яё]+)", line)
        known = analyzer().word_is_known
        if left and right and known((left.group(1) + right.group(1)).lower()) \
                and not (known(left.group(1).lower()) and known(right.group(1))):
            out += line
        elif out.endswith("-") and right:
            out += line
        else:
            out += " " + line
    return out


def read(path: Path) -> Source:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    rendition: list[str] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                tables = page.find_tables()
                boxes = [t.bbox for t in tables]
                items = [(t.bbox[1], "table", t) for t in tables]
                lines = _lines_outside(page, boxes)
                right_edge = max((r for *_x, r in lines), default=0)
                items += [(top, "line", (text, height, right)) for top, text, height, right in lines]
                last_bottom = None
                last_short = False
                for top, kind, obj in sorted(items, key=lambda x: x[0]):
                    if kind == "table":
                        rendition.append("")
                        for row in obj.extract():
                            rendition.append("\t".join(join_cell((c or "").replace("\t", " ")) for c in row))
                        rendition.append("")
                        last_bottom = obj.bbox[3]
                        continue
                    line, height, right = obj
                    new = re.match(r"^[А-ЯЁA-Z0-9«\"–—•-]", line) is not None
                    if last_bottom is not None and (top - last_bottom > 1.5 * max(height, 8) or last_short and new):
                        rendition.append("")     # a gap, or a new sentence after a line short of the margin
                    rendition.append(line)
                    last_bottom = top + height
                    last_short = (right < right_edge - 40 and not line.endswith((",", "–", "-", "(", "«", "—"))
                                  or line.endswith((".", ";", ":")))
                rendition.append("")
    except PDFPasswordIncorrect:
        raise fail(path, "PDF защищён паролем: снимите защиту или возьмите исходный .docx") from None
    except (PDFSyntaxError, Exception) as exc:  # noqa: BLE001 - pdfminer raises many kinds for damaged files
        if "password" in str(exc).lower() or type(exc).__name__.startswith("PDFEncryption"):
            raise fail(path, "PDF защищён паролем: снимите защиту или возьмите исходный .docx") from None
        raise fail(path, f"PDF не читается ({type(exc).__name__}): файл повреждён — возьмите исходный .docx") from None
    letters = len(re.findall(r"[А-Яа-яЁё]", "\n".join(rendition)))
    if letters < 20:
        raise fail(path, "в PDF нет текстового слоя (это скан): распознайте текст (OCR) "
                         "или возьмите исходный .docx")
    return text_reader.parse(rendition, str(path), "pdf")
