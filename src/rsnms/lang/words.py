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
    "tasks": "Задачи",
    "principles": "Принципы",
    "mechanisms": "Механизмы",
    "interaction.subjects": "Предмет взаимодействия",
    "interaction.channels": "Каналы взаимодействия",
    "indicators": "Показатели",
    "glossary": "Глоссарий",
    "legal_basis": "Нормативная правовая основа",
    "functions": "Функции субъектов",
}
PAIR_STATUS = {"kept": "сохранено", "changed": "изменено", "missing": "нет в регионе",
               "added": "добавлено регионом"}
MATRIX_MARKS = {"kept": "сохранено", "changed": "изменено", "missing": "нет"}
TOTAL = "всего"
