"""``rsnms import``: the acts a region has (read by :mod:`rsnms.readers.acts`) → a draft profile.

The source is split into the order and its appendices (:mod:`~rsnms.readers.acts.parts`);
the order's requisites, each outline act's sections, clauses and the system's units, the
roadmap's rows are recognised; names introduced with «(далее – …)» become abbreviations,
subjects get ids, the region and its case forms come from ``acts/federal-subjects.yaml``.
Where the source disagrees with itself (a stamp's date against the head's, a misprinted
operative word, numbers out of sequence) the head's value is kept and an erratum quotes
the other. Every line of the source ends up in the profile or in ``unplaced``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..lang import words
from ..readers.acts import Para, Source, Table
from ..readers.acts import annexes as annexes_mod
from ..readers.acts import roadmap as roadmap_reader
from ..readers.acts.parts import Part, split
from ..readers.acts.regulation import Regulation
from . import import_order, import_profile as assemble
from .import_errata import Errata

from .import_order import PLACEHOLDER_TEXT
SYSTEM_KEYS = ("name", "abbr", "goal", "tasks", "principles", "approaches", "legal_basis", "subjects", "mechanisms",
               "interaction", "duties", "rights", "indicators", "monitoring", "glossary", "chapters")
ACT_KEYS = ("order", "regulation", "roadmap", "network_regulation")


@dataclass
class Imported:
    data: dict
    unplaced: list[dict] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)        # act keys in the order of the source


class Importer:
    def __init__(self, source: Source, region_id: str, subjects_file: Path, source_file: str,
                 name: str | None = None):
        self.source = source
        self.id = region_id
        self.subjects_file = subjects_file
        self.source_file = source_file      # the rendition's path from the project root
        self.name = name
        self.placed: set[int] = set()
        self.system: dict = {}
        self.acts: dict = {}
        self.errata = Errata(source_file, source.lines)
        self.regulation = Regulation(self.system, self.placed)

    # --- the whole
    def run(self) -> Imported:
        parts = split(self.source)
        head = None
        order_part = parts[0] if parts and parts[0].key == "order" else None
        if order_part is not None:
            head = import_order.order(self, order_part)
        keys: list[str] = []
        for part in parts:
            if part is order_part:
                continue
            key = self.part(part, keys)
            if key:
                keys.append(key)
        self.appendices(parts, keys, order_part)
        if "order" not in self.acts:
            self.acts["order"] = import_order.draft_order(self, parts, keys)
        data = tidy(self.profile(head, parts))
        self.errata.stamps(data["acts"]["order"], parts)
        if self.errata.items:
            data["errata"] = self.errata.items
        unplaced = self.unplaced()
        if unplaced:
            data["unplaced"] = unplaced
        return Imported(data, unplaced, ["order"] + keys if order_part else keys)

    def part(self, part: Part, keys: list[str]) -> str | None:
        self.placed.update(p.line for p in part.stamp)
        self.placed.update(part.title_lines)
        key = part.key
        if key == "annex":
            annexes = self.acts.get("regulation", {}).setdefault("annexes", [])
            annexes_mod.annex(self.regulation, part, annexes)
            if not annexes:
                self.acts.get("regulation", {}).pop("annexes", None)
            return None
        if key in self.acts:
            return None                                  # a second act of the same kind: its lines stay unplaced
        act = self.common(part)
        if key == "roadmap":
            found = roadmap_reader.read(part.body)
            if found is None:
                return None
            self.placed.update(found.lines)
            self.roadmap = found
            act.update(self.roadmap_act(found))
        else:
            act.update(self.regulation.act(part.body))
            if not act.get("annexes"):
                act.pop("annexes", None)
        self.acts[key] = act
        return key

    def common(self, part: Part) -> dict:
        draft = any(PLACEHOLDER_TEXT.match(b.text) for b in part.body if isinstance(b, Para))
        act: dict = {"status": "draft" if draft else "adopted"}
        first, last = part.lines
        if first and not draft:
            act["source"] = {"file": self.source_file, "first": first, "last": last}
        kind = {"regulation": "положение", "network_regulation": "регламент"}.get(part.key)
        if part.key == "roadmap":
            low = (part.heading or part.title).lower()
            kind = next((k for k in ("комплекс мер", "план мероприятий", "дорожная карта") if k in low), None)
        if kind:
            act["kind"] = kind
        if part.stamp:
            act["stamp"] = words.STAMP_APPROVED if re.match(r"^УТВЕРЖДЕН", part.stamp_text, re.I) \
                else words.STAMP_APPENDIX
        if part.heading:
            act["heading"] = part.heading
        act["title"] = part.title or part.heading or "[[наименование акта]]"
        return act

    def appendices(self, parts: list[Part], keys: list[str], order_part: Part | None) -> None:
        """Which act is an appendix of which: the stamp «к приказу» or «к Положению» says."""
        for part in parts:
            if part is order_part or part.key not in keys or part.key not in self.acts:
                continue
            parent = "regulation" if part.parent.startswith("положени") and "regulation" in self.acts else "order"
            if parent == "order" and "order" not in self.acts:
                continue
            apps = self.acts[parent].setdefault("appendices", [])
            if part.key not in apps and part.key != parent:
                apps.append(part.key)

    # --- the roadmap
    def roadmap_act(self, found) -> dict:
        act: dict = {"columns": found.columns}
        if found.direction_format:
            act["direction_format"] = found.direction_format
        if found.group_label:
            act["group_label"] = found.group_label
        if found.notes:
            act["notes"] = found.notes
        return act

    # --- the profile
    def profile(self, head, parts: list[Part]) -> dict:
        all_text = assemble.texts(self.source)
        region, authority = assemble.region_and_authority(
            self.subjects_file, head.issuer if head else "", self.name, all_text, head.place if head else None)
        if head and head.signatory:
            authority["head"] = dict(head.signatory)
        self.system["name"], self.system["abbr"] = assemble.system_identity(all_text, region)
        self.system.setdefault("subjects", {})
        assemble.assign_ids(self.system)
        abbrs = assemble.abbreviations(all_text)
        roadmap = None
        if getattr(self, "roadmap", None) is not None:
            roadmap = assemble.roadmap_rows(self.roadmap, abbrs, self.system)
            self.merged_headings(roadmap)
            period = assemble.roadmap_period(self.acts["roadmap"].get("title", ""), self.acts["order"].get("date"))
            if period:
                roadmap = {"period": period, **roadmap}
            listed = {a["abbr"]: a for a in abbrs}
            for abbr, full in self.roadmap.abbreviations:
                entry = listed.setdefault(abbr, {"abbr": abbr, "full": full})
                if entry not in abbrs:
                    abbrs.append(entry)
                entry["listed_in"] = ["roadmap"]
        assemble.link_abbreviations(abbrs, self.system)
        data: dict = {"id": self.id, "sources": [self.source_file], "region": region, "authority": authority}
        if abbrs:
            data["abbreviations"] = abbrs
        data["system"] = {k: self.system[k] for k in SYSTEM_KEYS if k in self.system}
        if roadmap is not None:
            data["roadmap"] = roadmap
        data["acts"] = {k: self.acts[k] for k in ACT_KEYS if k in self.acts}
        return data

    def merged_headings(self, roadmap: dict) -> None:
        """A direction's heading printed at the start of a row: an erratum quoting it."""
        for index, direction in enumerate(roadmap["directions"]):
            merged = direction.pop("_merged", None)
            if merged:
                self.errata.add(f"roadmap.directions.{index}.title", merged["quote"], merged["title"], merged["line"],
                                "Заголовок направления напечатан в начале строки мероприятия; в профиле он — "
                                "заголовок направления, а мероприятие начинается с прописной буквы.")

    def unplaced(self) -> list[dict]:
        """Every paragraph and table row of the source that no field of the profile holds."""
        out = []
        for block in self.source.blocks:
            rows = [(r.line, " | ".join(c.replace("\n", " ") for c in r.cells if c.strip()))
                    for r in block.rows] if isinstance(block, Table) else [(block.line, block.text)]
            for line, text in rows:
                if line not in self.placed and text.strip():
                    out.append({"text": text, "source": {"file": self.source_file, "line": line}})
        return out


def tidy(value):
    """No empty text, list or group left (the schema wants text where a key stands); a group
    without a title gives its items to the list it stands in."""
    if isinstance(value, dict):
        if "group" in value and not str(value["group"]).strip():
            return tidy(value.get("items", []))
        out = {}
        for key, sub in value.items():
            sub = tidy(sub)
            if sub in ("", None) or (sub == [] and key not in ("clauses", "directions")):
                continue
            out[key] = sub
        grouping = "group" in value or ("items" in value and set(value) <= {"id", "title", "items"})
        return None if grouping and not out.get("items") else out
    if isinstance(value, list):
        out = []
        for sub in value:
            sub = tidy(sub)
            if isinstance(sub, list):
                out.extend(sub)
            elif sub not in ("", None, {}):
                out.append(sub)
        return out
    if isinstance(value, str):
        return value.strip()
    return value


def import_acts(source: Source, region_id: str, subjects_file: Path, source_file: str,
                name: str | None = None) -> Imported:
    """The draft profile of the acts in ``source`` (its rendition saved as ``source_file``)."""
    return Importer(source, region_id, subjects_file, source_file, name).run()
