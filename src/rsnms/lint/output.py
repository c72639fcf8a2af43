"""What ``rsnms lint`` prints: text (``file:line:column: RULE: message``), JSON (an object with
a ``findings`` list) and SARIF 2.1.0 (for code-review tools and editors)."""

from __future__ import annotations

import json

from .. import __version__
from .finding import NOTE, Finding
from .registry import RULES

FORMATS = ("text", "json", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SUMMARY_WORDS = {"error": "ошибок", "warning": "предупреждений", "note": "замечаний"}


def summary(findings: list[Finding]) -> str:
    """«ошибок 2, предупреждений 5, замечаний 1; известных или подавленных 3»."""
    counted = [f for f in findings if not f.known]
    parts = [f"{word} {sum(1 for f in counted if f.severity == level)}" for level, word in SUMMARY_WORDS.items()]
    known = len(findings) - len(counted)
    return ", ".join(parts) + (f"; известных или подавленных {known}" if known else "")


def text(findings: list[Finding]) -> str:
    return "".join(f.format() + "\n" for f in findings)


def to_json(findings: list[Finding]) -> str:
    return json.dumps({"findings": [f.to_json() for f in findings], "summary": summary(findings)},
                      ensure_ascii=False, indent=2) + "\n"


def _rule(entry) -> dict:
    return {"id": entry.id, "name": entry.id.replace(".", "-"),
            "shortDescription": {"text": entry.title},
            "fullDescription": {"text": f"{entry.title}. {entry.why}."},
            "help": {"text": f"Пример: {entry.example}"},
            "defaultConfiguration": {"level": entry.severity}}


def _result(f: Finding, index: dict[str, int]) -> dict:
    region = {"startLine": f.line, "startColumn": f.column}
    if f.excerpt:
        region["endColumn"] = f.column + len(f.excerpt)
        region["snippet"] = {"text": f.excerpt}
    result = {"ruleId": f.rule, "ruleIndex": index[f.rule], "level": f.severity,
              "message": {"text": f.message},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.file}, "region": region}}]}
    if f.fix is not None and f.excerpt:
        result["fixes"] = [{"description": {"text": f"заменить на «{f.fix}»"},
                            "artifactChanges": [{"artifactLocation": {"uri": f.file}, "replacements": [
                                {"deletedRegion": {"startLine": f.line, "startColumn": f.column,
                                                   "endColumn": f.column + len(f.excerpt)},
                                 "insertedContent": {"text": f.fix}}]}]}]
    if f.known:
        result["suppressions"] = [{"kind": "external", "justification": f.known}]
    return result


def to_sarif(findings: list[Finding]) -> str:
    rules = sorted(RULES.values(), key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    files = sorted({f.file for f in findings})
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "rsnms lint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": "https://github.com/rsnms/rsnms",
                            "rules": [_rule(r) for r in rules]}},
        "artifacts": [{"location": {"uri": name}} for name in files],
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index) for f in findings]}]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render(findings: list[Finding], fmt: str) -> str:
    return {"text": text, "json": to_json, "sarif": to_sarif}[fmt](findings)


__all__ = ["FORMATS", "render", "summary", "NOTE"]
