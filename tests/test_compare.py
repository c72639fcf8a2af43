"""`rsnms compare`: its outputs, opened as a user would (the alignment engine and the
redline are tested in tests/compare/)."""

from __future__ import annotations

import json
import subprocess

from conftest import REGIONS, copy_project, run_rsnms


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
