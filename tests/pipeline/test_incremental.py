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


def test_an_edited_profile_rebuilds_its_region_and_the_cross_region_pages_only(tmp_path, built):
    root = copy_built(built, tmp_path / "incremental")
    build(root)                                   # the session's build had PDFs: one without them first
    before = inodes(root)
    edit_center(root, "omsk", "г. Омск (правка)")
    out = build(root)
    assert "без изменений взято из прежней сборки" in out
    after = inodes(root)
    same = {rel for rel in after if before.get(rel) == after[rel]}
    for region in ("eao", "irkutsk", "orenburg"):
        for rel in (f"data/{region}.json", f"lint/{region}.json", f"compare/{region}/report.md",
                    *(f"acts/{region}/{act}.docx" for act in ACTS if (root / "build" / "acts" / region / f"{act}.docx").exists())):
            assert rel in same, rel
    assert "acts/model/regulation.docx" in same
    omsk = [rel for rel in after if rel.startswith(("acts/omsk/", "compare/omsk/")) or rel in ("data/omsk.json",
                                                                                               "lint/omsk.json")]
    assert omsk and not same & set(omsk)
    for rel in ("compare/matrix.xlsx", "site/index.html", "docs/index.md", "site/search/search_index.json"):
        assert rel not in same, rel                       # cross-region pages are made again
    cold = copy_project(tmp_path / "cold")
    edit_center(cold, "omsk", "г. Омск (правка)")
    build(cold)
    assert contents(root) == contents(cold)              # byte-identical to a cold build, the record included


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
