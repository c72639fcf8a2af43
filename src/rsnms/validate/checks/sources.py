"""Source texts a profile cites exist, their line ranges fit, and errata quote them."""

from __future__ import annotations

import re

from .context import Context


def sources_exist(c: Context) -> None:
    for i, source in enumerate(c.data.get("sources", [])):
        if not (c.root / source).is_file():
            c.error(("sources", i), f"исходный текст «{source}» не найден: проверьте путь от корня проекта")


def act_sources(c: Context) -> None:
    for key, act in c.data.get("acts", {}).items():
        source = act.get("source")
        if not source:
            continue
        path = c.root / source["file"]
        if not path.is_file():
            c.error(("acts", key, "source", "file"), f"исходный текст «{source['file']}» не найден: "
                                                     "проверьте путь от корня проекта")
            continue
        total = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
        if not 1 <= source["first"] <= source["last"] <= total:
            c.error(("acts", key, "source"), f"строки {source['first']}–{source['last']} вне файла "
                                             f"«{source['file']}» (в нём {total} строк) или first > last")
        if act.get("status") != "adopted":
            c.warning(("acts", key, "source"), "source указывается только для принятого акта (status: adopted)")


def errata(c: Context) -> None:
    """The quote stands in the source near the line given."""
    for i, erratum in enumerate(c.data.get("errata", [])):
        source = c.root / erratum["source"]["file"]
        if not source.is_file():
            c.error(("errata", i, "source", "file"), f"исходный текст «{erratum['source']['file']}» не найден")
            continue
        lines = source.read_text(encoding="utf-8").splitlines()
        line = erratum["source"]["line"]
        if line > len(lines):
            c.error(("errata", i, "source", "line"),
                    f"строки {line} нет: в «{erratum['source']['file']}» строк {len(lines)}")
            continue
        window = " ".join(lines[max(0, line - 4): line + 3])
        if _squash(erratum["quote"]) not in _squash(window):
            c.error(("errata", i, "quote"), f"цитата не найдена в строках {max(1, line - 3)}–{line + 3} "
                                            f"файла {erratum['source']['file']}: проверьте цитату и номер строки")


def _squash(text: str) -> str:
    text = re.sub(r"<[^>]+>|\*|\[bookmark:[^\]]*\]", " ", text)
    text = re.sub(r"(\w)-\s+(\w)", r"\1-\2", text)
    return " ".join(text.split()).lower()
