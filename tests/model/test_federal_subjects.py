"""acts/federal-subjects.yaml: the 89 federal subjects, their ISO codes and case forms."""

from __future__ import annotations

from conftest import ROOT
from rsnms.model import federal_subjects as fs

FILE = ROOT / "acts" / "federal-subjects.yaml"


def test_eighty_nine_subjects_with_unique_codes_and_all_cases():
    subjects = fs.load(FILE)
    assert len(subjects) == 89
    assert len({s.code for s in subjects}) == 89 and len({s.name for s in subjects}) == 89
    assert sum(1 for s in subjects if s.iso) == 83          # ISO 3166-2:RU lists 83
    for s in subjects:
        assert set(s.cases) == set(fs.CASE_KEYS), s.name
        assert s.iso is None or s.iso == f"RU-{s.code.upper()}", s.name


def test_official_names_and_their_forms():
    assert fs.by_name(FILE, "Омская область").frbr == "ru-oms"
    assert fs.by_name(FILE, "Еврейская автономная область").iso == "RU-YEV"
    yakutia = fs.by_name(FILE, "Республика Саха (Якутия)")
    assert yakutia.cases["pre"] == "Республике Саха (Якутия)"
    ugra = fs.by_name(FILE, "Ханты-Мансийский автономный округ — Югра")
    assert ugra.cases["gen"] == "Ханты-Мансийского автономного округа — Югры"
    assert fs.by_name(FILE, "Кемеровская область — Кузбасс").cases["ins"] == "Кемеровской областью — Кузбассом"
    assert fs.by_name(FILE, "Санкт-Петербурга").name == "Санкт-Петербург"      # a case form finds it too


def test_the_region_an_authority_names():
    assert fs.named_in(FILE, "МИНИСТЕРСТВО ОБРАЗОВАНИЯ ОРЕНБУРГСКОЙ ОБЛАСТИ").code == "ore"
    assert fs.named_in(FILE, "департамент образования Ханты-Мансийского автономного округа – Югры").code == "khm"
    assert fs.named_in(FILE, "без названия региона") is None
