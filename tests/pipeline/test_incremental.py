"""Incremental builds (issue 15): an unchanged output is not rebuilt, and what an incremental
build leaves in build/ is byte for byte what a cold build of the same inputs writes.

Which files a build rewrote is told by their inodes: a file reused from the last build is
hard-linked into the new one (the same inode), a file made again is a new one."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

from conftest import copy_project, run_rsnms

ACTS = ("order", "regulation", "roadmap", "network-regulation", "package")


def inodes(root: Path) -> dict[str, int]:
    build = root / "build"
    return {p.relative_to(build).as_posix(): p.stat().st_ino for p in build.rglob("*") if p.is_file()}


def contents(root: Path) -> dict[str, bytes]:
    build = root / "build"
    return {p.relative_to(build).as_posix(): p.read_bytes() for p in build.rglob("*") if p.is_file()}


def copy_built(built: Path, target: Path) -> Path:
    shutil.copytree(built, target, symlinks=True)
    return target


def edit_center(root: Path, region: str, center: str) -> None:
    path = root / "regions" / f"{region}.yaml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("  center: "))
    path.write_text(text.replace(old, f"  center: {center}", 1), encoding="utf-8")


def build(root: Path, *args: str) -> str:
    result = run_rsnms("build", *args, root=root)
    assert result.returncode == 0, result.stderr
    return result.stdout


def edit_task(root: Path, region: str, word: str) -> None:
    """One task text of a region edited (a word put before it), as a lawyer would."""
    path = root / "regions" / f"{region}.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "  tasks:\n    - "
    at = text.index(marker) + len(marker)
    path.write_text(text[:at] + f"{word} " + text[at:], encoding="utf-8")


def site_pages(inodes_: dict[str, int], region: str) -> set[str]:
    return {rel for rel in inodes_ if rel.startswith(f"site/regions/{region}/") and rel.endswith(".html")}


def test_an_edited_profile_rebuilds_its_region_and_the_cross_region_pages_only(tmp_path, built):
    root = copy_built(built, tmp_path / "incremental")
    build(root)                                   # the session's build had PDFs: one without them first
    before = inodes(root)
    edit_center(root, "omsk", "г. Омск (правка)")
    edit_task(root, "omsk", "последовательное")
    out = build(root)
    assert "без изменений взято из прежней сборки" in out
    after = inodes(root)
    same = {rel for rel in after if before.get(rel) == after[rel]}
    for region in ("eao", "irkutsk", "orenburg"):
        for rel in (f"data/{region}.json", f"lint/{region}.json", f"compare/{region}/report.md",
                    *(f"acts/{region}/{act}.docx" for act in ACTS if (root / "build" / "acts" / region / f"{act}.docx").exists())):
            assert rel in same, rel
        pages = site_pages(after, region)         # the site's pages of the other regions are not rewritten
        assert len(pages) >= 6 and pages <= same, sorted(pages - same)
        assert f"docs/regions/{region}/index.md" in same and f"site/files/{region}/regulation.docx" in same
    assert "acts/model/regulation.docx" in same
    omsk = [rel for rel in after if rel.startswith(("acts/omsk/", "compare/omsk/")) or rel in ("data/omsk.json",
                                                                                               "lint/omsk.json")]
    assert omsk and not same & set(omsk)
    edited = {"site/regions/omsk/regulation/index.html", "docs/regions/omsk/regulation.md",
              "site/regions/omsk/compare/index.html", "site/files/omsk/regulation.docx"}
    assert not same & edited, same & edited                   # the edited region's pages are made again
    for rel in ("compare/matrix.xlsx", "site/search/search_index.json", "site/compare/matrix/index.html"):
        assert rel not in same, rel                       # cross-region files are made again
    assert {"site/sitemap.xml", "site/sitemap.xml.gz", "site/404.html"} <= same   # the nav and the pages are the same
    cold = copy_project(tmp_path / "cold")
    edit_center(cold, "omsk", "г. Омск (правка)")
    edit_task(cold, "omsk", "последовательное")
    build(cold)
    assert contents(root) == contents(cold)              # byte-identical to a cold build, site/ and the record included


def test_a_changed_nav_rebuilds_the_site_whole(tmp_path, built):
    root = copy_built(built, tmp_path / "project")
    build(root)
    whole = contents(root)
    profile = root / "regions" / "eao.yaml"
    saved = profile.read_text(encoding="utf-8")
    profile.unlink()                              # a region fewer: another nav
    build(root)
    before = inodes(root)
    assert not site_pages(before, "eao")
    profile.write_text(saved, encoding="utf-8")   # the region back (a new region to the last build)
    build(root)
    after = inodes(root)
    pages = {rel for rel in after if rel.startswith("site/") and rel.endswith(".html")}
    assert len(pages) > 30 and not {rel for rel in pages if before.get(rel) == after[rel]}
    assert contents(root) == whole
    renamed = saved.replace("  name: Еврейская автономная область\n", "  name: Еврейская автономная обл.\n", 1)
    assert renamed != saved
    profile.write_text(renamed, encoding="utf-8")  # a renamed region: its title in the nav of every page
    build(root)
    again = inodes(root)
    assert not {rel for rel in pages if again.get(rel) == after[rel]}


def test_a_changed_template_rebuilds_every_act_that_uses_it(tmp_path, built):
    root = copy_built(built, tmp_path / "project")
    build(root, "--pdf")
    before = inodes(root)
    template = root / "templates" / "roadmap.docx"
    with zipfile.ZipFile(template) as old:        # the same template, saved again with another generator name
        items = [(info, old.read(info)) for info in old.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in items:
            if info.filename == "docProps/app.xml":
                data = data.replace(b"</Properties>", b"<Company>rsnms test</Company></Properties>")
            new.writestr(info, data)
    template.write_bytes(buffer.getvalue())
    build(root, "--pdf")
    after = inodes(root)
    roadmaps = [rel for rel in after if rel.endswith(("/roadmap.docx", "/roadmap.pdf", "/package.docx"))]
    assert len(roadmaps) >= 4 + 4
    assert all(before.get(rel) != after[rel] for rel in roadmaps), roadmaps


def test_a_build_with_nothing_changed_writes_nothing_and_a_missing_file_is_made_again(tmp_path, built):
    root = copy_built(built, tmp_path / "project")
    build(root, "--pdf")
    before = inodes(root)
    out = build(root, "--pdf")
    assert "Изменений нет" in out
    assert inodes(root) == before
    (root / "build" / "acts" / "eao" / "regulation.pdf").unlink()
    out = build(root, "--pdf")
    assert "Изменений нет" not in out and (root / "build" / "acts" / "eao" / "regulation.pdf").is_file()
    after = inodes(root)
    assert after["acts/eao/regulation.docx"] == before["acts/eao/regulation.docx"]   # its .docx did not change
    assert after["acts/omsk/regulation.pdf"] == before["acts/omsk/regulation.pdf"]   # nor did the other PDFs


def test_one_job_and_two_give_the_same_build(tmp_path):
    one, two = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    build(one, "--jobs", "1", "--no-site")
    build(two, "--jobs", "2", "--no-site")
    assert contents(one) == contents(two)
    assert os.path.isdir(one / ".rsnms-cache")


MINI_CONFIG = """site_name: Проверка
use_directory_urls: true
strict: true
theme:
  name: material
  language: ru
  font: false
plugins:
  - search
  - rsnms
validation:
  anchors: warn
  links:
    not_found: warn
"""
MINI_NAV = [{"Главная": "index.md"}, {"А": "a.md"}, {"Б": "b.md"}]
MINI_PAGES = {"index.md": "# Главная\n\nТекст.\n", "a.md": "# А\n\n## Раздел {#s-1}\n\nПервый пункт.\n",
              "b.md": "# Б\n\nСм. [раздел](a.md#s-1).\n"}


def mini_build(root: Path, name: str, pages: dict[str, str], previous: str | None = None) -> Path:
    """A site built by the handbook's MkDocs (strict) from ``pages`` into ``root/name``: a page
    whose text is the previous build's is that file, linked (as ``rsnms build`` stages them)."""
    from rsnms.fsutil import link_or_copy
    from rsnms.handbook.partial import RECORD, Previous, record_text
    from rsnms.handbook.site import build_site

    build = root / name
    for rel, text in pages.items():
        old = root / previous / "docs" / rel if previous else None
        if old is not None and old.read_text(encoding="utf-8") == text:
            link_or_copy(old, build / "docs" / rel)
        else:
            (build / "docs").mkdir(parents=True, exist_ok=True)
            (build / "docs" / rel).write_text(text, encoding="utf-8")
    record = build_site(root / "mkdocs.yml", build / "docs", build / "site", MINI_NAV,
                        Previous.of(root / previous) if previous else None)
    (build / RECORD).parent.mkdir(parents=True, exist_ok=True)
    (build / RECORD).write_text(record_text(record), encoding="utf-8")
    return build


def test_a_site_rebuilt_in_part_checks_links_to_anchors_as_a_whole_build(tmp_path):
    import pytest

    from rsnms.diagnostics import InputError

    (tmp_path / "mkdocs.yml").write_text(MINI_CONFIG, encoding="utf-8")
    first = mini_build(tmp_path, "first", MINI_PAGES)
    edited = dict(MINI_PAGES, **{"b.md": "# Б\n\nСм. [раздел](a.md#s-1) и [пункт](a.md#s-9).\n"})
    with pytest.raises(InputError) as error:       # a broken link in the rebuilt page; a.md is not rebuilt
        mini_build(tmp_path, "broken", edited, previous="first")
    (problem,) = error.value.diagnostics
    assert (problem.file, problem.line) == ("build/docs/b.md", 3)
    assert "a.md#s-9" in problem.message and "якорь" in problem.message
    moved = dict(MINI_PAGES, **{"a.md": "# А\n\n## Раздел {#s-2}\n\nПервый пункт.\n"})
    with pytest.raises(InputError) as error:       # the anchor gone from the rebuilt page; b.md links to it
        mini_build(tmp_path, "moved", moved, previous="first")
    assert [(p.file, p.line) for p in error.value.diagnostics] == [("build/docs/b.md", 3)]
    good = dict(MINI_PAGES, **{"b.md": "# Б\n\nСм. [раздел](a.md#s-1), ещё раз.\n"})
    second = mini_build(tmp_path, "second", good, previous="first")
    assert (second / "site/a/index.html").stat().st_ino == (first / "site/a/index.html").stat().st_ino
    assert (second / "site/b/index.html").stat().st_ino != (first / "site/b/index.html").stat().st_ino
    assert "ещё раз" in (second / "site/b/index.html").read_text(encoding="utf-8")
    assert "ещё раз" not in (first / "site/b/index.html").read_text(encoding="utf-8")   # the last build untouched
    whole = mini_build(tmp_path, "whole", good)
    assert {p.relative_to(whole).as_posix(): p.read_bytes() for p in whole.rglob("*") if p.is_file()} == \
        {p.relative_to(second).as_posix(): p.read_bytes() for p in second.rglob("*") if p.is_file()}
