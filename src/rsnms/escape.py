"""Profile text is data, never markup: the one escaping function per target language.

Whatever a user typed reaches an output only through the function of its target here:

* :func:`html` — HTML text and attribute values (the handbook's raw HTML, the titles the
  theme prints as HTML: page titles, nav entries);
* :func:`markdown` — a Markdown context of the handbook (Python-Markdown with the extensions
  of ``mkdocs.yml``): HTML escaped and every character that could start Markdown syntax
  (links, emphasis, code, attribute lists ``{: …}``, headings, lists, admonitions) made
  literal, on one line;
* :func:`dot` — a Graphviz DOT double-quoted string (the handbook's diagrams);
* :func:`yaml` — a YAML 1.1 flow value (the nav of ``mkdocs.yml``, a page's front matter):
  double-quoted strings with every non-printable character and line break escaped, so no
  text can end its line, its quotes or the generated block;
* :func:`xml` — XML 1.0 character data (.docx through docxtpl, Akoma Ntoso through lxml):
  characters XML cannot hold (and that docxtpl would turn into paragraph or page breaks)
  are dropped; the XML library escapes ``& < >``;
* :func:`spreadsheet` — a cell of the matrix workbook: text stays text, never a formula;
* :func:`fill` — a user's format string (``acts.roadmap.direction_format``): a closed set of
  named fields ``{name}``, never ``str.format`` (no attribute access, no indexing, no
  conversions); :func:`template_fields` finds the fields and the first error for validation;
* :func:`terminal` — a line of a message on the terminal: control characters shown as
  ``\\xNN`` instead of moving the cursor or ringing the bell.

Validation (:mod:`rsnms.validate.checks.text`) rejects control characters and lone
surrogates in a profile before any of this runs; these functions still hold for text that
did not come through it.
"""

from __future__ import annotations

import html as _html
import json
import re
import unicodedata

# --- HTML --------------------------------------------------------------------------------


def html(text) -> str:
    """Text inside HTML (element content or a quoted attribute value): ``& < > " '`` as
    entities; line breaks as ``<br>`` (raw HTML blocks of Markdown must stay one block)."""
    return _html.escape(str(text if text is not None else "")).replace("\r", "").replace("\n", "<br>")


# --- Markdown ----------------------------------------------------------------------------

# characters Python-Markdown (and pymdownx.tilde, attr_list, admonition) read as syntax
# anywhere in a line; a backslash makes each literal (all are in Markdown's escapable set)
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]{}#~^!])")
# at the start of the text: a list item «- », «+ », a heading underline «===», an ordered
# item «1.», white space that would indent a code block
_MARKDOWN_LEAD = re.compile(r"^([-+=\s]|\d+(?=\.))")


def markdown(text) -> str:
    """Text in a Markdown context (a paragraph, a table cell, a heading, a list item):
    HTML escaped, Markdown syntax literal, ``|`` kept out of table syntax, one line (line
    breaks as ``<br>``, so only the start of the text can start a Markdown block)."""
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", str(text if text is not None else ""))
    escaped = _html.escape(escaped).replace("|", "&#124;").replace("\r", "")
    return _MARKDOWN_LEAD.sub(_lead, escaped).replace("\n", "<br>")


def _lead(m: re.Match) -> str:
    mark = m.group(1)
    if mark.isdigit():                     # «1986. год» must not become an ordered list
        return f"{mark}\\"
    return f"&#{ord(mark)};"


# --- Graphviz DOT ------------------------------------------------------------------------


def dot(text) -> str:
    """A DOT double-quoted string whose label shows ``text`` as it is: backslashes and quotes
    escaped, ``&`` kept from being read as an HTML entity, line breaks as ``\\n``."""
    out = []
    for line in str(text if text is not None else "").replace("\r", "").split("\n"):
        line = "".join(ch for ch in line if not _is_control(ch))
        out.append(line.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;"))
    return '"' + "\\n".join(out) + '"'


# --- YAML (mkdocs.yml, front matter) -----------------------------------------------------

_YAML_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0",
               "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _yaml_char(ch: str) -> str:
    if ch in _YAML_NAMED:
        return _YAML_NAMED[ch]
    code = ord(ch)
    printable = (0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
                 or 0x10000 <= code <= 0x10FFFF) and code != 0xFEFF
    if printable:
        return ch
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def yaml(value) -> str:
    """A YAML 1.1 flow value (what MkDocs' loader reads): strings double-quoted with every
    non-printable character and line break escaped; lists and mappings in flow style;
    numbers, booleans and null as JSON writes them."""
    if isinstance(value, str):
        return '"' + "".join(_yaml_char(ch) for ch in value) + '"'
    if isinstance(value, dict):
        return "{" + ", ".join(f"{yaml(str(k))}: {yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml(v) for v in value) + "]"
    if value is None or isinstance(value, (bool, int, float)):
        return json.dumps(value)
    return yaml(str(value))


# --- XML (OOXML through docxtpl, Akoma Ntoso through lxml) -------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml(text) -> str:
    """Text XML 1.0 can hold: C0 controls (``\\a`` would be a paragraph, ``\\f`` a page break
    in docxtpl), lone surrogates and U+FFFE/U+FFFF dropped; the XML library escapes
    ``& < >`` itself."""
    return _NOT_XML.sub("", str(text if text is not None else ""))


def spreadsheet(sheet, row: int, values) -> list:
    """Row ``row`` of a workbook's sheet (openpyxl) set to ``values``, text kept as text: openpyxl
    takes a string beginning with «=» for a formula, and a spreadsheet would run it
    («=HYPERLINK(…)», «=WEBSERVICE(…)»); its characters are :func:`xml`'s (openpyxl refuses
    C0 controls). The row's cells."""
    cells = []
    for column, value in enumerate(values, 1):
        text = isinstance(value, str)
        cell = sheet.cell(row=row, column=column, value=xml(value) if text else value)
        if text:
            cell.data_type = "s"
        cells.append(cell)
    return cells


# --- format strings ----------------------------------------------------------------------

_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class FieldError(ValueError):
    """A format string that is not a closed set of named fields: the offset and the reason."""

    def __init__(self, offset: int, field: str, reason: str):
        super().__init__(reason)
        self.offset, self.field, self.reason = offset, field, reason


def template_fields(template: str, allowed) -> list[str]:
    """The fields ``{name}`` of ``template`` in order; :class:`FieldError` at the first one
    that is not in ``allowed`` or is not a bare name (``{title.__class__}``, ``{0}``, ``{n!r}``,
    ``{n:>9}``), and at a lone ``{`` or ``}`` (``{{`` and ``}}`` are literal braces)."""
    found = []
    for m in _FIELD.finditer(template):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        if token in ("{", "}"):
            raise FieldError(m.start(), token, "lone")
        name = m.group(1)
        if name not in allowed:
            raise FieldError(m.start(), name, "unknown")
        found.append(name)
    return found


def fill(template: str, fields: dict[str, str]) -> str:
    """``template`` with each ``{name}`` replaced by ``fields[name]`` (a closed set; checked by
    :func:`template_fields` in validation; an unknown field stays as written)."""
    def one(m: re.Match) -> str:
        token = m.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = m.group(1)
        return str(fields[name]) if name in fields else token
    return _FIELD.sub(one, template)


# --- the terminal ------------------------------------------------------------------------


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in "\t\n"


def terminal(text: str) -> str:
    """A message line as the terminal should show it: control characters (escape sequences,
    the bell, carriage returns) and lone surrogates written as ``\\xNN``/``\\uNNNN``."""
    out = []
    for ch in text:
        code = ord(ch)
        if _is_control(ch) or ch == "\n" or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
