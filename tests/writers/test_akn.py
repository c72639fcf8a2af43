"""Akoma Ntoso: every act of the four regions and the model validates against the AKN 3.0 schema
(strict: eIds unique), with FRBR URIs and numbers and eIds taken from the document model."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from conftest import REGIONS, ROOT
from helpers import region_work
from rsnms.pipeline.region import ModelWork
from rsnms.project import Project
from rsnms.validate import load_catalog
from rsnms.writers import akn

NS = {"a": akn.AKN}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Project(ROOT))


@pytest.mark.parametrize("region", REGIONS)
def test_every_act_of_a_region_validates(region, catalog):
    files = region_work(region, catalog).akn
    assert set(files) == {"order.xml", "regulation.xml", "roadmap.xml", "network-regulation.xml"}
    for name, data in files.items():
        assert akn.validate(data) == [], f"{region}/{name}"


def test_model_validates(catalog):
    data = ModelWork(catalog.project, catalog).akn
    assert akn.validate(data) == []
    root = etree.fromstring(data)
    assert root.find(".//a:FRBRWork/a:FRBRthis", NS).get("value") == "/akn/ru/doc/primernoe-polozhenie/2021-07-06/2163"


def test_order_is_an_act_with_its_appendices_attached(catalog):
    w = region_work("omsk", catalog)
    root = etree.fromstring(w.akn["order.xml"])
    assert root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value") == "/akn/ru-oms/act/prikaz/2022-04-07/26"
    assert root.find("a:act/a:preface//a:docNumber", NS).text == "№\u00a026"
    regulation = root.find("a:act/a:attachments/a:attachment/a:doc", NS)
    assert regulation.find("a:preface//a:docType", NS).text == "ПОЛОЖЕНИЕ"
    # the roadmap is the regulation's appendix (as the Omsk acts have it), a table with rows r-1…r-27
    roadmap = regulation.find("a:attachments/a:attachment/a:doc", NS)
    rows = roadmap.findall(".//a:table/a:tr[@eId]", NS)
    assert len(rows) == 27 and rows[0].get("eId") == "att_2__tr_1"
    # numbers and eIds are the document model's, not parsed from the text
    doc = w.composed.documents["regulation"]
    clause = next(b for b in doc.body if b.anchor == "p-2-2")
    element = regulation.find(".//a:paragraph[@eId='att_1__para_2-2']", NS)
    assert element.find("a:num", NS).text == clause.number == "2.2."
    assert element.find("a:intro/a:p", NS).text == clause.text.plain


def test_frbr_code_comes_from_the_federal_subjects_or_the_profile():
    subjects = ROOT / "acts" / "federal-subjects.yaml"
    assert akn.frbr_place({"region": {"name": "Еврейская автономная область"}}, subjects) == "ru-yev"
    assert akn.frbr_place({"region": {"name": "Республика Саха (Якутия)"}}, subjects) == "ru-sa"
    assert akn.frbr_place({"region": {"name": "Омская область", "code": "omsk"}}, subjects) == "ru-omsk"
    assert akn.frbr_place({"region": {"name": "[[регион]]"}}, subjects) == "ru"


def test_profile_text_is_xml_text_never_markup(catalog):
    from rsnms.model.document import Rich
    element = akn.inline(Rich([("<b>&amp; «x» </b>\x07", "")]))
    assert etree.tostring(element, encoding="unicode").count("<b>") == 0
    assert element.text == "<b>&amp; «x» </b>"
    assert re.fullmatch(r"[a-z_0-9-]+", akn.eid("p-2-1-i3")) and akn.eid("p-2-1-i3") == "para_2-1__point_3"
