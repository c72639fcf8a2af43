"""The typed document model: numbers and anchors apart from text."""

from __future__ import annotations

from rsnms.model.document import ROLE_PLACEHOLDER, ROLE_TEXT, ROW, SPAN, Block, Rich, Row, Table


def test_a_block_prints_its_number_before_its_text():
    block = Block("clause", Rich([("Текст пункта", ROLE_TEXT)]), "2.1.", 1, "p-2-1")
    assert block.numbered_text.plain == "2.1. Текст пункта"
    assert block.text.plain == "Текст пункта" and block.number == "2.1." and block.anchor == "p-2-1"
    assert Block("para", Rich([("Абзац", ROLE_TEXT)])).numbered_text.plain == "Абзац"


def test_rich_text_keeps_placeholders_apart():
    text = Rich([("от ", ROLE_TEXT), ("[дата]", ROLE_PLACEHOLDER)])
    assert text.plain == "от [дата]" and text.placeholders == ["[дата]"]
    assert Rich.lines([Rich([("а", ROLE_TEXT)]), Rich([("б", ROLE_TEXT)])]).plain == "а\nб"


def test_a_table_counts_its_columns_from_header_rows_and_spans():
    cell = Rich([("x", ROLE_TEXT)])
    assert Table(rows=[Row([cell], SPAN)]).ncols == 1
    assert Table(rows=[Row([cell, cell], ROW, spans=[1, 2])]).ncols == 3
    assert Table(header=[cell] * 4, rows=[Row([cell])]).ncols == 4
