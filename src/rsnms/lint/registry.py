"""The table of lint rules, as jsonschema keeps its keywords: each rule one function with an id,
a severity and its Russian description, registered by a decorator.

A rule is ``check(text: LintText, ctx: Context) -> Iterable[Finding]``; it makes findings
with ``text.finding(RULE, para, offset, excerpt, message, fix)`` where ``RULE`` is the
function's own entry (``check.rule``). The README's table of rules is written from here.

A rule about an act *with its appendices* (``whole=True``: the order's date, number and kind
in its appendices' stamps, references to appendices) reads the region's package; every
other rule reads each act alone (:func:`rsnms.lint.run.lint_rendered`), so a region's
finding is found once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .finding import ERROR, NOTE, WARNING, Finding


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str                 # what it finds (Russian)
    why: str                   # why it matters (Russian)
    example: str               # a text that triggers it
    scope: tuple[str, ...]     # "document", "profile": what it reads
    check: Callable[..., Iterable[Finding]]
    whole: bool = False        # about an act with its appendices (reads the package, not its parts)


RULES: dict[str, Rule] = {}


def rule(id: str, severity: str, title: str, why: str, example: str,
         scope: tuple[str, ...] = ("document", "profile"), whole: bool = False):
    """Register ``check`` as rule ``id`` (``whole``: it reads an act with its appendices)."""
    assert severity in (ERROR, WARNING, NOTE), severity

    def register(check):
        entry = Rule(id, severity, title, why, example, scope, check, whole)
        if id in RULES:
            raise ValueError(f"lint rule {id} registered twice")
        RULES[id] = entry
        check.rule = entry
        return check
    return register
