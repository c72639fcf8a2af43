"""Findings that do not count: defects a profile's ``errata`` already records (the profile
holds the right value), and findings a profile suppresses with a reason (a lawyer decided
the text is right)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .finding import Finding

WINDOW = 3          # errata give the line of the quote; a finding may stand a few lines off
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w.lower().replace("ё", "е") for w in _WORD.findall(text)}


@dataclass(frozen=True)
class Erratum:
    file: str            # the source text, relative to the project
    line: int
    quote: str
    note: str = ""


def errata(profile: dict) -> list[Erratum]:
    return [Erratum(e["source"]["file"], e["source"]["line"], e["quote"], e.get("note", ""))
            for e in profile.get("errata", [])]


def matches(finding: Finding, erratum: Erratum, file: str | None = None) -> bool:
    """Whether ``finding`` (in ``file``, the project-relative name of its input) is the defect
    ``erratum`` records: near its line, on words of its quote."""
    if (file or finding.file) != erratum.file or abs(finding.line - erratum.line) > WINDOW:
        return False
    excerpt, quote = _words(finding.excerpt), _words(erratum.quote)
    if excerpt & quote:
        return True
    return bool(finding.excerpt.strip()) and finding.excerpt.strip() in erratum.quote


def mark_errata(findings: list[Finding], known: list[Erratum], file: str | None = None) -> list[Finding]:
    out = []
    for f in findings:
        hit = next((e for e in known if matches(f, e, file)), None)
        out.append(replace(f, known="известно: errata профиля") if hit and not f.known else f)
    return out


def mark_suppressed(findings: list[Finding], suppressions: list[dict]) -> list[Finding]:
    """Suppressions of a profile: ``{rule, text, reason}`` — the rule's findings whose excerpt
    contains ``text`` (all of the rule's findings without ``text``)."""
    out = []
    for f in findings:
        hit = next((s for s in suppressions if s["rule"] == f.rule
                    and (not s.get("text") or s["text"] in f.excerpt or s["text"] in f.message)), None)
        out.append(replace(f, known=f"подавлено: {hit['reason']}") if hit and not f.known else f)
    return out
