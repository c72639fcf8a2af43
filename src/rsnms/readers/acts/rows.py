"""Table rows as a converter left them, put right before a roadmap reads them.

A PDF or a text converted from one loses what a table's grid said: a cell merged across
columns comes out once and the cells after it move left, or its text comes out twice; the
rows a page cut in two come out as two rows; rows whose cells had no ruling between them
come out as one row holding several activities. What is done here uses what the cells
say, not where a converter put them:

- :func:`grid` — a Word row's cells by the columns of its grid (a cell spanning two stands
  in the first);
- :func:`aligned` — the deadline is the one cell every row has that reads as a date or a
  period; when it stands left or right of its column, the cells are moved back (empty
  cells put in after the activity, or empty or repeated ones taken out); :func:`fitted` —
  never more cells than columns, and nothing dropped;
- :func:`carried` — the end of the row before's activity standing in this row's activity
  cell, this row's own activity in the next;
- :func:`spanning_activity` — the activity repeated in part in the next column: one cell
  spanning both, the activity;
- :func:`unfinished` — a cell text that goes on in the next row: an open quote or
  bracket, a final comma, or a last word that cannot end a phrase (an adjective, a
  preposition, a conjunction);
- :func:`split_row` — one row holding several activities: paragraphs of the activity's
  cell that each start a sentence while another cell has several paragraphs too, or an
  activity cell running several names together while another cell repeats one name as
  many times («министерство образования министерство образования …»);
- :func:`phrase_end` — a direction's title run into the activity after it.

Nothing here knows a region's wording: the signals are dates, punctuation, capital letters,
repetition, and the grammar of the last or first word (pymorphy3 through :mod:`rsnms.lang.morph`).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

DEADLINE_START = re.compile(
    r"^(?:\d|[IVX]+\s+(?:квартал|полугоди)|январ|феврал|март|апрел|ма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|"
    r"декабр|в\s+течение|ежегод|ежекварт|ежемесяч|еженедел|постоянно|на\s+постоянной|по\s+мере|по\s+графику|"
    r"до\s|не\s+позднее|не\s+реже|раз\s+в|в\s+срок|весь\s+период|в\s+(?:[IVX]+|\d)\s+(?:квартал|полугоди))", re.I)
_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_OPEN_END = {"ADJF", "PRTF", "PREP", "CONJ"}


def deadline_like(text: str) -> bool:
    """A short text that starts as a deadline does: a month, a year, «в течение …», «ежегодно» …"""
    text = text.strip()
    return bool(text) and len(text.split()) <= 15 and bool(DEADLINE_START.match(text))


def goes_on(text: str, more: str) -> int:
    """How well ``more`` continues ``text``: 2 — it closes a quote or bracket ``text`` left open,
    1 — ``text`` is unfinished, 0 — not at all."""
    opened = text.count("«") > text.count("»") or text.count("(") > text.count(")")
    closes = more.count("»") > more.count("«") or more.count(")") > more.count("(")
    return 2 if opened and closes else 1 if unfinished(text) else 0


def unfinished(text: str) -> bool:
    """The text stops in the middle of a phrase (a page or a column cut it)."""
    from ...lang.morph import best_parse
    text = text.strip()
    if not text:
        return False
    if text.count("«") > text.count("»") or text.count("(") > text.count(")") or text.endswith((",", "-", ":")):
        return True
    words = _WORD.findall(text)
    return bool(words) and bool(_OPEN_END & set(best_parse(words[-1].lower()).tag.grammemes)) \
        and not text.endswith((".", ";", ")", "»"))


def phrase_end(text: str) -> tuple[str, str] | None:
    """A title run into the text after it («Экспертно-аналитическая деятельность организация …»):
    (the title, the rest), split where a noun in the nominative follows another in lower case."""
    words = text.split(" ")
    for i in range(2, min(len(words), 12)):
        if words[i][:1].islower() and _nominative_noun(words[i - 1]) and _nominative_noun(words[i]):
            return " ".join(words[:i]), " ".join(words[i:])
    return None


def _nominative_noun(word: str) -> bool:
    from ...lang.morph import analyzer
    return any({"NOUN", "nomn"} <= set(p.tag.grammemes) for p in analyzer().parse(word.lower().strip(",.:;")))


def lowercase_start(text: str) -> bool:
    return text.strip()[:1].islower()


def paragraphs(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("\n") if p.strip()]


def activity_like(text: str) -> bool:
    return sum(1 for w in text.split() if re.search("[а-яё]", w)) >= 3


def name_like(text: str, known: set[str]) -> bool:
    """A cell naming who does it: a name the table gives elsewhere, or abbreviations («НМЦ ОГПУ»)."""
    text = " ".join(text.split())
    words = re.findall(r"[А-ЯЁа-яёA-Za-z]+", text)
    return bool(text) and (text.lower() in known or bool(words) and all(w.isupper() for w in words))


def grid(row, values: list | None = None, fill="") -> list:
    """A row's cells (or ``values`` given per cell, such as its merge flags) by the columns of the
    table's grid: a cell spanning several columns (a Word table's gridSpan) stands in the first of
    them, ``fill`` in the others."""
    values = list(row.cells if values is None else values)
    if not row.spans or all(span == 1 for span in row.spans):
        return values
    out: list = []
    for value, span in zip(values, row.spans):
        out += [value] + [fill] * (max(span, 1) - 1)
    return out


def aligned(cells: list[str], keys: list[str], known: set[str] = frozenset()) -> list[str]:
    """The cells of a row under the columns they belong to, the deadline its anchor; ``known``: the
    names (lower case) the table's columns of executors hold."""
    n = len(keys)
    cells = list(cells)
    while len(cells) > n and not cells[-1].strip():
        cells.pop()
    if "deadline" not in keys or "activity" not in keys:
        return fitted(cells, n)
    a, d = keys.index("activity"), keys.index("deadline")
    p = next((k for k, c in enumerate(cells) if (k > a or k == a and a and activity_like(cells[a - 1]))
              and deadline_like(c)), None)
    at_d = cells[d] if d < len(cells) else ""
    if d <= a or p is None or p == d or deadline_like(at_d) and at_d != cells[p]:
        return fitted(cells, n)
    moved = _right(cells, a, p, d, known) if p < d else _left(cells, a, p, d)
    if moved is None:
        return fitted(cells, n)
    return fitted(_trim(moved, d, n), n)


def fitted(cells: list[str], n: int) -> list[str]:
    """No more cells than columns: empty ones taken out from the right, then what is still over
    joined to the last column (nothing is dropped)."""
    cells = list(cells)
    for k in range(len(cells) - 1, -1, -1):
        if len(cells) <= n:
            break
        if not cells[k].strip():
            del cells[k]
    if len(cells) > n:
        cells = cells[:n - 1] + [" ".join(c for c in cells[n - 1:] if c.strip())]
    return cells


def _right(cells: list[str], a: int, p: int, d: int, known: set[str]) -> list[str] | None:
    """Empty cells put in: before the activity when it stands left of its column (a name stands in
    the activity's column), then after it."""
    if 0 < a < len(cells) and name_like(cells[a], known) and cells[a - 1].strip():
        i = a - 1
    else:
        i = max((k for k in range(min(p, a + 1)) if activity_like(cells[k])), default=None)
    if i is None:
        return None
    front = max(0, a - i)
    cells = [""] * front + cells
    i, p = i + front, p + front
    return cells[:i + 1] + [""] * (d - p) + cells[i + 1:]


def _left(cells: list[str], a: int, p: int, d: int) -> list[str] | None:
    """Cells between the activity and the deadline taken out: one repeating the cell before it."""
    surplus = p - d
    for k in range(p - 1, a, -1):
        if surplus and cells[k].strip() and cells[k] == cells[k - 1]:
            del cells[k]
            surplus -= 1
    return None if surplus else cells


def _trim(cells: list[str], d: int, n: int) -> list[str]:
    """A row longer than the header loses empty cells, or a cell repeating the one before, after the deadline."""
    k = len(cells) - 1
    while len(cells) > n and k > d:
        if not cells[k].strip() or cells[k] == cells[k - 1]:
            del cells[k]
        k = min(k - 1, len(cells) - 1)
    return cells


def carried(cells: list[str], keys: list[str]) -> tuple[str, list[str]]:
    """«19 | поддержки и развития … | Организация …»: a row one cell longer than the header whose
    activity's cell holds, in lower case, the end of the row before's activity, its own activity in
    the next cell → (that end, the row without it)."""
    if "activity" not in keys or len([c for c in cells if c.strip()]) <= len(keys) - 1:
        return "", cells
    a = keys.index("activity")
    if len(cells) <= len(keys) or a + 1 >= len(cells):
        return "", cells
    if lowercase_start(cells[a]) and cells[a + 1][:1].isupper() and activity_like(cells[a + 1]):
        return cells[a], cells[:a] + cells[a + 1:]
    return "", cells


def spanning_activity(cells: list[str], keys: list[str]) -> list[str]:
    """«Областной этап конкурса …» | «и этап конкурса …»: a cell spanning the group's column and the
    activity's, its text given twice — the activity, without a group of its own."""
    if "group" not in keys or "activity" not in keys:
        return cells
    g, a = keys.index("group"), keys.index("activity")
    if max(g, a) >= len(cells):
        return cells
    group, activity = cells[g].strip(), cells[a].strip()
    if group and lowercase_start(activity) and len(activity) <= len(group) + 3 \
            and fuzz.partial_ratio(activity.split(" ", 1)[-1], group) >= 90:
        cells = list(cells)
        cells[a], cells[g] = cells[g], ""
    return cells


def repeats(cell: str) -> int:
    """How many times a cell says the same thing («ГБУ РЦРО ГБУ РЦРО ГБУ РЦРО» → 3; else 1)."""
    words = cell.split()
    for size in range(1, len(words) // 2 + 1):
        if len(words) % size == 0 and words == words[:size] * (len(words) // size):
            return len(words) // size
    return 1


def split_row(cells: list[str], keys: list[str]) -> tuple[str, list[list[str]]]:
    """Several activities in one row → the text ending the activity of the row before ('' for
    none) and a row of cells for each activity."""
    a = keys.index("activity") if "activity" in keys else None
    if a is None or a >= len(cells) or ("num" in keys and cells[keys.index("num")].strip()):
        return "", [cells]
    others = [c for k, c in enumerate(cells) if k < len(keys) and k != a and keys[k] != "group"]
    paras = paragraphs(cells[a])
    times = max((repeats(c) for c in others), default=1)
    lead = ""
    if len(paras) >= 2 and all(p[:1].isupper() for p in paras) and any(len(paragraphs(c)) >= 2 for c in others):
        parts = paras
    elif len(paras) == 1 and times >= 2:
        parts = _names(paras[0])
        if len(parts) == times + 1:
            lead, parts = parts[0], parts[1:]
        if len(parts) != times:
            return "", [cells]
    else:
        return "", [cells]
    rows = [[""] * len(cells) for _ in parts]
    for k, cell in enumerate(cells):
        key = keys[k] if k < len(keys) else ""
        pieces = parts if k == a else [cell] if key == "group" else _pieces(cell, len(parts), key)
        start = 0 if key == "group" else len(rows) - len(pieces)
        for row, piece in zip(rows[start:], pieces):
            row[k] = piece
    return lead, rows


def _pieces(cell: str, count: int, key: str) -> list[str]:
    """A cell's share for each of ``count`` rows: its paragraphs, or the phrase it repeats, one a
    row; one deadline or executor for all; otherwise the last rows get what there is."""
    paras = paragraphs(cell)
    if len(paras) > count:          # more than rows: the first rows' share joined, nothing dropped
        return [" ".join(paras[:len(paras) - count + 1])] + paras[len(paras) - count + 1:]
    if len(paras) > 1:
        return paras
    if repeats(cell) == count:
        words = cell.split()
        size = len(words) // count
        return [" ".join(words[k * size:(k + 1) * size]) for k in range(count)]
    if key == "deadline":
        parts = re.split(r"(?:(?<=\bгод)|(?<=\bгода)|(?<=\bгоды)|(?<=\bг\.))\s+(?=[а-яё])", cell.strip())
        if len(parts) == count:
            return parts
    if key in ("deadline", "responsible", "co_executors") and paras:
        return paras * count        # one deadline or executor beside several activities: a merged cell
    return paras


def _names(text: str) -> list[str]:
    """An activity cell running names together: a new one at a capitalized word that can be in the
    nominative («… «Оренфест» Региональный этап …»), not inside quotes."""
    from ...lang.morph import analyzer
    starts = [0]
    for m in re.finditer(r"(?<=[»)\w])\s+([А-ЯЁ][а-яё]+)", text):
        if text[:m.start()].count("«") > text[:m.start()].count("»"):
            continue
        if any("nomn" in p.tag for p in analyzer().parse(m.group(1).lower())
               if {"NOUN", "ADJF"} & set(p.tag.grammemes)):
            starts.append(m.start(1))
    return [text[s:e].strip() for s, e in zip(starts, starts[1:] + [len(text)])]
