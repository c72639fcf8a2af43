"""Reading acts: Word's automatic numbering as printed (checked against LibreOffice's own
rendering of the labels), tracked changes accepted, page breaks of a text joined, bad input."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from acts_samples import synthetic_act
from rsnms.diagnostics import InputError
from rsnms.readers.acts import Para, Table, read_sources
from rsnms.readers.acts import text as text_reader


def labels_by_libreoffice(docx: Path) -> list[str]:
    """The list labels LibreOffice prints for a .docx (its XHTML export keeps them)."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{docx.parent / 'lo'}", "--headless", "--convert-to",
                    "html:XHTML Writer File:UTF8", "--outdir", str(docx.parent), str(docx)],
                   check=True, capture_output=True, timeout=300)
    html = docx.with_suffix(".html").read_text(encoding="utf-8")
    return re.findall(r'<span class="ListLabel[^"]*"[^>]*>([^<]*)</span>', html)


def test_automatic_numbering_is_read_as_word_and_libreoffice_print_it(tmp_path):
    docx = synthetic_act(tmp_path / "act.docx")
    source = read_sources([docx])[0]
    ours = [p.text.split(" ", 1)[0] for p in source.blocks if isinstance(p, Para) and p.auto]
    printed = [label for label in labels_by_libreoffice(docx) if label.strip()]
    # numbers exactly; a bullet as a dash (LibreOffice repeats the bullet character in its XHTML)
    assert [x if re.search(r"\w", x) else "–" for x in ours] == \
        [x if re.search(r"\w", x) else "–" for x in printed]
    assert len(ours) >= 20
    texts = [p.text for p in source.blocks if isinstance(p, Para)]
    # levels restart under a new parent, a list restarted with startOverride begins at 1, letters are Russian
    assert "2.2. Задачи РСНМС:" in texts and "3) развитие наставничества и горизонтального обучения;" in texts
    assert "1) открытость и доступность;" in texts
    assert any(t.startswith("б) Центр непрерывного") for t in texts)
    assert "– разрабатывает индивидуальные образовательные маршруты;" in texts


def test_tracked_changes_are_accepted(tmp_path):
    from acts_samples import tracked
    docx = synthetic_act(tmp_path / "act.docx")
    edited = tracked(tmp_path / "edited.docx", docx, "обеспечивает финансирование системы",
                     "обеспечивает финансирование и контроль системы;", "2")
    source = read_sources([edited])[0]
    texts = [p.text for p in source.blocks if isinstance(p, Para)]
    assert "– обеспечивает финансирование и контроль системы;" in texts
    assert not any("обеспечивает финансирование системы" in t for t in texts)
    rows = [r.cells for b in source.blocks if isinstance(b, Table) for r in b.rows]
    assert not any("Диагностика профессиональных дефицитов" in " ".join(r) for r in rows)
    assert any("Семинары для муниципальных координаторов" in " ".join(r) for r in rows)


def test_text_joins_what_a_page_break_cut(tmp_path):
    path = tmp_path / "act.txt"
    path.write_text("2.2. Задачи:\n\n1) выстраивание системы профессионального развития педагогов, выявленных\n\n"
                    "на базе центра;\n\n- Распоряжение Правительства от 31 декабря 2019 года;\n"
                    "- Распоряжение Правительства Российской Федерации «Основные принципы» (с изменениями, внесенными распоряжением\n\n- Правительства от 20 августа 2021 года);\n\n"
                    "п р и к а з ы в а ю :\n\nо создании региональной системы научно-\nметодического сопровождения\n",
                    encoding="utf-8")
    texts = [b.text for b in text_reader.read(path).blocks]
    assert "1) выстраивание системы профессионального развития педагогов, выявленных на базе центра;" in texts
    assert "- Распоряжение Правительства Российской Федерации «Основные принципы» (с изменениями, внесенными " \
        "распоряжением Правительства от 20 августа 2021 года);" in texts
    assert "п р и к а з ы в а ю :" in texts
    assert "о создании региональной системы научно-методического сопровождения" in texts


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name, content, expected", [
    ("empty.docx", b"", "файл пуст"),
    ("act.xlsx", b"PK\x03\x04rest", "не поддерживается"),
    ("broken.docx", b"this is not a zip at all", "повреждён"),
    ("secret.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "защищён паролем"),
    ("broken.pdf", b"%PDF-1.4 garbage", "PDF не читается"),
    ("broken.rtf", b"plain words", "повреждён"),
])
def test_bad_input_is_a_russian_message(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_sources([path])
    assert expected in error.value.diagnostics[0].message
    assert error.value.diagnostics[0].file == str(path)


def test_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    bomb = _zip(tmp_path / "bomb.docx", {"[Content_Types].xml": b"<x/>", "word/document.xml": b"0" * (20 * 2**20)})
    assert bomb.stat().st_size < 2 * 2**20
    with pytest.raises(InputError) as error:
        read_sources([bomb])
    assert "zip-бомб" in error.value.diagnostics[0].message


# --- recognisers on layouts the seed texts do not have

@pytest.mark.parametrize("text, block, items, tail", [
    ("Настоящий регламент разработан в соответствии с Федеральным законом № 273-ФЗ, методическими рекомендациями "
     "(письмо № 2163, приказ № 5) и определяет порядок.", "legal_basis",
     ["Федеральным законом № 273-ФЗ,", "методическими рекомендациями (письмо № 2163, приказ № 5)"],
     "и определяет порядок."),
    ("Положение разработано в соответствии со следующими документами: Федеральный закон № 273-ФЗ; распоряжение "
     "Р-33; приказ № 5.", "legal_basis", ["Федеральный закон № 273-ФЗ;", "распоряжение Р-33;", "приказ № 5."], ""),
    ("Основными задачами Системы являются: развитие наставничества; поддержка молодых педагогов.", "tasks",
     ["развитие наставничества;", "поддержка молодых педагогов."], ""),
])
def test_a_list_inside_a_sentence_is_read_as_units(text, block, items, tail):
    from rsnms.readers.acts.units import inline_list
    found = inline_list(text)
    assert found is not None and (found[0], found[2], found[3]) == (block, items, tail)


@pytest.mark.parametrize("text", [
    "Мониторинг проводится в соответствии с приказом министерства № 5, постановлением правительства № 7.",
    "Деятельность осуществляется в соответствии с планом, утвержденным приказом, и положением о центре.",
    "Центр работает в соответствии с планом работы на год.",
])
def test_a_sentence_citing_acts_is_not_a_list(text):
    from rsnms.readers.acts.units import inline_list
    assert inline_list(text) is None


ROADMAP_TEXT = """ПЛАН МЕРОПРИЯТИЙ

№\tНаименование мероприятия\tОтветственный\tСрок\tРезультат
1\tРазработка положения о методистах\tМинистерство\tмарт 2024 года\tположение
Проведение семинаров для муниципальных координаторов\tЦНППМ\tежеквартально\tпроведены семинары
2\tОрганизация стажировок на базе пилотных\tЦНППМ\tЦНППМ\tапрель 2024 года\tпроведены стажировки

\tшкол региона\t\t\t
\t<p>Конкурс «Педагог года»</p><p>Конкурс «Наставник года»</p>\t<p>ИРО</p><p>ЦНППМ</p>\tмай 2024 года\t<p>победители</p><p>лауреаты</p>
"""


def test_roadmap_rows_a_converter_broke_are_put_back(tmp_path):
    """A row without its number cell, a cell given twice, a row a page cut, two rows run into one."""
    from rsnms.readers.acts import roadmap
    path = tmp_path / "plan.txt"
    path.write_text(ROADMAP_TEXT, encoding="utf-8")
    found = roadmap.read(text_reader.read(path).blocks)
    rows = [(i["activity"], i.get("responsible"), i.get("deadline"), i.get("result"))
            for d in found.directions for i in d["items"]]
    assert rows == [
        ("Разработка положения о методистах", "Министерство", "март 2024 года", "положение"),
        ("Проведение семинаров для муниципальных координаторов", "ЦНППМ", "ежеквартально", "проведены семинары"),
        ("Организация стажировок на базе пилотных школ региона", "ЦНППМ", "апрель 2024 года", "проведены стажировки"),
        ("Конкурс «Педагог года»", "ИРО", "май 2024 года", "победители"),
        ("Конкурс «Наставник года»", "ЦНППМ", "май 2024 года", "лауреаты")]


def test_subjects_and_functions_in_a_word_table_with_automatic_numbering(tmp_path):
    """A Word table «Субъект | Функции»: a level row spanning the table, functions as numbered
    paragraphs of the cell (Word's own bullets)."""
    from acts_samples import Act
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from rsnms.readers.acts.subjects import subjects_from
    act = Act()
    table = act.doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Субъект", "Функции"
    level = table.add_row().cells
    level[0].merge(level[1]).text = "Региональный уровень"
    for name, functions in (("Министерство образования (далее – Министерство)", ["утверждает план;", "финансирует."]),
                            ("Институт развития образования", ["обучает методистов."])):
        row = table.add_row().cells
        row[0].text = name
        for k, function in enumerate(functions):
            para = row[1].paragraphs[0] if k == 0 else row[1].add_paragraph()
            para.text = function
            para._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="3"/><w:numId w:val="77"/></w:numPr>'))
    act.doc.save(tmp_path / "subjects.docx")
    source = read_sources([tmp_path / "subjects.docx"])[0]
    found = subjects_from(source.blocks)
    assert [(s.get("short") or s["name"], s["functions"]) for s in found["regional"]] == [
        ("Министерство", ["утверждает план;", "финансирует."]), ("Институт развития образования", ["обучает методистов."])]
    assert list(found) == ["regional"]


@pytest.mark.parametrize("stamp, kind", [
    ("Приложение № 1\nк приказу министерства образования\nи науки Калужской области\nот 01.02.2024 № 15",
     "regulation"),
    ("УТВЕРЖДЕНО\nраспоряжением Министерства образования\nРеспублики Татарстан\nот 5 марта 2024 года № 101-р",
     "network_regulation"),
    ("УТВЕРЖДЕН приказом департамента образования\n\nЕврейской автономной области от 25.04.2022 № 201",
     "network_regulation"),
    ("Приложение 2\nк приказу Департамента образования и науки\nХанты-Мансийского автономного округа – Югры\n"
     "от 10.01.2024 № 10-П-5", "roadmap"),
])
def test_a_stamp_broken_over_lines_however_keeps_the_act_under_it(tmp_path, stamp, kind):
    from rsnms.readers.acts import parts

    heading = {"regulation": "ПОЛОЖЕНИЕ\nо региональной системе научно-методического сопровождения",
               "network_regulation": "РЕГЛАМЕНТ\nсетевого взаимодействия субъектов региональной системы",
               "roadmap": "КОМПЛЕКС МЕР\nпо созданию региональной системы"}[kind]
    for apart in (False, True):       # the stamp's lines as lines of paragraphs, or each a paragraph (a .docx)
        path = tmp_path / "act.txt"
        lines = stamp.replace("\n\n", "\n").replace("\n", "\n\n") if apart else stamp
        path.write_text(f"{lines}\n\n{heading}\n\n1. Общие положения\n\n1.1. Настоящий акт определяет порядок.\n",
                        encoding="utf-8")
        found = parts.split(text_reader.read(path))
        assert [p.key for p in found] == [kind], apart
        assert parts.REQUISITES.search(found[0].stamp_text) and found[0].stamp_text.endswith(stamp.split("\n")[-1])
        assert found[0].heading.split()[0] == heading.split()[0]
