"""Every lint rule: a minimal text that triggers it, and a close one that does not."""

from __future__ import annotations

import pytest

from rsnms.lint import RULES, lint
from rsnms.lint.context import Context
from rsnms.lint.readers import from_txt

REGISTRY = [{"id": "r-3273", "number": "3273-р", "date": "2019-12-31",
             "title": "Об утверждении Основных принципов национальной системы профессионального роста"}]
REGION = {"id": "x", "authority": {"short": "Министерство"}, "acts": {"order": {"kind": "распоряжение"}},
          "abbreviations": [{"abbr": "РС НМС", "full": "региональная система научно-методического сопровождения"}]}
MODEL = {"system": {"name": "региональная система научно-методического сопровождения педагогических работников "
                            "и управленческих кадров",
                    "subjects": {"regional": [{"id": "c", "name": "Центр непрерывного повышения профессионального "
                                                              "мастерства педагогических работников"}]}}}
HEAD = "МИНИСТЕРСТВО ОБРАЗОВАНИЯ\n\nПРИКАЗ\n\n07.04.2022 № 26\n\nОб утверждении положения о системе\n\n"
STAMP = "Приложение\nк приказу Министерства\nот {date} № {number}\n\nПОЛОЖЕНИЕ\n\n"
ROWS = "№ п/п\tНаименование мероприятия\tСрок\n"

# rule: (text that triggers it, text that does not, context)
CASES = {
    "requisites.date": (HEAD + STAMP.format(date="04.04.2012", number="26"),
                        HEAD + STAMP.format(date="07.04.2022", number="26"), None),
    "requisites.number": (HEAD + STAMP.format(date="07.04.2022", number="2б"),
                          HEAD + STAMP.format(date="07.04.2022", number="26"), None),
    "requisites.kind": (HEAD + "Контроль за исполнением настоящего распоряжения оставляю за собой.\n",
                        HEAD + "Контроль за исполнением настоящего приказа оставляю за собой.\n", None),
    "requisites.date-invalid": ("Срок – до 31.02.2023.\n", "Срок – до 28.02.2023.\n", None),
    "requisites.date-plausible": (HEAD.replace("07.04.2022", "07.04.2012") + "в соответствии с распоряжением от "
                                  "31.12.2019 № 3273-р и приказом от 01.02.2021 № 37\n",
                                  HEAD + "в соответствии с распоряжением от 31.12.2019 № 3273-р и приказом от "
                                  "01.02.2021 № 37\n", None),
    "numbering.clauses": ("1. Общие положения\n\n1.1. Первый пункт положения.\n\n1.3. Третий пункт положения.\n",
                          "1. Общие положения\n\n1.1. Первый пункт положения.\n\n1.2. Второй пункт положения.\n", None),
    "numbering.items": ("Задачи:\n1) первая задача;\n2) вторая задача;\n4) четвёртая задача.\n",
                        "Задачи:\n1) первая задача;\n2) вторая задача;\n3) третья задача.\n", None),
    "numbering.rows": (ROWS + "1\tПервое\t2023\n2\tВторое\t2023\n4\tЧетвёртое\t2023\n",
                       ROWS + "1\tПервое\t2023\n2\tВторое\t2023\n3\tТретье\t2023\n", None),
    "numbering.unnumbered": (ROWS + "1\tПервое\t2023\n2\tВторое\t2023\n\tТретье мероприятие\t2023\n3\tЧетвёртое\t2023\n",
                             ROWS + "1\tПервое\t2023\n2\tВторое\t2023\n3\tТретье\t2023\n4\tЧетвёртое\t2023\n", None),
    "abbr.undefined": ("Работники ММС проходят обучение.\n",
                       "Муниципальные методические службы (далее – ММС) работают. Работники ММС учатся.\n", None),
    "abbr.unused": ("Центр развития (далее – ЦРО) работает.\n",
                    "Центр развития (далее – ЦРО) работает. ЦРО учит.\n", None),
    "abbr.redefined": ("Центр (далее – ЦРО) работает. ЦРО учит.\n\nЦентр развития (далее – ЦРО) снова. ЦРО.\n",
                       "Центр (далее – ЦРО) работает. ЦРО учит.\n\nЦРО снова учит.\n", None),
    "abbr.variant": ("Центр (далее – ЦНППМ) работает. ЦНППМ учит. ЦНППМ ведёт. ЦНППМ помогает. ЦНПМ отчитывается.\n",
                     "Центр (далее – ЦНППМ) работает. ЦНППМ учит. ЦНППМ ведёт. ЦНППМ помогает. ЦНППМ отчитывается.\n",
                     None),
    "abbr.broken": ("Учреждение (далее – ГАУ ДПО ИРО) работает.\n1\tЗадача\tМО, ГАУ ДПО, ИРО\n",
                    "Учреждение (далее – ГАУ ДПО ИРО) работает.\n1\tЗадача\tМО, ГАУ ДПО ИРО\n", None),
    "abbr.legal-form": ("Обучение по программам, реализуемым ГАОУ ДПО.\n",
                        "Обучение по программам, реализуемым ГАОУ ДПО «Институт развития образования».\n", None),
    "citation.mismatch": ("распоряжение Правительства Российской Федерации от 30.12.2019 № 3273-р\n",
                          "распоряжение Правительства Российской Федерации от 31.12.2019 № 3273-р\n", "registry"),
    "citation.unknown": ("распоряжение Правительства Российской Федерации от 01.02.2020 № 100-р\n",
                         "распоряжение Правительства Российской Федерации от 31.12.2019 № 3273-р\n", "registry"),
    "lang.mixed-script": ("стимулирование аprobации форм работы\n", "стимулирование апробации форм работы\n", None),
    "lang.operative-word": (HEAD + "В целях развития системы призываю:\n",
                            HEAD + "В целях развития системы приказываю:\n", None),
    "lang.repeated-word": ("в в рамках проекта\n", "в рамках проекта\n", None),
    "lang.self-reference": ("РЕГЛАМЕНТ\n\n1. Настоящее Положение определяет порядок.\n",
                            "РЕГЛАМЕНТ\n\n1. Настоящий регламент определяет порядок.\n", None),
    "lang.model-text": ("Положение утверждается распорядительным актом РОИВ.\n",
                        "Положение утверждается распоряжением Министерства.\n", "region"),
    "lang.merged-entries": ("Тьютор – педагог, сопровождающий обучение. Наставник – опытный педагог.\n",
                            "Тьютор – педагог, сопровождающий обучение; он помогает.\n", None),
    "lang.appendix-reference": ("Показатели приведены в приложении 3.\n\nПриложение 1 к Положению\n",
                                "Показатели приведены в приложении 1.\n\nПриложение 1 к Положению\n", None),
    "lang.capitalization": ("с Федеральным оператором; с Федеральным оператором; с Федеральным оператором; "
                            "с Федеральным оператором; с Федеральным оператором; с федеральным оператором\n",
                            "с Федеральным оператором; с Федеральным оператором; с Федеральным оператором; "
                            "с Федеральным оператором; с Федеральным оператором\n", None),
    "lang.spelling": ("организация управлеченческих решений\n", "организация управленческих решений\n", None),
    "lang.agreement": ("школ с низким результатами\n", "школ с низкими результатами\n", None),
    "lang.government": ("работа совместно ГБУ РЦРО\n", "работа совместно с ГБУ РЦРО\n", None),
    "lang.preposition-missing": ("Разработка положения профессиональном сообществе\n",
                                 "Разработка положения о профессиональном сообществе\n", None),
    "lang.fixed-phrase": ("Центр непрерывного профессионального мастерства педагогов\n",
                          "Центр непрерывного повышения профессионального мастерства педагогов\n", "model"),
    "lang.abbreviation-agreement": ("эффективности функционального РС НМС\n",
                                    "эффективности функциональной РС НМС\n", "region"),
    "lang.adverb-for-adjective": ("полноценное и всесторонне научно-методическое сопровождение\n",
                                  "полноценное и всестороннее научно-методическое сопровождение\n", None),
    "lang.collocation": ("развитие профессионального мастерства; " * 10 + "конкурс профессионального мастера\n",
                         "развитие профессионального мастерства; " * 10 + "конкурс профессионального мастерства\n",
                         None),
    "lang.list-case": ("Нормативная правовая основа:\n- Федеральным законом от 29.12.2012 № 273-ФЗ;\n",
                       "Нормативная правовая основа:\n- Федеральный закон от 29.12.2012 № 273-ФЗ;\n", None),
    "typo.quotes": ("проект «Современная школа реализуется\n", "проект «Современная школа» реализуется\n", None),
    "typo.brackets": ("программы (в том числе сетевые реализуются\n", "программы (в том числе сетевые) реализуются\n",
                      None),
    "typo.dash": ("Муниципальные службы (далее - ММС) работают\n", "Муниципальные службы (далее – ММС) работают\n",
                  None),
    "typo.double-marker": ("- 1) разработка программ;\n", "1) разработка программ;\n", None),
    "typo.list-ending": ("Функции:\n- обеспечивает условия.\n- разрабатывает паспорт;\n",
                         "Функции:\n- обеспечивает условия;\n- разрабатывает паспорт.\n", None),
    "typo.hyphenation": ("обеспечивает научно-методи- ческое сопровождение\n",
                         "обеспечивает научно-методическое сопровождение\n", None),
    "typo.hyphen-missing": ("научно-методическое сопровождение и научно методического центра\n",
                            "научно-методическое сопровождение и научно-методического центра\n", None),
    "typo.letter-spacing": ("П Р И К А З\n", "ПРИКАЗ\n", None),
    "table.header": (ROWS + "1\tПервое\t2023\n" + ROWS.replace("Наименование", "Назначение"),
                     ROWS + "1\tПервое\t2023\n" + ROWS, None),
    "table.broken-row": (ROWS + "1\tПервое мероприятие\t2023\n\tпродолжение мероприятия\t\n",
                         ROWS + "1\tПервое мероприятие\t2023\n2\tВторое мероприятие\t2023\n", None),
    "table.merged-heading": (ROWS + "19\tIII. Экспертная деятельность организация экспертизы\t2023\n",
                             ROWS + "III. Экспертная деятельность\t\t\n19\tОрганизация экспертизы\t2023\n", None),
    "table.duplicate-cell": (ROWS + "1\tОрганизация повышения квалификации\tОрганизация повышения квалификации\n",
                             ROWS + "1\tОрганизация повышения квалификации\t2023\n", None),
}
DOCX_ONLY = {"typo.nbsp"}


def context(kind: str | None) -> Context:
    if kind == "registry":
        return Context(registry=REGISTRY)
    if kind == "region":
        return Context(region=REGION)
    if kind == "model":
        return Context(model=MODEL)
    return Context()


def rules_of(text: str, kind: str | None) -> set[str]:
    return {f.rule for f in lint(from_txt(text, "test.txt"), context(kind))}


def test_every_rule_has_a_case():
    assert set(RULES) - DOCX_ONLY == set(CASES)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_triggers_on_its_defect_and_not_on_the_fixed_text(rule):
    bad, good, kind = CASES[rule]
    assert rule in rules_of(bad, kind), rule
    assert rule not in rules_of(good, kind), rule


def test_nbsp_rule_reads_word_documents_only():
    from rsnms.lint.readers import from_docx
    from docx import Document
    import io
    document = Document()
    document.add_paragraph("Приказ № 26, подписал Т.В. Дернова")
    document.add_paragraph("Приказ №\u00a026, подписал Т.В.\u00a0Дернова")
    buffer = io.BytesIO()
    document.save(buffer)
    findings = [f for f in lint(from_docx(buffer.getvalue(), "x.docx"), Context()) if f.rule == "typo.nbsp"]
    assert {f.line for f in findings} == {1}
    assert not [f for f in lint(from_txt("Приказ № 26, подписал Т.В. Дернова\n", "x.txt"), Context())
                if f.rule == "typo.nbsp"]


def test_a_nested_quote_closing_with_the_outer_one_is_a_pair():
    """Russian typography prints one «»» where a nested quote ends with the outer one."""
    merged = "приказ «Об утверждении методик национального проекта «Образование».\n"
    assert "typo.quotes" not in rules_of(merged, None)
    assert "typo.quotes" in rules_of("приказ «Об утверждении методик национального проекта Образование.\n", None)
    assert "typo.quotes" in rules_of("приказ «Об утверждении» методик «национального проекта.\n", None)


def test_two_organisations_with_different_words_are_not_variants_of_one_abbreviation():
    text = ("Институт (далее – ГАУ ДПО) и центр (далее – ГАУ ИО). ГАУ ДПО работает. ГАУ ДПО учит. ГАУ ИО оценивает.\n")
    assert "abbr.variant" not in rules_of(text, None)
    assert "abbr.variant" in rules_of("Центр (далее – ЦНППМ). ЦНППМ работает. ЦНППМ учит. ЦНПМ оценивает.\n", None)


def test_words_in_brackets_ending_with_an_abbreviation_do_not_introduce_it():
    """«(структурное подразделение ЦРО)» names the body ЦРО; only «(ЦРО)» or «(далее – ЦРО)» introduce it."""
    text = "Центр (структурное подразделение ЦРО) работает.\n"
    assert "abbr.unused" not in rules_of(text, None)
    assert "abbr.undefined" in rules_of(text, None)
    assert "abbr.undefined" not in rules_of("Центр развития (ЦРО) работает. ЦРО учит.\n", None)


def test_a_term_of_two_sentences_before_its_dash_is_one_definition():
    """«Методические советы. Методические объединения – …» names two bodies with one definition."""
    text = "Методические советы. Методические объединения педагогов – реализация моделей обучения.\n"
    assert "lang.merged-entries" not in rules_of(text, None)
    assert "lang.merged-entries" in rules_of(text.replace(".\n", ". Наставник – опытный педагог.\n"), None)
