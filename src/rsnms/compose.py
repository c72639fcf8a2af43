"""Compose: turn a profile into the documents of its acts (the logic between data and look).

Everything that is logic rather than look is decided here, once, for every writer:
which acts exist and which are drafts, which appendices an act has and how they are
numbered, the approval stamps, clause and list numbering, the roadmap rows, what is
still unknown (a highlighted placeholder and a warning). A :class:`Document` holds
plain data for a template: text is :class:`Rich` (runs of plain text and
placeholders), blocks are dicts with a ``kind``; templates only choose the look.

Drafts (acts a region has not adopted) are composed from the profile and from the
skeletons in ``acts/drafts.yaml`` and ``acts/model.yaml``; a fact the profile lacks
is never invented: it stays a placeholder ``[[…]]``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from .outline import Body, block
from .profile import iter_roadmap
from .richtext import ROLE_TEXT, Rich, Writer, capitalize, format_date, lookup, roman

ACT_KEYS = ("order", "regulation", "roadmap", "network_regulation")
SLUGS = {key: key.replace("_", "-") for key in ACT_KEYS}
# Grammar of act kinds: the stamp needs them in the dative and the instrumental case,
# and the past participle «утвержден…» agrees with the act's gender.
KIND_FORMS = {
    "приказ": {"dat": "приказу", "ins": "приказом", "gender": "m"},
    "распоряжение": {"dat": "распоряжению", "ins": "распоряжением", "gender": "n"},
    "положение": {"dat": "Положению", "ins": "Положением", "gender": "n"},
    "комплекс мер": {"dat": "Комплексу мер", "ins": "Комплексом мер", "gender": "m"},
    "дорожная карта": {"dat": "дорожной карте", "ins": "дорожной картой", "gender": "f"},
    "план мероприятий": {"dat": "плану мероприятий", "ins": "планом мероприятий", "gender": "m"},
    "регламент": {"dat": "регламенту", "ins": "регламентом", "gender": "m"},
}
APPROVED = {"m": "УТВЕРЖДЕН", "n": "УТВЕРЖДЕНО", "f": "УТВЕРЖДЕНА"}

@dataclass
class Document:
    """One act ready for a template: its context and how its tables are laid out."""

    region: str
    key: str
    status: str
    context: dict
    tables: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return SLUGS[self.key]

    @property
    def template(self) -> str:
        return f"{self.slug}.docx"


# --- the acts of a region -------------------------------------------------------------

class Composer:
    """Composes every act of one profile (or the model regulation)."""

    def __init__(self, data: dict, model: dict, drafts: dict):
        self.data = data
        self.model = model
        self.drafts = drafts
        self.region = data["id"]
        self.acts = self.effective_acts()
        self._introduced: set[str] = set()

    # which acts exist: adopted or drafted in the profile, else composed from skeletons
    def effective_acts(self) -> dict:
        acts = copy.deepcopy(self.data.get("acts", {}))
        if self.region == "model":
            return acts
        for key in ACT_KEYS:
            if key in acts:
                continue
            if key == "network_regulation":
                acts[key] = copy.deepcopy(self.drafts["network_regulation"])
            elif key == "order":
                acts[key] = copy.deepcopy(self.drafts["order"])
            else:
                acts[key] = copy.deepcopy(self.model["acts"][key])
                if key == "regulation":
                    acts[key]["heading"] = "ПОЛОЖЕНИЕ"   # the region's own, no longer «примерное»
                acts[key]["from_model"] = True
                acts[key].pop("appendices", None)
            acts[key]["status"] = "draft"
            acts[key]["composed"] = True
        # a composed regulation takes the composed roadmap as its appendix, as in the model
        reg = acts.get("regulation", {})
        if reg.get("composed") and acts.get("roadmap", {}).get("composed"):
            reg["appendices"] = ["roadmap"]
        return acts

    # --- appendices and stamps: one place
    def parents(self) -> dict[str, tuple[str, int | None]]:
        """act → (parent act, appendix number or None when the parent has one appendix)."""
        out: dict[str, tuple[str, int | None]] = {}
        for parent, act in self.acts.items():
            apps = act.get("appendices", [])
            for i, child in enumerate(apps, 1):
                if child in self.acts and child not in out:
                    out[child] = (parent, i if len(apps) > 1 else None)
        return out

    def package_order(self) -> list[str]:
        """The order, then its appendices depth-first, as they are signed and published."""
        out: list[str] = []

        def walk(key):
            if key in out or key not in self.acts:
                return
            out.append(key)
            for child in self.acts[key].get("appendices", []):
                walk(child)
        if "order" in self.acts:
            walk("order")
        return out

    def order_requisites(self, w: Writer, in_stamp: bool) -> tuple[Rich, Rich]:
        order = self.acts.get("order", {})
        words = order.get("date_format") == "words"
        date = format_date(order.get("date"), words, in_stamp)
        return w.value(date, "дата"), w.value(order.get("number"), "номер")

    def stamp(self, key: str, w: Writer) -> Rich | None:
        act = self.acts[key]
        parent = self.parents().get(key)
        # an act the region's order does not approve awaits an order of its own
        future_order = parent is None
        if parent is None and key != "order":
            parent = ("order", None) if "order" in self.acts else None
        if parent is None or key == "order":
            return None
        parent_key, number = parent
        parent_act = self.acts[parent_key]
        kind = act.get("stamp", "приложение" if parent_key != "order" else "утвержден")
        lines: list[Rich] = []
        if parent_key == "order":
            order_kind = KIND_FORMS[parent_act.get("kind", "приказ")]
            authority = lookup(self.data, "authority.cases.gen") or "[[authority.cases.gen]]"
            date, num = self.order_requisites(w, in_stamp=True)
            if future_order:
                date, num = Rich([w.missing("дата")]), Rich([w.missing("номер")])
            if kind == "утвержден":
                gender = KIND_FORMS.get(act.get("kind", "положение"), {"gender": "n"})["gender"]
                lines.append(w(APPROVED[gender]))
                lines.append(w(f"{order_kind['ins']} {authority}"))
            else:
                lines.append(w("Приложение" + (f" № {number}" if number else "")))
                lines.append(w(f"к {order_kind['dat']} {authority}"))
            lines.append(w("от ") + date + Rich([(" №\u00a0", ROLE_TEXT)]) + num)
        else:
            forms = KIND_FORMS.get(parent_act.get("kind", "положение"), KIND_FORMS["положение"])
            head = "Приложение" + (f" № {number}" if number else "")
            lines.append(w(head))
            lines.append(w(f"к {forms['dat']} ") + w(self.title_text(parent_act)))
        return Rich.lines(lines)

    @staticmethod
    def title_text(act: dict) -> str:
        title = act.get("title", "")
        return title[:1].lower() + title[1:] if title[:2].isupper() is False else title

    # --- documents
    def compose(self) -> dict[str, Document]:
        docs = {}
        for key in ACT_KEYS:
            if key in self.acts:
                docs[key] = getattr(self, f"compose_{key}")()
        return docs

    def writer(self, key: str) -> Writer:
        return Writer(self.data, f"{self.region}/{SLUGS[key]}")

    def common(self, key: str, w: Writer) -> dict:
        act = self.acts[key]
        return {
            "status": act.get("status", "draft"),
            "draft": act.get("status") != "adopted",
            "stamp": self.stamp(key, w),
            "heading": w(act.get("heading", "")),
            "title": w(act.get("title", "")),
        }

    def compose_order(self) -> Document:
        w = self.writer("order")
        order = self.acts["order"]
        ctx = self.common("order", w)
        kind = order.get("kind", "приказ")
        date, number = self.order_requisites(w, in_stamp=False)
        authority = lookup(self.data, "authority.name") or ""
        preamble = w(order.get("preamble", "")) if order.get("preamble") else Rich()
        if not preamble and order.get("status") != "adopted":
            preamble = Rich([w.missing("основание издания приказа (преамбула)")])
        operative = order.get("operative_word")
        separate = order.get("operative_word_separate", False)
        if operative and not separate:
            preamble = preamble + w(f" {operative}:") if preamble else w(f"{capitalize(operative)}:")
        body = Body(w, self.data, order, fallback=None)
        body.list_style = order.get("list_style", "-")
        clauses = order.get("clauses", [])
        if len(clauses) == 1:   # a single operative clause is not numbered
            clauses = [dict(clauses[0], unnumbered=True)]
        index = 0
        for clause in clauses:
            index = body.clause(clause, [], index, level=1)
        signatory = order.get("signatory") or {}
        ctx.update({
            "issuer": w(authority.upper() if authority and "[[" not in authority else authority),
            "kind": w(kind.upper()),
            "kind_spaced": bool(order.get("kind_letter_spaced")),
            "date": date,
            "number": Rich([("№\u00a0", ROLE_TEXT)]) + number,
            "place": w.value(order.get("place") or lookup(self.data, "region.center"), "место издания"),
            "preamble": preamble,
            "operative": w(f"{operative}:") if operative and separate else None,
            "body": body.blocks,
            "signature": {
                "position": w.value(signatory.get("position"), "должность подписывающего"),
                "name": w.value(signatory.get("name"), "И.О. Фамилия"),
            },
        })
        return self.document("order", ctx, body.tables, w)

    def compose_regulation(self) -> Document:
        return self._outline_act("regulation")

    def compose_network_regulation(self) -> Document:
        return self._outline_act("network_regulation")

    def _outline_act(self, key: str) -> Document:
        w = self.writer(key)
        act = self.acts[key]
        ctx = self.common(key, w)
        fallback = self.model if act.get("composed") and self.region != "model" else None
        body = Body(w, self.data, act, fallback=fallback)
        body.outline(act.get("outline", []))
        annexes = act.get("annexes", [])
        for i, annex in enumerate(annexes, 1):
            number = f" {i}" if len(annexes) > 1 else ""
            forms = KIND_FORMS.get(act.get("kind", "положение"), KIND_FORMS["положение"])
            stamp = w(f"Приложение{number} к {forms['dat']}") if annex.get("stamp", True) else Rich()
            body.blocks.append({"kind": "annex", "text": w(annex["title"]), "stamp": stamp, "level": 0})
            value = body.ref(annex["ref"])
            if value is None:
                body.blocks.append(block("para", Rich([w.missing(f"данные «{annex['ref']}»")])))
            elif annex["ref"] == "system.glossary":
                for entry in value:
                    body.blocks.append(block("para", w(entry["term"]) + w(" – ") + w(entry["definition"])))
            else:
                body.table_for(annex["ref"], value, annex.get("columns"))
        ctx["body"] = body.blocks
        return self.document(key, ctx, body.tables, w)

    def compose_roadmap(self) -> Document:
        w = self.writer("roadmap")
        act = self.acts["roadmap"]
        ctx = self.common("roadmap", w)
        composed = bool(act.get("composed")) or "roadmap" not in self.data
        roadmap = (self.model if composed else self.data).get("roadmap", {"directions": []})
        columns = act.get("columns") or DEFAULT_COLUMNS
        keys = [c["key"] for c in columns]
        direction_format = act.get("direction_format", "{roman}. {title}")
        group_label = act.get("group_label")
        directions = roadmap.get("directions", [])
        rows: list[dict] = []
        merges: list[tuple[int, int, int]] = []   # (column, first row, last row)
        current_direction = current_group = None
        for _path, item, direction, group in iter_roadmap(roadmap):
            if direction is not current_direction:
                current_direction, current_group = direction, None
                if direction.get("title"):
                    d_no = directions.index(direction) + 1
                    title = direction_format.format(n=d_no, roman=roman(d_no), title=direction["title"])
                    rows.append({"kind": "span", "cells": [w(title)]})
            first_in_group = group is not None and group is not current_group
            if first_in_group:
                current_group = group
                if "group" in keys:
                    merges.append((keys.index("group"), len(rows), len(rows)))
                else:
                    if group_label:
                        rows.append({"kind": "span", "cells": [w(group_label)], "label": True})
                    rows.append({"kind": "span", "cells": [w(group["title"])]})
            elif group is not None and "group" in keys:
                col, first, _last = merges[-1]
                merges[-1] = (col, first, len(rows))
            cells = [self.roadmap_cell(w, key, item, group if first_in_group else None, composed)
                     for key in keys]
            rows.append({"kind": "row", "cells": cells})
        merges = [m for m in merges if m[2] > m[1]]
        table = {"header": [w(c["title"]) for c in columns], "rows": rows, "ncols": len(keys),
                 "widths": [COLUMN_WEIGHTS.get(k, 2.0) for k in keys], "merges": merges}
        abbreviations = [a for a in self.data.get("abbreviations", [])
                         if "roadmap" in a.get("listed_in", [])]
        abbr_table = None
        if abbreviations:
            abbr_table = {"title": w("Используемые сокращения"), "widths": [1, 3],
                          "rows": [{"kind": "row", "cells": [w(a["abbr"]), w(a["full"])]}
                                   for a in abbreviations]}
        ctx.update({"table": table, "abbreviations": abbr_table,
                    "notes": [w(n) for n in act.get("notes", [])]})
        tables = ([abbr_table] if abbr_table else []) + [table]
        return self.document("roadmap", ctx, tables, w)

    def introduce(self, name: str) -> str:
        """An executor as written, or — at the first mention of an abbreviation marked
        ``introduce_in_roadmap`` — its full form followed by «(далее – …)»."""
        abbr, _, rest = name.partition(" (")
        for entry in self.data.get("abbreviations", []):
            if entry["abbr"] == abbr and entry.get("introduce_in_roadmap"):
                if abbr in self._introduced:
                    return name
                self._introduced.add(abbr)
                return f"{entry['full']} (далее – {abbr})" + (f" ({rest}" if rest else "")
        return name

    def roadmap_cell(self, w: Writer, key: str, item: dict, new_group, composed: bool) -> Rich:
        """One cell of a roadmap row; a composed (model) row never copies the model's dates."""
        if key == "num":
            return w(str(item["num"])) if item.get("num") else Rich()
        if key == "group":
            return w(new_group["title"]) if new_group is not None else Rich()
        if key == "activity":
            text = w(item["activity"])
            for i, sub in enumerate(item.get("items", []), 1):
                sub_text = sub["text"] if isinstance(sub, dict) else sub
                text = text + Rich([("\n", ROLE_TEXT)]) + w(f"{i}) {sub_text}")
            return text
        if key in ("responsible", "co_executors"):
            names = item.get(key) or []
            if composed:
                names = [self.data.get("authority", {}).get("name") or n if n == "РОИВ" else n
                         for n in names]
            return w(", ".join(self.introduce(n) for n in names if n))
        if key == "deadline":
            if composed:
                return Rich([w.missing("срок")])
            if self.acts["roadmap"].get("status") == "adopted":
                return w(item.get("deadline", ""))   # as adopted, even when the act left it empty
            return w.value(item.get("deadline"), "срок")
        if key == "result":
            return w(item.get("result", ""))
        return w((item.get("fields") or {}).get(key, ""))

    def document(self, key: str, ctx: dict, tables: list[dict], w: Writer) -> Document:
        ctx["key"] = key
        ctx["region"] = self.region
        return Document(self.region, key, self.acts[key].get("status", "draft"), ctx, tables, w.warnings)


DEFAULT_COLUMNS = [{"key": "num", "title": "№ п/п"},
                   {"key": "activity", "title": "Наименование мероприятия"},
                   {"key": "deadline", "title": "Срок"},
                   {"key": "responsible", "title": "Ответственный исполнитель"}]
COLUMN_WEIGHTS = {"num": 0.6, "group": 2.6, "activity": 4.2, "responsible": 2.0, "co_executors": 2.2,
                  "deadline": 1.5, "result": 3.0}


def compose_profile(data: dict, model: dict, drafts: dict) -> dict[str, Document]:
    """Every act of a region (adopted or drafted), keyed by act."""
    return Composer(data, model, drafts).compose()


def compose_model(model: dict, drafts: dict) -> list[Document]:
    """The federal model regulation and its roadmap template (its appendix), placeholders shown."""
    composer = Composer(model, model, drafts)
    return [composer.compose_regulation(), composer.compose_roadmap()]


def package(data: dict, model: dict, drafts: dict, docs: dict[str, Document]) -> list[Document]:
    """The order and its appendices in the order they are signed and published."""
    return [docs[key] for key in Composer(data, model, drafts).package_order()]
