"""Comparison with the federal model: the alignment against a hand-labelled gold standard,
the redline's tracked changes, and the outputs of `rsnms compare`."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile

import pytest
from ruamel.yaml import YAML

from conftest import REGIONS, ROOT, copy_project, export_json, run_rsnms
from rsnms.align import align

GOLD = sorted((ROOT / "tests" / "data" / "gold").glob("*.yaml"))


def gold(path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def scores(pairs):
    """Precision and recall of predicted links against gold links (None: no counterpart)."""
    tp = sum(1 for g, p in pairs if g is not None and p == g)
    predicted = sum(1 for _g, p in pairs if p is not None)
    relevant = sum(1 for g, _p in pairs if g is not None)
    return tp / max(predicted, 1), tp / max(relevant, 1), tp, predicted, relevant


def test_gold_covers_every_unit_of_at_least_two_regions():
    assert len(GOLD) >= 2
    for path in GOLD:
        labels = gold(path)
        data = export_json(labels["region"])
        def leaves(items):
            for item in items:
                yield from leaves(item["items"]) if "group" in item else [item]
        tasks = {t["id"] for t in leaves(data["system"]["tasks"])}
        assert set(labels["tasks"]) == tasks
        functions = {f["id"] for level in data["system"]["subjects"].values() for s in level
                     for f in s.get("functions", [])}
        assert set(labels["functions"]) == functions


def test_alignment_matches_the_gold_standard():
    model = export_json("model")
    pooled = []
    print()
    for path in GOLD:
        labels = gold(path)
        alignment = align(export_json(labels["region"]), model)
        for kind, predicted in (("subjects", alignment.subjects), ("tasks", alignment.links("tasks")),
                                ("functions", alignment.links("functions"))):
            pairs = [(g, predicted.get(unit)) for unit, g in labels[kind].items()]
            p, r, tp, n_pred, n_rel = scores(pairs)
            print(f"{labels['region']:<10} {kind:<10} precision {p:.3f} recall {r:.3f} "
                  f"(верно {tp}, найдено {n_pred}, в эталоне {n_rel})")
            if kind != "subjects":
                pooled += pairs
    p, r, *_ = scores(pooled)
    print(f"{'всего':<10} {'tasks+functions':<10} precision {p:.3f} recall {r:.3f}")
    assert p >= 0.9 and r >= 0.9


def test_explicit_model_ref_wins():
    model = export_json("model")
    data = export_json("omsk")
    data["system"]["tasks"][0]["model_ref"] = "task.09"   # deliberately unlike its text
    links = align(data, model).links("tasks")
    assert links["task.01"] == "task.09"


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("compare"))
    result = run_rsnms("compare", "--all", root=root)
    assert result.returncode == 0, result.stderr
    assert "омск" in result.stdout.lower() or "omsk" in result.stdout
    return root


@pytest.mark.parametrize("region", REGIONS)
def test_redline_accepts_to_the_region_and_rejects_to_the_model(compared, region):
    from rsnms import compose, docx_writer, redline
    from rsnms.project import Project
    from rsnms.validate import load_catalog, validate_file

    project = Project(compared)
    catalog = load_catalog(project)
    profile, _d = validate_file(project.profile(region), catalog)
    model_docx = docx_writer.render(compose.compose_model(catalog.model.data, catalog.drafts)[0], project.templates)
    region_docx = docx_writer.render(compose.compose_profile(profile.data, catalog.model.data,
                                                             catalog.drafts)["regulation"], project.templates)
    data = (compared / "build" / "compare" / region / "redline.docx").read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert b"<w:ins " in xml and b"<w:del " in xml
    accepted, rejected = redline.accepted_and_rejected(data)
    assert accepted == [t for _s, t in redline.paragraphs(region_docx)]
    assert rejected == [t for _s, t in redline.paragraphs(model_docx)]


def test_redline_and_report_open_and_convert_in_libreoffice(compared, tmp_path):
    files = [compared / "build" / "compare" / r / name for r in ("omsk", "eao") for name in ("redline.docx", "report.docx")]
    copies = []
    for i, f in enumerate(files):
        copy = tmp_path / f"{i}-{f.name}"
        copy.write_bytes(f.read_bytes())
        copies.append(copy)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, copies)],
                   check=True, capture_output=True, timeout=300)
    for copy in copies:
        assert copy.with_suffix(".pdf").stat().st_size > 5000


def test_outputs_of_compare(compared):
    from docx import Document
    from openpyxl import load_workbook

    for region in REGIONS:
        folder = compared / "build" / "compare" / region
        data = json.loads((folder / "alignment.json").read_text(encoding="utf-8"))
        statuses = {p["status"] for p in data["pairs"]}
        assert statuses <= {"kept", "changed", "missing", "added"} and "changed" in statuses
        assert 0 <= data["coverage"]["всего"]["coverage"] <= 1
        report = (folder / "report.md").read_text(encoding="utf-8")
        assert "## Охват по блокам" in report and "| Задачи |" in report
        text = "\n".join(p.text for p in Document(str(folder / "report.docx")).paragraphs)
        assert "Сравнение с примерным положением" in text
    sheet = load_workbook(compared / "build" / "compare" / "matrix.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[3:] == ["Еврейская автономная область", "Иркутская область", "Омская область",
                          "Оренбургская область"]
    values = {c.value for row in sheet.iter_rows(min_row=2, min_col=4) for c in row}
    assert values == {"сохранено", "изменено", "нет"}


def test_compare_needs_regions_or_all(tmp_path):
    root = copy_project(tmp_path)
    result = run_rsnms("compare", root=root)
    assert result.returncode == 2
    assert "укажите регионы" in result.stderr and "Traceback" not in result.stderr
