"""Drafts a lawyer can sign: each defect a ministry lawyer found in the drafts rsnms wrote,
checked on the acts a build writes (their text, their PDF), as the lawyer reads them."""

from __future__ import annotations

import re
import subprocess

import pytest
from docx import Document as open_docx

from conftest import export_json
from helpers import highlighted, text_of
from rsnms.lang.morph import analyzer
from rsnms.lint import Context, lint
from rsnms.lint.readers import from_docx

NBSP = "\u00a0"
NETWORK_DRAFTS = ("omsk", "orenburg", "irkutsk")


def plain(path) -> str:
    return text_of(path).replace(NBSP, " ")


def paragraphs(path) -> list[str]:
    return [p.text.replace(NBSP, " ") for p in open_docx(str(path)).paragraphs]


def acts(built, region):
    return built / "build" / "acts" / region


# --- the network-interaction regulation: facts from the profile, nothing invented ------------------

def test_the_coordinator_is_the_one_the_region_named_never_the_ministry_by_default(built):
    orenburg = plain(acts(built, "orenburg") / "network-regulation.docx")
    assert ("В соответствии с приказом министерства образования Оренбургской области от 07.06.2023 № 01-21/889 "
            "координатором сетевого взаимодействия субъектов РС НМС является Центр непрерывного повышения "
            "педагогического мастерства.") in orenburg
    irkutsk = plain(acts(built, "irkutsk") / "network-regulation.docx")
    assert ("В соответствии с распоряжением министерства образования Иркутской области от 26.04.2021 № 705-мр "
            "«О региональном операторе системы научно-методического сопровождения педагогических работников» "
            "координатором сетевого взаимодействия субъектов РС НМС является Центр непрерывного повышения "
            "профессионального мастерства") in irkutsk
    # Omsk's profile does not say who coordinates: a highlighted placeholder, not the ministry
    assert "[координатор сетевого взаимодействия]" in highlighted(acts(built, "omsk") / "network-regulation.docx")
    for region in NETWORK_DRAFTS:
        text = plain(acts(built, region) / "network-regulation.docx")
        assert not re.search(r"Координацию сетевого взаимодействия[^.]*осуществляет [Мм]инистерство", text), region


def test_a_regulement_calls_itself_a_regulement(built):
    for region in NETWORK_DRAFTS:
        text = plain(acts(built, region) / "network-regulation.docx")
        assert "Настоящий регламент устанавливает" in text
        assert not re.search(r"настоящ\w+ Положени", text, re.I), region
        # the regulation it rests on is named, with the order that approved it
        assert re.search(r"Регламент разработан в соответствии с Положением о [^.]+, утвержденным "
                         r"(приказом|распоряжением) [Мм]инистерства образования \w+ области от \d\d\.\d\d\.\d{4} № ",
                         text), region


@pytest.mark.parametrize("region, kind", [("irkutsk", "распоряжением"), ("orenburg", "приказом"),
                                          ("omsk", "приказом")])
def test_the_act_that_changes_it_is_the_kind_the_authority_issues(built, region, kind):
    text = plain(acts(built, region) / "network-regulation.docx")
    text = text.replace("Министерства", "министерства")
    assert f"Изменения в регламент вносятся {kind} министерства образования" in text
    assert text.startswith(f"УТВЕРЖДЕН {kind} министерства образования")
    other = {"приказом": "распоряжением", "распоряжением": "приказом"}[kind]
    assert f"{other} министерства образования" not in text.split("Правовую основу")[0]


def test_a_regulement_has_a_procedure_and_its_deadlines_are_the_regions_to_set(built):
    path = acts(built, "orenburg") / "network-regulation.docx"
    text = plain(path)
    for heading in ("Участники и координатор сетевого взаимодействия", "Предмет и каналы сетевого взаимодействия",
                    "Порядок сетевого взаимодействия", "Права и обязанности участников сетевого взаимодействия",
                    "Заключительные положения"):
        assert heading in text
    for step in ("по ежегодному плану сетевого взаимодействия", "заключают соглашения о сетевом взаимодействии",
                 "обмениваются информацией по каналам взаимодействия", "Совместные мероприятия",
                 "представляют координатору отчет о выполнении плана"):
        assert step in text
    marks = highlighted(path)
    assert sum(1 for m in marks if m.startswith("[срок")) == 5          # every deadline is the region's to set
    # filled from the region's own data: its subjects, channels, acts
    assert "Государственное бюджетное учреждение «Региональный центр развития образования Оренбургской области»" \
        in text and "цифровая экосистема ДПО;" in text


@pytest.mark.parametrize("region, path, heading", [
    ("eao", "regulation.docx", "Нормативная правовая основа создания и функционирования региональной системы "
                               "научно-методического сопровождения:"),
    ("orenburg", "network-regulation.docx", "Правовую основу сетевого взаимодействия составляют:")])
def test_a_list_of_legal_bases_after_a_colon_is_in_the_nominative(built, region, path, heading):
    document = open_docx(str(acts(built, region) / path))
    texts = [p.text.replace(NBSP, " ") for p in document.paragraphs]
    start = next(i for i, t in enumerate(texts) if t.endswith(heading))
    items = []
    for t in texts[start + 1:]:
        if re.match(r"^\d+\.", t):
            break
        items.append(t)
    assert len(items) >= 3
    for item in items:
        first = re.sub(r"^[^\wА-Яа-я]+", "", item).split(" ")[0]
        cases = {p.tag.case for p in analyzer().parse(first) if p.tag.POS in ("NOUN", "ADJF")}
        assert "nomn" in cases, item
        assert not re.match(r"(Федеральным законом|методическими|приказом|распоряжением)", first), item
    assert items[-1].endswith(".") and all(i.endswith(";") for i in items[:-1])


def test_no_draft_uses_an_abbreviation_before_introducing_it(built):
    drafts = [("eao", "order"), ("eao", "regulation"), ("eao", "roadmap")] + \
             [(r, "network-regulation") for r in NETWORK_DRAFTS]
    for region, act in drafts:
        path = acts(built, region) / f"{act}.docx"
        context = Context(region=export_json(region))
        findings = [f for f in lint(from_docx(path.read_bytes(), path.name), context) if f.rule.startswith("abbr.")]
        assert findings == [], (region, act, [(f.rule, f.excerpt) for f in findings])
    regulation = plain(acts(built, "eao") / "regulation.docx")
    for abbr, full in (("ОГАОУ ДПО «ИРО ЕАО»", "областное государственное автономное образовательное учреждение "
                                               "дополнительного профессионального образования «Институт развития "
                                               "образования ЕАО»"), ("ММС", "муниципальная методическая служба"),
                       ("ДППО", "дополнительное профессиональное педагогическое образование")):
        assert f"{abbr} – {full}" in regulation                 # in «используются следующие сокращения»
    assert "В настоящем Положении используются следующие сокращения:" in regulation


def test_the_models_generic_words_become_the_regions(built):
    for act in ("regulation", "roadmap"):
        text = plain(acts(built, "eao") / f"{act}.docx")
        assert "РОИВ" not in text and "субъекте Российской Федерации" not in text
        assert "распорядительный акт" not in text.lower()
        assert "субъекта Российской Федерации" not in text
    regulation = plain(acts(built, "eao") / "regulation.docx")
    assert "приказ департамента образования Еврейской автономной области, утверждающий положение" in regulation
    assert "реализуемых в Еврейской автономной области мероприятий" in regulation
    assert "данные официальных сайтов департамента образования Еврейской автономной области" in regulation


# --- EAO: a coherent package for a region that adopted only a регламент ---------------------------

def test_the_draft_order_approves_the_draft_regulation_and_roadmap(built):
    order = plain(acts(built, "eao") / "order.docx")
    assert "Утвердить прилагаемые:" in order
    assert re.search(r"Положение о создании и функционировании региональной системы[^;]+\(приложение № 1\);", order)
    assert re.search(r"комплекс мер \(дорожную карту\) по созданию[^.]+\(приложение № 2\)\.", order)
    # a draft carries no adopted requisites: the order of 25.04.2022 № 201 approved the регламент only
    assert "201" not in order and "25.04.2022" not in order
    assert "[дата]" in highlighted(acts(built, "eao") / "order.docx")
    for n, act in ((1, "regulation"), (2, "roadmap")):
        stamp = plain(acts(built, "eao") / f"{act}.docx").split("\n")[0]
        assert stamp == f"Приложение № {n} к приказу департамента образования Еврейской автономной области " \
                        "от [дата] № [номер]", stamp
    package = plain(acts(built, "eao") / "package.docx")
    assert package.index("Утвердить прилагаемые") < package.index("ПОЛОЖЕНИЕ") < package.index("Комплекс мер")
    network = plain(acts(built, "eao") / "network-regulation.docx")
    assert network.startswith("УТВЕРЖДЕН приказом департамента образования Еврейской автономной области "
                              "от 25.04.2022 № 201")


def test_a_drafted_roadmap_leaves_out_the_models_circular_and_stale_rows(built):
    roadmap = plain(acts(built, "eao") / "roadmap.docx")
    for row in ("Утверждено Положение", "Утверждена дорожная карта", "Открыт ЦНППМ", "открываемых 01 сентября"):
        assert row not in roadmap
    assert "2021" not in roadmap
    # rows run 1, 2, 3 without gaps
    numbers = [int(n) for n in re.findall(r"^(\d+)\t", text_of(acts(built, "eao") / "roadmap.docx"), re.M)]
    assert numbers == list(range(1, len(numbers) + 1)) or not numbers
    model = export_json("model")["roadmap"]["directions"][0]["items"]
    assert sum(1 for i in model if "omit_in_draft" not in i) == 3
    assert "Определен ответственный от департамента образования" in roadmap
    assert "Подписано трехстороннее соглашение" in roadmap


def test_the_handbook_shows_no_draft_beside_the_adopted_number(built):
    page = (built / "build" / "site" / "regions" / "eao" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", page)
    text = re.sub(r"\s+", " ", text).replace(NBSP, " ")
    for m in re.finditer(r"проект", text):
        assert "201" not in text[max(0, m.start() - 80):m.end() + 80], text[max(0, m.start() - 80):m.end() + 80]


# --- layout ---------------------------------------------------------------------------------------

def pdf_words(pdf) -> set[str]:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"[А-Яа-яЁё]+", out))


@pytest.mark.parametrize("region, act", [("irkutsk", "roadmap"), ("irkutsk", "regulation"), ("omsk", "roadmap"),
                                         ("orenburg", "roadmap"), ("eao", "roadmap")])
def test_no_table_header_breaks_inside_a_word(built, region, act):
    """Read the printed page as a reader does: every word of every header is whole in the PDF text."""
    document = open_docx(str(acts(built, region) / f"{act}.docx"))
    words = pdf_words(acts(built, region) / f"{act}.pdf")
    headers = [cell.text for table in document.tables for cell in table.rows[0].cells]
    assert headers
    for header in headers:
        for word in re.findall(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", header):
            # a compound may wrap at its hyphen (pdftotext then joins its parts); a word may not
            parts = word.split("-")
            assert word.replace("-", "") in words or all(p in words for p in parts if len(p) >= 4), \
                (region, act, header, word)


def test_one_paragraph_of_the_source_stays_one_paragraph(built):
    texts = paragraphs(acts(built, "eao") / "network-regulation.docx")
    clause = next(t for t in texts if t.startswith("1.1. Настоящий регламент"))
    assert "разработан в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ" in clause
    assert clause.endswith("в условиях единой образовательной системы Еврейской автономной области.") or \
        "и определяет направления взаимодействия и подчиненность" in clause
    assert not any(t.startswith("методическими рекомендациями") for t in texts)


def test_no_row_numbers_the_source_does_not_have(built):
    document = open_docx(str(acts(built, "irkutsk") / "regulation.docx"))
    indicators = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("№"))
    firsts = [row.cells[0].text.strip() for row in indicators.rows[1:] if len({id(c) for c in row.cells}) > 1]
    assert firsts and all(f == "" for f in firsts)


def test_the_model_keeps_its_appendix_numbers(built):
    regulation = plain(acts(built, "model") / "regulation.docx")
    assert "Приложение № 1 к примерному положению о создании и функционировании региональной системы" in regulation
    assert "Приложение № 2 к примерному положению о создании и функционировании региональной системы" in regulation
    assert regulation.index("Приложение № 1") < regulation.index("Понятия, используемые в Положении") < \
        regulation.index("Приложение № 2")
