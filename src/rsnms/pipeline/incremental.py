"""What a build's outputs depend on, as content hashes, so an unchanged output is not rebuilt.

* The **global key** hashes every input shared by all regions: the rsnms source (every file of
  the package), the versions of the libraries that shape the output, the model, the registry,
  the drafts, the federal subjects, the source texts (``acts/sources/``), the templates, the
  handbook's own pages (``docs/``) and ``mkdocs.yml`` (without the nav a build writes), with
  the environment variables it reads (``!ENV``: the site's address) and ``SOURCE_DATE_EPOCH``.
* A **region's key** hashes the global key and its profile. A region whose key is the one the
  last build recorded is not rebuilt: its files are hard-linked from ``build/`` into the staging
  folder (:meth:`~.transaction.Transaction.reuse`), and what the cross-region stages need of
  it (the handbook, the matrix) comes from the cache (:mod:`rsnms.cache`).
* ``build/.rsnms/inputs.json`` records the keys, every region's files, the options, the
  warnings, and the size of every file of the build: a build whose keys and options equal
  the recorded ones, with every recorded file in place, changes nothing and returns at once
  (a **no-op**). The record holds nothing that differs between two builds of the same inputs
  (no dates, no inode numbers), so ``build/`` stays byte-identical to a cold build's.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from importlib import metadata
from pathlib import Path

from ..project import PACKAGE_DIR, Project

STATE = ".rsnms/inputs.json"
_ENV = re.compile(r"!ENV\s*\[?\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)")    # mkdocs.yml's !ENV NAME, !ENV [NAME, default]
VERSION = 1
LIBRARIES = ("docxtpl", "python-docx", "docxcompose", "jinja2", "lxml", "mkdocs", "mkdocs-material", "markdown",
             "pymdown-extensions", "pymorphy3", "pymorphy3-dicts-ru", "rapidfuzz", "openpyxl", "ruamel.yaml",
             "jsonschema", "pypandoc")


def _tree(digest, folder: Path, base: Path) -> None:
    """Every file under ``folder`` (its path and bytes) into ``digest``; a symlink as a link,
    never read through (a link out of the project is refused by the stage that reads it)."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files + [d for d in dirs if (Path(top) / d).is_symlink()]):
            path = Path(top) / name
            label = path.relative_to(base).as_posix().encode() + b"\0"
            if path.is_symlink():
                digest.update(label + b"->" + os.readlink(path).encode())
            elif path.is_file():
                digest.update(label + hashlib.sha256(path.read_bytes()).digest())


def _versions() -> str:
    out = []
    for name in LIBRARIES:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=-")
    return ";".join(out)


def global_key(project: Project, config_text: str | None) -> str:
    """The hash of every input all regions share (see the module)."""
    from ..handbook.site import config_with_nav

    digest = hashlib.sha256(f"rsnms-build {VERSION}\n{sys.version}\n{_versions()}\n".encode())
    _tree(digest, PACKAGE_DIR, PACKAGE_DIR)
    for path in (project.model, project.registry, project.drafts, project.federal_subjects):
        digest.update(path.name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-"))
    for folder in (project.sources, project.templates, project.root / "docs"):
        _tree(digest, folder, project.root)
    if config_text is not None:
        digest.update(config_with_nav(config_text, []).encode())
        for name in sorted(set(_ENV.findall(config_text)) | {"SOURCE_DATE_EPOCH"}):   # what the site reads
            digest.update(f"\0{name}={os.environ.get(name)!r}".encode())                # from the environment
    return digest.hexdigest()


def region_key(glob: str, profile_path: Path) -> str:
    return hashlib.sha256(glob.encode() + b"\0" + profile_path.read_bytes()).hexdigest()


def site_key(glob: str, nav: list, docs: Path) -> str:
    """The key under which the site may be rebuilt in part (:mod:`rsnms.handbook.partial`): the
    global key, the nav (titles, order, pages) and the set of files of the staged ``docs``."""
    digest = hashlib.sha256(glob.encode() + b"\0" + json.dumps(nav, ensure_ascii=False).encode())
    for top, dirs, files in os.walk(docs):
        dirs.sort()
        for name in sorted(files):
            digest.update(b"\0" + (Path(top) / name).relative_to(docs).as_posix().encode())
    return digest.hexdigest()


def read_state(project: Project) -> dict:
    path = project.build / STATE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) and state.get("version") == VERSION else {}


def state_text(state: dict) -> str:
    return json.dumps({"version": VERSION, **state}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def sizes(folder: Path) -> dict[str, int]:
    """Every regular file under ``folder`` → its size (the record of a finished build)."""
    out = {}
    for top, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            path = Path(top) / name
            out[path.relative_to(folder).as_posix()] = path.lstat().st_size
    out.pop(STATE, None)
    return dict(sorted(out.items()))


def intact(project: Project, state: dict) -> bool:
    """Every file the last build recorded is in ``build/`` with its size."""
    build = project.build
    try:
        return all((build / rel).lstat().st_size == size for rel, size in state.get("sizes", {}).items())
    except OSError:
        return False
