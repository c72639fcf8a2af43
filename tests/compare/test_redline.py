"""The redline: Word tracked changes that accept to the region's regulation and reject to
the model's."""

from __future__ import annotations

import io
import zipfile

import pytest

from conftest import REGIONS
from rsnms.compare import redline
from rsnms.pipeline.region import ModelWork, RegionWork
from rsnms.project import Project
from rsnms.validate import load_catalog, validate_file


@pytest.mark.parametrize("region", REGIONS)
def test_redline_accepts_to_the_region_and_rejects_to_the_model(compared, region):
    project = Project(compared)
    catalog = load_catalog(project)
    profile, _d = validate_file(project.profile(region), catalog)
    model_docx = ModelWork(project, catalog).regulation
    region_docx = RegionWork(project, catalog, profile).docx("regulation")
    data = (compared / "build" / "compare" / region / "redline.docx").read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert b"<w:ins " in xml and b"<w:del " in xml
    accepted, rejected = redline.accepted_and_rejected(data)
    assert accepted == [t for _s, t in redline.paragraphs(region_docx)]
    assert rejected == [t for _s, t in redline.paragraphs(model_docx)]
