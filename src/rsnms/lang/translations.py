"""Russian for the English of the libraries rsnms uses: argparse's own words, ruamel.yaml's
syntax errors, JSON Schema's type names and the patterns of the profile schema."""

# argparse's own words (argparse looks them up through gettext)
ARGPARSE = {
    "usage: ": "использование: ",
    "positional arguments": "аргументы",
    "options": "параметры",
    "show this help message and exit": "показать эту справку и выйти",
    "the following arguments are required: %s": "не хватает аргументов: %s",
    "unrecognized arguments: %s": "неизвестные аргументы: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "недопустимое значение %(value)r (допустимы: %(choices)s)",
    "expected one argument": "нужно одно значение",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "неоднозначный параметр %(option)s: подходит %(matches)s",
    "show program's version number and exit": "показать версию и выйти",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "ignored explicit argument %r": "у параметра не бывает значения: уберите %r",
    "invalid %(type)s value: %(value)r": "недопустимое значение %(value)r",
    "expected at least one argument": "нужно хотя бы одно значение",
    "expected at most one argument": "нужно не больше одного значения",
    "not allowed with argument %s": "нельзя вместе с %s",
    "one of the arguments %s is required": "нужен один из аргументов %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "неизвестная команда %(parser_name)r (допустимы: "
                                                             "%(choices)s)",
    "can't open '%(filename)s': %(error)s": "не удаётся открыть «%(filename)s»: %(error)s",
    "unexpected option string: %s": "неожиданный параметр: %s",
}
# argparse's words with a number (looked up through ngettext): the form argparse chose
ARGPARSE_PLURAL = {
    "expected %s argument": "нужно значений: %s",
    "expected %s arguments": "нужно значений: %s",
}

# ruamel.yaml's problem texts → Russian, for the common syntax errors
YAML_PROBLEMS = {
    "mapping values are not allowed here": "здесь не может стоять «ключ: значение» (не хватает отступа или кавычек?)",
    "could not find expected ':'": "не найдено ожидаемое двоеточие после ключа",
    "found character '\\t' that cannot start any token": "символ табуляции недопустим: используйте пробелы",
    "expected <block end>, but found '<block sequence start>'": "неверный отступ у элемента списка",
    "expected <block end>, but found '<block mapping start>'": "неверный отступ у ключа",
    "expected <block end>, but found '-'": "неверный отступ у элемента списка «-»",
    "expected <block end>, but found '<scalar>'": "неверный отступ или лишний текст",
    "found unexpected end of stream": "файл обрывается внутри значения (не закрыты кавычки или скобки?)",
    "found undefined alias": "ссылка «*имя» на неопределённый якорь",
    "expected ',' or ']', but got": "в списке […] не хватает запятой или закрывающей скобки",
    "expected ',' or '}', but got": "в словаре {…} не хватает запятой или закрывающей скобки",
    "found unknown escape character": "недопустимая escape-последовательность в строке в двойных кавычках",
    "while scanning a quoted scalar": "не закрыты кавычки",
    "found a tab character where an indentation space is expected": "символ табуляции вместо пробела в отступе",
    "found a tab character that violates indentation": "символ табуляции в отступе: используйте пробелы",
}

# JSON Schema type names, as a profile's author reads them
TYPE_NAMES = {
    "string": "строка", "array": "список", "object": "словарь (поля «ключ: значение»)",
    "integer": "целое число", "number": "число", "boolean": "логическое значение (true/false)",
    "null": "пустое значение",
}

# the profile schema's patterns, explained
PATTERN_MESSAGES = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "дата «{v}» должна быть записана как ГГГГ-ММ-ДД (например, 2023-06-13)",
    "^[a-z][a-z0-9_-]*$": "идентификатор «{v}»: допустимы строчные латинские буквы, цифры, «-» и «_», "
                          "первой — буква",
    "^[a-z][a-z0-9-]*$": "идентификатор «{v}»: допустимы строчные латинские буквы, цифры и «-», первой — буква",
    "^[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*$": "идентификатор «{v}»: допустимы строчные латинские буквы, цифры, "
                                           "«-», «_» и точки между частями",
    "^(system|acts|roadmap|derived)(\\.[a-z0-9_-]+)*$": "путь «{v}» должен начинаться с system., acts., roadmap "
                                                       "или derived. (например, system.tasks)",
    "\\S": "пустой текст: заполните поле или удалите его",
    "^acts/sources/.+": "путь «{v}» должен вести в acts/sources/",
}

# Jinja's messages about a Word template's tags → Russian (the first pattern that matches)
JINJA = (
    (r"Encountered unknown tag '(.+?)'", "неизвестная метка «{0}»"),
    (r"unexpected end of template", "шаблон обрывается внутри метки (не закрыт {{% for %}} или {{% if %}}?)"),
    (r"expected token '(.+?)', got '(.+?)'", "ожидалось «{0}», а стоит «{1}»"),
    (r"Expected an expression, got '(.+?)'", "в метке не хватает выражения (стоит «{0}»)"),
    (r"unexpected '(.+?)'", "неожиданный символ «{0}»"),
    (r"unexpected char '?(.+?)'? at", "неожиданный символ «{0}»"),
    (r"'(.+?)' is undefined", "неизвестное имя «{0}»"),
    (r"'(.+?)' has no attribute '(.+?)'", "у «{0}» нет поля «{1}»"),
    (r"access to attribute '(.+?)' of '(.+?)' object is unsafe", "обращение к «{0}» запрещено"),
    (r"No filter named '(.+?)'", "фильтр «{0}» не допускается"),
    (r"No test named '(.+?)'", "проверка «{0}» не допускается"),
    (r"division by zero|divided by zero|modulo by zero", "деление на ноль"),
    (r"unsupported operand", "действие над значениями разного вида"),
    (r"object is not iterable", "цикл по значению, которое не перечень"),
    (r"maximum recursion depth", "метки вызывают сами себя без конца"),
)


# Jinja's names of the ends of its tags, as a template's author sees them
JINJA_TOKENS = {"end of statement block": "%}", "end of print statement": "}}", "end of template": "конец шаблона",
                "begin of statement block": "{%", "begin of print statement": "{{", "name": "имя"}


def jinja_message(exc: BaseException) -> str:
    """A Jinja (or Python) error while rendering a template, in Russian, without the English."""
    import re

    text = str(getattr(exc, "what", None) or getattr(exc, "message", None) or exc)
    if getattr(exc, "what", None):          # the sandbox's own limits are Russian already
        return text
    for pattern, russian in JINJA:
        m = re.search(pattern, text, re.I)
        if m:
            return russian.format(*(JINJA_TOKENS.get(g, g) for g in m.groups()))
    return "метка не может быть выполнена"
