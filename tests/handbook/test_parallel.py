"""The Markdown of the site converted by two processes (handbook/parallel.py): the same site byte
for byte as one process makes; what MkDocs says of a page the worker converts (a broken link
in strict mode) still fails the build, named as before; a page the worker cannot convert is
converted by MkDocs itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from rsnms.diagnostics import InputError
from rsnms.handbook import parallel
from rsnms.handbook.parallel import Parallel, Workers
from rsnms.handbook.site import build_site
from rsnms.pipeline.validation import fork_pool, forking

WORKERS = Workers(fork_pool, forking)
BROKEN = "regions/orenburg/regulation.md"


@pytest.fixture
def project(built, tmp_path) -> Path:
    """The built project's mkdocs.yml and docs/ (the pages a build wrote), to build sites from."""
    shutil.copy(built / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(built / "build" / "docs", tmp_path / "docs")
    return tmp_path


@pytest.fixture
def shares(monkeypatch) -> list[set[str]]:
    """The pages the worker was given, per build; every site of two pages or more is split."""
    monkeypatch.setattr(parallel, "FROM_PAGES", 2)
    seen, start = [], Parallel.start

    def spy(self, *args, **kwargs):
        start(self, *args, **kwargs)
        seen.append(set(self.uris))
    monkeypatch.setattr(Parallel, "start", spy)
    return seen


def _build(project: Path, name: str, workers: Workers | None) -> Path:
    nav = load_config(str(project / "mkdocs.yml"), docs_dir=str(project / "docs"))["nav"]
    build_site(project / "mkdocs.yml", project / "docs", project / name, nav, None, workers)
    return project / name


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_processes_make_the_site_one_process_makes(project, shares):
    one = _files(_build(project, "one", None))
    two = _files(_build(project, "two", WORKERS))
    assert len(shares) == 1 and len(shares[0]) > 10 and BROKEN in shares[0]
    assert len(one) > 100 and one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_a_broken_link_in_a_page_the_worker_converts_fails_the_strict_build_as_before(project, shares):
    page = project / "docs" / BROKEN
    page.write_text(page.read_text(encoding="utf-8") + "\n[ссылка](no-such-page.md)\n", encoding="utf-8")
    problems = []
    for workers in (None, WORKERS):
        with pytest.raises(InputError) as caught:
            _build(project, f"site-{len(problems)}", workers)
        problems.append([d.format() for d in caught.value.diagnostics])
    assert BROKEN in shares[0]
    assert problems[0] == problems[1] and any("no-such-page.md" in p for p in problems[0]), problems


def test_a_page_the_worker_cannot_convert_is_converted_by_mkdocs(project, shares, monkeypatch):
    parent, render = os.getpid(), Page.render

    def failing_in_the_worker(self, config, files):
        if os.getpid() != parent and self.file.src_uri == BROKEN:
            raise RuntimeError("the worker cannot convert this page")
        return render(self, config, files)
    monkeypatch.setattr(Page, "render", failing_in_the_worker)
    one = _files(_build(project, "one", None))
    two = _files(_build(project, "two", WORKERS))
    assert BROKEN in shares[-1] and one == two


def _dies(_uris):
    os._exit(1)                 # the worker killed (out of memory, say) in the middle of its job


def test_a_worker_that_dies_leaves_its_pages_to_mkdocs(project, shares, monkeypatch):
    monkeypatch.setattr(parallel, "_convert", _dies)
    one = _files(_build(project, "one", None))
    two = _files(_build(project, "two", WORKERS))
    assert len(shares[-1]) > 10 and one == two
