"""What each command of ``rsnms`` does, given its parsed arguments; the parser is in
:mod:`rsnms.cli`.

Exit codes: 0 — done; 2 — the input is wrong (every problem is printed, one per line,
as ``file:line:column: path: message``, and nothing is written). Messages are Russian.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from ..diagnostics import Diagnostic, InputError
from ..fsutil import write_atomic
from ..lang.formats import times
from ..model.catalog import Catalog
from ..model.profile import MODEL_ID, Profile
from ..model.scaffold import scaffold
from ..model.units import iter_subjects
from ..project import PathProblem, Project
from ..validate import errors_of, validate_file
from ..validate.checks.identity import id_problem
from ..validate.checks.text import problem as text_problem
from ..validate import schema as schema_mod
from ..writers import FORMATS
from ..writers.data import yaml_text
from . import incremental
from .validation import remember, validate_all
# `.build` (the site, compare, numpy: a third of a second) is imported by the commands that build,
# not by validate, export or schema
from .transaction import Transaction


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        print(d.format(), file=sys.stderr)


def profile_paths(project: Project, names: list[str], *, in_regions: bool = False) -> list[Path]:
    """Profiles named by region id or by path; all of ``regions/`` when none are named. A
    profile of ``regions/`` (and, with ``in_regions``, one named by path: what a build writes
    from) must resolve inside ``regions/`` — a symlink out, a loop, a folder or a named pipe
    is a located error."""
    paths, problems = [], []

    def inside(path: Path, shown: str) -> None:
        try:
            project.inside(project.rel(path), project.regions)
        except PathProblem as exc:
            problems.append(Diagnostic(shown, 1, 1, "", f"профиль {exc.reason}"))
        else:
            paths.append(path)

    if not names:
        for region in project.region_ids():
            inside(project.profile(region), project.rel(project.profile(region)))
    for name in names:
        path = Path(name)
        if path.suffix in (".yaml", ".yml"):
            if in_regions:
                inside(path.absolute(), name)
            else:
                paths.append(path)
        elif not re.fullmatch(r"[a-z][a-z0-9_-]*", name) or not os.path.lexists(project.profile(name)):
            known = ", ".join(project.region_ids()) or "нет"
            raise InputError([Diagnostic(name, 1, 1, "", f"регион «{name}» не найден в regions/: "
                                                        f"известны {known}; новый создаётся командой rsnms new")])
        else:
            inside(project.profile(name), project.rel(project.profile(name)))
    if problems:
        raise InputError(problems)
    return paths


def valid_profiles(project: Project, catalog: Catalog, names: list[str],
                   failed: str | None = None, *, in_regions: bool = False) -> list[Profile] | None:
    """The named profiles, validated; None (errors printed, then ``failed``) when any is wrong."""
    profiles, diagnostics, _fresh = validate_all(project, catalog, profile_paths(project, names, in_regions=in_regions))
    errors = errors_of(diagnostics)
    if errors:
        print_diagnostics(errors)
        if failed:
            print(failed, file=sys.stderr)
        return None
    return profiles


def cmd_validate(args, project: Project, catalog: Catalog) -> int:
    profiles, diagnostics, _fresh = validate_all(project, catalog, profile_paths(project, args.regions))
    print_diagnostics(sorted(diagnostics, key=lambda d: (d.file, d.line, d.column)))
    errors = errors_of(diagnostics)
    if errors:
        print(f"Найдено ошибок: {len(errors)}. Исправьте их и запустите проверку снова.", file=sys.stderr)
        return 2
    print(f"Проверено: примерное положение, реестр федеральных актов и профилей — {len(profiles)}; ошибок нет.")
    return 0


def cmd_export(args, project: Project, catalog: Catalog) -> int:
    from .region import ModelWork, RegionWork

    fmt = FORMATS[args.format]
    if args.region == MODEL_ID:
        print(fmt.write(catalog.model if fmt.scope == "profile" else ModelWork(project, catalog)), end="")
        return 0
    profiles = valid_profiles(project, catalog, [args.region])
    if profiles is None:
        return 2
    print(fmt.write(profiles[0] if fmt.scope == "profile" else RegionWork(project, catalog, profiles[0])), end="")
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


def new_arguments(args) -> list[Diagnostic]:
    """What is wrong with the arguments of ``rsnms new``: the id (a file name, not the model's),
    the region's name (Russian, one line, no control characters), the authority's."""
    out = []

    def bad(argument: str, message: str) -> None:
        out.append(Diagnostic("rsnms new", 1, 1, argument, message))

    if not re.fullmatch(r"[a-z][a-z0-9_-]*", args.id):
        bad("ID", "идентификатор региона: строчные латинские буквы, цифры, «-», «_», первой — буква "
                  "(например, tver)")
    elif id_problem(args.id):
        bad("ID", id_problem(args.id))
    for argument, value, limit in (("--name", args.name, 200), ("--authority", args.authority, 500)):
        if value is None:
            continue
        problem = text_problem(value, "name")
        if not value.strip():
            bad(argument, "пустое значение: укажите наименование, например «Тверская область»")
        elif problem:
            bad(argument, problem)
        elif len(value) > limit:
            bad(argument, f"длиннее {limit} символов: укажите официальное наименование")
        elif argument == "--name" and (re.search(r"[A-Za-z]", value) or not re.search(r"[А-Яа-яЁё]", value)):
            bad(argument, f"«{value}»: наименование субъекта РФ пишется по-русски, например «Тверская область»")
    return out


def cmd_new(args, project: Project, catalog: Catalog) -> int:
    problems = new_arguments(args)
    if problems:
        raise InputError(problems)
    args.name = " ".join(args.name.split())
    args.authority = " ".join(args.authority.split()) if args.authority else args.authority
    target = project.profile(args.id)
    if target.exists():
        raise InputError([Diagnostic(str(target.relative_to(project.root)), 1, 1, "",
                                     "профиль уже существует: выберите другой идентификатор или удалите файл")])
    subjects = [s["id"] for _l, _p, s in iter_subjects(catalog.model.data["system"])]
    if args.coordinator and args.coordinator not in subjects:
        raise InputError([Diagnostic("--coordinator", 1, 1, "", f"нет субъекта «{args.coordinator}»: укажите "
                                                                f"один из {', '.join(subjects)}")])
    data = scaffold(args.id, args.name, catalog.model, authority=args.authority, kind=args.kind,
                    coordinator=args.coordinator)
    header = ("# yaml-language-server: $schema=profile.schema.json\n"
              "# Профиль создан командой rsnms new из примерного положения.\n"
              "# Проверьте падежные формы (region.cases, authority.cases) и заполните все [[…]].\n")
    write_atomic(target, yaml_text(data, header))
    _profile, diagnostics = validate_file(target, catalog)
    errors = errors_of(diagnostics)
    if errors:  # a defect of rsnms itself: do not leave a broken profile behind
        target.unlink()
        print_diagnostics(errors)
        return 1
    print(f"Создан профиль {target.relative_to(project.root)}; незаполненных мест: {len(diagnostics)} "
          f"(список — rsnms validate {args.id}).")
    if not args.coordinator:
        print("Кто координирует сетевое взаимодействие субъектов системы? Укажите его в system.coordinator "
              f"(или при создании: --coordinator {' | '.join(subjects)}): без него в проекте регламента "
              "сетевого взаимодействия — незаполненное место.")
    return 0


def build_options(args, project: Project) -> tuple[list[Path], dict]:
    """The profiles a build reads and what it makes of them."""
    names = [n for n in args.regions if n != MODEL_ID]
    with_model = not args.regions or MODEL_ID in args.regions
    paths = profile_paths(project, names, in_regions=True) if names or not args.regions else []
    return paths, dict(with_model=with_model, with_pdf=args.pdf, with_site=not args.regions and not args.no_site)


def build_unchanged(args, project: Project) -> int | None:
    """``rsnms build`` when nothing changed since the last build: told without reading the
    catalog or validating a profile again (their bytes are those the last build validated)."""
    from . import build as build_mod
    paths, options = build_options(args, project)
    output = build_mod.unchanged(project, paths, **options)
    return None if output is None else report_build(project, output)


def cmd_build(args, project: Project, catalog: Catalog) -> int:
    from . import build as build_mod
    paths, options = build_options(args, project)
    profiles, diagnostics, fresh = validate_all(project, catalog, paths, args.jobs)
    errors = errors_of(diagnostics)
    if errors:
        print_diagnostics(errors)
        print("Сборка не выполнена: исправьте ошибки (файлы в build/ не изменены).", file=sys.stderr)
        return 2
    output = build_mod.build(project, catalog, profiles, **options, progress=lambda m: print(m, file=sys.stderr),
                             jobs=args.jobs)
    remember(project, fresh)          # the build committed: its validations are kept for the next runs
    return report_build(project, output)


def report_build(project: Project, output) -> int:
    counts: dict[tuple, int] = {}
    for path, message in output.warnings:
        counts[(rel(project, path), message)] = counts.get((rel(project, path), message), 0) + 1
    for (path, message), n in counts.items():
        print(f"{path}: предупреждение: {message}{f' ({times(n)})' if n > 1 else ''}", file=sys.stderr)
    if output.warnings:
        print(f"Незаполненных мест в проектах актов: {len(output.warnings)} — они выделены в документах; "
              "заполните их в профиле.", file=sys.stderr)
    print_compare_warnings(project, output)
    for rel_path, reason in output.pdf_failures:
        print(f"build/{rel_path}: предупреждение: PDF не создан: {reason} — откройте файл в Word или LibreOffice; "
              "следующая сборка попробует снова", file=sys.stderr)
    if output.tx is None:
        print(f"Изменений нет: {project.build.relative_to(project.root)}/ актуален ({output.unchanged} файлов).")
    else:
        print(f"Собрано файлов: {len(output.written)} в {project.build.relative_to(project.root)}/ "
              f"(без изменений взято из прежней сборки: {len(output.reused)})")
    return 0


def cmd_import(args, project: Project, catalog: Catalog) -> int:
    from .importing import cmd_import as run
    return run(args, project, catalog)


def cmd_fidelity(args, project: Project, catalog: Catalog) -> int:
    from .fidelity import fidelity_table

    profiles = valid_profiles(project, catalog, args.regions)
    if profiles is None:
        return 2
    below = fidelity_table(project, catalog, profiles, args.min, args.diff)
    if below:
        print(f"Ниже порога {args.min}: {below}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args, project: Project, catalog: Catalog) -> int:
    from . import build as build_mod
    from .serve import serve

    profiles = valid_profiles(project, catalog, [])
    if profiles is None:
        return 2
    build_mod.build(project, catalog, profiles, with_site=True, progress=lambda m: print(m, file=sys.stderr))
    serve(project, args.addr, lambda: profile_paths(project, []), print_diagnostics)
    return 0


def print_compare_warnings(project: Project, output) -> None:
    for path, message in output.compare_warnings:
        print(f"{rel(project, path)}: предупреждение: сравнение: {message}", file=sys.stderr)


def cmd_compare(args, project: Project, catalog: Catalog) -> int:
    from . import build as build_mod
    from ..compare.report import FORMATS as COMPARE_FORMATS
    from ..lang.words import TOTAL, share

    if not args.regions and not args.all:
        raise InputError([Diagnostic("rsnms compare", 1, 1, "", "укажите регионы (rsnms compare omsk) "
                                     "или --all для всех")])
    profiles = valid_profiles(project, catalog, [] if args.all else args.regions, in_regions=True)
    if profiles is None:
        return 2
    formats = tuple(args.format or COMPARE_FORMATS)
    with Transaction(project, full=False) as tx:
        run = build_mod.Run.of(project, catalog, profiles, tx, lambda m: print(m, file=sys.stderr), args.jobs)
        build_mod.known_state(run)
        alignments = build_mod.stage_compare(run, formats, len(profiles) > 1 or args.all, args.author)
        if args.author or formats != COMPARE_FORMATS:     # not what a build writes: the next one remakes them
            tx.path(incremental.STATE).unlink(missing_ok=True)
        tx.commit()
    print_compare_warnings(project, run.out)
    for rid, alignment in alignments.items():
        total = alignment.coverage()[TOTAL]
        print(f"{rid}: охват по существенным блокам {share(total['coverage'])} (сохранено {total['kept']}, "
              f"изменено {total['changed']}, нет {total['missing']}, добавлено {total['added']}, "
              f"проверить {total['check']})")
    print(f"Записано файлов: {len(run.out.written)} в {project.build.relative_to(project.root)}/compare/")
    return 0


def cmd_lint(args, project: Project, catalog: Catalog) -> int:
    from .lint import run

    profiles = valid_profiles(project, catalog, [])
    if profiles is None:
        return 2
    return run(project, catalog, args.targets, args.format, profiles)


def rel(project: Project, path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(project.root))
    except ValueError:
        return str(path)
