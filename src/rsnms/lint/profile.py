"""A profile's text fields as lint text: one paragraph per field, at the field's line and column."""

from __future__ import annotations

import re

from ..model.profile import Profile
from ..model.units import walk_values
from .text import LintText, Para

# keys whose values are ids, paths, dates or settings — not text a reader sees
NOT_TEXT = {"id", "ref", "model_ref", "refers_to", "file", "kind", "status", "numbering", "list_style", "present",
            "key", "date", "number", "start", "end", "acts", "sources", "listed_in", "appendices", "stamp",
            "date_format", "recurrence", "federal_act", "first", "last", "line", "where", "quote", "correct",
            "note", "rule", "reason", "words", "direction_format", "unnumbered", "optional", "plain",
            "kind_letter_spaced", "operative_word_separate", "introduce_in_roadmap", "columns"}
SKIP_SUBTREES = {"errata", "lint"}
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def profile_text(profile: Profile, shown: str) -> LintText:
    paras = []
    for path, value in walk_values(profile.raw):
        if not isinstance(value, str) or not path or path[0] in SKIP_SUBTREES or not _CYRILLIC.search(value):
            continue
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        if key in NOT_TEXT or "[[" in value:
            continue
        line, column = profile.positions.of(path)
        paras.append(Para(value.replace("\t", " "), line, column, where=_where(path)))
    return LintText(shown, paras, kind="profile")


def _where(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out
