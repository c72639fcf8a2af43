"""Inputs of the linter → :class:`~.text.LintText`: .txt conversions, .docx, .odt, PDF with a
text layer, a rendered act's bytes, and a profile's text fields."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, display_path
from ..writers.docx import PLACEHOLDER_STYLE
from .text import LintText, Para, mask

SUFFIXES = (".txt", ".docx", ".odt", ".pdf")


def read(path: Path, shown: str | None = None) -> LintText:
    """The lint text of a file, by its suffix; an unusable file is a located Russian error."""
    shown = shown or display_path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError([Diagnostic(shown, 1, 1, "", f"этот вид файлов не проверяется: допустимы "
                                     f"{', '.join(SUFFIXES)}")])
    from ..readers.acts import guard

    guard.check(path, shown)     # a missing, empty, damaged, zip-bomb or DTD-laden file is refused first
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Diagnostic(shown, 1, 1, "", "файл не найден: проверьте имя")]) from None
    except OSError as exc:
        raise InputError([Diagnostic(shown, 1, 1, "", f"файл не читается ({exc.strerror}): проверьте права")]) from None
    try:
        if suffix == ".txt":
            return from_txt(data.decode("utf-8"), shown)
        if suffix == ".docx":
            return from_docx(data, shown)
        if suffix == ".odt":
            return from_odt(data, shown)
        return from_pdf(data, shown)
    except UnicodeDecodeError as exc:
        raise InputError([Diagnostic(shown, 1, 1, "", f"файл не в кодировке UTF-8 (байт {exc.start}): "
                                     "сохраните его в UTF-8")]) from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError([Diagnostic(shown, 1, 1, "", f"файл повреждён или не того вида ({type(exc).__name__}): "
                                     "откройте и сохраните его заново")]) from None


def from_txt(text: str, shown: str) -> LintText:
    lines = text.splitlines()
    paras = []
    for n, line in enumerate(lines, 1):
        masked = mask(line)
        if "\t" in line and spacing_tabs(masked):
            paras.append(Para(masked.replace("\t", " "), n))
        else:
            paras.append(Para(masked, n, row="\t" in line))
    return LintText(shown, paras, source_lines=lines)


def spacing_tabs(line: str) -> bool:
    """Whether the tabs of a converted line stand for spaces of justified text (single
    lower-case words between them), not for the cells of a table row."""
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    single = sum(1 for c in cells if re.fullmatch(r"[а-яё,;.]+", c))
    return single >= 2 and single >= 0.4 * len(cells)


def from_docx(data: bytes, shown: str) -> LintText:
    """Body paragraphs in order; a table row is one paragraph of tab-separated cells, at the
    index of its first paragraph (paragraphs are counted in tables too)."""
    from docx import Document as open_docx
    from docx.oxml.ns import qn

    document = open_docx(io.BytesIO(data))
    body = document.element.body
    placeholder_styles = {s.style_id for s in document.styles if s.name == PLACEHOLDER_STYLE}

    def paragraph_text(p) -> str:
        return _unfilled_masked(p, placeholder_styles)

    paras: list[Para] = []
    count = 0                       # paragraphs so far, in document order (tables too)
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            count += 1
            paras.append(Para(mask(paragraph_text(child)), count))
        elif child.tag == qn("w:tbl"):
            for tr in child.iter(qn("w:tr")):
                inside = list(tr.iter(qn("w:p")))
                if not inside:
                    continue
                cells = [" ".join(paragraph_text(p) for p in tc.iter(qn("w:p"))) for tc in tr.iter(qn("w:tc"))]
                paras.append(Para(mask("\t".join(c.replace("\t", " ") for c in cells)), count + 1, row=True))
                count += len(inside)
        else:
            count += sum(1 for _p in child.iter(qn("w:p")))
    return LintText(shown, paras)


def _unfilled_masked(p, placeholder_styles: set[str]) -> str:
    """The text of a ``w:p``, a placeholder still to be filled (a run in the character style
    «Заполнитель» or highlighted yellow, as rsnms writes them) masked by spaces: it is an
    instruction to the drafter, not text of the act."""
    from docx.oxml.ns import qn

    out = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if el.tag != qn("w:t"):
            out.append(" ")
            continue
        text = el.text or ""
        rpr = el.getparent().find(qn("w:rPr"))
        style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        highlight = rpr.find(qn("w:highlight")) if rpr is not None else None
        if style is not None and style.get(qn("w:val")) in placeholder_styles or \
                highlight is not None and highlight.get(qn("w:val")) in ("yellow", "FFFF00"):
            text = " " * len(text)
        out.append(text)
    return "".join(out)


def from_odt(data: bytes, shown: str) -> LintText:
    """The paragraphs and table rows of an OpenDocument text (content.xml, no DTD, no entities)."""
    from lxml import etree

    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("content.xml"), parser)
    p_tags = {f"{{{ns['text']}}}p", f"{{{ns['text']}}}h"}
    row_tag, cell_tag = f"{{{ns['table']}}}table-row", f"{{{ns['table']}}}table-cell"
    paras, count = [], 0

    def text_of(el) -> str:
        return "".join(el.itertext())

    for el in root.iter():
        if el.tag in p_tags:
            count += 1
            if not any(a.tag == row_tag for a in el.iterancestors()):
                paras.append(Para(mask(text_of(el)), count))
        elif el.tag == row_tag:
            cells = [" ".join(text_of(p) for p in c.iter(*p_tags)) for c in el.iter(cell_tag)]
            paras.append(Para(mask("\t".join(cells)), count + 1, row=True))
    return LintText(shown, paras)


def from_pdf(data: bytes, shown: str) -> LintText:
    """The text layer of a PDF as paragraphs: lines joined back where the layout broke a
    sentence, a word hyphenated at a line end made whole (paragraphs counted through the document)."""
    import pdfplumber

    lines: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            lines += [line for line in (page.extract_text() or "").splitlines() if line.strip()]
    if not lines:
        raise InputError([Diagnostic(shown, 1, 1, "", "в PDF нет текстового слоя (скан?): распознайте текст "
                                     "или проверьте исходный .docx")])
    paragraphs: list[str] = []
    for line in lines:
        line = line.strip()
        if paragraphs and _continues(paragraphs[-1], line):
            paragraphs[-1] = _join(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return LintText(shown, [Para(mask(text), n) for n, text in enumerate(paragraphs, 1)])


def _continues(previous: str, line: str) -> bool:
    """Whether a PDF line goes on with the paragraph above it."""
    if re.match(r"^(\d+(\.\d+)*\.?|[-–—•·]|[а-я]\))\s", line):
        return False                 # a numbered clause or a list item starts a paragraph
    return line[:1].islower() or not re.search(r"[.;:!?»)]$", previous)


def _join(previous: str, line: str) -> str:
    from ..lang.morph import analyzer
    if previous.endswith("-") and line[:1].islower():
        left, right = previous.split()[-1][:-1], line.split()[0]
        whole = re.sub(r"\W+$", "", left + right).lower()
        if analyzer().word_is_known(whole):
            return previous[:-1] + line
        return previous + line
    return previous + " " + line
