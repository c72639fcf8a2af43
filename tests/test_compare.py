"""`rsnms compare`: its outputs opened as a user would — the report (A4, a one-page summary,
no internal words), the matrix workbook, EAO's comparison of only what its регламент has, a
link the profile states and the texts do not bear out (the engine and the redline are tested in
tests/compare/)."""

from __future__ import annotations

import json
import re
import subprocess

from conftest import REGIONS, copy_project, run_rsnms
from helpers import pdf_pages

INTERNAL = re.compile(r"model_ref|\b(?:task|cnppm|iro|roiv|mms|term|basis|indicator|principle|channel|interaction)"
                      r"\.[\w-]+|\bf\d\d\b")


def _pdfs(files, tmp_path):
    copies = []
    for i, f in enumerate(files):
        copy = tmp_path / f"{i}-{f.parent.name}-{f.name}"
        copy.write_bytes(f.read_bytes())
        copies.append(copy)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, copies)],
                   check=True, capture_output=True, timeout=300)
    return [c.with_suffix(".pdf") for c in copies]


def _page_text(pdf, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_reports_are_a4_with_a_summary_on_page_one(compared, tmp_path):
    folder = compared / "build" / "compare"
    files = [folder / r / "report.docx" for r in ("omsk", "eao")] + [folder / "omsk" / "redline.docx"]
    pdfs = _pdfs(files, tmp_path)
    for pdf in pdfs:
        assert all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in pdf_pages(pdf)), pdf
    for pdf in pdfs[:2]:
        first = _page_text(pdf, 1)
        assert "Охват по существенным блокам" in first and "Что требует решения" in first, pdf
        assert "Задачи" in first and "Функции субъектов" in first
        assert not INTERNAL.search(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                                  check=True).stdout), pdf
    eao = _page_text(pdfs[1], 1)
    assert eao.count("не предусмотрено") >= 4 and "Положения о региональной системе регион не принимал" in eao


def test_the_matrix_prints_on_a4_landscape_fitted_to_the_width(compared, tmp_path):
    pdf = _pdfs([compared / "build" / "compare" / "matrix.xlsx"], tmp_path)[0]
    pages = pdf_pages(pdf)
    assert len(pages) > 3 and all(abs(w - 841.9) < 1 and abs(h - 595.3) < 1 for w, h in pages)
    first = _page_text(pdf, 1)
    assert "Текст примерного положения" in first and "Оренбургская" in first    # every region on the page


def test_outputs_of_compare(compared):
    from docx import Document

    for region in REGIONS:
        folder = compared / "build" / "compare" / region
        data = json.loads((folder / "alignment.json").read_text(encoding="utf-8"))
        statuses = {p["status"] for p in data["pairs"]}
        assert statuses <= {"kept", "changed", "missing", "added"} and "changed" in statuses
        assert 0 <= data["coverage"]["всего"]["coverage"] <= 1
        assert all(0 <= p["score"] <= 1 for p in data["pairs"])
        report = (folder / "report.md").read_text(encoding="utf-8")
        assert "## Охват по блокам" in report and "| Задачи |" in report and not INTERNAL.search(report)
        text = "\n".join(p.text for p in Document(str(folder / "report.docx")).paragraphs)
        assert "Сравнение с примерным положением" in text
        assert (folder / "redline.docx").is_file() == (region != "eao")


def test_eao_is_scored_only_in_the_blocks_its_reglament_has(compared):
    data = json.loads((compared / "build" / "compare" / "eao" / "alignment.json").read_text(encoding="utf-8"))
    coverage = data["coverage"]
    assert coverage["tasks"]["coverage"] is None and not coverage["tasks"]["applicable"]
    assert coverage["всего"]["blocks"] == ["functions", "interaction.subjects", "interaction.channels"]
    assert data["compared_acts"] == ["network_regulation"]
    report = (compared / "build" / "compare" / "eao" / "report.md").read_text(encoding="utf-8")
    assert re.search(r"\| Задачи \| не предусмотрено \|", report)
    share = f"{coverage['всего']['coverage'] * 100:.0f}"
    assert f"): {share}\u00a0%" in report


def test_the_matrix_workbook(compared):
    from openpyxl import load_workbook

    book = load_workbook(compared / "build" / "compare" / "matrix.xlsx")
    assert book.sheetnames == ["Единицы", "Охват по блокам", "Добавлено регионами"]
    sheet = book["Единицы"]
    header = [c.value for c in sheet[1]]
    assert header[4:] == ["Еврейская автономная область", "Иркутская область", "Омская область",
                          "Оренбургская область"]
    assert sheet.auto_filter.ref.startswith("A1:") and sheet.freeze_panes
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert all(c.alignment.wrap_text for c in sheet[1])
    marks = {c.value for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row - 1, min_col=5) for c in row}
    assert marks <= {"сохранено", "изменено", "редакционно", "нет", "не предусмотрено"}
    assert "не предусмотрено" in marks
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[0] == "Охват по существенным блокам" and all(v.endswith("%") for v in last[4:])
    long_row = max(range(2, sheet.max_row), key=lambda r: len(str(sheet.cell(r, 4).value)))
    assert sheet.row_dimensions[long_row].height > 2 * sheet.row_dimensions[2].height or \
        len(str(sheet.cell(2, 4).value)) > 300
    added = book["Добавлено регионами"]
    assert added.max_row > 50 and added.auto_filter.ref
    assert {row[0] for row in added.iter_rows(min_row=2, values_only=True)} >= {"Иркутская область", "Омская область"}
    assert [c.value for c in added[1]][5:] == ["Возможно, это (примерное положение)", "Сходство"]
    alike = [row for row in added.iter_rows(min_row=2, values_only=True) if row[5]]
    assert alike and all(" — " in row[5] and float(row[6].replace(",", ".")) >= 0.3 for row in alike)


def test_a_profile_link_the_texts_do_not_bear_out_is_a_warning(tmp_path):
    root = copy_project(tmp_path)
    profile = root / "regions" / "omsk.yaml"
    text = profile.read_text(encoding="utf-8")
    start = text.index("  tasks:\n") + len("  tasks:\n")
    line = text[start:text.index("\n", start)]
    assert line.startswith("    - ")
    profile.write_text(text[:start] + "    - text: организация летнего отдыха и оздоровления детей в загородных "
                       "лагерях;\n      model_ref: task.01\n" + text[start + len(line) + 1:], encoding="utf-8")
    result = run_rsnms("compare", "omsk", "--format", "md", root=root)
    assert result.returncode == 0, result.stderr
    assert "regions/omsk.yaml: предупреждение: сравнение: связь с примерным положением указана в профиле, но " \
           "тексты мало похожи" in result.stderr
    report = (root / "build" / "compare" / "omsk" / "report.md").read_text(encoding="utf-8")
    decisions = report.split("## Что требует решения", 1)[1].split("## ", 1)[0]
    assert "организация летнего отдыха" in decisions


def test_compare_needs_regions_or_all(tmp_path):
    root = copy_project(tmp_path)
    result = run_rsnms("compare", root=root)
    assert result.returncode == 2
    assert "укажите регионы" in result.stderr and "Traceback" not in result.stderr


def test_added_units_like_a_model_unit_are_shown_with_it_and_counted_in_the_decisions(compared):
    from docx import Document

    folder = compared / "build" / "compare" / "orenburg"
    data = json.loads((folder / "alignment.json").read_text(encoding="utf-8"))
    candidates = [p for p in data["pairs"] if p["candidate"]]
    assert candidates and all(p["status"] == "added" and p["model"] is None for p in candidates)
    assert all(p["candidate_score"] >= 0.3 for p in candidates)
    report = (folder / "report.md").read_text(encoding="utf-8")
    decisions = report.split("## Что требует решения", 1)[1].split("## ", 1)[0]
    tasks = sum(p["block"] == "tasks" for p in candidates)
    assert f"задачи — {tasks}" in decisions and "укажите связи в профиле региона" in decisions
    rows = [line for line in report.splitlines() if line.startswith("| *возможно, это: ")]
    assert len(rows) == len(candidates) and all(line.endswith(" — проверить |") for line in rows)
    docx = Document(str(folder / "report.docx"))
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells[:1]]
    assert sum(text.startswith("возможно, это: ") for text in cells) == len(candidates)
    assert not INTERNAL.search(report)
