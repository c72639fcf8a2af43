"""The docx writer: what the templates read, made from the typed document."""

from __future__ import annotations

from rsnms.model.document import ROLE_PLACEHOLDER, ROLE_TEXT, Block, Document, Rich, Row, Table
from rsnms.writers.docx import context_of, to_template


def test_templates_read_the_number_printed_before_the_text():
    doc = Document("x", "regulation", "draft", Rich([("Положение", ROLE_TEXT)]), Rich(), None,
                   body=[Block("clause", Rich([("Текст", ROLE_TEXT)]), "1.2.", 1, "p-1-2"),
                         Block("table", table=Table(rows=[Row([Rich([("a", ROLE_TEXT)])])], widths=[1]))])
    ctx = context_of(doc)
    assert ctx["draft"] is True and ctx["key"] == "regulation" and ctx["region"] == "x"
    assert ctx["body"][0]["text"].plain == "1.2. Текст" and ctx["body"][0]["kind"] == "clause"
    table = ctx["body"][1]["table"]
    assert table["ncols"] == 1 and table["rows"][0]["spans"] == [1]


def test_placeholders_get_the_placeholder_style_and_empty_text_is_empty():
    rich = to_template(Rich([("от ", ROLE_TEXT), ("[дата]", ROLE_PLACEHOLDER)]), "Zapolnitel")
    assert 'w:rStyle w:val="Zapolnitel"' in str(rich) and "[дата]" in str(rich)
    assert to_template(Rich(), "Zapolnitel") == ""
