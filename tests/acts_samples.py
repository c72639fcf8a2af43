"""Synthetic acts for the import tests, laid out unlike the four seeds: a .docx with real Word
automatic numbering («%1.», «%1.%2.», «%3)», bullets, Russian letters), a roadmap table with
its columns in another order, and the same act as .odt and .pdf through LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

TASKS = ["формирование единого научно-методического пространства региона;",
         "выявление профессиональных дефицитов педагогических работников;",
         "развитие наставничества и горизонтального обучения;",
         "распространение эффективных педагогических практик."]
PRINCIPLES = ["открытость и доступность;", "адресность сопровождения;", "непрерывность профессионального развития."]
SUBJECTS = {
    "Министерство образования Тверской области (далее – Министерство), осуществляющее следующие функции:": [
        "утверждает комплекс мер по развитию системы;", "обеспечивает финансирование системы;",
        "проводит мониторинг эффективности системы."],
    "Центр непрерывного повышения профессионального мастерства (далее – ЦНППМ), осуществляющий следующие функции:": [
        "проводит диагностику профессиональных дефицитов;", "разрабатывает индивидуальные образовательные маршруты;"],
}
ROWS = [("В течение 2024 года", "Разработка положения о региональных методистах", "1", "Министерство", "положение утверждено"),
        ("Март 2024 года", "Диагностика профессиональных дефицитов педагогов", "2", "ЦНППМ", "проведена диагностика"),
        ("Ежеквартально", "Семинары для муниципальных координаторов", "3", "ЦНППМ", "проведены семинары")]
HEADER = ("Срок исполнения", "Наименование мероприятия", "№ п/п", "Ответственный исполнитель", "Ожидаемый результат")
NUMBERING = f'''<w:abstractNum {nsdecls("w")} w:abstractNumId="77"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3)"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl>
</w:abstractNum>'''
LETTERS = f'''<w:abstractNum {nsdecls("w")} w:abstractNumId="78"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%1)"/></w:lvl>
</w:abstractNum>'''
ORDER_CLAUSES = f'''<w:abstractNum {nsdecls("w")} w:abstractNumId="79"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>'''


class Act:
    def __init__(self):
        self.doc = Document()
        numbering = self.doc.part.numbering_part.element
        for k, xml in enumerate((NUMBERING, LETTERS, ORDER_CLAUSES)):
            numbering.insert(k, parse_xml(xml))
        for num_id, abstract in ((77, 77), (78, 78), (79, 79), (80, 77)):
            numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                                       + ('<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride>'
                                          if num_id == 80 else "") + '</w:num>'))

    def p(self, text: str, num: int | None = None, level: int = 0):
        para = self.doc.add_paragraph(text)
        if num is not None:
            para._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))
        return para


def synthetic_act(path: Path) -> Path:
    """An order of a region the project does not hold, its regulation (Word automatic numbering)
    and its roadmap (columns in another order), in one .docx."""
    act = Act()
    for text in ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТВЕРСКОЙ ОБЛАСТИ", "Р А С П О Р Я Ж Е Н И Е", "13.03.2024 № 15-р", "г. Тверь",
                 "Об утверждении Положения о региональной системе научно-методического сопровождения педагогических "
                 "работников и управленческих кадров Тверской области",
                 "В целях развития кадрового потенциала системы образования Тверской области обязываю:"):
        act.p(text)
    act.p("Утвердить прилагаемые Положение и план мероприятий («дорожную карту»).", 79)
    act.p("Контроль за исполнением распоряжения оставляю за собой.", 79)
    act.p("Министр образования Тверской области\tИ.И. Иванов")
    for text in ("УТВЕРЖДЕНО", "распоряжением Министерства образования Тверской области", "от 13.03.2024 № 15-р",
                 "ПОЛОЖЕНИЕ", "о региональной системе научно-методического сопровождения педагогических "
                 "работников и управленческих кадров Тверской области"):
        act.p(text)
    act.p("Общие положения", 77, 0)
    act.p("Настоящее Положение определяет цель, задачи и структуру региональной системы научно-методического "
          "сопровождения педагогических работников и управленческих кадров (далее – РСНМС).", 77, 1)
    act.p("Цель, задачи и принципы", 77, 0)
    act.p("Целью РСНМС является повышение профессионального мастерства педагогических работников.", 77, 1)
    act.p("Задачи РСНМС:", 77, 1)
    for task in TASKS:
        act.p(task, 77, 2)
    act.p("Принципами РСНМС являются:", 77, 1)
    for principle in PRINCIPLES:
        act.p(principle, 80, 2)
    act.p("Субъекты РСНМС", 77, 0)
    act.p("Субъекты регионального уровня РСНМС:", 77, 1)
    for heading, functions in SUBJECTS.items():
        act.p(heading, 78, 0)
        for function in functions:
            act.p(function, 77, 3)
    for text in ("Приложение № 2", "к распоряжению Министерства образования Тверской области от 13.03.2024 № 15-р",
                 "ПЛАН МЕРОПРИЯТИЙ", "(«дорожная карта») по развитию РСНМС Тверской области на 2024 год"):
        act.p(text)
    table = act.doc.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, HEADER):
        cell.text = title
    direction = table.add_row().cells
    direction[0].merge(direction[-1]).text = "I. Организационное обеспечение"
    for row in ROWS:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value
    act.doc.save(path)
    return path


def converted(docx: Path, targets: tuple[str, ...] = ("odt", "pdf")) -> dict[str, Path]:
    """The act as .odt and .pdf by LibreOffice (one call per format)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    out = {}
    for target in targets:
        subprocess.run([binary, f"-env:UserInstallation=file://{docx.parent / 'lo-profile'}", "--headless",
                        "--convert-to", target, "--outdir", str(docx.parent), str(docx)],
                       capture_output=True, check=True, timeout=300)
        out[target] = docx.with_suffix(f".{target}")
    return out


def tracked(edited: Path, source: Path, function: str, new_text: str, row_number: str) -> Path:
    """``source`` with one function's text replaced and one roadmap row deleted, as Word's tracked changes."""
    doc = Document(source)
    attrs = 'w:author="Юрист" w:date="2024-05-01T10:00:00Z"'
    for p in doc.paragraphs:
        if function in p.text:
            old = p.text
            for r in list(p._p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r")):
                r.getparent().remove(r)
            p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" {attrs}><w:r><w:delText xml:space="preserve">'
                                  f'{old}</w:delText></w:r></w:del>'))
            p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" {attrs}><w:r><w:t xml:space="preserve">'
                                  f'{new_text}</w:t></w:r></w:ins>'))
            break
    for table in doc.tables:
        for row in table.rows:
            if any(cell.text.strip() == row_number for cell in row.cells):
                tr_pr = row._tr.get_or_add_trPr()
                tr_pr.append(parse_xml(f'<w:del {nsdecls("w")} w:id="3" {attrs}/>'))
                for t in row._tr.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
                    t.tag = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}delText"
                break
    doc.save(edited)
    return edited


# A text act laid out unlike the seeds (a region the project does not hold): sections «Раздел I.»,
# the legal basis inline after «на основании» separated by «;», tasks with «•», subjects and their
# functions in a table of two columns (bullets, «1)» run together in a cell, a row a page cut), a
# table of indicator groups, a roadmap with its deadline before the executor, a row a page cut and
# a row that lost its number cell.
TEXT_ACT = """МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ КАЛУЖСКОЙ ОБЛАСТИ

ПРИКАЗ

15.02.2024 № 112

г. Калуга

Об утверждении Положения о региональной системе научно-методического сопровождения педагогических работников и управленческих кадров Калужской области

В целях развития кадрового потенциала системы образования Калужской области приказываю:

1. Утвердить прилагаемые Положение и план мероприятий («дорожную карту»).

2. Контроль за исполнением приказа оставляю за собой.

Министр А.С. Аникеев

УТВЕРЖДЕНО
приказом министерства образования и науки Калужской области
от 15.02.2024 № 112

ПОЛОЖЕНИЕ
о региональной системе научно-методического сопровождения педагогических работников и управленческих кадров Калужской области

Раздел I. Общие положения

1. Настоящее Положение разработано на основании Федерального закона от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»; распоряжения Министерства просвещения Российской Федерации от 04.02.2021 № Р-33 «Об утверждении методических рекомендаций»; приказа министерства образования и науки Калужской области от 01.09.2023 № 900 и устанавливает порядок функционирования региональной системы (далее – Система).

Раздел II. Цель и задачи

2. Целью Системы является создание условий для непрерывного профессионального развития педагогов.

3. Задачами Системы являются:

• выявление профессиональных дефицитов педагогических работников;
• построение индивидуальных образовательных маршрутов;
• распространение эффективных педагогических практик.

Раздел III. Субъекты Системы и их функции

4. Субъекты Системы и их функции приведены в таблице.

Субъект\tФункции
Региональный уровень\t
Министерство образования и науки Калужской области (далее – Министерство)\t• утверждает план мероприятий; • обеспечивает финансирование Системы; • проводит мониторинг Системы.
Центр непрерывного повышения профессионального мастерства (далее – ЦНППМ)\t1) проводит диагностику профессиональных дефицитов; 2) сопровождает индивидуальные образовательные маршруты.
Муниципальный уровень\t
Муниципальные методические службы\t– участвуют в отборе региональных методистов;

\t– организуют стажировки педагогов.

Раздел IV. Показатели эффективности

Направление\tПоказатели
1. Показатели в области управления Системой:\t• утвержден план мероприятий (к 2024 году – 100 %); • создан региональный методический актив (к 2025 году не менее 50 человек)
2. Показатели в области повышения квалификации:\t• доля педагогов, прошедших диагностику (к 2025 году – не менее 30 %)

Приложение № 2
к приказу министерства образования и науки Калужской области
от 15.02.2024 № 112

ПЛАН МЕРОПРИЯТИЙ
по развитию Системы на 2024 год

№\tМероприятие\tСрок\tОтветственный\tОжидаемый результат
I. Организационное обеспечение\t\t\t\t
1\tРазработка положения о региональных методистах\tмарт 2024 года\tМинистерство\tположение утверждено
2\tОрганизация стажировок педагогов на базе пилотных\tапрель – май 2024 года\tЦНППМ\tпроведены стажировки

\tшкол региона\t\t\t
Проведение семинаров для муниципальных координаторов\tв течение 2024 года\tЦНППМ\tпроведены семинары
3\tДиагностика профессиональных дефицитов педагогов\tежеквартально\tЦНППМ\tпроведена диагностика
"""


def text_act(path: Path) -> Path:
    path.write_text(TEXT_ACT, encoding="utf-8")
    return path
