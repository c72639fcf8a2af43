"""The theme's templates as Jinja compiled them, kept between builds (handbook.site.Templates):
a site built from the kept templates is the site built without them, byte for byte; a kept
entry whose template changed since is compiled again, never used; ``rsnms build`` keeps them
in ``.rsnms-cache/`` only once the build committed."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.config import load_config

from rsnms.handbook.site import Templates, build_site


@pytest.fixture
def project(built, tmp_path) -> Path:
    """The built project's mkdocs.yml and docs/ (the pages a build wrote), to build sites from."""
    shutil.copy(built / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(built / "build" / "docs", tmp_path / "docs")
    return tmp_path


def _build(project: Path, name: str, templates: Templates | None) -> dict[str, bytes]:
    nav = load_config(str(project / "mkdocs.yml"), docs_dir=str(project / "docs"))["nav"]
    build_site(project / "mkdocs.yml", project / "docs", project / name, nav, None, None, templates)
    site = project / name
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _compiling(project: Path, name: str, templates: Templates | None) -> tuple[dict[str, bytes], list[str]]:
    """The site, and the names of the templates Jinja compiled to make it."""
    compiled, original = [], Environment.compile

    def spy(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)
    Environment.compile = spy
    try:
        return _build(project, name, templates), compiled
    finally:
        Environment.compile = original


def test_a_site_from_kept_templates_is_the_site_compiled_anew(project):
    plain, all_compiled = _compiling(project, "plain", None)
    first = Templates()
    assert _build(project, "first", first) == plain
    assert first.changed and len(first.entries) >= 10     # Material's base, partials, ours
    again = Templates(first.entries)
    site, compiled = _compiling(project, "again", again)
    assert site == plain
    # the pages' templates come from the kept ones; compiled again are only the few that Material's
    # search plugin renders in an environment of its own (its translations)
    assert len(compiled) == len(all_compiled) - len(first.entries) and not again.changed


def test_a_kept_template_whose_source_changed_is_compiled_again():
    kept = Templates()
    old = Environment(loader=DictLoader({"page.html": "старый {{ x }}"}), bytecode_cache=kept)
    assert old.get_template("page.html").render(x=1) == "старый 1"
    new = Environment(loader=DictLoader({"page.html": "новый {{ x }}"}), bytecode_cache=Templates(kept.entries))
    assert new.get_template("page.html").render(x=1) == "новый 1"
    assert new.bytecode_cache.changed


def test_entries_that_are_not_bytecode_are_compiled_again():
    kept = Templates()
    Environment(loader=DictLoader({"page.html": "{{ x }}"}), bytecode_cache=kept).get_template("page.html")
    broken = Templates({key: b"\x00not marshal" for key in kept.entries})
    env = Environment(loader=DictLoader({"page.html": "{{ x }}!"}), bytecode_cache=broken)
    assert env.get_template("page.html").render(x=2) == "2!"
    for shape in (["a list"], {key: "text, not bytes" for key in kept.entries}, {1: b"1"}, None):
        env = Environment(loader=DictLoader({"page.html": "{{ x }}?"}), bytecode_cache=Templates(shape))
        assert env.get_template("page.html").render(x=3) == "3?"


def test_rsnms_build_keeps_the_compiled_theme_after_it_committed(built):
    stored = built / ".rsnms-cache" / "templates" / "jinja.pickle"
    key, entries = pickle.loads(stored.read_bytes())
    assert key == Templates.KEY and len(entries) >= 10
