"""Located problems in user input, and the exception that carries them.

Every problem found in a user's file becomes a :class:`Diagnostic`; the CLI prints
them one per line as ``file:line:column: path: message`` and exits with code 2.
Messages are Russian: they are read by the people who write the profiles.
"""

from __future__ import annotations

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
        where = f"{self.file}:{self.line}:{self.column}"
        prefix = "предупреждение: " if self.severity == "warning" else ""
        path = self.path or "(весь файл)"
        return f"{where}: {path}: {prefix}{self.message}"


class InputError(Exception):
    """Bad user input: carries every diagnostic found, never a traceback."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


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
