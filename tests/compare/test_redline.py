"""The redline: Word tracked changes that follow the alignment — Accept All gives the region's
adopted regulation, Reject All the model's (the revision semantics applied here with lxml, apart
from the code that wrote them); an unpaired unit is one whole insertion or deletion; a moved unit
a Word move; a table stays a table; the author is the region's authority, the date the act's."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from conftest import ROOT
from rsnms.pipeline.region import ModelWork, RegionWork
from rsnms.project import Project
from rsnms.validate import load_catalog, validate_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ADOPTED = ["omsk", "orenburg", "irkutsk"]      # regions whose regulation is adopted


@pytest.fixture(scope="module")
def works():
    project = Project(ROOT)
    catalog = load_catalog(project)
    model = ModelWork(project, catalog)
    out = {}
    for region in ADOPTED + ["eao"]:
        profile, _d = validate_file(project.profile(region), catalog)
        out[region] = RegionWork(project, catalog, profile, model)
    return out


def body(docx: bytes):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")).find(W + "body")


def resolve(docx: bytes, accept: bool):
    """The body after Accept All (``accept``) or Reject All: the revisions' semantics."""
    root = body(docx)
    gone, kept = (("del", "moveFrom"), ("ins", "moveTo")) if accept else (("ins", "moveTo"), ("del", "moveFrom"))
    for tag in gone:
        for el in list(root.iter(W + tag)):
            parent = el.getparent()
            if parent.tag == W + "trPr":                 # a whole row inserted or deleted
                row = parent.getparent()
                row.getparent().remove(row)
            elif parent.tag == W + "rPr":                # a paragraph mark: the paragraph goes if it is empty
                continue
            else:
                parent.remove(el)
    for tag in kept:
        for el in list(root.iter(W + tag)):
            if el.getparent().tag not in (W + "rPr", W + "trPr"):
                _unwrap(el)
    return root


def _unwrap(el):
    parent = el.getparent()
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


def paragraphs(root) -> list[str]:
    """The non-empty paragraph texts (tables too), white space folded."""
    out = []
    for p in root.iter(W + "p"):
        text = re.sub(r"\s+", " ", "".join(t.text or "" for t in p.iter(W + "t", W + "delText"))).strip()
        if text:
            out.append(text)
    return out


@pytest.mark.parametrize("region", ADOPTED)
def test_accept_all_gives_the_regions_regulation_and_reject_all_the_models(works, region):
    work = works[region]
    redline = work.redline()
    assert paragraphs(resolve(redline, accept=True)) == paragraphs(body(work.docx("regulation")))
    assert paragraphs(resolve(redline, accept=False)) == paragraphs(body(work.model.regulation))


def _paragraph_with(root, text: str):
    return next(p for p in root.iter(W + "p")
                if text in "".join(t.text or "" for t in p.iter(W + "t", W + "delText")))


def test_a_unit_the_alignment_leaves_unpaired_is_one_whole_insertion_or_deletion(works):
    work = works["omsk"]
    root = body(work.redline())
    added = next(p for p in work.alignment.pairs if p.status == "added" and p.block == "functions")
    missing = next(p for p in work.alignment.pairs if p.status == "missing" and p.block == "mechanisms")
    for pair, tag in ((added, "ins"), (missing, "del")):
        words = (pair.region or pair.model).text.split()[:4]
        p = _paragraph_with(root, " ".join(words[:3]))
        wrappers = [el for el in p if el.tag == W + tag]
        assert len(wrappers) == 1, pair                    # one revision holds the whole unit …
        assert not "".join(t.text or "" for r in p if r.tag == W + "r" for t in r.iter(W + "t"))   # none outside
        assert p.find(f"{W}pPr/{W}rPr/{W}{tag}") is not None   # the paragraph mark too


def test_aligned_units_are_word_diffed_in_place(works):
    work = works["omsk"]
    root = body(work.redline())
    pair = next(p for p in work.alignment.pairs if p.block == "tasks" and p.status == "changed"
                and p.model.id == "task.04")
    p = _paragraph_with(root, "разработка различных форм поддержки")
    kept = "".join(t.text or "" for r in p if r.tag == W + "r" for t in r.iter(W + "t"))
    assert "разработка различных форм поддержки и сопровождения" in kept, pair
    assert "учителей" in "".join(t.text for d in p.iter(W + "del") for t in d.iter(W + "delText"))
    assert "педагогических работников" in "".join(t.text for i in p.iter(W + "ins") for t in i.iter(W + "t"))


def test_a_unit_that_changed_place_is_a_word_move(works):
    root = body(works["irkutsk"].redline())
    moved_from, moved_to = list(root.iter(W + "moveFrom")), list(root.iter(W + "moveTo"))
    assert moved_from and len(moved_from) == len(moved_to)
    names_from = {el.get(W + "name") for el in root.iter(W + "moveFromRangeStart")}
    names_to = {el.get(W + "name") for el in root.iter(W + "moveToRangeStart")}
    assert names_from and names_from == names_to


def test_a_table_stays_a_table(works):
    work = works["orenburg"]
    redline = work.redline()
    tables = [t for t in body(redline).iter(W + "tbl")]
    region_tables = [t for t in body(work.docx("regulation")).iter(W + "tbl")]
    assert len(tables) == len(region_tables) == 2
    rows = tables[0].findall(W + "tr")
    assert all(r.find(f"{W}trPr/{W}ins") is not None for r in rows)     # the model has no such table
    accepted = [t for t in resolve(redline, accept=True).iter(W + "tbl")]
    assert [paragraphs(t) for t in accepted] == [paragraphs(t) for t in region_tables]
    assert not [row for t in resolve(redline, accept=False).iter(W + "tbl") for row in t.iter(W + "tr")]


def test_author_and_date_are_the_regions(works, monkeypatch):
    work = works["omsk"]
    root = body(work.redline())
    revision = next(root.iter(W + "ins"))
    assert revision.get(W + "author") == "Министерство образования Омской области"
    assert revision.get(W + "date") == "2022-04-07T00:00:00Z"       # the order that approved it
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    root = body(work.redline("Юрист Иванова"))
    revision = next(root.iter(W + "del"))
    assert (revision.get(W + "author"), revision.get(W + "date")) == ("Юрист Иванова", "2026-01-01T00:00:00Z")


def test_equal_input_gives_equal_bytes(works):
    assert works["orenburg"].redline() == works["orenburg"].redline()


def test_no_adopted_regulation_no_redline(works):
    assert works["eao"].redline() is None
    assert not works["eao"].comparison.has_regulation
