"""A composed act (:class:`~rsnms.model.document.Document`) as JSON, for machines: the
handbook publishes it beside each act's .docx and PDF.

Text is a string; text with placeholders (what a draft still lacks) is a list of runs
``{"text": …, "placeholder": true}``. Blocks keep their number, anchor and profile unit.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass

from ..model.document import ROLE_PLACEHOLDER, Document, Rich


def _plain(value):
    if isinstance(value, Rich):
        if not value.placeholders:
            return value.plain
        return [{"text": t, **({"placeholder": True} if role == ROLE_PLACEHOLDER else {})} for t, role in value]
    if is_dataclass(value):
        out = {}
        for f in fields(value):
            item = _plain(getattr(value, f.name))
            if not (item is None or item is False or item in ("", [], {})):
                out[f.name] = item
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json(doc: Document) -> str:
    return json.dumps(_plain(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
