"""Command line: ``rsnms validate | export | schema | new | build``.

Exit codes: 0 — done; 2 — the input is wrong (every problem is printed, one per line,
as ``file:line:column: path: message``, and nothing is written). Messages are Russian.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import __version__, build as build_mod, export as export_mod, schema as schema_mod
from .diagnostics import Diagnostic, InputError
from .export import yaml_text
from .fsutil import write_atomic
from .project import Project, find_project
from .scaffold import scaffold
from .validate import Catalog, load_catalog, validate_file, validate_files

# argparse's own words, in Russian (argparse looks them up through gettext).
_ARGPARSE_RU = {
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
}
argparse._ = lambda text: _ARGPARSE_RU.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: ошибка: {message}\nПодробнее: {self.prog} --help\n")


def _print(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        print(d.format(), file=sys.stderr)


def _profile_paths(project: Project, names: list[str]) -> list[Path]:
    if not names:
        return [project.profile(r) for r in project.region_ids()]
    paths = []
    for name in names:
        path = Path(name)
        if path.suffix in (".yaml", ".yml"):
            paths.append(path)
        else:
            if not project.profile(name).is_file():
                known = ", ".join(project.region_ids()) or "нет"
                raise InputError([Diagnostic(name, 1, 1, "", f"регион «{name}» не найден в regions/: "
                                                            f"известны {known}; новый создаётся командой rsnms new")])
            paths.append(project.profile(name))
    return paths


def cmd_validate(args, project: Project, catalog: Catalog) -> int:
    paths = _profile_paths(project, args.regions)
    profiles, diagnostics = validate_files(paths, catalog)
    _print(sorted(diagnostics, key=lambda d: (d.file, d.line, d.column)))
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        print(f"Найдено ошибок: {len(errors)}. Исправьте их и запустите проверку снова.", file=sys.stderr)
        return 2
    print(f"Проверено: примерное положение, реестр федеральных актов и профилей — {len(profiles)}; ошибок нет.")
    return 0


def cmd_export(args, project: Project, catalog: Catalog) -> int:
    if args.region == "model":
        print(export_mod.export(catalog.model, args.format), end="")
        return 0
    profiles, diagnostics = validate_files(_profile_paths(project, [args.region]), catalog)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        _print(errors)
        return 2
    print(export_mod.export(profiles[0], args.format), end="")
    return 0


def cmd_schema(args, project: Project, catalog: Catalog) -> int:
    text = schema_mod.dumps(catalog.schema)
    current = project.schema.read_text(encoding="utf-8") if project.schema.is_file() else None
    if args.check:
        if current != text:
            print(f"{project.schema}: схема устарела: выполните rsnms schema", file=sys.stderr)
            return 2
        print("Схема профиля актуальна.")
        return 0
    if current != text:
        write_atomic(project.schema, text)
        print(f"Схема записана: {project.schema.relative_to(project.root)}")
    else:
        print("Схема профиля актуальна.")
    return 0


def cmd_new(args, project: Project, catalog: Catalog) -> int:
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", args.id):
        raise InputError([Diagnostic(args.id, 1, 1, "id", "идентификатор региона: строчные латинские буквы, "
                                                          "цифры, «-», «_», первой — буква (например, tver)")])
    target = project.profile(args.id)
    if target.exists():
        raise InputError([Diagnostic(str(target.relative_to(project.root)), 1, 1, "",
                                     "профиль уже существует: выберите другой идентификатор или удалите файл")])
    data = scaffold(args.id, args.name, catalog.model, authority=args.authority, kind=args.kind)
    header = ("# yaml-language-server: $schema=profile.schema.json\n"
              "# Профиль создан командой rsnms new из примерного положения.\n"
              "# Проверьте падежные формы (region.cases, authority.cases) и заполните все [[…]].\n")
    text = yaml_text(data, header)
    write_atomic(target, text)
    _profile, diagnostics = validate_file(target, catalog)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:  # a defect of rsnms itself: do not leave a broken profile behind
        target.unlink()
        _print(errors)
        return 1
    warnings = len(diagnostics)
    print(f"Создан профиль {target.relative_to(project.root)}; незаполненных мест: {warnings} "
          f"(список — rsnms validate {args.id}).")
    return 0


def cmd_build(args, project: Project, catalog: Catalog) -> int:
    names = [n for n in args.regions if n != "model"]
    with_model = not args.regions or "model" in args.regions
    paths = _profile_paths(project, names) if names or not args.regions else []
    profiles, diagnostics = validate_files(paths, catalog)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        _print(errors)
        print("Сборка не выполнена: исправьте ошибки (файлы в build/ не изменены).", file=sys.stderr)
        return 2
    output = build_mod.build(project, catalog, profiles, with_model=with_model, with_pdf=args.pdf,
                             with_site=not args.regions and not args.no_site,
                             progress=lambda m: print(m, file=sys.stderr))
    counts: dict[tuple, int] = {}
    for path, message in output.warnings:
        counts[(_rel(project, path), message)] = counts.get((_rel(project, path), message), 0) + 1
    for (path, message), n in counts.items():
        print(f"{path}: предупреждение: {message}{f' ({n} раз)' if n > 1 else ''}", file=sys.stderr)
    if output.warnings:
        print(f"Незаполненных мест в проектах актов: {len(output.warnings)} — они выделены в документах; "
              "заполните их в профиле.", file=sys.stderr)
    print(f"Собрано файлов: {len(output.written)} в {project.build.relative_to(project.root)}/")
    return 0


def cmd_fidelity(args, project: Project, catalog: Catalog) -> int:
    from . import compose, docx_writer, fidelity

    paths = _profile_paths(project, args.regions)
    profiles, diagnostics = validate_files(paths, catalog)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        _print(errors)
        return 2
    below = 0
    print(f"{'регион':<10} {'акт':<20} {'сходство':>8} {'слов в акте':>12} {'слов в источнике':>17}")
    for profile in profiles:
        docs = compose.compose_profile(profile.data, catalog.model.data, catalog.drafts)
        rendered_all, source_all = [], []
        for key, doc in docs.items():
            source = profile.data["acts"].get(key, {}).get("source")
            if doc.status != "adopted" or not source:
                continue
            rendered = fidelity.docx_text(docx_writer.render(doc, project.templates))
            original = fidelity.source_text(project.root, source)
            score = fidelity.similarity(rendered, original)
            rendered_all.append(rendered)
            source_all.append(original)
            below += score < args.min
            print(f"{profile.id:<10} {doc.slug:<20} {score:>8.4f} {len(fidelity.tokens(rendered)):>12} "
                  f"{len(fidelity.tokens(original)):>17}{'  < ' + str(args.min) if score < args.min else ''}")
            if args.diff:
                for line in fidelity.diff(rendered, original):
                    print("    " + line)
        if rendered_all:
            score = fidelity.similarity("\n".join(rendered_all), "\n".join(source_all))
            print(f"{profile.id:<10} {'(все принятые акты)':<20} {score:>8.4f}")
    if below:
        print(f"Ниже порога {args.min}: {below}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args, project: Project, catalog: Catalog) -> int:
    """Build, then preview the handbook; a change to profiles, acts, templates or docs/
    rebuilds the pages, and MkDocs reloads the browser."""
    import threading
    import time

    from mkdocs.commands.serve import serve

    def rebuild() -> None:
        try:
            fresh = load_catalog(project)
            profiles, diagnostics = validate_files(_profile_paths(project, []), fresh)
            errors = [d for d in diagnostics if d.severity == "error"]
            if errors:
                _print(errors)
                print("Страницы не обновлены: исправьте ошибки.", file=sys.stderr)
                return
            output = build_mod.Output()
            build_mod.stage_acts(project, fresh, profiles, True, output, lambda m: None)
            alignments = build_mod.stage_compare(project, fresh, profiles, ("md", "json"), False, output,
                                                 lambda m: None)
            build_mod.stage_pages(project, fresh, profiles, alignments, output, lambda m: None)
            print("Страницы обновлены.", file=sys.stderr)
        except InputError as exc:
            _print(exc.diagnostics)

    def snapshot() -> dict:
        roots = [project.regions, project.root / "acts", project.templates, project.root / "docs"]
        return {p: p.stat().st_mtime_ns for r in roots if r.is_dir() for p in r.rglob("*") if p.is_file()}

    def watch() -> None:
        seen = snapshot()
        while True:
            time.sleep(1)
            now = snapshot()
            if now != seen:
                seen = now
                rebuild()

    paths = _profile_paths(project, [])
    profiles, diagnostics = validate_files(paths, catalog)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        _print(errors)
        return 2
    build_mod.build(project, catalog, profiles, with_site=True, progress=lambda m: print(m, file=sys.stderr))
    threading.Thread(target=watch, daemon=True).start()
    print(f"Справочник: http://{args.addr}/ (Ctrl+C — остановить)", file=sys.stderr)
    serve(str(project.config), dev_addr=args.addr, livereload=True)
    return 0


def cmd_compare(args, project: Project, catalog: Catalog) -> int:
    from . import compare as compare_mod

    if not args.regions and not args.all:
        raise InputError([Diagnostic("rsnms compare", 1, 1, "", "укажите регионы (rsnms compare omsk) "
                                     "или --all для всех")])
    paths = _profile_paths(project, [] if args.all else args.regions)
    profiles, diagnostics = validate_files(paths, catalog)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        _print(errors)
        return 2
    formats = tuple(args.format or compare_mod.FORMATS)
    output = build_mod.Output()
    alignments = build_mod.stage_compare(project, catalog, profiles, formats, len(profiles) > 1 or args.all,
                                         output, lambda m: print(m, file=sys.stderr))
    for rid, alignment in alignments.items():
        total = alignment.coverage()["всего"]
        share = f"{total['coverage'] * 100:.0f} %" if total["coverage"] is not None else "—"
        print(f"{rid}: охват примерного положения {share} (сохранено {total['kept']}, изменено "
              f"{total['changed']}, нет {total['missing']}, добавлено {total['added']})")
    print(f"Записано файлов: {len(output.written)} в {project.build.relative_to(project.root)}/compare/")
    return 0


def _rel(project: Project, path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(project.root))
    except ValueError:
        return str(path)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rsnms", description="Региональные системы научно-методического сопровождения: "
                                               "профили, проверка, сборка актов.")
    parser.add_argument("--version", action="version", version=f"rsnms {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="КОМАНДА", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("validate", help="проверить профили регионов (по умолчанию — все)")
    p.add_argument("regions", nargs="*", metavar="РЕГИОН", help="идентификатор региона или путь к .yaml")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="вывести нормализованный профиль (JSON или YAML)")
    p.add_argument("region", metavar="РЕГИОН", help="идентификатор региона, путь к .yaml или model")
    p.add_argument("--format", choices=export_mod.FORMATS, default="json", help="формат вывода")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("schema", help="сгенерировать JSON Schema профиля из примерного положения")
    p.add_argument("--check", action="store_true", help="только проверить, что схема актуальна")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("new", help="создать профиль нового региона из примерного положения")
    p.add_argument("id", metavar="ID", help="идентификатор латиницей, например tver")
    p.add_argument("--name", required=True, help="наименование субъекта РФ, например «Тверская область»")
    p.add_argument("--authority", help="наименование органа управления образованием")
    p.add_argument("--kind", choices=["приказ", "распоряжение"], default="приказ", help="вид акта")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("build", help="проверить профили и собрать всё в build/ (данные, акты .docx)")
    p.add_argument("regions", nargs="*", metavar="РЕГИОН",
                   help="регионы (по умолчанию — все и примерное положение; model — примерное положение)")
    p.add_argument("--pdf", action="store_true", help="добавить PDF каждого акта (нужен LibreOffice)")
    p.add_argument("--no-site", action="store_true", help="не собирать справочник (build/site)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("compare", help="сравнить положения регионов с примерным положением")
    p.add_argument("regions", nargs="*", metavar="РЕГИОН")
    p.add_argument("--all", action="store_true", help="все регионы и сводная таблица")
    p.add_argument("--format", action="append", choices=["docx", "json", "md", "xlsx"],
                   help="что записать (можно несколько раз; по умолчанию всё)")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("serve", help="собрать и показать справочник с автообновлением при правке профилей")
    p.add_argument("--addr", default="127.0.0.1:8000", help="адрес и порт (по умолчанию 127.0.0.1:8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("fidelity", help="насколько точно собранные акты воспроизводят принятые тексты")
    p.add_argument("regions", nargs="*", metavar="РЕГИОН")
    p.add_argument("--min", type=float, default=0.97, help="порог сходства (по умолчанию 0.97)")
    p.add_argument("--diff", action="store_true", help="показать различия по словам")
    p.set_defaults(func=cmd_fidelity)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        project = find_project()
        catalog = load_catalog(project)
        return args.func(args, project, catalog)
    except InputError as exc:
        _print(exc.diagnostics)
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
