"""Abbreviations in a draft: each introduced before its first use, once, and used after.

A draft is put together from texts written for other acts (the region's regulation, the
federal model), so their «(далее – …)» stand where those acts needed them. After a first
composition the draft is read as a reader (and the linter) reads it: an abbreviation used
before it is introduced, or never introduced, goes into a list «В настоящем … используются
следующие сокращения: ЦНППМ – …» (a table under a roadmap), its inline introductions go;
an introduction the draft never uses goes too. The full forms come from the profile (its
abbreviations, subjects, region and authority), then from the model, then from
:data:`rsnms.lang.abbreviations.EXPANSIONS`; one nobody spells out is a placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang import words
from ..lang.abbreviations import EXPANSIONS, INTRO, QUOTED, introductions, needs_introduction, runs
from ..lang.cases import nominative
from ..model.document import Document
from ..model.units import iter_subjects


@dataclass
class Plan:
    """What the second composition of a draft changes."""

    listed: list[tuple[str, str]] = field(default_factory=list)    # (abbreviation, full form or placeholder)
    drop: set[str] = field(default_factory=set)                    # whose «(далее – …)» are removed

    def __bool__(self) -> bool:
        return bool(self.listed or self.drop)

    def items(self) -> list[str]:
        """The list's items: «ЦНППМ – центр …;», the last ending in «.»."""
        return [f"{abbr} – {full}" + (";" if i < len(self.listed) - 1 else ".")
                for i, (abbr, full) in enumerate(self.listed)]


def known_forms(data: dict, model: dict | None) -> dict[str, tuple[str, str]]:
    """abbreviation as found in text → (as written in full, its full form in the nominative)."""
    out: dict[str, tuple[str, str]] = {}

    def add(abbr: str | None, full: str | None, inflect: bool = True) -> None:
        """``abbr`` when it is an abbreviation as a whole («ЦНППМ», «ОГАОУ ДПО «ИРО ЕАО»»), not a
        name with one inside («департамент образования ЕАО»)."""
        if not abbr or not full or "[[" in full:
            return
        found = runs(abbr)
        if found and QUOTED.sub("", abbr).strip() == found[0][1]:
            if inflect:         # a phrase of a list, not an official name: as a definition reads it
                full = nominative(full)
                full = full[:1].lower() + full[1:] if full[1:2].islower() else full
            out.setdefault(found[0][1], (abbr, full))

    for entry in data.get("abbreviations", []):
        add(entry["abbr"], entry.get("full"))
    for _level, _path, subject in iter_subjects(data.get("system", {})):
        add(subject.get("short"), subject.get("name"), inflect=False)
    for key in ("region", "authority"):
        add((data.get(key) or {}).get("short"), (data.get(key) or {}).get("name"), inflect=False)
    for entry in (model or {}).get("abbreviations", []):
        add(entry["abbr"], entry.get("full"))
    for abbr, full in EXPANSIONS.items():
        add(abbr, full, inflect=False)
    return out


def texts(document: Document) -> list[str]:
    """The draft's texts in reading order: body blocks, table rows, the roadmap's rows."""
    out = [block.text.plain for block in document.body]
    for block in document.body:
        if block.table is not None:
            out.extend("\t".join(c.plain for c in row.cells) for row in block.table.rows)
    if document.roadmap is not None:
        out.extend("\t".join(c.plain for c in row.cells) for row in document.roadmap.table.rows)
    return out


def plan(document: Document, known: dict[str, tuple[str, str]]) -> Plan:
    """Which abbreviations the draft must list, and which introductions it must drop."""
    first_use: dict[str, tuple[int, int]] = {}
    first_intro: dict[str, tuple[int, int]] = {}
    for n, text in enumerate(texts(document)):
        spans = introductions(text)
        for start, _end, names in spans:
            for _at, run in runs(names):
                first_intro.setdefault(run, (n, start))
        for at, run in runs(text):
            if not any(s <= at < e for s, e, _names in spans):
                first_use.setdefault(run, (n, at))
    result = Plan()
    named = organisations(known, texts(document))
    pending = [run for run, _where in sorted(first_use.items(), key=lambda kv: kv[1])]
    seen: set[str] = set()
    while pending:                  # a full form may use an abbreviation of its own («… ЕАО»)
        run = pending.pop(0)
        if run in seen or not (run in named or any(needs_introduction(t) for t in run.split(" "))):
            continue
        seen.add(run)
        if run in first_intro and run in first_use and first_intro[run] < first_use[run]:
            continue
        written, full = known.get(run, (run, f"[[{words.MISSING['expansion']} «{run}»]]"))
        result.listed.append((written, full))
        if run in first_intro:
            result.drop.add(run)
        pending.extend(r for _at, r in runs(full) if r not in seen and r not in first_intro)
    result.drop |= {run for run in first_intro if run not in first_use}
    return result


def organisations(known: dict[str, tuple[str, str]], found: list[str]) -> set[str]:
    """The runs of an organisation's short name with a quoted part («ОГАОУ ДПО «ИРО ЕАО»») the
    draft uses: made of common abbreviations, it still names one body a reader must be told of."""
    text = "\n".join(found)
    return {run for run, (written, _full) in known.items() if "«" in written and written in text}


_SPACED_INTRO = re.compile(r"\s*(?:" + INTRO.pattern + ")", INTRO.flags)


def drop_introductions(text: str, drop: set[str]) -> str:
    """``text`` without the «(далее – X)» of the abbreviations in ``drop`` (a joint one
    «(далее соответственно – A, X)» keeps the others)."""
    if not drop or "(" not in text:
        return text

    def keep(m: re.Match) -> str:
        names = m.group(1) or m.group(2)
        if m.group(1) is None:
            return "" if any(run in drop for _at, run in runs(names)) else m.group(0)
        parts = [p.strip() for p in re.split(r",\s*", names)]
        kept = [p for p in parts if not any(run in drop for _at, run in runs(p))]
        if len(kept) == len(parts):
            return m.group(0)
        if not kept:
            return ""
        joint = " соответственно" if len(kept) > 1 else ""
        return f" (далее{joint} – {', '.join(kept)})"
    return _SPACED_INTRO.sub(keep, text)
