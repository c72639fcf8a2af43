"""What every hostile-input test needs: a project copy with a sentinel folder beside it, a
snapshot of a folder tree (to prove nothing changed), profile edits, payloads, and a scan of
the site's HTML for live markup.

Each test works on ``<tmp>/project`` (a copy of the inputs, usually with a real ``build/``
from one full build of the session) and ``<tmp>/outside`` (the sentinel: a secret file,
folders symlinks may point to). After a failed run, ``build/`` and the project's inputs are
byte-identical and ``outside/`` is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ruamel.yaml import YAML

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))
from conftest import ROOT, copy_project  # noqa: E402

SECRET = "секрет: этот файл лежит вне проекта\n"


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder`` (symlinks not followed): kind, content hash or link target, mode."""
    out: dict[str, tuple] = {}
    if not os.path.lexists(folder):
        return {"": ("absent",)}
    if folder.is_symlink() or not folder.is_dir():
        return {"": _entry(folder)}
    for dirpath, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(dirpath) / name
            out[path.relative_to(folder).as_posix()] = _entry(path)
    return out


def _entry(path: Path) -> tuple:
    info = os.lstat(path)
    if path.is_symlink():
        return ("link", os.readlink(path))
    if path.is_dir():
        return ("dir", oct(info.st_mode & 0o777))
    if path.is_file():
        return ("file", hashlib.sha256(path.read_bytes()).hexdigest(), oct(info.st_mode & 0o777))
    return ("other", oct(info.st_mode))


@dataclass
class Case:
    """One hostile case: ``root`` (the project copy) and ``outside`` (the sentinel beside it)."""

    root: Path
    outside: Path

    def run(self, *args: str, timeout: int = 300, env: dict | None = None, prefix: list[str] | None = None,
            stdin=None) -> subprocess.CompletedProcess:
        environment = dict(os.environ, RSNMS_ROOT=str(self.root), PYTHONWARNINGS="ignore", **(env or {}))
        return subprocess.run([*(prefix or []), sys.executable, "-m", "rsnms", *args], cwd=self.root,
                              env=environment, capture_output=True, text=True, timeout=timeout, stdin=stdin)

    def state(self) -> dict:
        """Everything a failed run must leave as it was: the project (build/ included) and the sentinel."""
        return {"project": snapshot(self.root), "outside": snapshot(self.outside)}

    # --- editing a profile ----------------------------------------------------------

    def load(self, region: str = "omsk"):
        yaml = YAML()
        yaml.width = 10**6
        return yaml.load((self.root / "regions" / f"{region}.yaml").read_text(encoding="utf-8"))

    def save(self, data, region: str = "omsk") -> None:
        yaml = YAML()
        yaml.width = 10**6
        with (self.root / "regions" / f"{region}.yaml").open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)

    def line_of(self, text: str, region: str = "omsk") -> int:
        """The line of the profile on which ``text`` first stands."""
        return self.where(text, region)[0]

    def where(self, text: str, region: str = "omsk") -> tuple[int, int]:
        """Line and column of the profile where ``text`` first stands."""
        lines = (self.root / "regions" / f"{region}.yaml").read_text(encoding="utf-8").splitlines()
        return next((i, line.index(text) + 1) for i, line in enumerate(lines, 1) if text in line)


def make_case(tmp_path: Path, built: Path | None = None) -> Case:
    """A project copy (with ``built``'s build/ when given) and its sentinel folder."""
    root = tmp_path / "project"
    if built is not None:
        shutil.copytree(built, root, symlinks=True)
    else:
        root.mkdir()
        copy_project(root)
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "folder" / "keep.txt").write_text("не трогать\n", encoding="utf-8")
    return Case(root, outside)


def stderr_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr[-2000:]


# --- the site, scanned for markup a payload made live ----------------------------------

class _Scan(HTMLParser):
    def __init__(self, marker: str):
        super().__init__(convert_charrefs=True)
        self.marker, self.live, self.stack, self.text = marker, [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs)))
        for name, value in attrs:
            value = value or ""
            url = name in ("href", "src", "action", "xlink:href", "formaction")
            if name.startswith("on") or (url and value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
                                         and value != "javascript:void(0)"):     # the theme's own buttons
                self.live.append(f"<{tag} {name}={value[:80]!r}>")
        if tag in ("img", "iframe", "object", "embed", "svg") and self.marker in str(attrs):
            self.live.append(f"<{tag}> made from text")

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        tag, attrs = self.stack[-1] if self.stack else ("", {})
        if tag == "script" and attrs.get("type") != "application/ld+json" and self.marker in data:
            self.live.append(f"<script> holds {data[:80]!r}")
        if tag == "script" and attrs.get("type") == "application/ld+json" and "</" in data:
            self.live.append("JSON-LD closes its script")
        if tag not in ("script", "style"):
            self.text.append(data)


def scan_html(html: str, marker: str) -> tuple[list[str], str]:
    """(markup made live from text that holds ``marker``, the page's visible text)."""
    scan = _Scan(marker)
    scan.feed(html)
    return scan.live, " ".join(" ".join(scan.text).split())


def squash(text: str) -> str:
    """Text compared as a reader sees it: typographic quotes and dashes plain, white space single."""
    text = re.sub("[«»„“”\"]", '"', text).replace("\u00a0", " ")
    text = re.sub("[–—]", "-", text)
    return " ".join(text.split())


def interruptible() -> None:
    """``preexec_fn`` of a process a test sends Ctrl-C: SIGINT handled as in a terminal, even when
    the tests themselves run in a background job (which starts with SIGINT ignored)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
