"""``rsnms build``: the explicit list of stages that turns profiles into ``build/``.

Stages so far:

1. the profile schema is regenerated from the model (``regions/profile.schema.json``);
2. each validated profile (and the model) is written as normalized JSON to
   ``build/data/<id>.json`` — the data every later writer reads.

Each file is written atomically; nothing is written unless every profile validated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from . import export, schema as schema_mod
from .fsutil import write_atomic
from .profile import Profile
from .project import Project


def build(project: Project, catalog, profiles: list[Profile],
          progress: Callable[[str], None] = lambda _m: None) -> list[Path]:
    written: list[Path] = []

    schema_text = schema_mod.dumps(catalog.schema)
    if not project.schema.is_file() or project.schema.read_text(encoding="utf-8") != schema_text:
        write_atomic(project.schema, schema_text)
        written.append(project.schema)

    for profile in [catalog.model, *profiles]:
        progress(f"данные: {profile.id}")
        target = project.build / "data" / f"{profile.id}.json"
        write_atomic(target, export.to_json(profile))
        written.append(target)
    return written
