"""Names in an act: ids for what a profile names (transliterated), abbreviations introduced
with «(далее – …)», executors of a roadmap cell.

The full form of an abbreviation is the phrase before «(далее – …)»: for an acronym
(ЦНППМ) it starts at the word whose initial the acronym starts with; for a word
(«Министерство») at the last clause boundary (a comma, «на базе», «в», …) before it.
"""

from __future__ import annotations

import re

_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
KNOWN_IDS = (
    (re.compile(r"^(министерств|департамент|комитет|управлени)\w*\s+образовани", re.I), "ministry"),
    (re.compile(r"цнппм|центр\w*\s+непрерывного\s+повышения", re.I), "cnppm"),
    (re.compile(r"институт\w*\s+развития\s+образования|\bиро\b", re.I), "iro"),
    (re.compile(r"^муниципальн\w+\s+методическ\w+\s+служб", re.I), "mms"),
)
INTRO = re.compile(r"\(далее\s*(?:соответственно\s*)?[–—-]\s*([^()]+?)\)")
BOUNDARY = re.compile(r"(?:^|,\s+|;\s+|:\s+|\s(?:на базе|в|во|с|со|по|для|от|между|при|и|к|о|об|из|у|за)\s+)(?=\S)")
STOP = {"и", "в", "на", "с", "по", "для", "от", "к", "о", "об", "из", "при", "за", "у"}


def translit(text: str) -> str:
    return "".join(_TRANSLIT.get(c, c) for c in text.lower())


def slug(text: str, default: str = "x", words: int = 3) -> str:
    parts = [translit(w) for w in re.findall(r"[А-Яа-яЁёA-Za-z0-9]+", text)]
    parts = [re.sub(r"[^a-z0-9]", "", p) for p in parts if p.lower() not in STOP][:words]
    out = "_".join(p for p in parts if p)
    if not out or not out[0].isalpha():
        out = f"{default}_{out}" if out else default
    return out[:40].rstrip("_")


def subject_id(subject: dict, taken: set[str]) -> str:
    """An id for a subject: a common one (ministry, cnppm, iro, mms) or its short name transliterated."""
    base = None
    for pattern, known in KNOWN_IDS:
        if pattern.search(subject.get("short", "")) or pattern.search(subject["name"]):
            base = known
            break
    if base is None:
        short = subject.get("short", "")
        base = slug(short, "subject", 4) if short and len(short) <= 30 else slug(subject["name"], "subject", 2)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def _is_acronym(abbr: str) -> bool:
    letters = [c for c in abbr if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) * 0.6)


def _initials(words: list[str]) -> str:
    return "".join(w.strip("«»\"(),;:")[:1].lower() for w in words if w.lower() not in STOP and w.strip("«»\"(),;:"))


def full_form(before: str, abbr: str) -> str:
    """The phrase an abbreviation stands for: the end of ``before`` (the text up to «(далее»).

    It starts at the last word that begins like the abbreviation's first word («Министерство»
    ← «Министерство образования …»), else where the initials of the words spell the acronym
    (ЦНППМ ← «центра непрерывного повышения профессионального мастерства …»), else after
    the last clause boundary."""
    text = re.sub(r"^\s*(?:\d+[.)]\s*|[-–—•]\s+)+", "", before)
    words = text.split()[-60:]
    if not words:
        return ""
    head = re.sub(r"[^\w]", "", abbr.split()[0].lower())
    if len(head) >= 4 and not _is_acronym(abbr.split()[0]):
        for start in range(len(words) - 1, -1, -1):
            if words[start].strip("«»\"(").lower()[:5] == head[:5] and start >= len(words) - 25:
                return " ".join(words[start:]).strip(" ,;:")
    if _is_acronym(abbr):
        letters = "".join(c.lower() for c in abbr if c.isalpha())
        best, best_start = 0, None
        for start in range(len(words) - 1, -1, -1):
            initials = _initials(words[start:])
            match = next((k for k in range(min(len(initials), len(letters)), 0, -1)
                          if initials[:k] == letters[:k]), 0)
            if match > best and match >= min(2, len(letters)):
                best, best_start = match, start
        if best_start is not None:
            return " ".join(words[best_start:]).strip(" ,;:")
    cuts = [m.end() for m in BOUNDARY.finditer(" ".join(words))]
    joined = " ".join(words)
    return joined[cuts[-1]:].strip(" ,;:") if cuts else joined


def introduced(text: str) -> list[tuple[str, str, int, int]]:
    """Every «(далее – X)» in ``text``: (full form, abbreviation, start of the full form, end of the brackets)."""
    out = []
    for m in INTRO.finditer(text):
        abbrs = [a.strip() for a in m.group(1).split(",")]
        if len(abbrs) > 1:           # «(далее соответственно – Положение, РСНМС)»: not split into phrases
            for abbr in abbrs:
                out.append(("", abbr, m.start(), m.end()))
            continue
        abbr = abbrs[0]
        before = text[:m.start()].rstrip()
        full = full_form(before, abbr)
        start = before.rfind(full) if full else m.start()
        out.append((full, abbr, start if start >= 0 else m.start(), m.end()))
    return out


def split_executors(cell: str) -> list[str]:
    """«МООО, ОМС (по согласованию), ЦНППМ» → the executors, commas inside brackets and quotes kept."""
    out, depth, quote, current = [], 0, 0, ""
    for ch in cell.replace("\n", ", "):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif ch == "«":
            quote += 1
        elif ch == "»":
            quote = max(quote - 1, 0)
        if ch in ",;" and depth == 0 and quote == 0:
            out.append(current)
            current = ""
        else:
            current += ch
    out.append(current)
    return [" ".join(o.split()).strip(" .") for o in out if o.strip(" .")]
