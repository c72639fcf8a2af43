"""A build composes each region once and renders each act once, and every stage shares it."""

from __future__ import annotations

from conftest import copy_project
from rsnms.pipeline import build as build_mod, region as region_mod
from rsnms.project import Project
from rsnms.validate import load_catalog, validate_files


def test_one_build_composes_each_region_once_and_renders_each_act_once(tmp_path, monkeypatch):
    project = Project(copy_project(tmp_path))
    catalog = load_catalog(project)
    profiles, _d = validate_files([project.profile(r) for r in project.region_ids()], catalog)
    composed, rendered, packaged = [], [], []
    compose, render, package = region_mod.compose_region, region_mod.render, region_mod.package
    monkeypatch.setattr(region_mod, "compose_region",
                        lambda data, *a: composed.append(data["id"]) or compose(data, *a))
    monkeypatch.setattr(region_mod, "render", lambda doc, *a: rendered.append((doc.region, doc.key)) or render(doc, *a))
    monkeypatch.setattr(region_mod, "package",
                        lambda docs, *a: packaged.append((docs[0].region, docs[0].key)) or package(docs, *a))
    out = build_mod.build(project, catalog, profiles, with_site=True, jobs=1)   # counted in this process
    assert sorted(composed) == sorted(project.region_ids())
    assert len(rendered) == len(set(rendered)) == 4 * 4          # 16 region acts
    # each region's package and the model's (its regulation and roadmap template), each one render
    assert len(packaged) == len(set(packaged)) == 4 + 1
    assert (project.build / "site" / "index.html").is_file() and out.written
