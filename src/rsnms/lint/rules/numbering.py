"""Numbering: clause numbers, list markers and table row numbers run without gaps or repeats,
each level fits its parent, no row is left unnumbered among numbered rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..context import Analysis
from ..finding import ERROR, WARNING
from ..registry import rule
from ..text import Para

_CLAUSE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,4})(\.\s*|\s+)(?=[«\"(А-ЯЁA-Zа-яё*])")
_ITEM = re.compile(r"^\s*(?:[-–—•]\s*)?(\d{1,2})\)\s")
_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})\.?\s*$")


@dataclass
class Entry:
    para: Para
    numbers: tuple[int, ...]
    heading: bool
    offset: int
    written: str


def fmt(numbers: tuple[int, ...]) -> str:
    return ".".join(map(str, numbers)) + "."


def _is_heading(rest: str) -> bool:
    words = rest.split()
    if not words:
        return False
    if rest.isupper() and len(words) <= 16:
        return True
    if rest.rstrip().endswith((";", ":", ",")):
        return False
    if rest.rstrip().endswith("."):
        return len(words) <= 6
    return len(words) <= 14


def clause_entries(paras: list[Para]) -> list[Entry]:
    out = []
    for para in paras:
        m = _CLAUSE.match(para.text)
        if para.row and (not m or not para.cells[0][1][m.end():].strip()):
            continue            # a table row, unless a clause whose line a conversion spaced with tabs
        if not m:
            continue
        numbers = tuple(int(n) for n in m.group(1).split("."))
        if len(numbers) == 1 and not m.group(2).startswith("."):
            continue            # «2023 год», «5 раз»: a number, not a clause
        rest = para.text[m.end():]
        out.append(Entry(para, numbers, _is_heading(rest), m.start(1), m.group(1) + m.group(2).strip()))
    return out


def anomalies(entries: list[Entry], parents: set[tuple] = frozenset()) -> list[tuple[Entry, str, str | None]]:
    """(entry, message, fix) where a hierarchical sequence breaks: a gap, a repeat, a child
    without its parent, a clause one level too high right after its section's heading."""
    out = []
    last: dict[tuple, int] = {}
    seen: set[tuple] = set(parents)
    missing: set[tuple] = set()
    prev: Entry | None = None
    deep = any(len(e.numbers) > 1 for e in entries)
    suspended: list[dict] = []       # outer sequences a list numbered from 1 interrupted
    for e in entries:
        t, parent, n = e.numbers, e.numbers[:-1], e.numbers[-1]
        expected = last.get(parent, 0) + 1
        if not parent and n == 1 and last.get((), 0) >= 1:
            suspended.append(dict(last))
        elif not parent and n != expected and suspended and n == suspended[-1].get((), 0) + 1:
            last = suspended.pop()   # the outer sequence goes on after a list numbered of its own
            expected = n
        if parent and parent not in seen:
            if parent not in missing:
                missing.add(parent)
                before = [x for x in seen if len(x) == len(parent) and x[:-1] == parent[:-1]]
                fix = fmt(max(before) + (n,)) if before else None
                out.append((e, f"пункт {fmt(t)} стоит без пункта {fmt(parent)}: проверьте уровень нумерации", fix))
        elif prev is not None and prev.heading and not e.heading and prev.numbers == t and deep and _adjacent(prev, e):
            out.append((e, f"пункт {fmt(t)} в разделе {fmt(t)}, где пункты нумеруются по разделам: "
                           f"нужен номер {fmt(t + (1,))}", fmt(t + (1,))))
            t = t + (1,)
            parent, n = t[:-1], 1
        elif n == expected or n == 1:
            pass
        elif n == expected - 1:
            out.append((e, f"номер {fmt(t)} повторяет предыдущий: нужен {fmt(parent + (expected,))}",
                        fmt(parent + (expected,))))
        elif n > expected:
            out.append((e, f"после {fmt(parent + (expected - 1,))} идёт {fmt(t)}: пропущен номер "
                           f"{fmt(parent + (expected,))}", fmt(parent + (expected,))))
        else:
            out.append((e, f"номер {fmt(t)} нарушает порядок: ожидался {fmt(parent + (expected,))}",
                        fmt(parent + (expected,))))
        last[parent] = n
        seen.add(t)
        for key in [k for k in last if len(k) > len(t) and k[:len(t)] == t]:
            del last[key]
        prev = e
    return out


def _adjacent(heading: Entry, clause: Entry) -> bool:
    """The clause is the first paragraph after its heading (paragraph lines or indexes in a row)."""
    return 0 < clause.para.line - heading.para.line <= 3


def _split(entries: list[Entry]) -> list[tuple[Entry, str, str | None]]:
    """Headings and clauses as two sequences (clauses numbered through the act, «7.»); a
    clause «1.» right after heading «1.» is one level too high when other sections number
    their clauses «2.1.»."""
    headings = [e for e in entries if e.heading and len(e.numbers) == 1]
    clauses = [e for e in entries if e not in headings]
    out = anomalies(headings) + anomalies(clauses, {e.numbers for e in headings})
    sectioned = any(len(c.numbers) >= 2 and c.numbers[:1] in {h.numbers for h in headings} for c in clauses)
    for prev, e in zip(entries, entries[1:]):
        if sectioned and prev in headings and e in clauses and e.numbers == prev.numbers and _adjacent(prev, e):
            out.append((e, f"пункт {fmt(e.numbers)} в разделе {fmt(e.numbers)}, где пункты нумеруются по "
                           f"разделам: нужен номер {fmt(e.numbers + (1,))}", fmt(e.numbers + (1,))))
    return out


@rule("numbering.clauses", ERROR, "нумерация пунктов: пропуск, повтор, уровень, не подходящий родителю",
      "ссылки «пункт 3.3» и «подпункт 2.2.1» должны вести к единственному пункту",
      "«3.2.» и сразу «3.3.1.»; «1.» в разделе 1, где остальные пункты «2.1.»", scope=("document",))
def clause_numbering(a: Analysis):
    for part in a.structure.parts:
        entries = clause_entries(a.text.paras[part.start:part.end])
        unified, split = anomalies(entries), _split(entries)
        for e, message, fix in (unified if len(unified) <= len(split) else split):
            yield a.text.finding(clause_numbering.rule, e.para, e.offset, e.written, message, fix)


@rule("numbering.items", ERROR, "нумерация подпунктов «1)», «2)»: пропуск или повтор",
      "пропущенный или повторённый подпункт меняет ссылки на перечень", "«1)», «2)», «4)»", scope=("document",))
def item_numbering(a: Analysis):
    last = 0
    for para in a.text.paras:
        if para.row or _CLAUSE.match(para.text) or para.stripped.endswith(":"):
            last = 0
            continue
        m = _ITEM.match(para.text)
        if not m:
            continue
        n = int(m.group(1))
        if last and n not in (last + 1, 1):
            what = "повторяет предыдущий" if n == last else "нарушает порядок"
            yield a.text.finding(item_numbering.rule, para, m.start(1), m.group(1) + ")",
                                 f"подпункт {n}) {what}: ожидался {last + 1})", f"{last + 1})")
        last = n


def _row_number(para: Para) -> int | None:
    first = para.cells[0][1]
    m = _ROW_NUMBER.match(first)
    return int(m.group(1)) if m else None


@rule("numbering.rows", ERROR, "нумерация строк таблицы: пропуск или повтор номера",
      "по номеру строки на мероприятие ссылаются отчёты", "строки 23, 25, 25", scope=("document",))
def row_numbering(a: Analysis):
    for part in a.structure.parts:
        last = 0
        for para in a.text.paras[part.start:part.end]:
            if not para.row:
                continue
            n = _row_number(para)
            if n is None:
                continue
            if last and n not in (last + 1, 1):
                message = (f"номер строки {n} повторяет предыдущий" if n == last else
                           f"после строки {last} идёт {n}: пропущен номер {last + 1}" if n > last else
                           f"номер строки {n} нарушает порядок")
                yield a.text.finding(row_numbering.rule, para, para.cells[0][0], str(n),
                                     message + f": нужен {last + 1}", str(last + 1))
            last = n


@rule("numbering.unnumbered", WARNING, "строка без номера среди пронумерованных строк таблицы",
      "мероприятие без номера нельзя назвать в отчёте; обычно номер потерян",
      "строки «12», «(без номера)», «13»", scope=("document",))
def unnumbered_rows(a: Analysis):
    for part in a.structure.parts:
        rows = [p for p in a.text.paras[part.start:part.end] if p.row]
        numbered = [i for i, p in enumerate(rows) if _row_number(p) is not None]
        if len(numbered) < 3:
            continue
        for i in range(numbered[0] + 1, numbered[-1]):
            para = rows[i]
            cells = [c for _o, c in para.cells]
            filled = [c for c in cells if c.strip()]
            if _row_number(para) is None and not cells[0].strip() and len(filled) >= 2 \
                    and filled[0].strip()[:1].isupper() and not re.match(r"^[IVX]+\.", filled[0].strip()):
                yield a.text.finding(unnumbered_rows.rule, para, 0, filled[0].strip()[:40],
                                     "строка мероприятия без номера среди пронумерованных: присвойте номер "
                                     "или объедините её с предыдущей строкой")
