"""The roadmap (комплекс мер, дорожная карта, план мероприятий): a table of activities by
direction and group, with the abbreviations it uses.

A region's adopted roadmap reproduces its rows; a drafted one takes the model's rows and
never copies the model's dates (a highlighted «[срок]» instead).
"""

from __future__ import annotations

from .. import escape
from ..lang import words
from ..lang.formats import roman
from ..model.document import ROLE_TEXT, ROW, SPAN, Document, Rich, RoadmapTables, Row, Table
from ..model.units import iter_roadmap, iter_subjects
from .acts import RegionActs
from .stamps import head
from .text import Writer

COLUMN_WEIGHTS = {"num": 0.6, "group": 2.6, "activity": 4.2, "responsible": 2.0, "co_executors": 2.2,
                  "deadline": 1.5, "result": 3.0}
DIRECTION_FORMAT = "{roman}. {title}"
# the closed set of fields of ``acts.roadmap.direction_format`` (checked by validation,
# filled by :func:`rsnms.escape.fill`, never by ``str.format``)
DIRECTION_FIELDS = {"n": "номер", "roman": "римский номер", "title": "название"}


def compose_roadmap(acts: RegionActs, key: str = "roadmap") -> Document:
    w = acts.writer(key)
    act = acts.acts[key]
    parts = head(acts, key, w)
    composed = bool(act.get("composed")) or "roadmap" not in acts.data
    roadmap = (acts.model if composed else acts.data).get("roadmap", {"directions": []})
    columns = act.get("columns") or words.ROADMAP_COLUMNS
    table = Rows(acts, act, w, [c["key"] for c in columns], composed).table(roadmap)
    table.header = [w(c["title"]) for c in columns]
    abbreviations = [a for a in acts.data.get("abbreviations", []) if "roadmap" in a.get("listed_in", [])]
    fixes = acts.fixes.get(key)
    if fixes and fixes.listed:      # a draft lists what it uses (see .abbreviations)
        abbreviations = [{"abbr": abbr, "full": full} for abbr, full in fixes.listed]
    abbr_table = None
    if abbreviations:
        abbr_table = Table(title=w(words.ABBREVIATIONS_TITLE), widths=[1, 3],
                           rows=[Row([w(a["abbr"]), w(a["full"])]) for a in abbreviations])
    parts["roadmap"] = RoadmapTables(table, abbr_table, [w(n) for n in act.get("notes", [])])
    return acts.document(key, w, **parts)


class Rows:
    """The rows of one roadmap table: direction rows, group rows or merged group cells,
    one row per activity."""

    def __init__(self, acts: RegionActs, act: dict, w: Writer, keys: list[str], composed: bool):
        self.acts, self.act, self.w, self.keys, self.composed = acts, act, w, keys, composed
        self.rows: list[Row] = []
        self.merges: list[tuple[int, int, int]] = []   # (column, first row, last row)
        self._introduced: set[str] = set()

    def table(self, roadmap: dict) -> Table:
        directions = roadmap.get("directions", [])
        direction_format = self.act.get("direction_format", DIRECTION_FORMAT)
        current_direction = current_group = None
        drafted_num = 0
        for _path, item, direction, group in iter_roadmap(roadmap):
            if self.composed:
                if self.omitted(item):
                    continue
                drafted_num += 1
                item = {**item, "num": drafted_num}
            if direction is not current_direction:
                current_direction, current_group = direction, None
                if direction.get("title"):
                    d_no = directions.index(direction) + 1
                    title = escape.fill(direction_format, {"n": d_no, "roman": roman(d_no),
                                                           "title": direction["title"]})
                    self.rows.append(Row([self.w(title)], SPAN))
            first_in_group = group is not None and group is not current_group
            if first_in_group:
                current_group = group
                self._group(group)
            elif group is not None and "group" in self.keys:
                col, first, _last = self.merges[-1]
                self.merges[-1] = (col, first, len(self.rows))
            cells = [self.cell(key, item, group if first_in_group else None) for key in self.keys]
            self.rows.append(Row(cells, ROW, anchor=f"r-{item['num']}" if item.get("num") else "", unit=item["id"]))
        merges = [m for m in self.merges if m[2] > m[1]]
        return Table(rows=self.rows, widths=[COLUMN_WEIGHTS.get(k, 2.0) for k in self.keys], merges=merges)

    def omitted(self, item: dict) -> bool:
        """A model row a region's draft leaves out: done by adopting the acts themselves
        («Утверждено Положение»), or already done where the region has the subject it creates."""
        omit = item.get("omit_in_draft")
        if not omit:
            return False
        role = omit.get("when_region_has")
        return role is None or any(s.get("model_ref") == role or s.get("id") == role
                                   for _l, _p, s in iter_subjects(self.acts.data.get("system", {})))

    def _group(self, group: dict) -> None:
        """A group's title: a merged cell of its own column, or a row above its activities."""
        if "group" in self.keys:
            self.merges.append((self.keys.index("group"), len(self.rows), len(self.rows)))
            return
        if self.act.get("group_label"):
            self.rows.append(Row([self.w(self.act["group_label"])], SPAN, label=True))
        self.rows.append(Row([self.w(group["title"])], SPAN))

    def introduce(self, name: str) -> str:
        """An executor as written, or — at the first mention of an abbreviation marked
        ``introduce_in_roadmap`` — its full form followed by «(далее – …)»."""
        abbr, _, rest = name.partition(" (")
        for entry in self.acts.data.get("abbreviations", []):
            if entry["abbr"] == abbr and entry.get("introduce_in_roadmap"):
                if abbr in self._introduced:
                    return name
                self._introduced.add(abbr)
                return words.introduced(entry["full"], abbr) + (f" ({rest}" if rest else "")
        return name

    def cell(self, key: str, item: dict, new_group) -> Rich:
        """One cell of a roadmap row; a composed (model) row never copies the model's dates."""
        w = self.w
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
            if self.composed:
                authority = self.acts.data.get("authority", {}).get("name")
                names = [authority or n if n == words.AUTHORITY_SHORT else n for n in names]
            return w(", ".join(self.introduce(n) for n in names if n))
        if key == "deadline":
            if self.composed:
                return Rich([w.missing(words.MISSING["deadline"])])
            if self.act.get("status") == "adopted":
                return w(item.get("deadline", ""))   # as adopted, even when the act left it empty
            return w.value(item.get("deadline"), words.MISSING["deadline"])
        if key == "result":
            return w(item.get("result", ""))
        return w((item.get("fields") or {}).get(key, ""))
