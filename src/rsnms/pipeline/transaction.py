"""A build as a transaction: ``build/`` changes only when the whole build succeeded.

The contract every command that writes into ``build/`` follows (``build``, ``compare``, the
rebuilds of ``serve``), and that incremental builds reuse:

* **Lock.** A transaction holds the project's lock, ``build.lock`` beside ``build/``, from
  start to end (``flock``; released by the kernel if the process dies). A second build waits
  for it, saying so, up to ``RSNMS_LOCK_WAIT`` seconds (default 600), then refuses (exit 1).
* **Staging.** Every output is written into ``build.staging/``, a sibling of ``build/``
  inside the project, which starts empty: :meth:`Transaction.write` (bytes or text at a path
  relative to ``build/``), :meth:`Transaction.path` (the staged path, for tools that write
  files themselves: LibreOffice, MkDocs). A relative path may not climb out (``..``).
* **Reuse.** :meth:`Transaction.reuse` hard-links (or copies) an unchanged file of the current
  ``build/`` into the staging folder — a regular file only, never through a symlink — so a
  stage can skip work it did before: an incremental build (:mod:`.incremental`, the content
  hashes in ``build/.rsnms/inputs.json``) links an unchanged region's files and the PDFs of
  unchanged .docx. A linked file is never written through: :meth:`write` replaces the link.
* **Ownership.** A partial run (some regions, ``compare``, a ``serve`` rebuild) starts from
  the current ``build/``: every file outside the prefixes it declares (``owns``) is linked
  into the staging folder the same way, and what the run writes replaces its link (never
  writes through it). A full build owns everything and starts empty, so the files of a
  removed region disappear.
* **Project files.** Files outside ``build/`` that a build regenerates (the profile schema,
  the nav of ``mkdocs.yml``) are handed to :meth:`Transaction.project_file` and written at
  commit (atomically, only when changed), just before the swap.
* **Commit** swaps the staged folder in with two renames (``build`` → ``build.old``,
  ``build.staging`` → ``build``) and removes the old one. Any failure before it — an error, a
  full disk, Ctrl-C — removes the staging folder and leaves ``build/`` and the project's
  files as they were.
* **Leftovers** of a killed build (``build.staging``, ``build.old``) are removed when the next
  one starts — a symlink by unlinking it, never by following it —, and ``build.old`` is put
  back when ``build/`` is missing. ``build`` itself must be a folder of the project: a symlink
  or a file named ``build`` is refused with a message.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import stat
import sys
import time
from pathlib import Path, PurePosixPath

from ..diagnostics import Diagnostic, EnvironmentProblem, InputError
from ..fsutil import write_atomic
from ..project import Project

LOCK_WAIT = 600      # seconds a build waits for another one by default


class BuildLock:
    """``build.lock``: one build of a project at a time; the next one waits, then refuses."""

    def __init__(self, project: Project):
        self.path = project.root / "build.lock"
        self.fd: int | None = None

    def __enter__(self) -> "BuildLock":
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise InputError([Diagnostic("build.lock", 1, 1, "", "это символическая ссылка, а не файл "
                                             "блокировки сборки: удалите её")]) from None
            raise
        wait = float(os.environ.get("RSNMS_LOCK_WAIT", LOCK_WAIT))
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = os.pread(self.fd, 32, 0).decode("ascii", "replace").strip() or "?"
                if time.monotonic() >= deadline:
                    os.close(self.fd)
                    raise EnvironmentProblem("build.lock", f"в build/ уже собирает другая команда rsnms (процесс "
                                             f"{holder}) дольше {wait:.0f} с: дождитесь её окончания или "
                                             "остановите её; build/ не изменён") from None
                if not told:
                    print(f"Ждём окончания другой сборки (процесс {holder}, build.lock)…", file=sys.stderr)
                    told = True
                time.sleep(0.2)
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)
        return self

    def __exit__(self, *_exc) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


class Transaction:
    """Stage everything, swap ``build/`` only on :meth:`commit` (see the module's contract)."""

    def __init__(self, project: Project, *, full: bool, owns: tuple[str, ...] = ()):
        self.project = project
        self.full = full
        self.owns = owns
        self.build = project.build
        self.staging = project.root / "build.staging"
        self.old = project.root / "build.old"
        self.written: list[str] = []
        self.project_files: dict[Path, str] = {}
        self._lock = BuildLock(project)

    def __enter__(self) -> "Transaction":
        self._lock.__enter__()
        try:
            self._check()
            self._leftovers()
            self.staging.mkdir()
            if not self.full:
                self._carry_over()
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *_exc) -> None:
        try:
            _remove(self.staging)
        finally:
            self._lock.__exit__(None, None, None)

    # --- staging ------------------------------------------------------------------------

    def path(self, rel: str) -> Path:
        """The staged path of ``rel`` (relative to ``build/``), its folder created."""
        parts = PurePosixPath(rel).parts
        if not parts or PurePosixPath(rel).is_absolute() or any(p in ("..", ".", "") for p in parts):
            raise ValueError(f"not a path inside build/: {rel!r}")
        target = self.staging.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write(self, rel: str, content: bytes | str) -> Path:
        target = self.path(rel)
        target.unlink(missing_ok=True)    # never write through a link to the current build's file
        try:
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        except OSError as exc:            # a full disk: name the output, not the staged file
            raise type(exc)(exc.errno, exc.strerror, str(self.build.joinpath(*PurePosixPath(rel).parts))) from None
        os.chmod(target, 0o644)
        self.written.append(rel)
        return target

    def reuse(self, rel: str) -> bool:
        """The current ``build/``'s file ``rel`` into the staging folder unchanged (a hard link,
        or a copy); False when there is no such regular file."""
        source = self.build.joinpath(*PurePosixPath(rel).parts)
        if not _regular(source, self.build):
            return False
        self.path(rel).unlink(missing_ok=True)
        _link(source, self.path(rel))
        self.written.append(rel)
        return True

    def project_file(self, path: Path, text: str) -> None:
        """A file of the project outside ``build/`` to write at commit (when it changed)."""
        self.project_files[path] = text

    def owned(self, rel: str) -> bool:
        return self.full or any(rel == p or rel.startswith(p.rstrip("/") + "/") for p in self.owns)

    # --- commit -------------------------------------------------------------------------

    def commit(self) -> None:
        for path, text in self.project_files.items():
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                write_atomic(path, text)
        if os.path.lexists(self.build):
            os.rename(self.build, self.old)
            try:
                os.rename(self.staging, self.build)
            except BaseException:
                os.rename(self.old, self.build)
                raise
            try:
                _remove(self.old)
            except OSError as exc:
                print(f"предупреждение: прежняя сборка не удалена ({exc.strerror}): удалите папку build.old",
                      file=sys.stderr)
        else:
            os.rename(self.staging, self.build)

    def _carry_over(self) -> None:
        """A partial run starts from the current build/: every regular file it does not own is
        linked into the staging folder (what the run writes replaces its link, never writes
        through it), so stages that read the build (the handbook's downloads) see it whole."""
        staged = set(self.written)
        if not self.build.is_dir() or self.build.is_symlink():
            return
        for folder, dirs, files in os.walk(self.build):
            dirs.sort()
            for name in sorted(files):
                source = Path(folder) / name
                rel = source.relative_to(self.build).as_posix()
                if rel in staged or self.owned(rel) or not _regular(source, self.build):
                    continue
                _link(source, self.path(rel))

    # --- before anything is written -----------------------------------------------------

    def _check(self) -> None:
        """``build`` is a folder of the project (or absent), and it and the root can be changed."""
        build = self.build
        if build.is_symlink():
            raise InputError([Diagnostic("build", 1, 1, "", f"build — символическая ссылка (на {os.readlink(build)}): "
                                         "rsnms собирает только в папку build/ внутри проекта; удалите ссылку")])
        if build.exists() and not build.is_dir():
            raise InputError([Diagnostic("build", 1, 1, "", "build — файл, а не папка: rsnms собирает в папку "
                                         "build/; переименуйте или удалите этот файл")])
        if not os.access(self.project.root, os.W_OK | os.X_OK):
            raise EnvironmentProblem(str(self.project.root), "нет прав на запись в папку проекта: rsnms собирает "
                                     "в build.staging/ рядом с build/ и заменяет им build/; дайте права на запись")
        for folder, dirs, _files in os.walk(build) if build.is_dir() else ():
            if not os.access(folder, os.W_OK | os.X_OK):
                raise EnvironmentProblem(self.project.rel(Path(folder)), "нет прав на изменение папки: rsnms заменяет "
                                         "build/ целиком; верните права на запись (chmod -R u+w build) или "
                                         "удалите build/")
            dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]

    def _leftovers(self) -> None:
        _remove(self.staging)
        if os.path.lexists(self.old):
            if not os.path.lexists(self.build) and self.old.is_dir() and not self.old.is_symlink():
                os.rename(self.old, self.build)       # a build killed between its two renames
            else:
                _remove(self.old)


def _remove(path: Path) -> None:
    """Remove a file, a symlink (not what it points to) or a folder tree (symlinks inside unlinked)."""
    if path.is_symlink() or (os.path.lexists(path) and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _regular(path: Path, top: Path) -> bool:
    """A regular file reached without a symlink below ``top``."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    return not any(p.is_symlink() for p in path.parents if top in p.parents)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
