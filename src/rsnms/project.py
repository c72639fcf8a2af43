"""Where things are: the project folder and the files the pipeline reads and writes.

Every path that comes from a user (a profile's ``sources``, ``acts.*.source.file``,
``errata[].source.file``, a region named on the command line, an output of the build) is
resolved here — symlinks followed — and must stay inside its area of the project: sources
under ``acts/sources/``, profiles under ``regions/``, outputs under ``build/``
(:meth:`Project.inside`). A path that leads out, a symlink loop, a folder or a named pipe
where a file is expected is a :class:`PathProblem` with a Russian reason; the caller says
where the path was written.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, InputError

PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMA_CORE = PACKAGE_DIR / "validate" / "core.yaml"
REGISTRY_SCHEMA = PACKAGE_DIR / "validate" / "federal-acts.yaml"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def model(self) -> Path:
        return self.root / "acts" / "model.yaml"

    @property
    def registry(self) -> Path:
        return self.root / "acts" / "federal-acts.yaml"

    @property
    def federal_subjects(self) -> Path:
        return self.root / "acts" / "federal-subjects.yaml"

    @property
    def drafts(self) -> Path:
        return self.root / "acts" / "drafts.yaml"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def sources(self) -> Path:
        return self.root / "acts" / "sources"

    @property
    def regions(self) -> Path:
        return self.root / "regions"

    @property
    def schema(self) -> Path:
        return self.regions / "profile.schema.json"

    @property
    def build(self) -> Path:
        return self.root / "build"

    def profile(self, region_id: str) -> Path:
        return self.regions / f"{region_id}.yaml"

    def region_ids(self) -> list[str]:
        return sorted(p.stem for p in self.regions.glob("*.yaml"))

    def rel(self, path: Path) -> str:
        """``path`` as the user sees it: from the project root when it is written inside it
        (symlinks not followed: a link is named by its own name)."""
        try:
            return Path(os.path.normpath(Path(path).absolute())).relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def inside(self, written: str | Path, area: Path, *, kind: str = "file") -> Path:
        """``written`` (relative to the root, or absolute) resolved with its symlinks; it must
        lie inside ``area`` and be a regular file (``kind="file"``), a folder (``"dir"``) or
        may not exist yet (``"new"``). Raises :class:`PathProblem`."""
        path = Path(written) if Path(written).is_absolute() else self.root / written
        where = self.rel(area) + "/"
        try:
            real = Path(os.path.realpath(path, strict=kind != "new"))
        except FileNotFoundError:
            raise PathProblem(f"«{written}» не найден: проверьте путь от корня проекта") from None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise PathProblem(f"«{written}»: символические ссылки образуют цикл — исправьте или удалите "
                                  "ссылку") from None
            raise
        if not real.is_relative_to(area.resolve()):
            how = "символическая ссылка ведёт" if _has_link(path, self.root) else "путь ведёт"
            raise PathProblem(f"«{written}»: {how} за пределы {where} ({real}): файлы проекта должны лежать "
                              f"в папке {where}; скопируйте файл туда")
        if kind != "new" or real.exists():
            mode = real.stat().st_mode
            if kind == "file" and not stat.S_ISREG(mode):
                raise PathProblem(f"«{written}» — {_what(mode)}, а нужен обычный файл: укажите текстовый файл")
            if kind == "dir" and not stat.S_ISDIR(mode):
                raise PathProblem(f"«{written}» — {_what(mode)}, а нужна папка: переименуйте или удалите его")
        return real


class PathProblem(Exception):
    """A path that may not be used: the Russian reason, for a message located where the path was written."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _has_link(path: Path, root: Path) -> bool:
    """Whether a part of ``path`` below the project root is a symlink."""
    for part in [path, *path.parents]:
        if part == root or root not in part.parents:
            break
        if part.is_symlink():
            return True
    return False


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "папка"
    if stat.S_ISFIFO(mode):
        return "именованный канал"
    if stat.S_ISSOCK(mode):
        return "сокет"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "устройство"
    return "файл"


def find_project(start: Path | None = None) -> Project:
    """The nearest folder (from ``RSNMS_ROOT`` or upwards from ``start``) holding acts/model.yaml."""
    env = os.environ.get("RSNMS_ROOT")
    candidates = [Path(env)] if env else []
    here = (start or Path.cwd()).resolve()
    candidates += [here, *here.parents, PACKAGE_DIR.parents[1]]
    for folder in candidates:
        if (folder / "acts" / "model.yaml").is_file() and (folder / "regions").is_dir():
            return Project(folder.resolve())
    raise InputError([Diagnostic(str(here), 1, 1, "",
                                 "не найден проект rsnms (папка с acts/model.yaml и regions/): "
                                 "перейдите в папку проекта или задайте RSNMS_ROOT")])
