"""A cross-region file made by a forked worker while the build goes on (pipeline.regions.Background,
the matrix workbook made while the handbook's pages are generated): what the worker makes is what
this process would; a worker that fails or dies leaves the file to this process; one job makes it
here; `rsnms compare --all` writes the same workbook with one job and with two."""

from __future__ import annotations

import os

import pytest

from conftest import copy_project, run_rsnms
from rsnms.pipeline.regions import Background

PARENT = os.getpid()


def test_the_worker_makes_what_this_process_would():
    made = Background(lambda: f"сделано в {os.getpid()}".encode(), jobs=2)
    assert made.future is not None                     # a worker was forked for it
    result = made.result().decode()
    assert result.startswith("сделано в ") and result != f"сделано в {PARENT}"
    assert made.pool is None                            # closed once it was taken


def test_one_job_makes_it_here_when_asked():
    made = Background(lambda: str(os.getpid()).encode(), jobs=1)
    assert made.pool is None and made.future is None
    assert made.result() == str(PARENT).encode()


def _fails_in_a_worker() -> bytes:
    if os.getpid() != PARENT:
        raise RuntimeError("только в рабочем процессе")
    return b"parent"


def _dies_in_a_worker() -> bytes:
    if os.getpid() != PARENT:
        os._exit(3)
    return b"parent"


@pytest.mark.parametrize("make", [_fails_in_a_worker, _dies_in_a_worker])
def test_a_worker_that_fails_or_dies_leaves_it_to_this_process(make):
    made = Background(make, jobs=2)
    assert made.result() == b"parent" and made.pool is None


def test_an_error_of_the_file_itself_is_met_here():
    def broken() -> bytes:
        raise ValueError("ошибка данных")
    with pytest.raises(ValueError, match="ошибка данных"):
        Background(broken, jobs=2).result()


def test_compare_all_writes_the_same_workbook_with_one_job_and_two(tmp_path):
    one, two = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    for root, jobs in ((one, "1"), (two, "2")):
        result = run_rsnms("compare", "--all", "--jobs", jobs, root=root)
        assert result.returncode == 0, result.stderr
    workbook = "build/compare/matrix.xlsx"
    assert (one / workbook).read_bytes() == (two / workbook).read_bytes()
    assert (one / workbook).stat().st_size > 10_000
