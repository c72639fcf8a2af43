"""Atomic file writes (a reader sees the old file or the new one, never half of one), and files
of a staging folder written or reused."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside ``path``, fsync it, then rename over ``path``."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:      # name the file the user knows, not the temporary one
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def link_or_copy(source: Path, target: Path) -> None:
    """``source`` at ``target`` (replaced if there) as a hard link, or a copy keeping its mtime
    where links fail (another file system): a file reused unchanged, never written through."""
    for _attempt in range(3):
        try:
            os.link(source, target)
            return
        except FileExistsError:
            target.unlink()
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            break
    target.unlink(missing_ok=True)
    shutil.copy2(source, target)


def write_new(path: Path, data: bytes) -> None:
    """``data`` into a new file at ``path`` (a link there is replaced, never written through);
    for a staging folder, which is swapped in whole, so no file needs to be atomic."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_bytes(data)
    os.chmod(path, 0o644)
