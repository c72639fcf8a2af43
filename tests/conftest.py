"""Shared helpers: run the real `rsnms` command and read the project's files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REGIONS = ["omsk", "orenburg", "irkutsk", "eao"]


def run_rsnms(*args: str, root: Path = ROOT, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m rsnms ARGS`` as a user would, against the project at ``root``."""
    env = dict(os.environ, RSNMS_ROOT=str(root), PYTHONWARNINGS="ignore")
    return subprocess.run([sys.executable, "-m", "rsnms", *args], cwd=cwd or root, env=env,
                          capture_output=True, text=True, timeout=600)


def export_json(region: str, root: Path = ROOT) -> dict:
    result = run_rsnms("export", region, "--format", "json", root=root)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A private copy of the project's inputs to change freely."""
    return copy_project(tmp_path)


def copy_project(target: Path) -> Path:
    """The project's inputs (not build/, not the code) copied into ``target``."""
    for folder in ("acts", "regions", "templates", "docs"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A copy of the project after `rsnms build --pdf`: every act, PDF, comparison and the site.
    Shared by the tests that only read what a build wrote."""
    root = copy_project(tmp_path_factory.mktemp("built"))
    result = run_rsnms("build", "--pdf", root=root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def compared(tmp_path_factory) -> Path:
    """A copy of the project after `rsnms compare --all`: reports, redlines, the matrix."""
    root = copy_project(tmp_path_factory.mktemp("compare"))
    result = run_rsnms("compare", "--all", root=root)
    assert result.returncode == 0, result.stderr
    assert "омск" in result.stdout.lower() or "omsk" in result.stdout
    return root
