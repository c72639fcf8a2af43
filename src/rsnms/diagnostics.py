"""Located problems in user input, and the exception that carries them.

Every problem found in a user's file becomes a :class:`Diagnostic`; the CLI prints
them one per line as ``file:line:column: path: message`` and exits with code 2.
Messages are Russian: they are read by the people who write the profiles.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    column: int
    path: str
    message: str
    severity: str = "error"  # "error" or "warning"

    def format(self) -> str:
        """One line for the terminal (control characters in a quoted value shown, not obeyed)."""
        from .escape import terminal

        where = f"{self.file}:{self.line}:{self.column}"
        prefix = "предупреждение: " if self.severity == "warning" else ""
        path = self.path or "(весь файл)"
        return terminal(f"{where}: {path}: {prefix}{self.message}")


class InputError(Exception):
    """Bad user input: carries every diagnostic found, never a traceback."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics

    def __reduce__(self):          # raised in a worker of the build's pool, re-raised in the parent
        return (type(self), (self.diagnostics,))


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the current folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def format_path(parts: tuple) -> str:
    """``('system', 'subjects', 'regional', 0, 'id')`` → ``system.subjects.regional[0].id``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class EnvironmentProblem(Exception):
    """The machine, not the input: a lock held too long, a folder rsnms may not change. The CLI
    prints ``file: message`` and exits with code 1."""

    def __init__(self, file: str, message: str):
        super().__init__(f"{file}: {message}")
        self.file, self.message = file, message

    def __reduce__(self):
        return (type(self), (self.file, self.message))


# what an OS error means for the user; input-like ones (the project's files are wrong) exit 2
_OS_ERRORS = {
    errno.EACCES: ("нет прав доступа", "проверьте права на файл и папку (владелец, chmod) или запустите "
                   "rsnms от имени пользователя, которому они доступны", 1),
    errno.EPERM: ("операция не разрешена", "проверьте права на файл и папку", 1),
    errno.EROFS: ("файловая система только для чтения", "соберите проект в папке, доступной для записи", 1),
    errno.ENOSPC: ("на диске нет места", "освободите место на диске и повторите; прежние файлы не изменены", 1),
    errno.EDQUOT: ("превышена дисковая квота", "освободите место и повторите", 1),
    errno.EFBIG: ("файл больше допустимого размера (ограничение системы)", "снимите ограничение (ulimit -f) "
                  "или освободите место", 1),
    errno.ENAMETOOLONG: ("слишком длинное имя файла", "сократите идентификатор или путь", 2),
    errno.ELOOP: ("символические ссылки образуют цикл", "исправьте или удалите ссылку", 2),
    errno.EISDIR: ("это папка, а нужен файл", "укажите файл", 2),
    errno.ENOTDIR: ("часть пути — файл, а нужна папка", "переименуйте или удалите этот файл", 2),
    errno.ENOENT: ("файл или папка не найдены", "проверьте путь", 2),
    errno.EMFILE: ("открыто слишком много файлов", "увеличьте ограничение (ulimit -n) и повторите", 1),
    errno.ENOMEM: ("не хватает памяти", "закройте другие программы и повторите", 1),
    errno.EIO: ("ошибка ввода-вывода диска", "проверьте диск и повторите", 1),
}


def os_problem(exc: OSError) -> tuple[str, int]:
    """An OS error as a Russian line naming the file, and the exit code (1 — the machine, 2 — the input)."""
    what, todo, code = _OS_ERRORS.get(exc.errno, (f"ошибка файловой системы ({exc.strerror or exc})",
                                                  "проверьте файл и повторите", 1))
    where = display_path(Path(exc.filename)) if exc.filename else "rsnms"
    return f"{where}: {what}: {todo}", code
