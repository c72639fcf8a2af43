"""The text check passes a text at C speed when it holds no character the check objects to:
its pattern must hold every such character, for every kind of field."""

from __future__ import annotations

from rsnms.validate.checks.text import _SUSPECT, char_problem, problem

KEYS = ("name", "text", "quote", "key")      # one line, several lines, a tab allowed, a field's name


def test_every_character_the_check_objects_to_is_in_its_pattern():
    missed = [f"U+{code:04X}" for code in range(0x110000)
              if _SUSPECT.match(chr(code)) is None and any(char_problem(chr(code), key) for key in KEYS)]
    assert missed == []


def test_a_problem_inside_a_long_text_is_found():
    text = "а" * 5000 + "\u202e" + "б" * 10
    assert "U+202E" in problem(text, "text")
    assert problem("строка\nещё", "name").startswith("перевод строки")
    assert problem("строка\nещё", "text") is None
    assert problem("ячейка\tячейка", "quote") is None
    assert "U+0009" in problem("ячейка\tячейка", "text")
