"""Cross-reference checks that a JSON Schema cannot express.

Run on a schema-valid raw profile; each problem is a located Russian diagnostic. Every
check is one function of a :class:`Context` registered in :data:`CHECKS`, in the order
their messages are reported; a new check is one function in the module of its concern
and one line here.

* :mod:`.text` — no control characters, lone surrogates or direction controls in any text;
  a format string (``direction_format``) holds only its named fields;
* :mod:`.identity` — the file name matches the id (not the model's, not a device name, not
  too long), a region has its order, ids are unique;
* :mod:`.sources` — source texts exist inside acts/sources/ as UTF-8 text, line ranges fit, errata
  quote their source;
* :mod:`.dates` — dates are real, periods ordered;
* :mod:`.references` — abbreviations, the network's coordinator, roadmap executors,
  appendices, data paths and model functions a profile refers to exist;
* :mod:`.placeholders` — ``[[…]]`` left in a region's profile, deadlines not understood
  (warnings).
"""

from __future__ import annotations

from pathlib import Path

from ...diagnostics import Diagnostic
from ...model.units import PLACEHOLDER
from ...readers.yamlio import Positions
from . import dates, identity, placeholders, references, sources, text
from .context import Context

CHECKS = (
    text.text_fields,
    text.format_strings,
    identity.name_and_order,
    sources.sources_exist,
    sources.act_sources,
    dates.dates_and_periods,
    identity.unique_ids,
    references.abbreviations,
    references.coordinator,
    references.roadmap_executors,
    references.appendices,
    references.data_paths,
    references.model_functions,
    references.lint_rules,
    sources.errata,
    sources.unplaced,
    placeholders.placeholders,
    placeholders.coordinator,
    placeholders.deadlines,
)


def check(data: dict, pos: Positions, *, file: Path, root: Path,
          model_functions: set[str] | None = None, is_model: bool = False,
          normalized: dict | None = None) -> list[Diagnostic]:
    """Every problem of a schema-valid profile (or of the model, with ``is_model``);
    ``normalized``: its normalized form when the caller made it already."""
    context = Context(data, pos, file, root, model_functions, is_model)
    if normalized is not None:
        context.cache["normalized"] = normalized
    for rule in CHECKS:
        rule(context)
    return context.out


__all__ = ["check", "CHECKS", "Context", "PLACEHOLDER"]
