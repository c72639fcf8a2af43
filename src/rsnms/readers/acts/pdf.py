"""A PDF with a text layer, through pdfplumber: its tables as rows of cells, the rest as
lines joined into paragraphs the way the plain-text reader joins them.

Tables are found by their ruling lines (pdfplumber's default strategy); words inside a
table's box are not read again as text. A page whose text the table finder did not
claim is cut into lines by their vertical position; an empty line is a gap larger
than one and a half line heights. A PDF without text (a scan) is refused.
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
        else:
            lines.append([w["top"], [w["text"]], w["bottom"] - w["top"]])
    return [(top, " ".join(ws), height) for top, ws, height in lines]


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
                items += [(top, "line", (text, height)) for top, text, height in _lines_outside(page, boxes)]
                last_bottom = None
                for top, kind, obj in sorted(items, key=lambda x: x[0]):
                    if kind == "table":
                        rendition.append("")
                        for row in obj.extract():
                            cells = [(c or "").replace("\t", " ") for c in row]
                            rendition.append("\t".join(re.sub(r"\n", " ", c) for c in cells))
                        rendition.append("")
                        last_bottom = obj.bbox[3]
                        continue
                    line, height = obj
                    if last_bottom is not None and top - last_bottom > 1.5 * max(height, 8):
                        rendition.append("")
                    rendition.append(line)
                    last_bottom = top + height
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
