"""Fixed words and formulas of the acts, reports and pages rsnms writes.

Everything here is what a reader sees; identifiers stay English. Grammar that the acts
need (the dative and instrumental of an act's kind, the gender of «утвержден…») is data
in :data:`KIND_FORMS`.
"""

from __future__ import annotations

# --- acts ---------------------------------------------------------------------------------

# Grammar of act kinds: «настоящего приказа» needs the genitive, a stamp the dative and the
# instrumental case, and the past participle «утвержден…» agrees with the act's gender.
KIND_FORMS = {
    "приказ": {"gen": "приказа", "dat": "приказу", "ins": "приказом", "gender": "m"},
    "распоряжение": {"gen": "распоряжения", "dat": "распоряжению", "ins": "распоряжением", "gender": "n"},
    "положение": {"gen": "Положения", "dat": "Положению", "ins": "Положением", "gender": "n"},
    "комплекс мер": {"gen": "Комплекса мер", "dat": "Комплексу мер", "ins": "Комплексом мер", "gender": "m"},
    "дорожная карта": {"gen": "дорожной карты", "dat": "дорожной карте", "ins": "дорожной картой", "gender": "f"},
    "план мероприятий": {"gen": "плана мероприятий", "dat": "плану мероприятий", "ins": "планом мероприятий", "gender": "m"},
    "регламент": {"gen": "регламента", "dat": "регламенту", "ins": "регламентом", "gender": "m"},
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
MATRIX_MARKS = {"kept": "сохранено", "changed": "изменено", "missing": "нет"}
TOTAL = "всего"


def dissimilar_link(region: str, model: str) -> str:
    """The warning about a link the profile states and the texts do not bear out."""
    return (f"связь с примерным положением указана в профиле, но тексты мало похожи: «{region[:80]}» и "
            f"«{model[:80]}» — проверьте, та ли это единица, или уберите связь")
