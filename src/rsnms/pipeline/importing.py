"""``rsnms import``: existing acts → ``regions/ID.yaml`` (and the text as read → ``acts/sources/``).

The files are checked and read (:mod:`rsnms.readers.acts`), the profile is assembled
(:mod:`rsnms.model.importer`), links to the model are proposed by the comparison engine
(:func:`rsnms.compare.align.align`) with their similarity as a comment, and both files are
written only when the profile validates. What went where is printed: acts, units per
block, unplaced lines; then the profile's findings (:func:`findings`: validation warnings and the
linter's findings, each listed). ``--update``
compares an edited rendered act with its profile (:mod:`.roundtrip`).
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..compare.align import align
from ..diagnostics import Diagnostic, InputError
from ..fsutil import write_atomic
from ..lint.finding import Finding, sort_key
from ..lint.output import summary as lint_summary
from ..lint.output import text as lint_text
from ..lint.run import lint_profile
from ..model.catalog import Catalog
from ..model.importer import Imported, import_acts
from ..model.profile import normalize
from ..model.units import iter_leaves, iter_roadmap, iter_subjects, walk_values
from ..project import Project
from ..readers.acts import Source, combine, read_sources
from ..validate import errors_of, validate_file

LINK_MIN = 0.6           # proposals below this similarity are not written
HEADER = ("# yaml-language-server: $schema=profile.schema.json\n"
          "# Черновик профиля, созданный командой rsnms import из {files}.\n"
          "# Проверьте: реквизиты, падежные формы, сокращения (acts, region, authority, abbreviations),\n"
          "# ссылки на примерное положение (model_ref, в комментарии — сходство) и список unplaced.\n")


def findings(project: Project, catalog: Catalog, path: Path) -> tuple[list[Diagnostic], list[Finding]]:
    """What a profile still needs: validation warnings, and the linter's findings in the profile
    (:func:`rsnms.lint.run.lint_profile`; ``rsnms lint ID`` also lints the acts rendered from it)."""
    profile, diagnostics = validate_file(path, catalog)
    if profile is None:
        return diagnostics, []
    linted = lint_profile(catalog, profile, path.relative_to(project.root).as_posix())
    return diagnostics, sorted(set(linted), key=sort_key)


def source_file(project: Project, paths: list[Path], source: Source, region_id: str) -> tuple[str, str | None]:
    """Where the text as read is kept (a path from the root) and the text to write there (None: already there)."""
    if len(paths) == 1 and paths[0].suffix.lower() == ".txt":
        try:
            rel = paths[0].resolve().relative_to(project.root)
            if rel.parts[:2] == ("acts", "sources"):
                return rel.as_posix(), None
        except ValueError:
            pass
    target = project.sources / f"{region_id}.txt"
    text = source.text
    if target.exists() and target.read_text(encoding="utf-8") != text:
        raise InputError([Diagnostic(str(target.relative_to(project.root)), 1, 1, "",
                                     "файл уже есть и содержит другой текст: удалите его или выберите другой "
                                     "идентификатор (--id)")])
    return target.relative_to(project.root).as_posix(), text


def unit_paths(data: dict) -> dict[str, tuple]:
    """Unit id (as normalized) → its path in the profile as written."""
    out = {}
    for path, value in walk_values(normalize(data)):
        if isinstance(value, dict) and isinstance(value.get("id"), str) and path and path[0] in ("system", "roadmap"):
            out.setdefault(value["id"], path)
    return out


def propose_links(data: dict, catalog: Catalog) -> dict[tuple, str]:
    """Write ``model_ref`` where the comparison engine pairs a unit with the model; the comment of each."""
    alignment = align(normalize(data), catalog.model.data)
    paths = unit_paths(data)
    comments: dict[tuple, str] = {}
    for pair in alignment.pairs:
        if not (pair.region and pair.model and pair.score >= LINK_MIN and pair.region.id in paths):
            continue
        path = paths[pair.region.id]
        holder = data
        for key in path[:-1]:
            holder = holder[key]
        value = holder[path[-1]]
        if isinstance(value, str):
            value = holder[path[-1]] = {"text": value}
        value["model_ref"] = pair.model.id
        comments[path] = f"сходство {min(pair.score, 1.0):.2f}"
    for level, spath, subject in iter_subjects(data["system"]):
        role = alignment.subjects.get(subject["id"])
        if role:
            subject["model_ref"] = role
            comments[("system",) + spath] = "роль по наименованию и функциям"
    return comments


def to_yaml(data: dict, comments: dict[tuple, str], header: str) -> str:
    """Block YAML with a comment at the ``model_ref`` of each proposed link."""
    def convert(value, path):
        if isinstance(value, dict):
            out = CommentedMap()
            for k, v in value.items():
                out[k] = convert(v, path + (k,))
            if path in comments and "model_ref" in out:
                out.yaml_add_eol_comment(comments[path], key="model_ref")
            return out
        if isinstance(value, list):
            return CommentedSeq(convert(v, path + (i,)) for i, v in enumerate(value))
        return value

    yaml = YAML()
    yaml.width = 100_000
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(convert(data, ()), buffer)
    return header + buffer.getvalue()


def counts(data: dict) -> list[tuple[str, int]]:
    """Units per block, as the import summary shows them."""
    system = data["system"]
    out = []
    for label, key in (("цель", "goal"), ("задачи", "tasks"), ("принципы", "principles"), ("подходы", "approaches"),
                       ("нормативная основа", "legal_basis"), ("механизмы", "mechanisms"),
                       ("права", "rights"), ("обязанности", "duties"), ("показатели", "indicators"),
                       ("глоссарий", "glossary"), ("разделы вне примерного положения", "chapters")):
        value = system.get(key)
        if value:
            out.append((label, 1 if isinstance(value, str) else len(list(iter_leaves(value)))))
    for label, key in (("предмет взаимодействия", "subjects"), ("каналы взаимодействия", "channels")):
        if system.get("interaction", {}).get(key):
            out.append((label, len(list(iter_leaves(system["interaction"][key])))))
    if system.get("monitoring", {}).get("methods"):
        out.append(("методы мониторинга", len(system["monitoring"]["methods"])))
    for level, entries in system.get("subjects", {}).items():
        out.append((f"субъекты ({level})", len(entries)))
    functions = sum(len(list(iter_leaves(s.get("functions", [])))) for _l, _p, s in iter_subjects(system))
    if functions:
        out.append(("функции субъектов", functions))
    if data.get("roadmap"):
        out.append(("строки дорожной карты", sum(1 for _ in iter_roadmap(data["roadmap"]))))
    return out


def cmd_import(args, project: Project, catalog: Catalog) -> int:
    if args.update:
        from .roundtrip import cmd_update
        return cmd_update(args, project, catalog)
    if not args.id or not re.fullmatch(r"[a-z][a-z0-9_-]*", args.id):
        raise InputError([Diagnostic("rsnms import", 1, 1, "id", "укажите --id: строчные латинские буквы, цифры, "
                                     "«-», «_», первой — буква (например, --id tver)")])
    target = project.profile(args.id)
    if target.exists():
        raise InputError([Diagnostic(str(target.relative_to(project.root)), 1, 1, "",
                                     "профиль уже существует: выберите другой --id, удалите файл или сравните "
                                     "правку с профилем: rsnms import --update " + args.id + " ФАЙЛ")])
    paths = [Path(f) for f in args.files]
    source = combine(read_sources(paths))
    rel, text = source_file(project, paths, source, args.id)
    imported = import_acts(source, args.id, project.federal_subjects, rel, args.name)
    comments = propose_links(imported.data, catalog)
    header = HEADER.format(files=", ".join(p.name for p in paths))
    written = write(project, target, rel, text, to_yaml(imported.data, comments, header), catalog)
    if written is None:
        return 1
    summary(project, imported, comments, target, rel)
    diagnostics, linted = findings(project, catalog, target)
    for d in diagnostics:
        print(d.format(), file=sys.stderr)
    print(f"Замечаний к профилю: {len(diagnostics)} (rsnms validate {args.id}).")
    print(f"Замечания линтера к профилю: {lint_summary(linted)} (rsnms lint {args.id} проверит и собранные акты)"
          + (":" if linted else "."))
    sys.stdout.write(lint_text(linted))
    return 0


def write(project: Project, target: Path, rel: str, text: str | None, yaml_text: str, catalog: Catalog):
    """Both files, or neither: a profile that does not validate is a defect of the importer."""
    source_path = project.root / rel
    if text is not None:
        write_atomic(source_path, text)
    write_atomic(target, yaml_text)
    _profile, diagnostics = validate_file(target, catalog)
    errors = errors_of(diagnostics)
    if errors:
        target.unlink()
        if text is not None:
            source_path.unlink()
        for d in errors:
            print(d.format(), file=sys.stderr)
        print("Профиль не создан: rsnms не смог собрать проверяемый профиль из этих файлов "
              "(это ошибка rsnms — сообщите о ней, приложив файл).", file=sys.stderr)
        return None
    return target


def summary(project: Project, imported: Imported, comments: dict, target: Path, rel: str) -> None:
    data = imported.data
    acts = ", ".join(f"{k} ({a.get('status')})" for k, a in data["acts"].items())
    print(f"Создан профиль {target.relative_to(project.root)}; текст актов, как он прочитан: {rel}")
    print(f"Акты: {acts}")
    print("Единицы по блокам: " + "; ".join(f"{label} — {n}" for label, n in counts(data)))
    links = sum(1 for c in comments.values() if c.startswith("сходство"))
    print(f"Связи с примерным положением (model_ref): {links} единиц, "
          f"{sum(1 for c in comments.values() if not c.startswith('сходство'))} субъектов")
    print(f"Расхождения в тексте (errata): {len(data.get('errata', []))}")
    print(f"Не отнесено ни к одному полю (unplaced): {len(imported.unplaced)}"
          + (" — перечислены в конце профиля со строками файла " + rel if imported.unplaced else ""))
