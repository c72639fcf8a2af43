"""Paths stay inside the project: sources under acts/sources/, profiles under regions/,
outputs under build/ — symlinks leading out, loops, folders and named pipes where a file
is expected are located messages; nothing outside the project is read, written or emptied."""

from __future__ import annotations

import os

import pytest

from hostile_kit import SECRET, assert_no_traceback, make_case, stderr_lines


@pytest.fixture
def case(tmp_path, built):
    return make_case(tmp_path, built)


def _refused(case, result, expected: str) -> None:
    assert_no_traceback(result)
    assert result.returncode == 2, result.stderr
    assert expected in stderr_lines(result), result.stderr
    assert SECRET not in result.stdout + result.stderr


SOURCE = "acts/sources/../../../outside/secret.txt"


def test_a_source_climbing_out_of_acts_sources_is_refused(case):
    data = case.load()
    data["sources"][0] = SOURCE
    case.save(data)
    before = case.state()
    result = case.run("build", "omsk", "--no-site")
    line, col = case.where(SOURCE)
    _refused(case, result, f"regions/omsk.yaml:{line}:{col}: sources[0]: исходный текст «{SOURCE}»: путь ведёт за "
                           f"пределы acts/sources/ ({case.outside / 'secret.txt'}): файлы проекта должны лежать в "
                           "папке acts/sources/; скопируйте файл туда")
    assert case.state() == before


def test_an_act_source_and_an_erratum_through_a_symlink_out_are_refused(case):
    (case.root / "acts/sources/link.txt").symlink_to(case.outside / "secret.txt")
    data = case.load()
    data["acts"]["order"]["source"] = {"file": "acts/sources/link.txt", "first": 1, "last": 1}
    data["errata"][0]["source"]["file"] = "acts/sources/link.txt"
    case.save(data)
    before = case.state()
    result = case.run("validate", "omsk")
    reason = (f"исходный текст «acts/sources/link.txt»: символическая ссылка ведёт за пределы acts/sources/ "
              f"({case.outside / 'secret.txt'}): файлы проекта должны лежать в папке acts/sources/; скопируйте файл туда")
    lines = [line for line in stderr_lines(result) if reason in line]
    assert [line.split(": ")[1] for line in lines] == ["acts.order.source.file", "errata[0].source.file"]
    _refused(case, result, lines[0])
    assert case.state() == before


@pytest.mark.parametrize("inside", ["build/docs", "build/acts/omsk", "build/site.new", "build.staging"])
def test_an_output_folder_symlinked_out_is_neither_written_nor_emptied(case, inside):
    target = case.root / inside
    if os.path.lexists(target):
        import shutil
        shutil.rmtree(target)
    target.symlink_to(case.outside / "folder", target_is_directory=True)
    outside = case.state()["outside"]
    args = ["build", "--no-site"] if inside != "build/docs" else ["build"]
    result = case.run(*args, timeout=900)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert case.state()["outside"] == outside
    built = case.root / inside
    if inside.startswith("build/") and inside != "build/site.new":
        assert built.is_dir() and not built.is_symlink()
    assert not os.path.lexists(case.root / "build.staging")


def test_build_as_a_symlink_out_of_the_project_is_refused(case):
    import shutil
    shutil.rmtree(case.root / "build")
    (case.root / "build").symlink_to(case.outside / "folder", target_is_directory=True)
    before = case.state()
    result = case.run("build", "omsk", "--no-site")
    _refused(case, result, f"build:1:1: (весь файл): build — символическая ссылка (на {case.outside / 'folder'}): "
                           "rsnms собирает только в папку build/ внутри проекта; удалите ссылку")
    assert case.state() == before


@pytest.mark.parametrize("kind", ["loop", "folder", "fifo", "link out"])
def test_a_profile_that_is_not_a_file_of_regions_is_a_located_message(case, kind):
    path = case.root / "regions" / "x.yaml"
    if kind == "loop":
        path.symlink_to(case.root / "regions" / "y.yaml")
        (case.root / "regions" / "y.yaml").symlink_to(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(case.outside / "secret.txt")
    before = case.state()
    result = case.run("validate", timeout=60)          # a named pipe must not make it wait for a writer
    reason = {"loop": "«regions/x.yaml»: символические ссылки образуют цикл — исправьте или удалите ссылку",
              "folder": "«regions/x.yaml» — папка, а нужен обычный файл: укажите текстовый файл",
              "fifo": "«regions/x.yaml» — именованный канал, а нужен обычный файл: укажите текстовый файл",
              "link out": f"«regions/x.yaml»: символическая ссылка ведёт за пределы regions/ "
                          f"({case.outside / 'secret.txt'}): файлы проекта должны лежать в папке regions/; "
                          "скопируйте файл туда"}[kind]
    _refused(case, result, f"regions/x.yaml:1:1: (весь файл): профиль {reason}")
    assert case.state() == before


def test_a_handwritten_page_linked_out_of_docs_is_not_published(case):
    (case.root / "docs" / "secret.md").symlink_to(case.outside / "secret.txt")
    before = case.state()
    result = case.run("build", timeout=900)
    _refused(case, result, f"docs/secret.md:1:1: (весь файл): страница справочника «docs/secret.md»: "
                           f"символическая ссылка ведёт за пределы docs/ ({case.outside / 'secret.txt'}): файлы проекта "
                           "должны лежать в папке docs/; скопируйте файл туда")
    assert case.state() == before
