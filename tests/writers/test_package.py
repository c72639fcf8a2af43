"""The package: one render of a template made from its acts' templates — each act in its own
section with the text, tables and page setup it has alone, headers from the order, the order's
properties; a broken tag of an appendix's template named by that template."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from conftest import ROOT
from helpers import region_work
from rsnms.compose import ACT_KINDS
from rsnms.diagnostics import InputError
from rsnms.project import Project
from rsnms.validate import load_catalog
from rsnms.writers.docx import render
from rsnms.writers.package import package, template_of


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Project(ROOT))


def _content(element) -> tuple:
    if element.tag == qn("w:tbl"):
        grid = [col.get(qn("w:w")) for col in element.iter(qn("w:gridCol"))]
        rows = ["|".join("".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc")))
                for tr in element.iter(qn("w:tr"))]
        return ("table", tuple(grid), tuple(rows))
    return ("p", "".join(t.text or "" for t in element.iter(qn("w:t"))))


def sections(data: bytes) -> list[list[tuple]]:
    """The body's paragraphs and tables (text; a table's column widths and rows) per section."""
    body = open_docx(io.BytesIO(data)).element.body
    out: list[list[tuple]] = [[]]
    for child in body.iterchildren(qn("w:p"), qn("w:tbl")):
        if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            out.append([])        # the paragraph closing a section
            continue
        out[-1].append(_content(child))
    return out


@pytest.mark.parametrize("region", ["omsk", "eao", "orenburg"])
def test_each_act_keeps_its_section_text_tables_and_page_setup(region, catalog):
    w = region_work(region, catalog)
    files = w.files
    parts = [ACT_KINDS[key] for key in w.composed.package]
    assert len(parts) >= 2 and parts[-1].key == "roadmap"
    packaged = sections(files["package.docx"])
    assert len(packaged) == len(parts)
    pkg = open_docx(io.BytesIO(files["package.docx"]))
    for i, kind in enumerate(parts):
        alone = files[f"{kind.slug}.docx"]
        assert packaged[i] == sections(alone)[0], kind.key
        own = open_docx(io.BytesIO(alone)).sections[0]
        assert (pkg.sections[i].orientation, pkg.sections[i].page_width) == (own.orientation, own.page_width)
        # headers (the page number) carry on from the order
        assert pkg.sections[i].header.is_linked_to_previous == (i > 0)
    assert pkg.sections[-1].page_width > pkg.sections[-1].page_height     # the roadmap is landscape
    order = open_docx(io.BytesIO(files["order.docx"])).core_properties
    assert pkg.core_properties.title == order.title and pkg.core_properties.keywords == "package"


def test_the_template_is_made_once_per_combination_until_a_template_changes(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    names = ["order.docx", "regulation.docx"]
    first = template_of(templates, names)
    assert template_of(templates, names) is first
    assert template_of(templates, ["order.docx", "roadmap.docx"]) is not first
    shutil.copy(ROOT / "templates" / "roadmap.docx", templates / "regulation.docx")
    assert template_of(templates, names) != first


def _templates_with_regulation(tmp_path, change):
    """A copy of the templates whose ``regulation.docx`` has its body XML changed by ``change``."""
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    path = templates / "regulation.docx"
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            archive.writestr(info, change(data) if info.filename == "word/document.xml" else data)
    return templates


def _without_section_properties(xml: bytes) -> bytes:
    start, end = xml.rindex(b"<w:sectPr"), xml.rindex(b"</w:sectPr>") + len(b"</w:sectPr>")
    assert xml[end:].startswith(b"</w:body>")
    return xml[:start] + xml[end:]


def test_a_broken_tag_of_an_appendix_is_named_by_its_template(tmp_path, catalog):
    w = region_work("omsk", catalog)
    templates = _templates_with_regulation(tmp_path,
                                           lambda xml: xml.replace(b"{{r doc.title }}", b"{{r doc.title }", 1))
    keys = w.composed.package
    with pytest.raises(InputError) as raised:
        package([w.composed.documents[k] for k in keys], templates, [ACT_KINDS[k].template for k in keys])
    [diagnostic] = raised.value.diagnostics
    assert diagnostic.file == "templates/regulation.docx"
    assert diagnostic.message.startswith("ошибка в метках шаблона")


def test_a_template_saved_without_page_setup_still_makes_a_package(tmp_path, catalog):
    """A body with no section properties (an editor other than Word may save it so) is a
    section with the default page: the package holds the act's text, never an internal error."""
    w = region_work("orenburg", catalog)      # its regulation has data tables
    templates = _templates_with_regulation(tmp_path, _without_section_properties)
    keys = w.composed.package
    data = package([w.composed.documents[k] for k in keys], templates, [ACT_KINDS[k].template for k in keys])
    packaged = sections(data)
    assert len(packaged) == len(keys)
    regulation = keys.index("regulation")
    assert packaged[regulation] == sections(w.files["regulation.docx"])[0]
    alone = render(w.composed.documents["regulation"], templates, "regulation.docx")   # no sections at all
    def texts(items):     # the text of paragraphs and table rows; widths follow the page, here the default
        return [(item[0], item[-1]) for item in items]
    assert texts(sections(alone)[0]) == texts(sections(w.files["regulation.docx"])[0])
    assert any(item[0] == "table" for item in sections(alone)[0])
