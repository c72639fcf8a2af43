"""Small Markdown helpers of the handbook's pages."""

from __future__ import annotations

import html


def cell(text) -> str:
    """Text for a Markdown table cell (or any place of a page): HTML escaped, one line."""
    return html.escape(str(text or "")).replace("|", "&#124;").replace("\n", "<br>")


def table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)
