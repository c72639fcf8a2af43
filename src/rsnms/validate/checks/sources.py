"""Source texts a profile cites exist inside ``acts/sources/`` as UTF-8 text, their line
ranges fit, and errata quote them."""

from __future__ import annotations

import re

from ...diagnostics import InputError
from ...project import PathProblem, Project
from ...readers.files import read_text
from .context import Context

MAX_SOURCE = 64 * 2**20     # bytes of a source text (the largest seed: 0.2 MB)


def source_lines(c: Context, path: tuple, written: str) -> list[str] | None:
    """The lines of the source text ``written`` (a path from the root) cited at ``path`` of the
    profile, or None with an error there: outside acts/sources/ (symlinks too), not a file,
    binary or not UTF-8 (with the line of the first bad byte)."""
    if written in c.cache:
        lines, problem = c.cache[written]
    else:
        lines, problem = _read(Project(c.root), written)
        c.cache[written] = lines, problem
    if problem:
        c.error(path, problem)
    return lines


def _read(project: Project, written: str) -> tuple[list[str] | None, str | None]:
    try:
        real = project.inside(written, project.sources)
    except PathProblem as exc:
        return None, f"исходный текст {exc.reason}"
    try:
        text = read_text(real, written, MAX_SOURCE, "исходный текст акта такого размера не бывает")
    except InputError as exc:
        d = exc.diagnostics[0]
        where = f" (строка {d.line})" if d.line > 1 else ""
        return None, f"исходный текст «{written}»{where}: {d.message}"
    return text.splitlines(), None


def sources_exist(c: Context) -> None:
    for i, source in enumerate(c.data.get("sources", [])):
        source_lines(c, ("sources", i), source)


def act_sources(c: Context) -> None:
    for key, act in c.data.get("acts", {}).items():
        source = act.get("source")
        if not source:
            continue
        lines = source_lines(c, ("acts", key, "source", "file"), source["file"])
        if lines is None:
            continue
        total = len(lines)
        if not 1 <= source["first"] <= source["last"] <= total:
            c.error(("acts", key, "source"), f"строки {source['first']}–{source['last']} вне файла "
                                             f"«{source['file']}» (в нём {total} строк) или first > last")
        if act.get("status") != "adopted":
            c.warning(("acts", key, "source"), "source указывается только для принятого акта (status: adopted)")


def errata(c: Context) -> None:
    """The quote stands in the source near the line given."""
    for i, erratum in enumerate(c.data.get("errata", [])):
        lines = source_lines(c, ("errata", i, "source", "file"), erratum["source"]["file"])
        if lines is None:
            continue
        line = erratum["source"]["line"]
        if line > len(lines):
            c.error(("errata", i, "source", "line"),
                    f"строки {line} нет: в «{erratum['source']['file']}» строк {len(lines)}")
            continue
        window = " ".join(lines[max(0, line - 4): line + 3])
        if _squash(erratum["quote"]) not in _squash(window):
            c.error(("errata", i, "quote"), f"цитата не найдена в строках {max(1, line - 3)}–{line + 3} "
                                            f"файла {erratum['source']['file']}: проверьте цитату и номер строки")


def unplaced(c: Context) -> None:
    """A line ``rsnms import`` could not place points into acts/sources/ too."""
    for i, entry in enumerate(c.data.get("unplaced", [])):
        project = Project(c.root)
        try:
            project.inside(entry["source"]["file"], project.sources)
        except PathProblem as exc:
            c.error(("unplaced", i, "source", "file"), f"исходный текст {exc.reason}")


def _squash(text: str) -> str:
    text = re.sub(r"<[^>]+>|\*|\[bookmark:[^\]]*\]", " ", text)
    text = re.sub(r"(\w)-\s+(\w)", r"\1-\2", text)
    return " ".join(text.split()).lower()
