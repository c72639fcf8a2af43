"""Command line: ``rsnms validate | export | schema | new | build | compare | serve | import | fidelity``.

The parser only; what each command does is in :mod:`rsnms.pipeline.commands`. Exit codes:
0 — done; 2 — the input is wrong (every problem printed, one per line, as
``file:line:column: path: message``, and nothing written). Messages are Russian.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .diagnostics import InputError
from .lang.translations import ARGPARSE
from .pipeline import commands
from .project import find_project
from .validate import load_catalog
from .writers import formats

argparse._ = lambda text: ARGPARSE.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: ошибка: {message}\nПодробнее: {self.prog} --help\n")


REGIONS = ("regions", dict(nargs="*", metavar="РЕГИОН", help="идентификатор региона или путь к .yaml"))

# command, help, handler, its arguments (name or flags, argparse options)
COMMANDS = (
    ("validate", "проверить профили регионов (по умолчанию — все)", commands.cmd_validate, [REGIONS]),
    ("export", "вывести нормализованный профиль (JSON, YAML) или акты в Akoma Ntoso", commands.cmd_export, [
        ("region", dict(metavar="РЕГИОН", help="идентификатор региона, путь к .yaml или model")),
        ("--format", dict(choices=[*formats("profile"), *formats("region")], default="json",
                          help="формат вывода (akn — акты в Akoma Ntoso 3.0)"))]),
    ("schema", "сгенерировать JSON Schema профиля из примерного положения", commands.cmd_schema, [
        ("--check", dict(action="store_true", help="только проверить, что схема актуальна"))]),
    ("new", "создать профиль нового региона из примерного положения", commands.cmd_new, [
        ("id", dict(metavar="ID", help="идентификатор латиницей, например tver")),
        ("--name", dict(required=True, help="наименование субъекта РФ, например «Тверская область»")),
        ("--authority", dict(help="наименование органа управления образованием")),
        ("--kind", dict(choices=["приказ", "распоряжение"], default="приказ", help="вид акта"))]),
    ("build", "проверить профили и собрать всё в build/ (данные, акты .docx)", commands.cmd_build, [
        ("regions", dict(nargs="*", metavar="РЕГИОН",
                         help="регионы (по умолчанию — все и примерное положение; model — примерное положение)")),
        ("--pdf", dict(action="store_true", help="добавить PDF каждого акта (нужен LibreOffice)")),
        ("--no-site", dict(action="store_true", help="не собирать справочник (build/site)"))]),
    ("compare", "сравнить положения регионов с примерным положением", commands.cmd_compare, [
        REGIONS,
        ("--all", dict(action="store_true", help="все регионы и сводная таблица")),
        ("--format", dict(action="append", choices=["docx", "json", "md", "xlsx"],
                          help="что записать (можно несколько раз; по умолчанию всё)")),
        ("--author", dict(help="автор исправлений в положении с правкой (по умолчанию — орган управления "
                               "образованием региона)"))]),
    ("serve", "собрать и показать справочник с автообновлением при правке профилей", commands.cmd_serve, [
        ("--addr", dict(default="127.0.0.1:8000", help="адрес и порт (по умолчанию 127.0.0.1:8000)"))]),
    ("lint", "юридико-техническая проверка актов: исходные тексты, профили, собранные акты", commands.cmd_lint, [
        ("targets", dict(nargs="*", metavar="РЕГИОН|ФАЙЛ",
                         help="регион (его профиль и собранные акты), model или файл .txt, .docx, .odt, .pdf; "
                              "по умолчанию — все регионы и примерное положение")),
        ("--format", dict(choices=["text", "json", "sarif"], default="text", help="формат вывода"))]),
    ("import", "прочитать принятые акты (.docx, .odt, .doc, .rtf, .pdf, .txt) в черновик профиля", commands.cmd_import, [
        ("files", dict(nargs="+", metavar="ФАЙЛ", help="акт или несколько файлов одного акта (приказ, приложения)")),
        ("--id", dict(help="идентификатор нового региона латиницей, например tver")),
        ("--name", dict(help="наименование субъекта РФ, если в акте его не видно")),
        ("--update", dict(metavar="РЕГИОН", help="сравнить отредактированный в Word акт с профилем региона")),
        ("--write", dict(action="store_true", help="с --update: внести изменения в профиль"))]),
    ("fidelity", "насколько точно собранные акты воспроизводят принятые тексты", commands.cmd_fidelity, [
        REGIONS,
        ("--min", dict(type=float, default=0.97, help="порог сходства (по умолчанию 0.97)")),
        ("--diff", dict(action="store_true", help="показать различия по словам"))]),
)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rsnms", description="Региональные системы научно-методического сопровождения: "
                                               "профили, проверка, сборка актов.")
    parser.add_argument("--version", action="version", version=f"rsnms {__version__}", help="показать версию и выйти")
    sub = parser.add_subparsers(dest="command", metavar="КОМАНДА", parser_class=_Parser)
    sub.required = True
    for name, help_text, handler, arguments in COMMANDS:
        command = sub.add_parser(name, help=help_text)
        for flag, options in arguments:
            command.add_argument(flag, **options)
        command.set_defaults(func=handler)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        project = find_project()
        catalog = load_catalog(project)
        return args.func(args, project, catalog)
    except InputError as exc:
        commands.print_diagnostics(exc.diagnostics)
        return 2
    except KeyboardInterrupt:
        print("Прервано.", file=sys.stderr)
        return 130
    except BrokenPipeError:   # output piped into `head` and the like: stop quietly
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
