"""The two parse paths of the YAML reader agree: libyaml's (`readers/yamlfast.py`) and ruamel's.

For every YAML file the project and its tests hold (and each again with Windows line ends),
for hostile and unusual inputs and for profiles Hypothesis mutates, reading with the fast
path and reading with ruamel alone give the same data and the same position of every value
and key — or the same messages. Where the fast path does not answer, ruamel reads the file.
"""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from rsnms.diagnostics import InputError
from rsnms.readers import yamlfast, yamlio

SKIP = {".venv", "build", "node_modules", ".git", ".rsnms-cache", ".hypothesis", ".pytest_cache"}
FILES = sorted(p for pattern in ("*.yaml", "*.yml") for p in ROOT.rglob(pattern)
               if not SKIP & set(p.relative_to(ROOT).parts))
PROFILE = (ROOT / "regions" / "omsk.yaml").read_text(encoding="utf-8").splitlines()


def read(text: str, fast: bool):
    try:
        data, pos = yamlio.loads(text, yamlio.Positions("x.yaml"), fast=fast)
    except InputError as exc:
        return "error", [d.format() for d in exc.diagnostics]
    return "data", repr(data), pos.values, pos.keys


def assert_same(text: str) -> bool:
    """Both paths give the same answer; True when the fast path answered itself."""
    answered = yamlfast.compose(text, yamlio.LIMITS) is not None
    assert read(text, fast=True) == read(text, fast=False)
    return answered


def test_the_fast_path_is_there():
    assert yamlfast.available(), "PyYAML without libyaml: every file would take the slow path"


def test_every_yaml_file_of_the_project_and_the_tests_reads_the_same():
    assert len(FILES) > 50 and any("broken" in p.parts for p in FILES)
    answered = {}
    for path in FILES:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue                       # the reader refuses it before either path (tests/broken)
        answered[path] = assert_same(text)
        assert_same(text.replace("\n", "\r\n"))
    # the real profiles and the model are read by the fast path, not left to ruamel
    for path in [*(ROOT / "regions").glob("*.yaml"), ROOT / "acts" / "model.yaml"]:
        assert answered[path], path


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(20))
LIMITS = {
    "billion laughs": BOMB,
    "a list of a million": "l: [" + "1," * 1_000_000 + "1]\n",
    "a block list too long": "l:\n" + "- a\n" * 5_001,
    "a mapping too long": "".join(f"k{i}: v\n" for i in range(5_001)),
    "10 000 brackets": "l: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "41 levels": "".join("  " * i + f"k{i}:\n" for i in range(41)) + "  " * 41 + "v\n",
    "a value too long": "t: " + "а" * 100_001 + "\n",
    "too many values": "".join(f"k{i}: [" + ", ".join(["x"] * 99) + "]\n" for i in range(510)),
}


@pytest.mark.parametrize("name", LIMITS)
def test_past_a_limit_the_fast_path_gives_way_and_the_message_is_ruamels(name):
    text = LIMITS[name]
    assert yamlfast.compose(text, yamlio.LIMITS) is None
    assert read(text, fast=True)[0] == "error"
    assert not assert_same(text)


def test_at_the_limits_the_fast_path_still_answers():
    for text in ("l:\n" + "- a\n" * 5_000, "t: " + "а" * 100_000 + "\n",
                 "".join("  " * i + f"k{i}:\n" for i in range(39)) + "  " * 39 + "v\n"):
        assert assert_same(text)


UNUSUAL = [
    # scalars YAML 1.1 and 1.2 read differently, and the ones rsnms keeps as written
    "a: yes\nb: on\nc: 010\nd: 0o10\ne: 0x1F\nf: 1_000\ng: .inf\nh: -.Inf\ni: .nan\nj: 1e3\nk: 12:30\n",
    "a: 2022-04-07\nb: 2022-02-30\nc: 2001-12-14t21:59:43.10-05:00\nd: ~\ne: null\nf:\ng: =\nh: True\n",
    # quoting, escapes, folding, block scalars
    "a: 'it''s'\nb: \"q\\\"u\\n\\t\\x41\\u0416\\/\"\nc: \"line\\\n  next\"\nd: \"a\n\n  b\"\n",
    "a: >\n  folded\n  text\n\n  more\nb: |-\n  kept\n   indented\nc: >+\n  keep\n\nd: |2\n   two\ne: x\n",
    "a: plain\n  continued\n\n  paragraph\nb: -1\nc: '-'\nd: :x\ne: a:b\nf: a #not\n",
    # flow and JSON style, keys, empty values, comments
    '{"a": 1, "b": [1, 2, {"c": null}], d: [], e: {}}\n',
    "? a\n: 1\n? [x]\n: 2\n",
    "a:\n- 1\n- - 2\n  - 3\n-\nb: # comment\n  c: d # comment\n",
    # empty values: ruamel places them at the token that follows, libyaml after the colon
    "a: 1\nb:\n", "a:\nb: 1\n", "a:\n  b:\nc: 1\n", "a:   \n\n\n", "a: 1\nb:   # c\n\n", "a:  # c\nb: 1\n",
    "a:\n# c\nb: 1\n", "a: [b, ]\n", "a: {b: , c}\n", "- a:\n  b:\n", "a:\n- b:\n", ": x\n", "a: 1\n:\n",
    "a:\n? b\n: c\n", "- a\n-\n- b\n", "a:\n  -\n  - b:\n", "---\n", "a:", "a: 1\nb:", "a:\n  b:", "a:  ", "a:\n\n",
    "# only a comment\n",
    "",
    "--- \na: 1\n...\n",
    "a: 1\n---\nb: 2\n",
    # what the fast path leaves to ruamel
    "%YAML 1.1\n---\na: yes\n",
    "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
    "a: &x 1\nb: *x\n",
    "a: *nope\n",
    "a: !!str 5\nb: !!int '7'\nc: ! 12\nd: !!binary aGk=\n",
    "<<: {a: 1}\nb: 2\n",
    "a:\tb\n",
    "a: 1\n\tb: 2\n",
    "\ufeffa: 1\n",
    "a: b\x85c: d\n",
    "a: b\u2028c\n",
    "a: 1\ra: 2\r",
    "a: 1\na: 2\n",
    "a: [1\n",
    "a: b: c\n",
    "- a\nb: c\n",
    "a: 'x\n",
    "a: \"\\q\"\n",
    "a: \"\\ud800\"\n",
    "key with spaces: and «кириллица», 😀 and more: x\nб: \"ё\"\n",
]


@pytest.mark.parametrize("text", UNUSUAL)
def test_unusual_inputs_read_the_same(text):
    assert_same(text)
    assert_same(text.replace("\n", "\r\n"))


FRAGMENTS = ["", "~", "yes", "010", "0o7", "1.5", "- x", "[a, b]", "{a: 1}", "'q'", '"\\n"', ">", "|", "&a x",
             "*a", "!!str x", "a: b", ": x", "#", "'", '"', "-", "?", "\t", "  ", "--- x", "...", "2022-04-07",
             "«Текст»: с двоеточием", "@", "`", "%", "=", "<<"]


@st.composite
def mutated(draw):
    lines = PROFILE[:80]
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "value", "insert"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][draw(st.integers(1, 2)):]
        elif action == "value" and ":" in lines[i]:
            lines[i] = lines[i].split(":", 1)[0] + ": " + draw(st.sampled_from(FRAGMENTS))
        else:
            lines.insert(i, lines[i][:len(lines[i]) - len(lines[i].lstrip())] + draw(st.sampled_from(FRAGMENTS)))
        if not lines:
            break
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated())
def test_mutated_profiles_read_the_same(text):
    assert_same(text)
