"""Writers: the model → files.

An output format is one writer, registered in :data:`FORMATS`:

* ``json``, ``yaml`` (:mod:`.data`) — a normalized profile, for machines (``rsnms export``);
* ``akn`` (:mod:`.akn`) — a region's acts as Akoma Ntoso 3.0 XML (``rsnms export --format akn``,
  and beside each .docx in ``rsnms build``); it writes a region's unit of work, scope ``region``;
* ``docx`` (:mod:`.docx`) — one composed act through its Word template (``rsnms build``);
  :mod:`.package` renders an order and its appendices as one document (one template made
  from theirs), :mod:`.ooxml` holds what every Office file needs (schema order, table layout,
  deterministic zips).

:mod:`.pdf` converts written .docx files with LibreOffice (a batch over files, not a
writer of the model).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import akn, data, docx


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    scope: str              # "profile": a Profile; "region": a region's unit of work; "act": a composed Document
    write: Callable


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", ".json", "profile", data.to_json),
    Format("yaml", ".yaml", "profile", data.to_yaml),
    Format("akn", ".xml", "region", akn.write),
    Format("docx", ".docx", "act", docx.render),
)}


def formats(scope: str) -> dict[str, Format]:
    return {name: f for name, f in FORMATS.items() if f.scope == scope}
