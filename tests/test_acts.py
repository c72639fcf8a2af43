"""Acts as Word documents: what `rsnms build --pdf` writes, opened and rendered as a user would."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from conftest import REGIONS, ROOT, copy_project, export_json, run_rsnms
from helpers import highlighted, page_ink, pdf_pages, text_of
from rsnms.compare import fidelity
from rsnms.lang.typography import typeset

ACTS = ["order", "regulation", "roadmap", "network-regulation"]
NBSP = "\u00a0"


def test_build_writes_all_21_documents_that_open_and_have_pdfs(built):
    expected = [built / "build" / "acts" / r / f"{a}.docx" for r in REGIONS for a in ACTS + ["package"]]
    expected.append(built / "build" / "acts" / "model" / "regulation.docx")
    assert len(expected) == 21
    for path in expected:
        assert path.is_file(), path
        assert open_docx(str(path)).paragraphs, path
        assert len(fidelity.tokens(text_of(path))) > 50, path
        # nothing of the template machinery or of the profile syntax is left
        assert not re.search(r"\{[{%#]|[%}]\}", text_of(path)), path
        assert "[[" not in text_of(path), path
        assert path.with_suffix(".pdf").is_file(), path
        assert pdf_pages(path.with_suffix(".pdf")), path


@pytest.mark.parametrize("region", REGIONS)
def test_order_is_portrait_and_roadmap_landscape_without_empty_pages(built, region, tmp_path):
    acts = built / "build" / "acts" / region
    order, roadmap = pdf_pages(acts / "order.pdf"), pdf_pages(acts / "roadmap.pdf")
    assert 1 <= len(order) <= 3
    assert all(w < h for w, h in order)
    assert 1 <= len(roadmap) <= 40
    assert all(w > h for w, h in roadmap)
    for pdf, pages in ((acts / "order.pdf", order), (acts / "roadmap.pdf", roadmap)):
        for page in range(1, len(pages) + 1):
            ink, (width, height) = page_ink(pdf, page, tmp_path)
            words = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                                   capture_output=True, text=True, check=True).stdout
            assert ink > 0.0008 and len(re.sub(r"\s|\d", "", words)) > 20, f"{pdf.name}: page {page} is empty"
            assert (width > height) == (pdf.name == "roadmap.pdf")
    package = pdf_pages(acts / "package.pdf")
    parts = [a for a in ("order", "regulation", "roadmap", "network-regulation")
             if (acts / f"{a}.pdf").is_file()]
    assert len(package) <= sum(len(pdf_pages(acts / f"{a}.pdf")) for a in parts)
    assert any(w > h for w, h in package)       # every package ends with its landscape roadmap


@pytest.mark.parametrize("region", ["omsk", "orenburg", "irkutsk"])
def test_appendix_stamp_stands_in_the_upper_right(built, region, tmp_path):
    pdf = built / "build" / "acts" / region / "regulation.pdf"
    top_left, _size = page_ink(pdf, 1, tmp_path, (0.0, 0.0, 0.45, 0.14))
    top_right, _size = page_ink(pdf, 1, tmp_path, (0.55, 0.0, 1.0, 0.14))
    assert top_left < 0.001 < top_right


def test_regulation_and_roadmap_have_plausible_length(built):
    for region in REGIONS:
        acts = built / "build" / "acts" / region
        assert len(pdf_pages(acts / "regulation.pdf")) >= 4
        assert len(pdf_pages(acts / "network-regulation.pdf")) >= 2


def stamp_requisites(region: str) -> str:
    order = export_json(region)["acts"]["order"]
    year, month, day = order["date"].split("-")
    months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря"]
    if order.get("date_format") == "words":
        date = f"{int(day)} {months[int(month) - 1]} {year} г."
    else:
        date = f"{day}.{month}.{year}"
    return f"от {date} №{NBSP}{order['number']}"


@pytest.mark.parametrize("region", ["omsk", "orenburg", "irkutsk"])
def test_every_appendix_stamp_repeats_the_order_requisites(built, region):
    data = export_json(region)
    package = text_of(built / "build" / "acts" / region / "package.docx")
    appendices = data["acts"]["order"]["appendices"]
    assert package.count(stamp_requisites(region)) == len(appendices)
    # appendices follow the order in the order's sequence, numbered when there are several
    acts = built / "build" / "acts" / region
    positions = [package.index(text_of(acts / f"{a}.docx")[:300]) for a in ["order"] + appendices]
    assert positions == sorted(positions) and positions[0] == 0
    if len(appendices) > 1 and all(data["acts"][a].get("stamp") == "приложение" for a in appendices):
        assert package.index("Приложение №\u00a01") < package.index("Приложение №\u00a02")


def test_order_typography_and_title_block(built):
    text = text_of(built / "build" / "acts" / "omsk" / "order.docx")
    assert "ПРИКАЗ" in text and "07.04.2022" in text and f"№{NBSP}26" in text
    assert f"Т.В.{NBSP}Дернова" in text
    assert "приказываю:" in text and "призываю" not in text
    # «П Р И К А З» where the original letter-spaces it: by the style, the text stays a word
    for region, spaced in (("orenburg", True), ("omsk", False)):
        document = open_docx(str(built / "build" / "acts" / region / "order.docx"))
        kind = next(p for p in document.paragraphs if p.text == "ПРИКАЗ")
        spacing = kind.style.element.rPr.find(qn("w:spacing"))
        assert (spacing is not None and int(spacing.get(qn("w:val"))) > 0) == spaced, region


def test_drafts_use_the_regions_names_and_highlight_what_is_unknown(built):
    eao = built / "build" / "acts" / "eao"
    regulation = text_of(eao / "regulation.docx")
    assert "Еврейской автономной области" in regulation
    # the region is known: the model's placeholders for its name are filled in
    assert not [m for m in highlighted(eao / "regulation.docx") if "субъекта Российской Федерации" in m]
    # the model's 2021 deadlines are not copied into a 2020s draft: each is a placeholder; the
    # model's rows the draft has no place for (its own approval, opening a ЦНППМ EAO has) are left out
    roadmap_marks = highlighted(eao / "roadmap.docx")
    kept = [i for i in export_json("model")["roadmap"]["directions"][0]["items"] if "omit_in_draft" not in i]
    assert roadmap_marks.count("[срок]") == len(kept) == 3
    order_marks = highlighted(eao / "order.docx")
    assert "[И.О. Фамилия]" in order_marks
    network = text_of(built / "build" / "acts" / "omsk" / "network-regulation.docx")
    assert "Омской области" in network and "Министерство образования Омской области" in network
    assert highlighted(built / "build" / "acts" / "omsk" / "network-regulation.docx")  # date and number


def test_build_warns_about_each_placeholder_of_a_draft(tmp_path):
    root = copy_project(tmp_path)
    result = run_rsnms("build", "eao", root=root)
    assert result.returncode == 0
    assert "regions/eao.yaml: предупреждение: eao/roadmap: не заполнено «срок»" in result.stderr
    assert "eao/order: не заполнено «И.О. Фамилия»" in result.stderr


def test_model_regulation_shows_its_placeholders(built):
    path = built / "build" / "acts" / "model" / "regulation.docx"
    marks = highlighted(path)
    assert any("наименование субъекта Российской Федерации" in m for m in marks)
    assert "ПРИМЕРНОЕ ПОЛОЖЕНИЕ" in text_of(path)


def test_text_that_looks_like_markup_is_rendered_literally(tmp_path):
    root = copy_project(tmp_path)
    nasty = 'Проверка & < > " « » – № {{ x }} {% if %} {# c #} </w:t>'
    profile = root / "regions" / "omsk.yaml"
    text = profile.read_text(encoding="utf-8")
    first_task = "    - выстраивание единой региональной системы"
    text = text.replace(first_task, f"    - {json.dumps(nasty, ensure_ascii=False)}\n{first_task}", 1)
    text = text.replace("        - activity: Определение ответственного",
                        f"        - activity: {json.dumps(nasty, ensure_ascii=False)}\n"
                        "          responsible: [МООО]\n"
                        "        - activity: Определение ответственного", 1)
    profile.write_text(text, encoding="utf-8")
    result = run_rsnms("build", "omsk", "--pdf", root=root)
    assert result.returncode == 0, result.stderr
    expected = typeset(nasty)
    for act in ("regulation", "roadmap", "package"):
        path = root / "build" / "acts" / "omsk" / f"{act}.docx"
        assert expected in text_of(path), act
        assert path.with_suffix(".pdf").is_file()
    assert "{{ x }}" in expected and "{% if %}" in expected and "& < >" in expected


def test_two_builds_give_identical_bytes(tmp_path):
    root = copy_project(tmp_path)
    assert run_rsnms("build", root=root).returncode == 0
    first = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    assert run_rsnms("build", root=root).returncode == 0
    second = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    assert first == second
    assert len([p for p in first if p.suffix == ".docx" and "acts" in p.parts]) == 21
    assert any("site" in p.parts for p in first)   # the handbook is part of what must not change


def test_pdfs_are_deterministic_too(tmp_path):
    root = copy_project(tmp_path)
    assert run_rsnms("build", "eao", "--pdf", root=root).returncode == 0
    first = {p: p.read_bytes() for p in (root / "build" / "acts").rglob("*.pdf")}
    assert len(first) == 5
    assert run_rsnms("build", "eao", "--pdf", root=root).returncode == 0
    assert first == {p: p.read_bytes() for p in (root / "build" / "acts").rglob("*.pdf")}


def test_a_killed_build_leaves_no_corrupted_document(tmp_path):
    import os
    import signal
    import sys
    import time

    root = copy_project(tmp_path)
    assert run_rsnms("build", root=root).returncode == 0
    env = dict(os.environ, RSNMS_ROOT=str(root), PYTHONWARNINGS="ignore")
    for delay in (0.3, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0):
        proc = subprocess.Popen([sys.executable, "-m", "rsnms", "build"], cwd=root, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        documents = list((root / "build").rglob("*.docx"))   # acts, and their copies in the site
        assert len([p for p in documents if p.parent.parent.name == "acts"]) == 21
        for path in documents:
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None
            open_docx(str(path))
    # the next build clears what the killed ones left and gives the same files
    assert run_rsnms("build", root=root).returncode == 0
    assert not list((root / "build").rglob(".*.tmp"))


def test_look_comes_from_the_template(tmp_path):
    root = copy_project(tmp_path)
    template = root / "templates" / "regulation.docx"
    document = open_docx(str(template))
    from docx.shared import Pt
    document.styles["Пункт"].font.size = Pt(16)
    document.styles["Раздел"].font.name = "Liberation Sans"
    document.save(str(template))
    assert run_rsnms("build", "omsk", root=root).returncode == 0
    out = open_docx(str(root / "build" / "acts" / "omsk" / "regulation.docx"))
    clause = next(p for p in out.paragraphs if p.text.startswith("2.1."))
    assert clause.style.name == "Пункт" and clause.style.font.size == Pt(16)
    section = next(p for p in out.paragraphs if p.style.name == "Раздел")
    assert section.style.font.name == "Liberation Sans"


def test_fidelity_of_every_adopted_act_is_at_least_097():
    """Every adopted act reproduces its source, except the acts in tests/data/fidelity.yaml:
    there the source text itself is too damaged (rows broken across pages come out
    interleaved) for an honest rendering to reach 0.97; each has a floor and a reason, and
    the test fails if such an act improves past 0.97, so the list cannot go stale."""
    from ruamel.yaml import YAML

    exceptions = YAML(typ="safe").load((ROOT / "tests" / "data" / "fidelity.yaml").read_text(encoding="utf-8"))
    result = run_rsnms("fidelity")
    scores = re.findall(r"^(\w+)\s+([\w-]+)\s+([01]\.\d{4})", result.stdout, re.M)
    adopted = {(r, a.replace("_", "-")) for r in REGIONS for a, act in export_json(r)["acts"].items()
               if act["status"] == "adopted"}
    assert {(r, a) for r, a, _s in scores} == adopted
    for region, act, score in scores:
        floor = exceptions.get(f"{region}/{act}", {}).get("floor")
        if floor is None:
            assert float(score) >= 0.97, (region, act, score)
        else:
            assert floor <= float(score) < 0.97, (region, act, score)
    assert result.returncode == (1 if exceptions else 0)


def test_properties_follow_the_schema_order(built):
    """Word refuses some files whose run, table or cell properties are out of schema order."""
    from lxml import etree

    from rsnms.writers.ooxml import SCHEMA_ORDER

    documents = list((built / "build" / "acts").rglob("*.docx")) + list((ROOT / "templates").glob("*.docx"))
    assert len(documents) >= 25
    for path in documents:
        with zipfile.ZipFile(path) as archive:
            for part in ("word/document.xml", "word/styles.xml"):
                root = etree.fromstring(archive.read(part))
                for tag, order in SCHEMA_ORDER.items():
                    for element in root.iter(qn(f"w:{tag}")):
                        names = [etree.QName(child).localname for child in element]
                        ranks = [order.index(n) for n in names if n in order]
                        assert ranks == sorted(ranks), (path.name, part, tag, names)


@pytest.mark.parametrize("damage", ["broken tag", "missing", "not a docx"])
def test_a_damaged_template_is_a_located_error_and_changes_nothing(tmp_path, damage):
    root = copy_project(tmp_path)
    assert run_rsnms("build", "--no-site", root=root).returncode == 0
    before = {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()}
    template = root / "templates" / "regulation.docx"
    if damage == "broken tag":
        document = open_docx(str(template))
        paragraph = next(p for p in document.paragraphs if "{%p for b in doc.body %}" in p.text)
        for run in paragraph.runs:
            run.text = run.text.replace("{%p for b in doc.body %}", "{%p for b in doc.body")
        document.save(str(template))
    elif damage == "missing":
        template.unlink()
    else:
        template.write_bytes(b"not a Word file")
    result = run_rsnms("build", "--no-site", root=root)
    assert result.returncode == 2
    error = [line for line in result.stderr.splitlines() if line.startswith("templates/regulation.docx:1:1:")]
    assert len(error) == 1 and "шаблон" in error[0]
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (root / "build").rglob("*") if p.is_file()} == before
