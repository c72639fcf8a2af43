"""Tables: a repeated header says what the first says, a row is not split across a page
break or merged with a heading, no cell repeats its neighbour."""

from __future__ import annotations

import re

from ..context import Analysis
from ..finding import WARNING
from ..registry import rule
from ..text import Para


def _cells(para: Para) -> list[str]:
    return [c.strip() for _o, c in para.cells]


def _is_header(cells: list[str]) -> bool:
    return bool(cells) and bool(re.match(r"^№(\s*п/п)?$", cells[0]))


@rule("table.header", WARNING, "повторённая шапка таблицы не совпадает с первой",
      "графа таблицы называется одинаково на каждой странице", "«Наименование мероприятия» и «Назначение мероприятия»",
      scope=("document",))
def header(a: Analysis):
    first: list[str] | None = None
    for para in a.text.paras:
        if not para.row:
            continue
        cells = _cells(para)
        if not _is_header(cells):
            continue
        if first is None or len(first) != len(cells):
            first = cells
            continue
        for (offset, _c), mine, theirs in zip(para.cells, cells, first):
            if mine != theirs:
                yield a.text.finding(header.rule, para, offset, mine,
                                     f"графа «{mine}» в повторённой шапке, в первой — «{theirs}»: назовите одинаково",
                                     theirs)


@rule("table.broken-row", WARNING, "строка таблицы разорвана переносом страницы (продолжение предыдущей)",
      "часть мероприятия оказывается в строке без номера и ответственного", "строка «\t3) создание банка …»",
      scope=("document",))
def broken_row(a: Analysis):
    for para in a.text.paras:
        if not para.row:
            continue
        cells = _cells(para)
        filled = [(i, c) for i, c in enumerate(cells) if c]
        starts_mid = lambda c: c[:1].islower() or re.match(r"^\d{1,2}\)", c)  # noqa: E731
        if cells and not cells[0] and filled and (starts_mid(filled[0][1])
                                                  or len(filled) <= 2 and any(starts_mid(c) for _i, c in filled)):
            offset = para.cells[filled[0][0]][0]
            yield a.text.finding(broken_row.rule, para, offset, filled[0][1][:40],
                                 "строка без номера продолжает предыдущую (разрыв страницы): объедините их")


@rule("table.merged-heading", WARNING, "заголовок раздела таблицы слит с текстом строки",
      "направление дорожной карты должно стоять отдельной строкой", "«III. Экспертно-аналитическая деятельность "
      "организация …» в ячейке мероприятия", scope=("document",))
def merged_heading(a: Analysis):
    for para in a.text.paras:
        if not para.row:
            continue
        for offset, cell in para.cells[1:]:
            m = re.match(r"^\s*([IVX]{1,5}\.\s+[А-ЯЁ][^.;:]{3,80}?)\s+([а-яё]+\s)", cell)
            if m and re.match(r"^\s*\d", para.cells[0][1]):
                yield a.text.finding(merged_heading.rule, para, offset + m.start(1), m.group(1),
                                     f"заголовок «{m.group(1)}» слит с мероприятием: вынесите его в отдельную строку")


@rule("table.duplicate-cell", WARNING, "ячейка повторяет соседнюю", "повтор сдвигает графы: срок и исполнитель "
      "оказываются не в своих графах", "«Организация повышения квалификации …» дважды в строке", scope=("document",))
def duplicate_cell(a: Analysis):
    for para in a.text.paras:
        if not para.row or not re.match(r"^\s*\d{1,3}\.?\s*$", para.cells[0][1]):
            continue        # a numbered row: its cells have fixed meanings, a repeat shifts them
        cells = para.cells
        for (o1, c1), (o2, c2) in zip(cells, cells[1:]):
            x, y = c1.strip(), c2.strip()
            if len(x) >= 15 and (x == y or (len(y) >= 15 and (x.startswith(y) or y.startswith(x)))):
                yield a.text.finding(duplicate_cell.rule, para, o2, y[:40],
                                     "ячейка повторяет соседнюю: уберите повтор и проверьте графы строки")
