"""pandoc's docx writer, deterministic: the comparison report and the redline are written
through it (tracked changes from ``insertion``/``deletion`` spans, tables from Markdown)."""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from .ooxml import deterministic_zip


def to_docx(text: str, source_format: str, extra_args: list[str] | None = None) -> bytes:
    """``text`` (in ``source_format``: markdown, json …) converted to .docx bytes."""
    import pypandoc

    os.environ.setdefault("SOURCE_DATE_EPOCH", "946684800")   # pandoc's dates: fixed, for equal bytes
    with tempfile.TemporaryDirectory(prefix="rsnms-pandoc-") as tmp:
        target = Path(tmp) / "out.docx"
        pypandoc.convert_text(text, "docx", format=source_format, outputfile=str(target),
                              extra_args=extra_args or [])
        return deterministic_zip(target.read_bytes())


@lru_cache(maxsize=1)
def api_version() -> list:
    """The pandoc AST version a JSON document must declare."""
    import pypandoc
    return json.loads(pypandoc.convert_text("", "json", format="markdown"))["pandoc-api-version"]


def docx_to_gfm(path: Path) -> str:
    """A .docx as GitHub-flavoured Markdown, lines not wrapped."""
    import pypandoc
    return pypandoc.convert_file(str(path), "gfm", format="docx", extra_args=["--wrap=none"])
