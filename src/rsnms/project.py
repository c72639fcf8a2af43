"""Where things are: the project folder and the files the pipeline reads and writes."""

from __future__ import annotations

import os
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
