"""Fixed words and formulas of the acts, reports and pages rsnms writes.

Everything here is what a reader sees; identifiers stay English. Grammar that the acts
need (the dative and instrumental of an act's kind, the gender of «утвержден…») is data
in :data:`KIND_FORMS`.
"""

from __future__ import annotations

from .formats import plural

# --- acts ---------------------------------------------------------------------------------

# Grammar of act kinds: «настоящего приказа» needs the genitive, a stamp the dative and the
# instrumental case, and the past participle «утвержден…» agrees with the act's gender.
KIND_FORMS = {
    "приказ": {"nom": "приказ", "gen": "приказа", "dat": "приказу", "acc": "приказ", "ins": "приказом",
               "pre": "приказе", "gender": "m"},
    "распоряжение": {"nom": "распоряжение", "gen": "распоряжения", "dat": "распоряжению", "acc": "распоряжение",
                     "ins": "распоряжением", "pre": "распоряжении", "gender": "n"},
    "положение": {"nom": "Положение", "gen": "Положения", "dat": "Положению", "acc": "Положение",
                  "ins": "Положением", "pre": "Положении", "gender": "n"},
    "примерное положение": {"nom": "примерное положение", "gen": "примерного положения", "dat": "примерному положению",
                            "acc": "примерное положение", "ins": "примерным положением", "pre": "примерном положении",
                            "gender": "n"},
    "комплекс мер": {"nom": "Комплекс мер", "gen": "Комплекса мер", "dat": "Комплексу мер", "acc": "Комплекс мер",
                     "ins": "Комплексом мер", "pre": "Комплексе мер", "gender": "m"},
    "дорожная карта": {"nom": "дорожная карта", "gen": "дорожной карты", "dat": "дорожной карте",
                       "acc": "дорожную карту", "ins": "дорожной картой", "pre": "дорожной карте", "gender": "f"},
    "план мероприятий": {"nom": "план мероприятий", "gen": "плана мероприятий", "dat": "плану мероприятий",
                         "acc": "план мероприятий", "ins": "планом мероприятий", "pre": "плане мероприятий",
                         "gender": "m"},
    "регламент": {"nom": "регламент", "gen": "регламента", "dat": "регламенту", "acc": "регламент",
                  "ins": "регламентом", "pre": "регламенте", "gender": "m"},
}
APPROVED = {"m": "УТВЕРЖДЕН", "n": "УТВЕРЖДЕНО", "f": "УТВЕРЖДЕНА"}
ORDER_KIND = "приказ"                  # the kind of an order that does not say
DEFAULT_KIND = "положение"             # the kind of an appendix that does not say
REGULATION_HEADING = "ПОЛОЖЕНИЕ"       # a region's own regulation, no longer «примерное»
STAMP_APPROVED = "утвержден"           # stamp styles of acts.<act>.stamp
STAMP_APPENDIX = "приложение"
OPERATIVE_WORDS = {"приказ": "приказываю", "распоряжение": "обязываю"}
AUTHORITY_SHORT = "РОИВ"               # the model's word for the regional executive authority
NUMBER_SIGN = "№\u00a0"


_PARTICIPLE_ENDINGS = {
    "nom": {"m": "ый", "n": "ое", "f": "ая"}, "gen": {"m": "ого", "n": "ого", "f": "ой"},
    "dat": {"m": "ому", "n": "ому", "f": "ой"}, "acc": {"m": "ый", "n": "ое", "f": "ую"},
    "ins": {"m": "ым", "n": "ым", "f": "ой"}, "pre": {"m": "ом", "n": "ом", "f": "ой"},
}


ATTACHED_ACC = {"m": "прилагаемый", "n": "прилагаемое", "f": "прилагаемую"}   # «Утвердить прилагаемое Положение»


def approved_participle(gender: str, case: str) -> str:
    """«утвержденное», «утвержденным», … agreeing with an act's kind word."""
    return "утвержденн" + _PARTICIPLE_ENDINGS[case][gender]


def abbreviations_clause(kind_forms: dict) -> str:
    """The clause that lists a draft's abbreviations: «В настоящем Положении используются …»."""
    own = "настоящей" if kind_forms["gender"] == "f" else "настоящем"
    return f"В {own} {kind_forms['pre']} используются следующие сокращения:"


def appendix_heading(number: int | None) -> str:
    """«Приложение» or «Приложение № 2»."""
    return "Приложение" + (f" № {number}" if number else "")


def annex_stamp(number: int | None, kind_dat: str) -> str:
    """The stamp of an annex inside an act: «Приложение 2 к Положению»."""
    return "Приложение" + (f" {number}" if number else "") + f" к {kind_dat}"


def introduced(full: str, abbr: str) -> str:
    """The first mention of an abbreviation: «… (далее – ЦНППМ)»."""
    return f"{full} (далее – {abbr})"


def target_note(targets: dict) -> str:
    """«к 2024 году – не менее 30 %; к 2025 году – …» of an indicator's targets."""
    return "; ".join(f"к {year} году – {value}" for year, value in targets.items())


# what a draft does not know yet: descriptions of highlighted placeholders
MISSING = {
    "date": "дата",
    "number": "номер",
    "preamble": "основание издания приказа (преамбула)",
    "place": "место издания",
    "signatory_position": "должность подписывающего",
    "signatory_name": "И.О. Фамилия",
    "deadline": "срок",
    "coordinator": "координатор сетевого взаимодействия",
    "expansion": "полное наименование",
    "approved_acts": "утверждаемые акты",
}


def missing_data(ref: str) -> str:
    return f"данные «{ref}»"


def not_filled(what: str, description: str) -> str:
    """The build's warning about a placeholder left in a document."""
    return f"{what}: не заполнено «{description}»"


FUNCTIONS_LABEL = "Функции:"
FUNCTIONS_CELL = "Функции"
ABBREVIATIONS_TITLE = "Используемые сокращения"
ROADMAP_COLUMNS = [{"key": "num", "title": "№ п/п"},
                   {"key": "activity", "title": "Наименование мероприятия"},
                   {"key": "deadline", "title": "Срок"},
                   {"key": "responsible", "title": "Ответственный исполнитель"}]
DRAFT_COMMENT = "проект"               # core property «comments» of a draft .docx

# --- the system ---------------------------------------------------------------------------

LEVEL_TITLES = {"regional": "Региональный уровень", "municipal": "Муниципальный уровень",
                "institutional": "Институциональный уровень", "federal": "Федеральный уровень"}
ACT_STATUS = {"adopted": "принят", "draft": "проект"}

# --- comparison ---------------------------------------------------------------------------

BLOCK_TITLES = {
    "legal_basis": "Нормативная правовая основа",
    "tasks": "Задачи",
    "principles": "Принципы",
    "approaches": "Подходы",
    "functions": "Функции субъектов",
    "mechanisms": "Механизмы",
    "interaction.subjects": "Предмет взаимодействия",
    "interaction.channels": "Каналы взаимодействия",
    "duties": "Обязанности субъектов",
    "rights": "Права субъектов",
    "indicators": "Показатели",
    "monitoring.methods": "Методы сбора информации",
    "glossary": "Глоссарий",
}
PAIR_STATUS = {"kept": "сохранено", "changed": "изменено", "missing": "нет в регионе",
               "added": "добавлено регионом"}
MATRIX_MARKS = {"kept": "сохранено", "changed": "изменено", "missing": "нет", "na": "не предусмотрено"}
TOTAL = "всего"
NOT_APPLICABLE = "не предусмотрено"
CHECK = "проверить"
# what happened to a unit, as the report and the handbook group them
CATEGORY_MARKS = {"substantive": "изменено по существу", "editorial": "изменено редакционно",
                  "missing": "нет в регионе", "added": "добавлено регионом", "kept": "сохранено"}
SUMMARY_TITLE = "Охват по блокам"
CATEGORY_TITLES = {"substantive": "Изменено по существу", "editorial": "Изменено редакционно (формулировка)",
                   "missing": "Нет в акте региона", "added": "Добавлено регионом", "kept": "Сохранено дословно"}
ROLE_REASONS = {"profile": "указана в профиле", "id": "по профилю", "authority": "орган, издающий акты",
                "names": "по наименованию и функциям", "composite": "составная группа: роль не назначается",
                "kind": "другой вид субъекта", "none": "функции не совпадают"}
NO_ROLE = "— (нет в примерном положении)"


def dissimilar_link(region: str, model: str) -> str:
    """The warning about a link the profile states and the texts do not bear out."""
    return (f"связь с примерным положением указана в профиле, но тексты мало похожи: «{clip(region)}» и "
            f"«{clip(model)}» — проверьте, та ли это единица, или уберите связь")


def clip(text: str, length: int = 90) -> str:
    """The beginning of a long text for a list of decisions."""
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


def share(value: float | None) -> str:
    """«56 %» of a coverage, «не предусмотрено» when the block does not apply, «—» when empty."""
    return "—" if value is None else f"{value * 100:.0f}\u00a0%"


def confidence(score: float) -> str:
    """«0,93» (Russian decimal comma)."""
    return f"{score:.2f}".replace(".", ",")


def role_group(role: str, played_by: list[str]) -> str:
    return f"{role} — в регионе: " + ("; ".join(played_by) if played_by else "такого субъекта нет")


def own_subject_group(subject: str) -> str:
    return f"{subject} — в примерном положении такой роли нет"


def composite_subject(subject: str) -> str:
    return (f"Субъект «{clip(subject)}» — составная группа: роль примерного положения не назначена; "
            "если группа всё же играет одну роль, укажите её в профиле региона")


def uncertain_role(subject: str, role: str, score: float) -> str:
    return (f"Роль субъекта «{clip(subject)}» определена неуверенно ({confidence(score)}): «{clip(role)}» — "
            "подтвердите или укажите другую в профиле региона")


def check_link(block: str, region_ref: str, region: str, model_ref: str, model: str, score: float) -> str:
    return (f"{block}: {region_ref or 'регион'} «{clip(region, 70)}» ↔ примерное положение, {model_ref} "
            f"«{clip(model, 70)}» — сходство {confidence(score)}, проверить")


CANDIDATE = "возможно, это"       # an added unit's closest model unit, in a table cell


def possible_links(counts: dict[str, int]) -> str:
    """The units the region added that may be the model's reworded, counted per block."""
    listed = "; ".join(f"{block.lower()} — {n}" for block, n in counts.items())
    return (f"Добавлены регионом, но похожи на единицы примерного положения (связь не установлена): "
            f"{listed}. Если это переформулировки, укажите связи в профиле региона; в таблицах эти единицы "
            f"отмечены «{CANDIDATE}»")


REPORT_TITLE = "Сравнение с примерным положением"
COMPARED = "С примерным положением сравнивается: "
NOTHING_ADOPTED = ("Регион пока не принял актов системы: сравниваются проекты, составленные по его данным; "
                   "после принятия актов сравнение покажет их.")
NO_REDLINE = ("Положения о региональной системе регион не принимал, поэтому положение с правкой относительно "
              "примерного (режим исправлений) не составляется.")
NOT_APPLICABLE_NOTE = ("Блоки примерного положения, которых в актах такого вида нет, отмечены «не предусмотрено» "
                       "и в охват не входят.")
NOT_APPLICABLE_SECTION = "Не предусмотрено: в сравниваемых актах региона такого блока нет."
NO_SUBSTANTIVE = "Существенных блоков примерного положения в сравниваемых актах нет."
NO_DECISIONS = "Нет: все связи найдены уверенно, роли субъектов определены."
LEGEND = ("Охват — доля единиц примерного положения, которые есть в акте региона (дословно или с изменениями). "
          "Уверенность — сходство текстов (от 0 до 1); ниже 0,60 — «проверить». Удалённые слова зачёркнуты, "
          "добавленные выделены.")


def overall(share_text: str, blocks: list[str]) -> str:
    return f"Охват по существенным блокам ({', '.join(blocks)}): {share_text}"
DECISIONS_TITLE = "Что требует решения"
DECISIONS_ALL = "Что требует решения: полный перечень"


def more_decisions(count: int) -> str:
    return f"…и ещё {count} — см. полный перечень на следующей странице."
MATRIX_TITLE = "Примерное положение по регионам"
MATRIX_INTRO = ("Для каждой единицы примерного положения — есть ли она в акте региона дословно, с изменениями "
                "(по существу или только в формулировке) или её нет; «не предусмотрено» — в актах, которые регион "
                "принял, такого блока нет. Подробности — на страницах сравнения регионов.")
COVERAGE_ROW = "Охват по существенным блокам"
COVERAGE_NOTE = ("задачи, принципы, функции субъектов, механизмы, предмет и каналы взаимодействия, показатели — "
                 "те из них, что есть в актах региона")


def absent_block(count: int) -> str:
    unit = plural(count, "единицы", "единиц", "единиц")     # «из 21 единицы», «из 10 единиц»
    return f"В акте региона этого блока нет: ни одна из {count} {unit} примерного положения не перенесена."
