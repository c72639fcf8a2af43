"""Cross-reference checks that a JSON Schema cannot express.

Run on a schema-valid raw profile; each problem is a located Russian diagnostic.
What is checked: the file name matches the id; every id is unique; dates are real
and periods ordered; every abbreviation, subject, act, federal act and data path a
profile refers to exists; each roadmap responsible is a known subject or
abbreviation (a co-executor that is not is a warning); errata point at real lines of real sources and quote them; a region
has its order. Placeholders ``[[…]]`` left in a region's profile are warnings.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Iterator

from .diagnostics import Diagnostic, format_path
from .profile import LEVELS, iter_roadmap, iter_subjects, normalize
from .yamlio import Positions

PLACEHOLDER = re.compile(r"\[\[([^\[\]]+)\]\]")
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")


def _walk(value, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    yield path, value
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _walk(sub, path + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _walk(sub, path + (i,))


def _date_paths(data: dict) -> Iterator[tuple[tuple, str]]:
    for path, value in _walk(data):
        if not path or not isinstance(value, str):
            continue
        last = path[-1]
        if last == "date" and len(path) >= 2 and path[0] == "acts":
            yield path, value
        elif last in ("start", "end") and "period" in path:
            yield path, value


def resolve_data_path(data: dict, ref: str) -> bool:
    node: object = data
    for part in ref.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and any(isinstance(e, dict) and e.get("id") == part for e in node):
            node = next(e for e in node if isinstance(e, dict) and e.get("id") == part)
        else:
            return False
    return True


def check(data: dict, pos: Positions, *, file: Path, root: Path,
          model_functions: set[str] | None = None) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    err = lambda path, msg, **kw: out.append(pos.diagnostic(path, msg, **kw))  # noqa: E731
    is_model = data["id"] == "model"

    if not is_model and data["id"] != file.stem:
        err(("id",), f"идентификатор «{data['id']}» не совпадает с именем файла «{file.stem}»: "
                     f"переименуйте файл в {data['id']}.yaml или исправьте id")
    if not is_model and "order" not in data.get("acts", {}):
        err(("acts",), "нет приказа (acts.order): опишите акт, которым утверждается положение "
                       "(для проекта — status: draft)")

    for i, source in enumerate(data.get("sources", [])):
        if not (root / source).is_file():
            err(("sources", i), f"исходный текст «{source}» не найден: проверьте путь от корня проекта")

    for key, act in data.get("acts", {}).items():
        source = act.get("source")
        if not source:
            continue
        path = root / source["file"]
        if not path.is_file():
            err(("acts", key, "source", "file"), f"исходный текст «{source['file']}» не найден: "
                                                 "проверьте путь от корня проекта")
            continue
        total = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
        if not 1 <= source["first"] <= source["last"] <= total:
            err(("acts", key, "source"), f"строки {source['first']}–{source['last']} вне файла "
                                         f"«{source['file']}» (в нём {total} строк) или first > last")
        if act.get("status") != "adopted":
            err(("acts", key, "source"), "source указывается только для принятого акта (status: adopted)",
                severity="warning")

    # dates are real, periods ordered
    for path, value in _date_paths(data):
        try:
            date.fromisoformat(value)
        except ValueError:
            err(path, f"несуществующая дата «{value}»: проверьте день и месяц")
    for path, value in _walk(data):
        if path and path[-1] == "period" and isinstance(value, dict):
            try:
                if date.fromisoformat(value["start"]) > date.fromisoformat(value["end"]):
                    err(path, f"начало периода {value['start']} позже окончания {value['end']}")
            except (ValueError, KeyError):
                pass  # reported above

    # unique ids
    seen: dict[str, tuple] = {}
    for path, value in _walk(data):
        if path and path[-1] == "id" and len(path) > 1 and isinstance(value, str):
            if value in seen:
                err(path, f"идентификатор «{value}» уже использован ({_fmt(seen[value])}): "
                          "идентификаторы должны быть уникальны")
            else:
                seen[value] = path

    system = data["system"]
    subjects = {s["id"]: s for _l, _p, s in iter_subjects(system)}
    abbreviations: dict[str, tuple] = {}
    for i, abbreviation in enumerate(data.get("abbreviations", [])):
        abbr = abbreviation["abbr"]
        if abbr in abbreviations:
            err(("abbreviations", i, "abbr"), f"сокращение «{abbr}» уже описано: оставьте одно")
        abbreviations[abbr] = ("abbreviations", i)
        target = abbreviation.get("refers_to")
        if target and target not in subjects:
            err(("abbreviations", i, "refers_to"), f"нет субъекта с идентификатором «{target}»: "
                                                   f"известны {_list(subjects)}")

    # roadmap responsible executors
    known = set(subjects) | set(abbreviations) | {s["short"] for s in subjects.values() if "short" in s}
    for path, item, _direction, _group in iter_roadmap(data.get("roadmap", {})):
        # a responsible executor must be a subject; co-executors may be wider groups
        # («региональные методисты»), so an unknown one is only a warning
        for key, severity in (("responsible", "error"), ("co_executors", "warning")):
            for i, who in enumerate(item.get(key, [])):
                name = _PARENTHETICAL.sub("", who).strip()
                if name not in known and not PLACEHOLDER.fullmatch(name):
                    out.append(pos.diagnostic(path + (key, i),
                                              f"исполнитель «{name}» не найден среди субъектов и сокращений: "
                                              "добавьте его в abbreviations или укажите идентификатор субъекта",
                                              severity=severity))

    # acts: appendices, refs
    acts = data.get("acts", {})
    attached: dict[str, str] = {}
    for key, act in acts.items():
        for i, appendix in enumerate(act.get("appendices", [])):
            if appendix not in acts:
                err(("acts", key, "appendices", i), f"приложение «{appendix}» не описано в acts")
            elif appendix == key:
                err(("acts", key, "appendices", i), "акт не может быть приложением к самому себе")
            elif appendix in attached:
                err(("acts", key, "appendices", i), f"«{appendix}» уже приложен к «{attached[appendix]}»")
            else:
                attached[appendix] = key
    for path, value in _walk(data):
        if path and path[-1] == "ref" and isinstance(value, str) and path[0] in ("acts", "system"):
            if not resolve_data_path(data, value):
                err(path, f"путь «{value}» не ведёт к данным профиля: проверьте имена разделов")

    # model references: functions point at model functions
    if model_functions is not None:
        for _level, spath, subject in iter_subjects(system):
            for f, function in enumerate(subject.get("functions", [])):
                ref = function.get("model_ref") if isinstance(function, dict) else None
                if ref and ref not in model_functions:
                    err(("system",) + spath + ("functions", f, "model_ref"),
                        f"«{ref}» — не функция примерного положения")

    # errata: the quote stands in the source near the line given
    for i, erratum in enumerate(data.get("errata", [])):
        source = root / erratum["source"]["file"]
        if not source.is_file():
            err(("errata", i, "source", "file"), f"исходный текст «{erratum['source']['file']}» не найден")
            continue
        lines = source.read_text(encoding="utf-8").splitlines()
        line = erratum["source"]["line"]
        if line > len(lines):
            err(("errata", i, "source", "line"), f"строки {line} нет: в «{erratum['source']['file']}» строк {len(lines)}")
            continue
        window = " ".join(lines[max(0, line - 4): line + 3])
        if _squash(erratum["quote"]) not in _squash(window):
            err(("errata", i, "quote"), f"цитата не найдена в строках {max(1, line - 3)}–{line + 3} "
                                        f"файла {erratum['source']['file']}: проверьте цитату и номер строки")

    # placeholders in a region's profile are facts still to supply
    if not is_model:
        for path, value in _walk(data):
            if isinstance(value, str):
                for match in PLACEHOLDER.finditer(value):
                    out.append(pos.diagnostic(path, f"не заполнено: {match.group(1)}", severity="warning"))

    # deadlines the tool cannot read
    normalized = normalize(data)
    for path, item, _d, _g in iter_roadmap(normalized.get("roadmap", {})):
        if "deadline" in item and "period" not in item and not PLACEHOLDER.search(item["deadline"]):
            out.append(pos.diagnostic(path + ("deadline",),
                                      f"срок «{item['deadline']}» не распознан как период: "
                                      "добавьте period: {start: ГГГГ-ММ-ДД, end: ГГГГ-ММ-ДД}",
                                      severity="warning"))
    return out


def _squash(text: str) -> str:
    text = re.sub(r"<[^>]+>|\*|\[bookmark:[^\]]*\]", " ", text)
    text = re.sub(r"(\w)-\s+(\w)", r"\1-\2", text)
    return " ".join(text.split()).lower()


def _fmt(path: tuple) -> str:
    return format_path(path)


def _list(names) -> str:
    names = sorted(names)
    shown = ", ".join(names[:12])
    return shown + (", …" if len(names) > 12 else "")


__all__ = ["check", "PLACEHOLDER", "LEVELS"]
