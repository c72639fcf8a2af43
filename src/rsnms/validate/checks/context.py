"""What every check sees: the raw profile, positions, where it lives, what it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...diagnostics import Diagnostic
from ...readers.yamlio import Positions


@dataclass
class Context:
    data: dict
    pos: Positions
    file: Path
    root: Path
    model_functions: set[str] | None = None
    is_model: bool = False
    out: list[Diagnostic] = field(default_factory=list)
    cache: dict = field(default_factory=dict)      # what checks read once (source texts by path, "normalized")

    def error(self, path: tuple, message: str, **kw) -> None:
        self.out.append(self.pos.diagnostic(path, message, **kw))

    def warning(self, path: tuple, message: str) -> None:
        self.out.append(self.pos.diagnostic(path, message, severity="warning"))
