"""Ordinary trouble is a Russian message and an exit code, never a traceback: permissions,
``build`` being a file, a full disk, output to /dev/full, Ctrl-C while starting, long titles
and ids, NUL and lone surrogates, hostile templates, unreadable errata sources.

The tests run as root on the CI machine, where permissions do not stop anything: the
permission cases run rsnms as the user ``nobody`` (``setpriv``) on a project copy that
``nobody`` owns; the full disk is a 2 MB tmpfs in a private mount namespace (``unshare``),
or, where mounting is not allowed, a file-size limit (``RLIMIT_FSIZE``) that fails writes the
same way.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from hostile_kit import ROOT, assert_no_traceback, interruptible, make_case, stderr_lines
from rsnms.readers.docx import docx_text

NOBODY = pwd.getpwnam("nobody")


@pytest.fixture
def case(tmp_path, built):
    return make_case(tmp_path, built)


@pytest.fixture
def nobody_case(built):
    """A built project copy owned by ``nobody``, in a folder ``nobody`` can reach; and rsnms
    itself (this checkout, its virtual environment) reachable by ``nobody`` while the test runs."""
    top = Path(tempfile.mkdtemp(prefix="rsnms-nobody-", dir="/tmp"))
    os.chmod(top, 0o755)
    case = make_case(top, built)
    (top / "home").mkdir()
    for folder, dirs, files in os.walk(top):
        for name in [".", *dirs, *files]:
            os.lchown(os.path.join(folder, name), NOBODY.pw_uid, NOBODY.pw_gid)
    opened = _passable(ROOT, Path(sys.executable).parent)
    try:
        yield case
    finally:
        for folder, mode in opened:
            os.chmod(folder, mode)
        subprocess.run(["chmod", "-R", "u+rwX", str(top)], check=False)
        shutil.rmtree(top, ignore_errors=True)


def _passable(*paths: Path) -> list[tuple[Path, int]]:
    """Every folder above ``paths`` (and they) that others may not pass through, made passable
    (``o+x``: not readable) — a checkout cloned into a private folder (``mktemp -d``, mode 700)
    would hide rsnms from ``nobody``; the folders and their modes before, to put back."""
    if os.geteuid() != 0:
        return []
    opened, seen = [], set()
    for path in paths:
        for folder in [path, *path.parents]:
            if folder in seen or not folder.is_dir():
                continue
            seen.add(folder)
            mode = folder.stat().st_mode & 0o7777
            if not mode & 0o001:
                os.chmod(folder, mode | 0o001)
                opened.append((folder, mode))
    return opened


def as_nobody(case, *args, timeout=600):
    if os.geteuid() != 0:       # not root: the caller's own permissions already apply
        return case.run(*args, timeout=timeout)
    return case.run(*args, timeout=timeout, env={"HOME": str(case.root.parent / "home")},
                    prefix=["setpriv", f"--reuid={NOBODY.pw_uid}", f"--regid={NOBODY.pw_gid}", "--clear-groups", "--"])


def _chmod_tree(path: Path, mode: int) -> None:
    for folder, dirs, _files in os.walk(path):
        os.chmod(folder, mode)


def test_a_read_only_build_is_refused_before_anything_changes(nobody_case):
    case = nobody_case
    _chmod_tree(case.root / "build", 0o555)
    before = case.state()
    result = as_nobody(case, "build", "omsk", "--no-site")
    assert_no_traceback(result)
    assert result.returncode == 1
    assert stderr_lines(result)[-1] == ("build: нет прав на изменение папки: rsnms заменяет build/ целиком; верните "
                                        "права на запись (chmod -R u+w build) или удалите build/")
    assert case.state() == before


def test_a_read_only_regions_folder_is_a_message(nobody_case):
    case = nobody_case
    os.chmod(case.root / "regions", 0o555)
    before = case.state()
    result = as_nobody(case, "new", "tver", "--name", "Тверская область")
    assert_no_traceback(result)
    assert result.returncode == 1
    assert stderr_lines(result)[-1] == ("regions/tver.yaml: нет прав доступа: проверьте права на файл и папку "
                                        "(владелец, chmod) или запустите rsnms от имени пользователя, которому они "
                                        "доступны")
    assert case.state() == before


def test_an_unreadable_profile_is_a_message(nobody_case):
    case = nobody_case
    os.chmod(case.root / "regions" / "omsk.yaml", 0o000)
    before = case.state()
    result = as_nobody(case, "validate")
    assert_no_traceback(result)
    assert result.returncode == 1
    assert stderr_lines(result)[-1] == ("regions/omsk.yaml: нет прав доступа: проверьте права на файл и папку "
                                        "(владелец, chmod) или запустите rsnms от имени пользователя, которому они "
                                        "доступны")
    assert case.state() == before


def test_build_being_a_file_is_refused(case):
    shutil.rmtree(case.root / "build")
    (case.root / "build").write_text("не папка\n", encoding="utf-8")
    before = case.state()
    result = case.run("build", "omsk", "--no-site")
    assert_no_traceback(result)
    assert result.returncode == 2
    assert stderr_lines(result)[-1] == ("build:1:1: (весь файл): build — файл, а не папка: rsnms собирает в папку "
                                        "build/; переименуйте или удалите этот файл")
    assert case.state() == before


FULL_DISK = r"""
import json, os, resource, signal, subprocess, sys
sys.path.insert(0, sys.argv[2])
from hostile_kit import snapshot
root = sys.argv[1]
if sys.argv[3] == "fsize":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (30_000, 30_000))
before = snapshot(__import__("pathlib").Path(root))
env = dict(os.environ, RSNMS_ROOT=root, PYTHONWARNINGS="ignore")
result = subprocess.run([sys.executable, "-m", "rsnms", "build", "omsk", "--no-site"], cwd=root, env=env,
                        capture_output=True, text=True)
after = snapshot(__import__("pathlib").Path(root))
print(json.dumps({"code": result.returncode, "stderr": result.stderr, "same": before == after}))
"""


def test_a_full_disk_is_a_message_and_changes_nothing(tmp_path):
    """A project on a 2 MB file system: its inputs (1.4 MB) and a small build/ fit, the new build does not."""
    import json

    script = tmp_path / "full.py"
    script.write_text(FULL_DISK, encoding="utf-8")
    mount = tmp_path / "disk"
    mount.mkdir()
    kit = str(Path(__file__).parent)
    setup = (f"mount -t tmpfs -o size=2m tmpfs {mount} && mkdir {mount}/p && "
             f"cp -r {ROOT}/acts {ROOT}/regions {ROOT}/templates {ROOT}/docs {ROOT}/mkdocs.yml {mount}/p/ && "
             f"mkdir -p {mount}/p/build/acts && echo old > {mount}/p/build/acts/x && touch {mount}/p/build.lock")
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount -t tmpfs tmpfs {mount} && umount {mount}"],
                           capture_output=True)
    if probe.returncode == 0:
        command = ["unshare", "-m", "sh", "-c", f"{setup} && {sys.executable} {script} {mount}/p {kit} disk"]
        expected = "на диске нет места: освободите место на диске и повторите; прежние файлы не изменены"
    else:       # no mount namespace here: a file-size limit makes writes fail the same way
        project = tmp_path / "p"
        shutil.copytree(ROOT / "acts", project / "acts")
        for folder in ("regions", "templates", "docs"):
            shutil.copytree(ROOT / folder, project / folder)
        shutil.copy(ROOT / "mkdocs.yml", project)
        (project / "build" / "acts").mkdir(parents=True)
        (project / "build" / "acts" / "x").write_text("old\n")
        (project / "build.lock").touch()     # left by an earlier build; a first build creates it
        command = [sys.executable, str(script), str(project), kit, "fsize"]
        expected = "файл больше допустимого размера (ограничение системы)"
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert "Traceback" not in outcome["stderr"]
    assert outcome["code"] == 1, outcome["stderr"]
    last = outcome["stderr"].strip().splitlines()[-1]
    assert last.startswith("build/") and last.endswith(expected), last
    assert outcome["same"]


def test_export_into_a_full_device_is_a_message(case):
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "rsnms", "export", "irkutsk", "--format", "json"],
                                cwd=case.root, stdout=full, stderr=subprocess.PIPE, text=True,
                                env=dict(os.environ, RSNMS_ROOT=str(case.root)), timeout=120)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "rsnms: на диске нет места: освободите место на диске и повторите; прежние файлы не изменены"]


def test_ctrl_c_while_the_libraries_load_is_never_a_traceback(case):
    """Ctrl-C once rsnms is loading its libraries (lxml mapped into the process: the commands'
    imports run inside the handler) gives the Russian message, exit 1."""
    env = dict(os.environ, RSNMS_ROOT=str(case.root), PYTHONWARNINGS="ignore")
    for library in ("lxml", "ruamel", "jsonschema"):
        proc = subprocess.Popen([sys.executable, "-m", "rsnms", "validate"], cwd=case.root, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=interruptible)
        maps = Path(f"/proc/{proc.pid}/maps")
        deadline = time.time() + 60
        while proc.poll() is None and time.time() < deadline:
            try:
                if library in maps.read_text() or library in " ".join(os.listdir(f"/proc/{proc.pid}/fd")):
                    break
            except OSError:
                pass
            time.sleep(0.005)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=120)
        assert "Traceback" not in err, (library, err)
        if proc.returncode != 0:            # 0: it had finished already
            assert proc.returncode == 1, (library, err)
            assert err.strip().splitlines()[-1] == "Прервано (Ctrl+C): build/ и файлы проекта не изменены."


def test_a_330_character_order_title_builds(case):
    title = ("Об утверждении Положения о создании, функционировании и развитии региональной системы "
             "научно-методического сопровождения педагогических работников и управленческих кадров Омской "
             "области и о признании утратившими силу некоторых приказов Министерства образования Омской области "
             "в сфере дополнительного профессионального образования работников")
    assert len(title) >= 330
    data = case.load()
    data["acts"]["order"]["title"] = title
    case.save(data)
    result = case.run("build", "omsk", "--no-site")
    assert result.returncode == 0, result.stderr
    docx = (case.root / "build/acts/omsk/order.docx").read_bytes()
    assert title in docx_text(docx).replace("\u00a0", " ")
    import docx as python_docx, io
    core = python_docx.Document(io.BytesIO(docx)).core_properties.title
    assert len(core) <= 255 and core.endswith("…") and title.startswith(core[:-1])


def test_a_240_character_id_is_a_located_error(case):
    rid = "r" * 240
    text = (case.root / "regions/omsk.yaml").read_text(encoding="utf-8").replace("id: omsk", f"id: {rid}", 1)
    (case.root / "regions" / f"{rid}.yaml").write_text(text, encoding="utf-8")
    before = case.state()
    result = case.run("build", rid, "--no-site")
    assert_no_traceback(result)
    assert result.returncode == 2
    assert f"regions/{rid}.yaml:2:5: id: идентификатор длиннее 64 символов (240): он станет именем файла — сократите " \
           "его" in stderr_lines(result)
    assert case.state() == before


@pytest.mark.parametrize("escape_text,code,name", [("\\0", "0000", "NUL"), ("\\a", "0007", "BEL, звонок"),
                                                   ("\\f", "000C", "FF, разрыв страницы")])
def test_a_control_character_in_a_title_is_a_located_error(case, escape_text, code, name):
    path = case.root / "regions/omsk.yaml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("    title: Об утверждении"))
    path.write_text(text.replace(old, f'    title: "Об утверждении{escape_text} Положения"', 1), encoding="utf-8")
    before = case.state()
    result = case.run("build", "omsk", "--no-site")
    assert_no_traceback(result)
    assert result.returncode == 2
    line = case.line_of("title: \"Об утверждении")
    assert stderr_lines(result)[0] == (f"regions/omsk.yaml:{line}:12: acts.order.title: недопустимый символ U+{code} "
                                       f"({name}): удалите его — в тексте акта он не печатается")
    assert case.state() == before


def test_a_lone_surrogate_in_a_title_is_a_located_error(case):
    path = case.root / "regions/omsk.yaml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("    title: Об утверждении"))
    path.write_text(text.replace(old, '    title: "Об утверждении \\ud800 Положения"', 1), encoding="utf-8")
    before = case.state()
    result = case.run("build", "omsk", "--no-site")
    assert_no_traceback(result)
    assert result.returncode == 2
    line = case.line_of("title: \"Об утверждении")
    assert stderr_lines(result)[0] == (f"regions/omsk.yaml:{line}:12: acts.order.title: одиночный суррогат U+D800 "
                                       "(половина символа, например из «\\ud800»): запишите символ целиком или удалите")
    assert case.state() == before


def _template_with(case, name: str, change) -> Path:
    path = case.root / "templates" / name
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            archive.writestr(info, change(info.filename, data))
    return path


TEMPLATE_TAGS = [
    ("{% include 'order.docx' %}", "метка {% include %} (строка "),
    ("{% for i in range(10**9) %}x{% endfor %}", "вызов с числом больше 10000"),
    ("{{ doc.__class__.__mro__ }}", "обращение к «__class__» запрещено"),
    ("{{ 'x' * 10**9 }}", "выражение «*» с числом больше 10000"),
    ("{% frobnicate %}", "неизвестная метка «frobnicate»"),
]


@pytest.mark.parametrize("tag,message", TEMPLATE_TAGS, ids=[t[0] for t in TEMPLATE_TAGS])
def test_a_hostile_template_tag_is_a_russian_message(case, tag, message):
    _template_with(case, "order.docx", lambda name, data: data.replace(b"{{r doc.title }}", tag.encode() +
                                                                       b"{{r doc.title }}", 1)
                   if name == "word/document.xml" else data)
    before = case.state()
    result = case.run("build", "omsk", "--no-site")
    assert_no_traceback(result)
    assert result.returncode == 2
    line = stderr_lines(result)[-1]
    assert line.startswith(f"templates/order.docx:1:1: (весь файл): ошибка в метках шаблона: {message}"), line
    assert line.endswith("верните метки вида {{r …}} и {%p …%} как были")
    if "include" in tag:
        assert "разметки шаблона): шаблон акта — один файл, другие шаблоны он подключать не может" in line
    assert case.state() == before


def test_a_template_whose_thumbnail_inflates_to_a_gigabyte_is_refused(case):
    path = _template_with(case, "regulation.docx", lambda name, data: data)
    with zipfile.ZipFile(path) as archive:
        items = [(i, archive.read(i.filename)) for i in archive.infolist() if i.filename != "docProps/thumbnail.jpeg"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info, data in items:
            archive.writestr(info, data)
        info = zipfile.ZipInfo("docProps/thumbnail.jpeg")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as thumb:
            chunk = bytes(1 << 20)
            for _ in range(1024):
                thumb.write(chunk)
    before = case.state()
    result = case.run("build", "omsk", "--no-site")
    assert_no_traceback(result)
    assert result.returncode == 2
    assert stderr_lines(result)[-1] == ("templates/regulation.docx:1:1: (весь файл): шаблон: файл распаковывается в "
                                        "слишком большой объём (похоже на «zip-бомбу»): он не будет прочитан; возьмите "
                                        "исходный документ")
    assert case.state() == before


@pytest.mark.parametrize("kind", ["binary", "cp1251"])
def test_an_errata_source_that_is_not_utf8_text_is_located(case, kind):
    source = case.root / "acts/sources/000_e4389d264fc9d2d5.txt"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    if kind == "binary":
        data = "".join(lines[:11]).encode() + b"\x00\x01\x02PK\x03\x04" + "".join(lines[11:]).encode()
    else:
        data = "".join(lines).encode("cp1251", errors="replace")
    source.write_bytes(data)
    before = case.state()
    result = case.run("validate", "omsk")
    assert_no_traceback(result)
    assert result.returncode == 2
    first = 12 if kind == "binary" else next(i for i, text in enumerate(data.split(b"\n"), 1) if any(b > 127 for b in text))
    bad = next(b for b in data.split(b"\n")[first - 1] if b > 127) if kind == "cp1251" else 0
    reason = (f"двоичный файл, а не текст (нулевой байт в строке {first}): укажите текстовый файл в UTF-8"
              if kind == "binary" else
              f"файл не в кодировке UTF-8 (байт 0x{bad:02X} в строке {first}), похоже на Windows-1251: сохраните "
              "его в UTF-8")
    line = case.line_of("000_e4389d264fc9d2d5.txt")
    where = f" (строка {first})"
    assert f"regions/omsk.yaml:{line}:5: sources[0]: исходный текст «acts/sources/000_e4389d264fc9d2d5.txt»{where}: " \
           f"{reason}" in stderr_lines(result)
    assert case.state() == before
