"""Command line: ``rsnms validate | export | schema | new | build | compare | serve | lint | import | fidelity``.

The parser, and the one top-level handler; what each command does is in
:mod:`rsnms.pipeline.commands`. Exit codes: 0 — done; 2 — the input is wrong (every problem
printed, one per line, as ``file:line:column: path: message``, and nothing written); 1 — the
machine is in the way (no permission, a full disk, an interrupt, no memory, a build already
running) or rsnms itself failed. Messages are Russian; no traceback reaches the user
(``RSNMS_DEBUG=1`` shows it).

The module imports only the standard library and the Russian words at start, and everything
else inside :func:`main`'s handler, so that Ctrl-C while the libraries load is handled too.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys

from . import __version__
from .diagnostics import EnvironmentProblem, InputError, os_problem
from .lang.translations import ARGPARSE, ARGPARSE_PLURAL

argparse._ = lambda text: ARGPARSE.get(text, text)  # type: ignore[attr-defined]
argparse.ngettext = lambda one, many, n: ARGPARSE_PLURAL.get(one if n == 1 else many, one if n == 1 else many)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: ошибка: {message}\nПодробнее: {self.prog} --help\n")


def _share(text: str) -> float:
    """``--min``: a share between 0 and 1 (``0.97``, ``0,97``)."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» — не число: укажите долю от 0 до 1, например 0.97") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text} вне 0…1: укажите долю от 0 до 1, например 0.97")
    return value


REGIONS = ("regions", dict(nargs="*", metavar="РЕГИОН", help="идентификатор региона или путь к .yaml"))


def command_table() -> tuple:
    """(command, help, handler name in :mod:`rsnms.pipeline.commands`, its arguments)."""
    from .writers import formats

    return (
        ("validate", "проверить профили регионов (по умолчанию — все)", "cmd_validate", [REGIONS]),
        ("export", "вывести нормализованный профиль (JSON, YAML) или акты в Akoma Ntoso", "cmd_export", [
            ("region", dict(metavar="РЕГИОН", help="идентификатор региона, путь к .yaml или model")),
            ("--format", dict(choices=[*formats("profile"), *formats("region")], default="json",
                              help="формат вывода (akn — акты в Akoma Ntoso 3.0)"))]),
        ("schema", "сгенерировать JSON Schema профиля из примерного положения", "cmd_schema", [
            ("--check", dict(action="store_true", help="только проверить, что схема актуальна"))]),
        ("new", "создать профиль нового региона из примерного положения", "cmd_new", [
            ("id", dict(metavar="ID", help="идентификатор латиницей, например tver")),
            ("--name", dict(required=True, help="наименование субъекта РФ, например «Тверская область»")),
            ("--authority", dict(help="наименование органа управления образованием")),
            ("--kind", dict(choices=["приказ", "распоряжение"], default="приказ", help="вид акта")),
            ("--coordinator", dict(metavar="СУБЪЕКТ", help="кто координирует сетевое взаимодействие: идентификатор "
                                                          "субъекта примерного положения, например cnppm"))]),
        ("build", "проверить профили и собрать всё в build/ (данные, акты .docx)", "cmd_build", [
            ("regions", dict(nargs="*", metavar="РЕГИОН",
                             help="регионы (по умолчанию — все и примерное положение; model — примерное положение)")),
            ("--pdf", dict(action="store_true", help="добавить PDF каждого акта (нужен LibreOffice)")),
            ("--no-site", dict(action="store_true", help="не собирать справочник (build/site)")),
            ("--jobs", dict(type=int, metavar="N", help="сколько регионов собирать одновременно "
                                                        "(по умолчанию — по числу ядер процессора)"))]),
        ("compare", "сравнить положения регионов с примерным положением", "cmd_compare", [
            REGIONS,
            ("--all", dict(action="store_true", help="все регионы и сводная таблица")),
            ("--format", dict(action="append", choices=["docx", "json", "md", "xlsx"],
                              help="что записать (можно несколько раз; по умолчанию всё)")),
            ("--author", dict(help="автор исправлений в положении с правкой (по умолчанию — орган управления "
                                   "образованием региона)")),
            ("--jobs", dict(type=int, metavar="N", help="сколько регионов собирать одновременно "
                                                        "(по умолчанию — по числу ядер процессора)"))]),
        ("serve", "собрать и показать справочник с автообновлением при правке профилей", "cmd_serve", [
            ("--addr", dict(default="127.0.0.1:8000", help="адрес и порт (по умолчанию 127.0.0.1:8000)"))]),
        ("lint", "юридико-техническая проверка актов: исходные тексты, профили, собранные акты", "cmd_lint", [
            ("targets", dict(nargs="*", metavar="РЕГИОН|ФАЙЛ",
                             help="регион (его профиль и собранные акты), model или файл .txt, .docx, .odt, .pdf; "
                                  "по умолчанию — все регионы и примерное положение")),
            ("--format", dict(choices=["text", "json", "sarif"], default="text", help="формат вывода"))]),
        ("import", "прочитать принятые акты (.docx, .odt, .doc, .rtf, .pdf, .txt) в черновик профиля", "cmd_import", [
            ("files", dict(nargs="+", metavar="ФАЙЛ", help="акт или несколько файлов одного акта (приказ, приложения)")),
            ("--id", dict(help="идентификатор нового региона латиницей, например tver")),
            ("--name", dict(help="наименование субъекта РФ, если в акте его не видно")),
            ("--update", dict(metavar="РЕГИОН", help="сравнить отредактированный в Word акт с профилем региона")),
            ("--write", dict(action="store_true", help="с --update: внести изменения в профиль"))]),
        ("fidelity", "насколько точно собранные акты воспроизводят принятые тексты", "cmd_fidelity", [
            REGIONS,
            ("--min", dict(type=_share, default=0.97, help="порог сходства от 0 до 1 (по умолчанию 0.97)")),
            ("--diff", dict(action="store_true", help="показать различия по словам"))]),
    )


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rsnms", description="Региональные системы научно-методического сопровождения: "
                                               "профили, проверка, сборка актов.")
    parser.add_argument("--version", action="version", version=f"rsnms {__version__}", help="показать версию и выйти")
    sub = parser.add_subparsers(dest="command", metavar="КОМАНДА", parser_class=_Parser)
    sub.required = True
    for name, help_text, handler, arguments in command_table():
        command = sub.add_parser(name, help=help_text)
        for flag, options in arguments:
            command.add_argument(flag, **options)
        command.set_defaults(handler=handler)
    return parser


def _run(argv: list[str] | None) -> int:
    from .pipeline import commands
    from .project import find_project
    from .validate import load_catalog

    args = make_parser().parse_args(argv)
    project = find_project()
    if args.handler == "cmd_build" and (code := commands.build_unchanged(args, project)) is not None:
        return code
    catalog = load_catalog(project)
    code = getattr(commands, args.handler)(args, project, catalog)
    sys.stdout.flush()              # a full disk or a closed pipe is reported here, not at exit
    return code


class Stopped(KeyboardInterrupt):
    """SIGTERM (``kill``, a service manager, a CI time-out) or SIGHUP (the terminal closed):
    stopped as by Ctrl+C — the build rolled back, the lock released, the workers ended."""


def _stop(signum, _frame):
    raise Stopped(signal.Signals(signum).name)


def main(argv: list[str] | None = None) -> int:
    """The one handler: every failure becomes a Russian message and an exit code; SIGTERM and
    SIGHUP stop a command as Ctrl+C does (:class:`Stopped`) while it runs."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return _handled(argv)
    before = {signum: signal.signal(signum, _stop) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return _handled(argv)
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def _handled(argv: list[str] | None) -> int:
    try:
        return _run(argv)
    except InputError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 2
    except EnvironmentProblem as exc:
        return _fail(f"{exc.file}: {exc.message}", 1)
    except Stopped as exc:
        return _fail(f"Остановлено сигналом {exc.args[0]}: build/ и файлы проекта не изменены.", _stopped())
    except KeyboardInterrupt:
        return _fail("Прервано (Ctrl+C): build/ и файлы проекта не изменены.", _stopped())
    except BrokenPipeError:          # output piped into `head` and the like: stop quietly
        _quiet_stdout()
        return 1
    except OSError as exc:
        if _debug():
            raise
        message, code = os_problem(exc)
        return _fail(message, code)
    except MemoryError:
        return _fail("rsnms: не хватило памяти: закройте другие программы или уменьшите входные файлы; "
                     "build/ не изменён", 1)
    except RecursionError:
        return _fail("rsnms: данные вложены слишком глубоко: упростите структуру профиля", 2)
    except SystemExit:
        raise
    except Exception as exc:         # a defect of rsnms: say so, without a traceback
        if _debug():
            raise
        return _fail(_internal(exc), 1)


STOPPED = False     # the last command was stopped (Ctrl+C, SIGTERM, SIGHUP): ``python -m rsnms`` exits ignoring more


def _stopped() -> int:
    """Exit code 1 for a stopped command, remembered in :data:`STOPPED`."""
    global STOPPED
    STOPPED = True
    return 1


def _debug() -> bool:
    return os.environ.get("RSNMS_DEBUG") == "1"


def _fail(message: str, code: int) -> int:
    from .escape import terminal

    _quiet_stdout()
    try:
        print(terminal(message), file=sys.stderr)
    except OSError:
        pass
    return code


def _quiet_stdout() -> None:
    """Output that cannot be written (a closed pipe, a full disk) is dropped, so that Python's
    final flush does not print an English traceback."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _internal(exc: Exception) -> str:
    """A defect of rsnms: where it happened, for the report (RSNMS_DEBUG=1 gives the traceback)."""
    tb = exc.__traceback__
    where = ""
    while tb is not None:
        code = tb.tb_frame.f_code
        if "rsnms" in code.co_filename:
            where = f" ({os.path.basename(code.co_filename)}:{tb.tb_lineno}, {code.co_name})"
        tb = tb.tb_next
    return (f"rsnms: внутренняя ошибка {type(exc).__name__}{where}: {exc}. Это ошибка программы, а не "
            "ваших данных: сообщите разработчикам команду и входные файлы (RSNMS_DEBUG=1 покажет подробности); "
            "build/ не изменён")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
