"""Small Markdown helpers of the handbook's pages: the one way profile text enters a page.

* :func:`cell` — text in a Markdown context (a paragraph, a table cell, a heading);
* :func:`html_text` — text inside a raw HTML block (Markdown is not processed there);
* :func:`rich_html` — a document's :class:`~rsnms.model.document.Rich` text as HTML;
* :func:`rich_cell`, :func:`profile_cell` — the same, and profile text with ``[[…]]``, in Markdown;
* :func:`scroll` — a wide table in a box that scrolls sideways, with a cue.
"""

from __future__ import annotations

import html
import re

from ..model.document import ROLE_PLACEHOLDER, Rich

# characters that start Markdown syntax inside a line (a backslash makes them literal)
_MARKDOWN = re.compile(r"([\\`*_\[\]#~^])")


def cell(text) -> str:
    """Text for a Markdown table cell, a heading or any place of a page: HTML escaped,
    Markdown syntax made literal, one line."""
    escaped = html.escape(str(text or "")).replace("|", "&#124;")
    return _MARKDOWN.sub(r"\\\1", escaped).replace("\r", "").replace("\n", "<br>")


def html_text(text) -> str:
    """Text inside raw HTML (attributes too): escaped, line breaks kept as ``<br>``."""
    return html.escape(str(text or "")).replace("\r", "").replace("\n", "<br>")


def rich_html(text: Rich) -> str:
    """Runs of a document's text as HTML; placeholders (what a draft still lacks) marked."""
    out = []
    for run, role in text:
        escaped = html_text(run)
        out.append(f'<span class="rsnms-placeholder">{escaped}</span>' if role == ROLE_PLACEHOLDER else escaped)
    return "".join(out)


def rich_cell(text: Rich) -> str:
    """A document's :class:`Rich` text in a Markdown context (see :func:`cell`)."""
    out = []
    for run, role in text:
        escaped = cell(run)
        out.append(f'<span class="rsnms-placeholder">{escaped}</span>' if role == ROLE_PLACEHOLDER else escaped)
    return "".join(out)


def profile_cell(data: dict, text: str) -> str:
    """Profile text (which may hold ``[[path]]`` references) in a Markdown context: each
    reference replaced by the profile's value, or shown as a marked placeholder."""
    from ..compose.text import Writer

    return rich_cell(Writer(data, "")(text))


def table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def scroll(html_table: str, label: str = "") -> str:
    """A wide table in a box that scrolls sideways with a visible cue (``extra.css``)."""
    aria = f' role="region" aria-label="{html_text(label)}" tabindex="0"' if label else ""
    return f'<div class="rsnms-scroll"{aria}>\n{html_table}\n</div>'
