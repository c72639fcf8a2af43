"""Resource exhaustion and ordinary bad input: a billion laughs, a huge list, deep nesting, a
50 MB file, a byte of Windows-1251, control characters in a task, English from argparse,
`rsnms new` with the model's id or a name that is not one — each a Russian message at its
place, exit 2, nothing changed, never a traceback or a hang."""

from __future__ import annotations

import pytest

from hostile_kit import assert_no_traceback, make_case, stderr_lines

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(20))
HUGE_LIST = "id: biglist\nl: [" + "1," * 1_000_000 + "1]\n"
DEEP = "id: deep\nl: " + "[" * 10_000 + "]" * 10_000 + "\n"
HUGE_FILE = "id: huge\n" + ("# " + "к" * 60 + "\n") * 420_000          # 50 MB of comments


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    return make_case(tmp_path_factory.mktemp("limits"))


def _validate(case, name: str, content: bytes):
    path = case.root / "regions" / f"{name}.yaml"
    path.write_bytes(content)
    try:
        before = case.state()
        result = case.run("validate", f"regions/{name}.yaml", timeout=60)
        assert_no_traceback(result)
        assert result.returncode == 2, result.stderr
        assert case.state() == before
        return stderr_lines(result)
    finally:
        path.unlink()


@pytest.mark.parametrize("name, content, place, message", [
    ("bomb", BOMB.encode(), "5:28", "больше 50 000 значений (ссылки «*имя» считаются столько раз, сколько раскрываются)"),
    ("biglist", HUGE_LIST.encode(), "2:10005", "больше 5 000 элементов в одном списке или словаре"),
    ("deep", DEEP.encode(), "2:43", "вложенность глубже 40 уровней"),
    ("huge", HUGE_FILE.encode(), "1:1", f"файл больше 2 МБ ({len(HUGE_FILE.encode()) / 2**20:.1f} МБ): профиль "
                                         "такого размера не бывает"),
])
def test_an_input_that_cannot_be_a_profile_is_refused_at_its_place(case, name, content, place, message):
    lines = _validate(case, name, content)
    assert lines[0].startswith(f"regions/{name}.yaml:{place}: (весь файл): {message}"), lines


def test_a_windows_1251_byte_is_located_at_its_line(case):
    text = (case.root / "regions" / "omsk.yaml").read_text(encoding="utf-8").split("\n")
    text[30] += " # комментарий"
    content = "\n".join(text[:30]).encode() + b"\n" + text[30].encode("cp1251") + b"\n" + "\n".join(text[31:]).encode()
    raw = text[30].encode("cp1251")
    first = next(i for i, b in enumerate(raw) if b >= 0x80)     # the first byte UTF-8 cannot read
    lines = _validate(case, "cp", content)
    assert lines[0] == f"regions/cp.yaml:31:{first + 1}: (весь файл): файл не в кодировке UTF-8 (байт " \
                       f"0x{raw[first]:X} в строке 31): сохраните его в UTF-8", lines


def test_bell_and_form_feed_in_a_task_are_located_errors(case):
    text = (case.root / "regions" / "omsk.yaml").read_text(encoding="utf-8")
    tasks = text.index("  tasks:\n") + len("  tasks:\n")
    line = text[:tasks].count("\n") + 1
    content = (text[:tasks] + '    - "звонок\\a"\n    - "разрыв\\f страницы"\n' + text[tasks:]).replace("id: omsk", "id: ctl")
    lines = _validate(case, "ctl", content.encode())
    assert f"regions/ctl.yaml:{line}:7: system.tasks[0]: недопустимый символ U+0007 (BEL, звонок): удалите его — " \
           "в тексте акта он не печатается" in lines
    assert any(l.startswith(f"regions/ctl.yaml:{line + 1}:7: system.tasks[1]: недопустимый символ U+000C") for l in lines), \
        lines


@pytest.mark.parametrize("args, message", [
    (["fidelity", "--min", "abc"], "rsnms fidelity: ошибка: аргумент --min: «abc» — не число: укажите долю от 0 до 1, "
                                   "например 0.97"),
    (["fidelity", "--min", "2"], "rsnms fidelity: ошибка: аргумент --min: 2 вне 0…1: укажите долю от 0 до 1, "
                                 "например 0.97"),
    (["build", "--pdf=1"], "rsnms build: ошибка: аргумент --pdf: у параметра не бывает значения: уберите '1'"),
    (["new", "model", "--name", "Тверская область"], "rsnms new:1:1: ID: идентификатор «model» занят примерным "
                                                      "положением (build/acts/model/): выберите другой, например по "
                                                      "названию региона"),
    (["new", "tver", "--name", "Tver"], "rsnms new:1:1: --name: «Tver»: наименование субъекта РФ пишется по-русски, "
                                        "например «Тверская область»"),
    (["new", "tver", "--name", ""], "rsnms new:1:1: --name: пустое значение: укажите наименование, например "
                                    "«Тверская область»"),
    (["new", "tver", "--name", "Тверская\x07область"], "rsnms new:1:1: --name: недопустимый символ U+0007 (BEL, "
                                                        "звонок): удалите его — в тексте акта он не печатается"),
])
def test_a_bad_argument_is_a_russian_message(case, args, message):
    before = case.state()
    result = case.run(*args)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert message in stderr_lines(result), result.stderr
    assert not any(w in result.stderr for w in ("invalid", "ignored explicit", "argument", "error:"))
    assert case.state() == before
