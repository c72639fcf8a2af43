"""Format strings of a profile are a closed set of named fields: Python's format syntax is a
located error before anything is built, never evaluated."""

from __future__ import annotations

import pytest

from hostile_kit import assert_no_traceback, make_case, stderr_lines
from rsnms import escape
from rsnms.readers.docx import docx_text

ALLOWED = "допустимы {n} — номер, {roman} — римский номер, {title} — название; фигурная скобка как текст — «{{» или «}}»"
BAD = [
    ("{title.__class__.__mro__}", "неизвестное поле «{title.__class__.__mro__}»"),
    ("{номер}. {title}", "неизвестное поле «{номер}»"),
    ("{0} {title}", "неизвестное поле «{0}»"),
    ("{n!r} {title}", "неизвестное поле «{n!r}»"),
    ("{n:>999999999} {title}", "неизвестное поле «{n:>999999999}»"),
    ("{title[0]}", "неизвестное поле «{title[0]}»"),
    ("Раздел {n", "одиночная фигурная скобка «{» (символ 8)"),
    ("} {title}", "одиночная фигурная скобка «}» (символ 1)"),
]


@pytest.mark.parametrize("template,what", BAD, ids=[b[0] for b in BAD])
def test_a_format_string_outside_its_fields_is_a_located_error(tmp_path, template, what):
    case = make_case(tmp_path)
    data = case.load("orenburg")
    data["acts"]["roadmap"]["direction_format"] = template
    case.save(data, "orenburg")
    before = case.state()
    result = case.run("build", "orenburg", "--no-site")
    assert_no_traceback(result)
    assert result.returncode == 2
    line = case.line_of("direction_format:", "orenburg")
    assert stderr_lines(result)[0] == f"regions/orenburg.yaml:{line}:23: acts.roadmap.direction_format: {what}: {ALLOWED}"
    assert case.state() == before


def test_the_named_fields_and_doubled_braces_are_filled(tmp_path):
    case = make_case(tmp_path)
    data = case.load("orenburg")
    data["acts"]["roadmap"]["direction_format"] = "{{{n}}} {roman} — {title} {{title}}"
    case.save(data, "orenburg")
    result = case.run("build", "orenburg", "--no-site")
    assert result.returncode == 0, result.stderr
    text = docx_text((case.root / "build/acts/orenburg/roadmap.docx").read_bytes())
    first = data["roadmap"]["directions"][0]["title"]
    assert f"{{1}} I – {first} {{title}}" in text.replace("\u00a0", " ")


def test_fill_never_evaluates_python():
    fields = {"n": 1, "roman": "I", "title": "Т"}
    assert escape.fill("{title.__class__} {0} {n}", fields) == "{title.__class__} {0} 1"
    with pytest.raises(escape.FieldError):
        escape.template_fields("{title.__init__.__globals__}", fields)
