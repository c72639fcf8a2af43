"""A build is a transaction: build/ (and mkdocs.yml, the schema) change only when the whole
build, the site included, succeeded; a lock makes a second build wait or refuse."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time

import pytest

from hostile_kit import assert_no_traceback, interruptible, make_case, snapshot, stderr_lines


@pytest.fixture
def case(tmp_path, built):
    return make_case(tmp_path, built)


def _edit_profile(case) -> None:
    data = case.load()
    data["region"]["center"] = "г. Омск-Проверка"
    case.save(data)


def test_a_broken_mkdocs_yml_after_a_profile_edit_changes_nothing(case):
    _edit_profile(case)
    config = case.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("theme:\n  name: material",
                                                                 "theme:\n  name: [material"), encoding="utf-8")
    before = case.state()
    result = case.run("build", timeout=900)
    assert_no_traceback(result)
    assert result.returncode == 2
    line = next(i for i, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "[material" in text)
    assert stderr_lines(result)[-1] == (f"mkdocs.yml:{line + 1}:11: (весь файл): в списке […] не хватает запятой или "
                                        "закрывающей скобки: исправьте синтаксис")
    assert case.state() == before        # no new acts or data beside the old site, nav and schema as they were


def test_a_broken_link_in_docs_changes_nothing(case):
    _edit_profile(case)
    (case.root / "docs" / "how-to.md").write_text("# Как добавить регион\n\n[нет такой страницы](missing.md)\n",
                                                  encoding="utf-8")
    before = case.state()
    result = case.run("build", timeout=900)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert stderr_lines(result)[-1] == ("docs/how-to.md:3:22: (весь файл): справочник не собран: ссылка «missing.md» "
                                        "ведёт на страницу, которой нет: исправьте ссылку")
    assert case.state() == before
    assert not (case.root / "build.staging").exists()


def test_a_second_build_waits_for_the_lock_then_refuses(case):
    before = case.state()
    with open(case.root / "build.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0), lock.truncate(), lock.write("4242\n"), lock.flush()
        lock_state = snapshot(case.root)
        result = case.run("build", "omsk", "--no-site", env={"RSNMS_LOCK_WAIT": "2"})
    assert_no_traceback(result)
    assert result.returncode == 1
    assert stderr_lines(result)[-2:] == [
        "Ждём окончания другой сборки (процесс 4242, build.lock)…",
        "build.lock: в build/ уже собирает другая команда rsnms (процесс 4242) дольше 2 с: дождитесь её окончания "
        "или остановите её; build/ не изменён"]
    assert snapshot(case.root) == lock_state
    assert case.state()["outside"] == before["outside"]


def test_two_builds_at_once_both_finish_and_leave_a_whole_build(case):
    env = dict(os.environ, RSNMS_ROOT=str(case.root), PYTHONWARNINGS="ignore")
    procs = [subprocess.Popen([sys.executable, "-m", "rsnms", "build", *args], cwd=case.root, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=interruptible)
             for args in (["omsk", "--no-site"], ["eao", "--no-site"])]
    results = [p.communicate(timeout=900) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert any("Ждём окончания другой сборки" in err for _out, err in results)
    build = case.root / "build"
    assert (build / "site" / "index.html").is_file()
    for region in ("omsk", "eao", "irkutsk", "orenburg"):
        assert (build / "acts" / region / "order.docx").is_file() and (build / "acts" / region / "order.pdf").is_file()
    assert not (case.root / "build.staging").exists() and not (case.root / "build.old").exists()


def _stopped(proc: subprocess.Popen, signum: int) -> str:
    """Send ``signum`` to a running build; it ends with exit 1 and no traceback: its last line."""
    proc.send_signal(signum)
    _out, err = proc.communicate(timeout=300)
    assert "Traceback" not in err
    assert proc.returncode == 1
    return err.strip().splitlines()[-1]


def test_ctrl_c_during_a_build_changes_nothing(case):
    _edit_profile(case)
    before = case.state()
    env = dict(os.environ, RSNMS_ROOT=str(case.root), PYTHONWARNINGS="ignore")
    proc = subprocess.Popen([sys.executable, "-m", "rsnms", "build"], cwd=case.root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=interruptible)
    deadline = time.time() + 300
    staging = case.root / "build.staging"
    while not (staging.is_dir() and any(staging.iterdir())) and time.time() < deadline:
        time.sleep(0.02)               # the build has started writing (its first stage's outputs)
    assert proc.poll() is None, "the build ended before Ctrl-C could be sent"
    assert _stopped(proc, signal.SIGINT) == "Прервано (Ctrl+C): build/ и файлы проекта не изменены."
    assert case.state() == before


def _started_build(case) -> subprocess.Popen:
    """A build of the case's project, once its workers are making the regions."""
    env = dict(os.environ, RSNMS_ROOT=str(case.root), PYTHONWARNINGS="ignore")
    proc = subprocess.Popen([sys.executable, "-m", "rsnms", "build", "--jobs", "2"], cwd=case.root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=interruptible)
    children = f"/proc/{proc.pid}/task/{proc.pid}/children"
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        with open(children) as listed:
            if listed.read().split():
                break
        time.sleep(0.02)
    assert proc.poll() is None, "the build ended before its workers could be seen"
    return proc


def _lock_is_free(root) -> bool:
    fd = os.open(root / "build.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def _every_region_to_make(case) -> None:
    _edit_profile(case)
    (case.root / "build" / ".rsnms" / "inputs.json").unlink()     # no record: every region is made again


def test_sigterm_during_a_build_stops_it_as_ctrl_c_does(case):
    _every_region_to_make(case)
    before = case.state()
    proc = _started_build(case)
    assert _stopped(proc, signal.SIGTERM) == "Остановлено сигналом SIGTERM: build/ и файлы проекта не изменены."
    assert case.state() == before
    assert _lock_is_free(case.root)


def test_sigterm_while_two_processes_make_the_site_stops_the_build_and_its_worker(case):
    _every_region_to_make(case)
    (case.root / "build" / ".rsnms" / "pages.json").unlink()       # no record: the site is made whole
    before = case.state()
    env = dict(os.environ, RSNMS_ROOT=str(case.root), PYTHONWARNINGS="ignore")
    proc = subprocess.Popen([sys.executable, "-m", "rsnms", "build", "--jobs", "2"], cwd=case.root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=interruptible)
    for line in proc.stderr:
        if line.startswith("справочник: сайт"):
            break
    children, worker, deadline = f"/proc/{proc.pid}/task/{proc.pid}/children", [], time.time() + 60
    while not worker and proc.poll() is None and time.time() < deadline:
        with open(children) as listed:
            worker = listed.read().split()     # the worker converting half of the pages' Markdown
        time.sleep(0.002)
    assert worker, "the build ended before the site's worker could be seen"
    assert _stopped(proc, signal.SIGTERM) == "Остановлено сигналом SIGTERM: build/ и файлы проекта не изменены."
    assert case.state() == before and _lock_is_free(case.root)
    deadline = time.time() + 30
    while os.path.exists(f"/proc/{worker[0]}") and time.time() < deadline:
        time.sleep(0.05)
    assert not os.path.exists(f"/proc/{worker[0]}"), "the site's worker outlived its build"


def test_a_build_killed_outright_leaves_no_worker_holding_the_lock(case):
    _every_region_to_make(case)
    proc = _started_build(case)
    proc.kill()                          # SIGKILL: nothing of rsnms runs in the parent any more
    proc.communicate(timeout=60)
    deadline = time.time() + 30
    while not _lock_is_free(case.root) and time.time() < deadline:
        time.sleep(0.1)
    assert _lock_is_free(case.root), "a worker of the killed build still holds build.lock"
    result = case.run("build", "omsk", "--no-site")       # and the next build cleans up after it
    assert result.returncode == 0, result.stderr


def test_leftovers_of_a_killed_build_are_cleared(case):
    os.rename(case.root / "build", case.root / "build.old")        # killed between its two renames
    (case.root / "build.staging").mkdir()
    (case.root / "build.staging" / "half.docx").write_bytes(b"half")
    result = case.run("build", "omsk", "--no-site")
    assert result.returncode == 0, result.stderr
    assert (case.root / "build" / "site" / "index.html").is_file()      # the old build was put back, then updated
    assert not (case.root / "build.staging").exists() and not (case.root / "build.old").exists()


def test_a_full_build_leaves_no_file_of_a_removed_region(case):
    (case.root / "regions" / "eao.yaml").unlink()
    result = case.run("build", timeout=900)
    assert result.returncode == 0, result.stderr
    build = case.root / "build"
    assert not (build / "acts" / "eao").exists() and not (build / "docs" / "regions" / "eao").exists()
    assert not (build / "site" / "regions" / "eao").exists()
