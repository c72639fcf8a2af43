"""The cache between builds: what the cross-region stages need of an unchanged region
(its :class:`~.regions.Payload`), in ``.rsnms-cache/`` inside the project (never outside it;
not part of ``build/``, which must stay byte-identical to a cold build's).

An entry is ``regions/<id>.pickle``: the region's key and its payload. It is read only when
its key is the region's key now *and* the one ``build/`` was made with, so a stale or
half-written entry is never used; a build that cannot read or write it just computes the
region. Deleting the folder only makes the next build slower.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from ..project import Project

FOLDER = ".rsnms-cache"


def _path(project: Project, rid: str) -> Path:
    return project.root / FOLDER / "regions" / f"{rid}.pickle"


def load(project: Project, rid: str, key: str):
    """The payload stored for region ``rid`` under ``key``, or None."""
    try:
        stored_key, payload = pickle.loads(_path(project, rid).read_bytes())
    except Exception:          # absent, unreadable, from another version of rsnms: compute again
        return None
    return payload if stored_key == key else None


def store(project: Project, rid: str, key: str, payload) -> None:
    try:
        path = _path(project, rid)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps((key, payload), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:
        pass
