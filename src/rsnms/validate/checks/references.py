"""What a profile refers to exists: abbreviations' subjects, roadmap executors, appendices,
data paths of clauses, functions of the federal model."""

from __future__ import annotations

import re

from ...model.units import MISSING, PLACEHOLDER, iter_roadmap, iter_subjects, lookup, walk_values
from .context import Context

_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")


def _subjects(c: Context) -> dict[str, dict]:
    return {s["id"]: s for _l, _p, s in iter_subjects(c.data["system"])}


def abbreviations(c: Context) -> None:
    subjects = _subjects(c)
    seen: set[str] = set()
    for i, abbreviation in enumerate(c.data.get("abbreviations", [])):
        abbr = abbreviation["abbr"]
        if abbr in seen:
            c.error(("abbreviations", i, "abbr"), f"сокращение «{abbr}» уже описано: оставьте одно")
        seen.add(abbr)
        target = abbreviation.get("refers_to")
        if target and target not in subjects:
            c.error(("abbreviations", i, "refers_to"), f"нет субъекта с идентификатором «{target}»: "
                                                       f"известны {_list(subjects)}")


def coordinator(c: Context) -> None:
    """The network's coordinator is one of the system's subjects; an act of the profile it
    rests on exists."""
    entry = c.data["system"].get("coordinator")
    if not entry:
        return
    subjects = _subjects(c)
    if entry["subject"] not in subjects:
        c.error(("system", "coordinator", "subject"), f"нет субъекта с идентификатором «{entry['subject']}»: "
                                                      f"известны {_list(subjects)}")
    act = (entry.get("basis") or {}).get("act")
    if act and act not in c.data.get("acts", {}):
        c.error(("system", "coordinator", "basis", "act"), f"акта «{act}» нет в acts: укажите принятый акт "
                                                          "или реквизиты (kind, date, number)")


def roadmap_executors(c: Context) -> None:
    """A responsible executor must be a subject; co-executors may be wider groups
    («региональные методисты»), so an unknown one is only a warning."""
    subjects = _subjects(c)
    known = set(subjects) | {a["abbr"] for a in c.data.get("abbreviations", [])} \
        | {s["short"] for s in subjects.values() if "short" in s}
    for path, item, _direction, _group in iter_roadmap(c.data.get("roadmap", {})):
        for key, severity in (("responsible", "error"), ("co_executors", "warning")):
            for i, who in enumerate(item.get(key, [])):
                name = _PARENTHETICAL.sub("", who).strip()
                if name not in known and not PLACEHOLDER.fullmatch(name):
                    c.error(path + (key, i), f"исполнитель «{name}» не найден среди субъектов и сокращений: "
                                             "добавьте его в abbreviations или укажите идентификатор субъекта",
                            severity=severity)


def appendices(c: Context) -> None:
    acts = c.data.get("acts", {})
    attached: dict[str, str] = {}
    for key, act in acts.items():
        for i, appendix in enumerate(act.get("appendices", [])):
            where = ("acts", key, "appendices", i)
            if appendix not in acts:
                c.error(where, f"приложение «{appendix}» не описано в acts")
            elif appendix == key:
                c.error(where, "акт не может быть приложением к самому себе")
            elif appendix in attached:
                c.error(where, f"«{appendix}» уже приложен к «{attached[appendix]}»")
            else:
                attached[appendix] = key


def data_paths(c: Context) -> None:
    for path, value in walk_values(c.data):
        if path and path[-1] == "ref" and isinstance(value, str) and path[0] in ("acts", "system"):
            if value.startswith("derived."):
                from ...compose.facts import NAMES
                if value.split(".", 1)[1] not in NAMES:
                    c.error(path, f"«{value}» — не из фактов, которые rsnms выводит из профиля: "
                                  f"известны {_list('derived.' + n for n in NAMES)}")
            elif lookup(c.data, value, indexes=False, default=MISSING) is MISSING:
                c.error(path, f"путь «{value}» не ведёт к данным профиля: проверьте имена разделов")


def model_functions(c: Context) -> None:
    """Functions point at functions of the model."""
    if c.model_functions is None:
        return
    for _level, spath, subject in iter_subjects(c.data["system"]):
        for f, function in enumerate(subject.get("functions", [])):
            ref = function.get("model_ref") if isinstance(function, dict) else None
            if ref and ref != "none" and ref not in c.model_functions:
                c.error(("system",) + spath + ("functions", f, "model_ref"),
                        f"«{ref}» — не функция примерного положения")


def _list(names) -> str:
    names = sorted(names)
    shown = ", ".join(names[:12])
    return shown + (", …" if len(names) > 12 else "")


def lint_rules(c: Context) -> None:
    """Suppressed lint findings name a rule of the linter."""
    from ...lint import RULES
    import difflib
    for i, entry in enumerate(c.data.get("lint", {}).get("suppress", [])):
        if entry["rule"] not in RULES:
            hint = difflib.get_close_matches(entry["rule"], list(RULES), n=1)
            c.error(("lint", "suppress", i, "rule"), f"нет правила проверки «{entry['rule']}»"
                    + (f": возможно, «{hint[0]}»" if hint else ": список правил — в README, раздел «Проверка актов»"))
