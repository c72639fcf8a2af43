"""Small Markdown helpers of the handbook's pages: the one way profile text enters a page.

* :func:`cell` — text in a Markdown context (a paragraph, a table cell, a heading):
  :func:`rsnms.escape.markdown`;
* :func:`html_text` — text inside a raw HTML block (Markdown is not processed there):
  :func:`rsnms.escape.html`;
* :func:`rich_html` — a document's :class:`~rsnms.model.document.Rich` text as HTML;
* :func:`rich_cell`, :func:`profile_cell` — the same, and profile text with ``[[…]]``, in Markdown;
* :func:`scroll` — a wide table in a box that scrolls sideways, with a cue.
"""

from __future__ import annotations

from .. import escape
from ..model.document import ROLE_PLACEHOLDER, Rich

# the escaping itself is :mod:`rsnms.escape`'s, one function per target language
cell = escape.markdown
html_text = escape.html


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
