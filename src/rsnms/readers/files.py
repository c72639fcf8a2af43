"""Reading a text file the user named: a regular file, not too large, UTF-8 — or a located
Russian message (:class:`~rsnms.diagnostics.InputError`) naming the line of the first bad byte."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..diagnostics import Diagnostic, InputError


def read_text(path: Path, shown: str, limit: int, why_limit: str, suffix: str = "", *, binary: bool = True) -> str:
    """The text of a regular file of at most ``limit`` bytes in UTF-8, or a located :class:`InputError`
    (not found, a symlink loop, a folder or a pipe, too large, binary, not UTF-8). OS errors
    (no permission) are left to the command's handler. ``binary``: a NUL byte means a binary
    file (a YAML reader says which character instead)."""
    def fail(message: str, line: int = 1, col: int = 1) -> InputError:
        return InputError([Diagnostic(shown, line, col, "", message)])

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise fail("файл не найден: проверьте имя") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fail("символические ссылки образуют цикл: исправьте или удалите ссылку") from None
        raise
    if stat.S_ISDIR(info.st_mode):
        raise fail(f"это папка, а не файл: укажите файл {suffix}".rstrip())
    if not stat.S_ISREG(info.st_mode):
        raise fail(f"это не обычный файл (именованный канал или устройство): укажите файл {suffix}".rstrip())
    if info.st_size > limit:
        raise fail(f"файл больше {limit // 2**20} МБ ({info.st_size / 2**20:.1f} МБ): {why_limit} — "
                   "проверьте, тот ли это файл")
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise fail(f"файл больше {limit // 2**20} МБ: {why_limit}")
    if binary and b"\0" in data:
        line, col = byte_position(data, data.index(b"\0"))
        raise fail(f"двоичный файл, а не текст (нулевой байт в строке {line}): укажите текстовый файл в UTF-8",
                   line, col)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = byte_position(data, exc.start)
        raise fail(f"файл не в кодировке UTF-8 (байт 0x{data[exc.start]:02X} в строке {line}){_cp1251_hint(data)}: "
                   "сохраните его в UTF-8", line, col) from None


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of byte ``offset``, 1-based."""
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[start:offset].decode("utf-8", "replace")) + 1


def _cp1251_hint(data: bytes) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return ""
    letters = sum(1 for ch in text if "а" <= ch.lower() <= "я")
    return ", похоже на Windows-1251" if letters > len(text) // 10 else ""
