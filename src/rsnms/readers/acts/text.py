"""A plain-text act (.txt, like the seeds in ``acts/sources/``): paragraphs and table rows.

Lines separated by an empty line are paragraphs; a paragraph wrapped over several lines
is joined unless a line starts a new clause or list item. A line with tabs is a table
row. What a page break cut in two is joined again: a paragraph that continues in lower
case, or a dash item that goes on as another «- …» line after an item left without its
final punctuation. HTML fragments and Markdown emphasis of converted tables are dropped
(``<p>``, ``<ul>``, ``<li>`` and ``<br>``, opening or closing, become line breaks within a cell).
A line between table rows is a page's footer kept apart, unless it starts a section or clause:
then the table ends there.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from . import Para, Row, Source, Table, clean
from .guard import fail

BULLET = "-–—•·▪*"      # the marks a list item may begin with
# a paragraph that begins a list item or a clause: a bullet, «2.1.», «3)», «а)», «IV.», «(1)»; a
# number of one or two digits a part (a line of a wrapped paragraph may begin «1642);» or «2024.»)
ITEM_START = re.compile(rf"^\s*(?:[{BULLET}]\s|\d{{1,2}}(?:\.\d{{1,2}})*[.)](?!\d)\s?|[а-я]\)\s|[IVXLC]+\.\s|\(\d+\)\s)")
TERMINAL = ".;:!?"
HEADING = re.compile(r"^(?:(?:Раздел|РАЗДЕЛ|Глава|ГЛАВА)\s+[\dIVXL]+|[IVXL]+\.\s|\d{1,2}(?:\.\d{1,2})*\.\s+[А-ЯЁ])")
_TAGS = re.compile(r"<(?!https?://)[^>]*>")
_BREAKS = re.compile(r"<\s*(?:/?p|/?ul|/?ol|br\s*/?|/?li)(?:\s[^>]*)?>", re.I)
_EMPHASIS = re.compile(r"(?<![\w*])\*([^*\n]+?)\*(?![\w*])")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_BULLETED = re.compile(rf"^[{BULLET}]\s")
# a line that ends inside «(далее – …)»: the dash that begins the next line goes on with it
_INTRO_BROKEN = re.compile(r"\(далее(?:\s+соответственно)?$", re.I)


def decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig" or re.search("[а-яА-Я]", text):
            return text
    raise fail(path, "текст не в кодировке UTF-8 или Windows-1251: сохраните файл в UTF-8")


def plain(text: str) -> str:
    """A line of converted text without its markup."""
    text = _BREAKS.sub("\n", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAGS.sub(" ", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = re.sub(r"\[bookmark:[^\]]*\]", " ", text)
    return html.unescape(text)


def read(path: Path) -> Source:
    raw = decode(path.read_bytes(), path).replace("\r\n", "\n").replace("\r", "\n")
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not any(re.search(r"[А-Яа-яA-Za-z]{2}", line) for line in lines):
        raise fail(path, "в файле нет текста: возьмите файл акта с текстом")
    return parse(lines, str(path), "txt")


def parse(lines: list[str], name: str, kind: str) -> Source:
    """Paragraphs and table rows of text lines (a .txt file, or the lines of a PDF)."""
    blocks: list = []
    para: Para | None = None
    table: Table | None = None
    for number, line in enumerate(lines, 1):
        if "\t" in line:
            para = None
            cells = [clean(plain(c), keep_breaks=True) for c in line.split("\t")]
            if table is None:
                table = Table()
                blocks.append(table)
            broken = number > 1 and not lines[number - 2].strip() and bool(table.rows)
            table.rows.append(Row(cells, number, after_break=broken))
            continue
        text = clean(plain(line))
        if not text:
            para = None
            continue
        if table is not None and (not _continues_table(lines, number) or HEADING.match(text)):
            table = None
        if table is not None:     # a line between rows of one table (a page footer): keep it apart
            blocks.append(Para(text, number, lines=[text]))
            continue
        if para is not None and _goes_on(para.text, text):
            para.text = _EMPHASIS.sub(r"\1", join_lines(para.text, text))    # *emphasis* wrapped over lines
            para.lines.append(text)
            continue
        para = _join_broken(blocks, text, number, lines)
    return Source(name, blocks, lines, kind)


def _goes_on(before: str, text: str) -> bool:
    """The line ``text``, right under a line of a paragraph that reads ``before``, is more of it:
    it begins no item and no section (unless the line before broke «(далее» before its dash)."""
    return (not ITEM_START.match(text) or bool(_INTRO_BROKEN.search(before))) and not _starts_section(text)


def join_lines(text: str, more: str) -> str:
    """Two lines of one paragraph: a word cut at its hyphen at the line end («научно-» +
    «методического», «Усть-» + «Ишимского», «2023-» + «2024») is joined without a space (a
    dash between words has a space before it)."""
    if re.search(r"\w-$", text) and more[:1].isalnum():
        return text + more
    return f"{text} {more}"


def _continues_table(lines: list[str], number: int) -> bool:
    """A text line inside a table: the next non-empty line is a row again (one line of text only)."""
    for line in lines[number:number + 3]:
        if line.strip():
            return "\t" in line
    return False


def _starts_section(text: str) -> bool:
    return bool(re.match(r"^(Приложение|УТВЕРЖДЕН|ПРИЛОЖЕНИЕ)\b", text))


def _join_broken(blocks: list, text: str, number: int, lines: list[str]) -> Para | None:
    """Append ``text`` to the previous paragraph when a page break split it; else a new paragraph."""
    prev = blocks[-1] if blocks and isinstance(blocks[-1], Para) else None
    if prev is not None and not prev.text.endswith(tuple(TERMINAL)) and len(prev.text) > 60 \
            and not prev.text.isupper():
        lower = text[:1].islower() and not ITEM_START.match(text) and not re.match(r"^(?:[а-яё]\s){3,}", text)
        dash = _BULLETED.match(text) and _BULLETED.match(prev.text) and _list_punctuated(blocks, lines, number)
        if lower or dash:
            # after an empty line (a page break) the dash is the converter's; on the next line of a
            # wrapped paragraph it is the text's own («… кадров» / «– комплекс мероприятий …»)
            wrapped = number >= 2 and bool(lines[number - 2].strip())
            prev.text = join_lines(prev.text, text[2:].lstrip() if dash and not wrapped else text)
            prev.lines.append(text)
            return prev
    para = Para(text, number, lines=[text])
    blocks.append(para)
    return para


def _list_punctuated(blocks: list, lines: list[str], number: int) -> bool:
    """The list's items end with punctuation: the item before the last one does, or (after an empty
    line, where a page may end) the paragraph this line begins does, or the one after it."""
    if len(blocks) >= 2 and isinstance(blocks[-2], Para) and _punctuated_item(blocks[-2].text):
        return True
    if number < 2 or lines[number - 2].strip():
        return False
    here, end = _paragraph(lines, number - 1)
    if _punctuated_item(here):
        return True
    after = next((i for i in range(end, min(end + 3, len(lines))) if lines[i].strip()), None)
    return after is not None and _punctuated_item(_paragraph(lines, after)[0])


def _paragraph(lines: list[str], first: int) -> tuple[str, int]:
    """The text of the paragraph that begins at ``lines[first]`` (its next lines up to an empty
    line, a table row or the start of an item), and the index of the line after it."""
    parts, i = [clean(plain(lines[first]))], first + 1
    while i < len(lines) and i < first + 30:
        text = clean(plain(lines[i]))
        if not text or "\t" in lines[i] or not _goes_on(" ".join(parts), text):
            break
        parts.append(text)
        i += 1
    return " ".join(parts), i


def _punctuated_item(text: str) -> bool:
    return bool(_BULLETED.match(text)) and text.endswith((";", ".", ","))
