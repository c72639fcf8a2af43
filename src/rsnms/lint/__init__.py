"""``rsnms lint``: the legal-technical check of acts — source texts, profiles and everything
rsnms renders.

* :mod:`.text` and :mod:`.readers` — any input as paragraphs with positions;
* :mod:`.structure` — parts, stamps, the act's own requisites;
* :mod:`.registry` — the table of rules; :mod:`.rules` — the rules, a module per concern;
* :mod:`.context` — what the rules know besides the text (registry, region, word list);
* :mod:`.known` — errata and suppressions: findings that do not count;
* :mod:`.output` — text, JSON, SARIF 2.1.0.
"""

from __future__ import annotations

from . import rules  # registers every rule
from .context import Analysis, Context
from .finding import Finding, Report
from .registry import RULES
from .text import LintText

__all__ = ["rules", "lint", "Context", "Finding", "Report", "RULES", "LintText"]


def lint(text: LintText, ctx: Context, whole: bool | None = None) -> list[Finding]:
    """Every finding of every rule that reads this kind of text; ``whole`` True: only the rules
    about an act with its appendices (a package), False: only the others (an act of a package)."""
    analysis = Analysis(text, ctx)
    out: list[Finding] = []
    for entry in RULES.values():
        if text.kind in entry.scope and whole in (None, entry.whole):
            out.extend(entry.check(analysis))
    return out
