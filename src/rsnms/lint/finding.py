"""A finding of the linter: which rule, where, what, and the fix when there is one."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR, WARNING, NOTE = "error", "warning", "note"
SEVERITY_WORDS = {ERROR: "ошибка", WARNING: "предупреждение", NOTE: "замечание"}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    file: str
    line: int                 # 1-based line of a text file, paragraph index of a .docx/.odt/PDF
    column: int               # 1-based
    message: str              # Russian, says what to do
    excerpt: str              # the offending text as it stands
    fix: str | None = None    # the suggested replacement of ``excerpt``
    known: str = ""           # why it does not count: "errata: …" or "suppressed: …"

    @property
    def counts(self) -> bool:
        """Whether the finding makes ``rsnms lint`` fail (exit 1)."""
        return self.severity in (ERROR, WARNING) and not self.known

    def format(self) -> str:
        fix = f" (исправление: «{self.fix}»)" if self.fix is not None else ""
        known = f" [{self.known}]" if self.known else ""
        return f"{self.file}:{self.line}:{self.column}: {self.rule}: {self.message}{fix}{known}"

    def to_json(self) -> dict:
        out = {"rule": self.rule, "severity": self.severity, "file": self.file, "line": self.line,
               "column": self.column, "message": self.message, "excerpt": self.excerpt}
        if self.fix is not None:
            out["fix"] = self.fix
        if self.known:
            out["known"] = self.known
        return out


def sort_key(finding: Finding) -> tuple:
    return (finding.file, finding.line, finding.column, finding.rule, finding.excerpt)


@dataclass
class Report:
    """Every finding of one run, in order, and the inputs it read."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def add(self, findings) -> None:
        self.findings.extend(findings)

    def sorted(self) -> list[Finding]:
        return sorted(set(self.findings), key=sort_key)

    @property
    def failed(self) -> bool:
        return any(f.counts for f in self.findings)
