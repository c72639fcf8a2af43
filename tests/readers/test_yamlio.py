"""The YAML reader: YAML 1.2 values, positions, and refusals."""

from __future__ import annotations

import pytest

from rsnms.readers import yamlio
from rsnms.diagnostics import InputError


def load(text: str):
    return yamlio.loads(text, yamlio.Positions("x.yaml"))


def test_yaml_12_scalars_stay_what_they_look_like():
    data, _ = load("a: no\nb: 010\nc: 12:30\nd: 2022-04-07\ne: true\nf: ~\ng: 1.5\n")
    assert data == {"a": "no", "b": 10, "c": "12:30", "d": "2022-04-07", "e": True, "f": None, "g": 1.5}


def test_a_folded_block_reads_as_folded_text_on_both_paths():
    text = "a: >\n  один\n  два\n\n  три\nb: >-\n  x\n  y\n"
    for fast in (True, False):
        data, _ = yamlio.loads(text, yamlio.Positions("x.yaml"), fast=fast)
        assert data == {"a": "один два\nтри\n", "b": "x y"}      # no BEL where ruamel folded


def test_positions_of_values_and_keys():
    data, pos = load("a:\n  - x\n  - {b: 2}\n")
    assert pos.of(("a", 1, "b")) == (3, 9)
    assert pos.of(("a", 1, "b"), key=True) == (3, 6)
    assert pos.of(("a", 0)) == (2, 5)
    assert pos.of(("a", 5, "zzz")) == pos.of(("a",))  # nearest enclosing value


@pytest.mark.parametrize("text, message", [
    ("a: 1\na: 2\n", "повторяющийся ключ «a» (первый раз — строка 1)"),
    ("a: !!binary aGk=\n", "нестандартный тег «tag:yaml.org,2002:binary»"),
    ("a: !custom x\n", "нестандартный тег «!custom»"),
    ("a: [1\n", "не хватает запятой или закрывающей скобки"),
    ("", "файл пуст"),
    ("a: 1\n---\nb: 2\n", "второй документ"),
    ("? [a, b]\n: c\n", "ключом может быть только строка"),
])
def test_refusals(text, message):
    with pytest.raises(InputError) as caught:
        load(text)
    assert message in str(caught.value)
