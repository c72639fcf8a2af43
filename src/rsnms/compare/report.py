"""The comparison report of one region — Markdown (``report.md``) and Word (``report.docx``,
:mod:`.report_docx`) from one :class:`~.view.View` — and the files of
``build/compare/<region>/`` (report, redline, alignment).

Deleted words are struck out, inserted words bold.
"""

from __future__ import annotations

import json

from ..lang import words
from .align import Alignment
from .view import CATEGORIES, Line, View

FORMATS = ("docx", "json", "md", "xlsx")
SUMMARY_HEADER = ["Блок", "Охват", "В примерном положении", "Сохранено", "Изменено по существу",
                  "Изменено редакционно", "Нет в акте региона", "Добавлено регионом", "Проверить"]
LINES_HEADER = ["Примерное положение", "Акт региона", "Уверенность"]


def cell(text: str) -> str:
    """Text for a cell of a Markdown table."""
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("*", "\\*") \
        .replace("_", "\\_").replace("~", "\\~").replace("<", "&lt;")


def summary_rows(view: View) -> list[list[str]]:
    """The summary table: a row per block; «не предусмотрено» for blocks the acts compared lack."""
    rows = []
    for section in view.sections:
        c = section.coverage
        if not section.applicable:
            rows.append([section.title, words.NOT_APPLICABLE] + [""] * 7)
            continue
        rows.append([section.title, words.share(c["coverage"]), str(c["model"]), str(c["kept"]),
                     str(c["changed"] - c["editorial"]), str(c["editorial"]), str(c["missing"]), str(c["added"]),
                     str(c["check"])])
    return rows


def overall(view: View) -> str:
    """«Охват по существенным блокам (…): 78 %» — which blocks, said."""
    if not view.total.get("blocks"):
        return words.NO_SUBSTANTIVE
    return words.overall(words.share(view.total["coverage"]), [t.lower() for t in view.substantive])


def compared(view: View) -> list[str]:
    """What was compared, and what was not (no adopted regulation: no redline)."""
    out = [words.COMPARED + "; ".join(view.compared) + "."]
    if not view.adopted:
        out.append(words.NOTHING_ADOPTED)
    if not view.has_regulation:
        out.append(words.NO_REDLINE)
    if any(not s.applicable for s in view.sections):
        out.append(words.NOT_APPLICABLE_NOTE)
    return out


def confidence(line: Line) -> str:
    """«0,93», «0,54 — проверить»; for an added unit with a candidate, the candidate's score."""
    if line.candidate is not None:
        return f"{words.confidence(line.pair.candidate_score)} — {words.CHECK}"
    if line.model is None or line.region is None:
        return ""
    text = words.confidence(line.pair.score)
    return f"{text} — {words.CHECK}" if line.check else text


def _diff_markdown(diff: list[tuple[str, str]]) -> str:
    return " ".join(cell(t) if op == "=" else f"~~{cell(t)}~~" if op == "-" else f"**{cell(t)}**" for op, t in diff)


def _line_row(line: Line) -> list[str]:
    """(model, region, confidence) cells of a line, Markdown."""
    model = cell(f"{line.model_ref} — {line.model_text}") if line.model else ""
    if line.candidate is not None:
        model = f"*{cell(f'{words.CANDIDATE}: {line.candidate_ref} — {line.candidate_text}')}*"
    region = ""
    if line.region:
        changed = line.category in ("substantive", "editorial")
        body = _diff_markdown(line.diff) if changed else cell(line.region_text)
        head = cell(" · ".join(x for x in (line.region_ref, line.subject) if x))
        region = f"{head} — {body}" if head else body
    return [model, region, cell(confidence(line))]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table of plain texts (escaped here)."""
    return ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"] + \
           ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows] + [""]


def report_markdown(view: View) -> str:
    parts = [f"# {words.REPORT_TITLE}: {cell(view.region)}\n", *[cell(x) + "\n" for x in compared(view)],
             f"## {words.SUMMARY_TITLE}\n", *_table(SUMMARY_HEADER, summary_rows(view)), f"**{cell(overall(view))}**\n",
             words.LEGEND + "\n", "## Что требует решения\n"]
    parts += [f"- {cell(d.text)}" for d in view.decisions] or [words.NO_DECISIONS]
    parts += ["", "## Субъекты и роли\n"]
    parts += _table(["Субъект региона", "Пункт", "Роль в примерном положении", "Уверенность"],
                    [[r.subject, r.ref, r.role or words.NO_ROLE,
                      f"{words.confidence(r.score)} ({words.ROLE_REASONS[r.reason]})"] for r in view.roles])
    for section in view.sections:
        parts.append(f"## {cell(section.title)}\n")
        if not section.applicable or section.absent:
            parts.append((words.NOT_APPLICABLE_SECTION if not section.applicable
                          else words.absent_block(section.coverage["model"])) + "\n")
            continue
        for group in section.groups:
            if group.title:
                parts.append(f"### {cell(group.title)}\n")
            for category in CATEGORIES:
                lines = [line for line in group.lines if line.category == category]
                if lines:
                    parts.append(f"**{words.CATEGORY_TITLES[category]} — {len(lines)}**\n")
                    parts += ["| " + " | ".join(LINES_HEADER) + " |", "| --- | --- | --- |"]
                    parts += ["| " + " | ".join(_line_row(line)) + " |" for line in lines] + [""]
    return "\n".join(parts)


def region_files(alignment: Alignment, view: View, formats, redline: bytes | None) -> dict[str, bytes | str]:
    """The comparison files of one region: report.md/.docx, redline.docx, alignment.json."""
    from .report_docx import report_docx

    files: dict[str, bytes | str] = {}
    if "md" in formats:
        files["report.md"] = report_markdown(view)
    if "docx" in formats:
        files["report.docx"] = report_docx(view)
        if redline is not None:
            files["redline.docx"] = redline
    if "json" in formats:
        files["alignment.json"] = json.dumps(alignment.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return files
