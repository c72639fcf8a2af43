"""The cache between runs, in ``.rsnms-cache/`` inside the project (never outside it; not part
of ``build/``, which must stay byte-identical to a cold build's): what an unchanged input gave
the last time — a region's payload for the cross-region stages (``regions/``), a profile's
validation (``validate/``), a region's handbook pages (``pages/``), the theme's templates as
Jinja compiled them (``templates/``).

An entry is ``<kind>/<name>.pickle``: the key of the inputs it was made from, and the value.
It is used only when its key is the key of the inputs now, so a stale or half-written entry
is never used; one that cannot be read or written is just computed again. Entries are
written only by a build that committed (a failed build changes nothing in the project).
Deleting the folder only makes the next run slower.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from .project import Project

FOLDER = ".rsnms-cache"


def _path(project: Project, kind: str, name: str) -> Path:
    return project.root / FOLDER / kind / f"{name}.pickle"


def load(project: Project, kind: str, name: str, key: str):
    """The value stored as ``kind/name`` under ``key``, or None."""
    try:
        stored_key, value = pickle.loads(_path(project, kind, name).read_bytes())
    except Exception:          # absent, unreadable, from another version of rsnms: compute again
        return None
    return value if stored_key == key else None


def store(project: Project, kind: str, name: str, key: str, value) -> None:
    try:
        path = _path(project, kind, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:
        pass
