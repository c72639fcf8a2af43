"""``rsnms import --update REGION edited.docx``: a rendered act a lawyer edited in Word, back
into the profile.

The region's acts are composed as ``rsnms build`` renders them (:class:`~.region.RegionWork`):
every paragraph and roadmap row is known with the profile unit it shows (``Block.unit``,
``Row.unit``). The edited file is read with its tracked changes accepted; its paragraphs
and rows are aligned with the rendered ones (difflib on normalized text), and every
difference is a change of a unit: its text edited, the unit deleted, a unit inserted
after another. A paragraph that shows no unit (a clause's own text, a heading) is
reported, to be edited in the profile by hand. ``--write`` applies the changes to the
profile in place (ruamel.yaml's round trip keeps its comments and layout) and keeps them
only if the profile still validates. An act imported unchanged changes nothing.
"""

from __future__ import annotations

import difflib
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from ..diagnostics import Diagnostic, InputError
from ..fsutil import write_atomic
from ..model.catalog import Catalog
from ..model.document import ITEM, ROW, Document
from ..project import Project
from ..readers.acts import Para, Table, combine, read_sources
from ..validate import errors_of, validate_file
from .importing import unit_paths
from .region import RegionWork

_MARKER = re.compile(r"^(?:\d+(?:\.\d+)*[.)]|[а-я]\)|[-–—•·])\s+")


def norm(text: str) -> str:
    """Text as compared: case, ё, quotes, dashes, spaces and a row's number cell do not count."""
    text = re.sub(r"^\d+\s\|\s", "", text.replace("\u00a0", " ").lower().replace("ё", "е"))
    text = re.sub(r"[«»„“”\"]", "\"", re.sub(r"[–—−]", "-", text))
    return " ".join(text.split())


@dataclass
class Line:
    text: str                      # as printed: the number, a space, the text
    unit: str = ""                 # the profile unit it shows
    number: str = ""               # its printed number (stripped from an edited text)
    cells: list[str] | None = None # a table row's cells
    where: str = ""                # the act and anchor, for the report


@dataclass
class Change:
    kind: str                      # edit, delete, insert, other
    unit: str
    old: str = ""
    new: str = ""
    cells: list[str] | None = None
    where: str = ""
    after: str = ""                # insert: the unit it follows


def head_lines(doc: Document) -> list[Line]:
    """What stands above an act's body, as its .docx prints it."""
    out = []
    if doc.stamp:
        out.append(Line(doc.stamp.plain.replace("\n", " "), where=f"{doc.key}: гриф"))
    if doc.order is not None:
        head = doc.order
        out += [Line(head.issuer.plain), Line(head.kind.plain), Line(f"{head.date.plain} {head.number.plain}"),
                Line(head.place.plain)]
    if doc.heading:
        out.append(Line(doc.heading.plain, where=f"{doc.key}: вид документа"))
    out.append(Line(doc.title.plain, where=f"{doc.key}: наименование"))
    if doc.order is not None:
        out.append(Line(doc.order.preamble.plain, where=f"{doc.key}: преамбула"))
        if doc.order.operative:
            out.append(Line(doc.order.operative.plain))
    return out


def rendered_lines(doc: Document) -> list[Line]:
    out = head_lines(doc)
    if doc.order is not None:
        sign = doc.order.signature
        tail = [Line(f"{sign.position.plain} | {sign.name.plain}", where=f"{doc.key}: подпись")]
    else:
        tail = []
    if doc.roadmap is not None:
        if doc.roadmap.abbreviations is not None:
            if doc.roadmap.abbreviations.title:
                out.append(Line(doc.roadmap.abbreviations.title.plain))
            out += [Line(" | ".join(c.plain for c in r.cells)) for r in doc.roadmap.abbreviations.rows]
        out.append(Line(" | ".join(c.plain for c in doc.roadmap.table.header), where=f"{doc.key}: шапка таблицы"))
        for row in doc.roadmap.table.rows:
            cells = [c.plain for c in row.cells]
            out.append(Line(" | ".join(c for c in cells if c.strip()), row.unit if row.kind == ROW else "",
                            cells=cells, where=f"{doc.key}: {row.anchor or 'строка'}"))
        return out
    for block in doc.body:
        if block.stamp:
            out.append(Line(block.stamp.plain.replace("\n", " "), where=f"{doc.key}: гриф приложения"))
        if block.table is not None:
            if block.table.header:
                out.append(Line(" | ".join(c.plain for c in block.table.header if c.plain.strip())))
            for row in block.table.rows:
                out.append(Line(" | ".join(c.plain for c in row.cells if c.plain.strip()), row.unit,
                                cells=[c.plain for c in row.cells], where=f"{doc.key}: {row.anchor}"))
        elif block.text.plain.strip():
            out.append(Line(block.numbered_text.plain, block.unit if block.kind == ITEM or block.unit else "",
                            block.number, where=f"{doc.key}: {block.anchor or block.kind}"))
    return out + tail


def edited_lines(source) -> list[str]:
    out = []
    for block in source.blocks:
        if isinstance(block, Para):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [" | ".join(c.replace("\n", " ") for c in r.cells if c.strip()) for r in block.rows]
    return out


def changes(work: RegionWork, edited: list[str]) -> list[Change]:
    """The changes of units between the rendered acts of ``work`` and the edited text."""
    docs = work.composed.documents
    edited_norm = [norm(t) for t in edited]
    # the edited file is the package (the order and its appendices) or one act: the closer one
    candidates = [work.composed.package] if work.composed.package else []
    candidates += [[key] for key in docs]
    best = None
    for keys in candidates:
        lines = [line for key in keys for line in rendered_lines(docs[key])]
        matcher = difflib.SequenceMatcher(a=[norm(x.text) for x in lines], b=edited_norm, autojunk=False)
        if best is None or matcher.ratio() > best[0]:
            best = (matcher.ratio(), lines, matcher)
    _ratio, expected, matcher = best
    out: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():  # noqa: B007
        if tag == "equal":
            continue
        old, new = expected[i1:i2], edited[j1:j2]
        pairs = _pair(old, new)
        for line, text in pairs:
            if line is not None and text is None:
                out.append(Change("delete" if line.unit else "other", line.unit, line.text, where=line.where))
            elif line is None and text is not None:
                before = next((x.unit for x in reversed(expected[:i1]) if x.unit), "")
                out.append(Change("insert", "", new=text, after=before))
            elif line is not None:
                out.append(_edit(line, text))
    return out


def _pair(old: list[Line], new: list[str]) -> list[tuple[Line | None, str | None]]:
    """Old and new lines of a changed stretch paired by similarity (in order), the rest alone."""
    pairs: list[tuple[Line | None, str | None]] = []
    j = 0
    for line in old:
        best, best_k = 0.0, None
        for k in range(j, len(new)):
            ratio = difflib.SequenceMatcher(a=norm(line.text), b=norm(new[k]), autojunk=False).ratio()
            if ratio > best:
                best, best_k = ratio, k
        if best_k is not None and best >= 0.5:
            pairs += [(None, t) for t in new[j:best_k]] + [(line, new[best_k])]
            j = best_k + 1
        else:
            pairs.append((line, None))
    pairs += [(None, t) for t in new[j:]]
    return pairs


def _edit(line: Line, text: str) -> Change:
    if not line.unit:
        return Change("other", "", line.text, text, where=line.where)
    if line.cells is not None:
        return Change("edit", line.unit, line.text, text, cells=[c.strip() for c in text.split(" | ")],
                      where=line.where)
    new = text[len(line.number):].strip() if line.number and text.startswith(line.number) else _MARKER.sub("", text)
    old = line.text[len(line.number):].strip() if line.number else line.text
    return Change("edit", line.unit, old, new, where=line.where)


def report(found: list[Change]) -> None:
    labels = {"edit": "изменён текст", "delete": "удалено", "insert": "добавлено", "other": "изменён абзац без единицы"}
    for change in found:
        head = f"{labels[change.kind]}: {change.unit or change.where or ('после ' + change.after)}"
        print(head)
        if change.old:
            print(f"  было:  {change.old}")
        if change.new:
            print(f"  стало: {change.new}")


def _columns(profile_raw: dict) -> list[str]:
    from ..lang.words import ROADMAP_COLUMNS
    columns = profile_raw.get("acts", {}).get("roadmap", {}).get("columns") or ROADMAP_COLUMNS
    return [c["key"] for c in columns]


def apply(raw, found: list[Change], columns: list[str]) -> tuple[int, list[Change]]:
    """Apply unit edits and deletions to the round-trip data ``raw``; returns (applied, skipped)."""
    paths = unit_paths(raw)
    applied, skipped, deletions = 0, [], []
    for change in found:
        path = paths.get(change.unit)
        if change.kind not in ("edit", "delete") or path is None:
            skipped.append(change)
            continue
        holder = raw
        for key in path[:-1]:
            holder = holder[key]
        if change.kind == "delete":
            deletions.append((holder, path[-1]))
        else:
            _set(holder, path[-1], change, columns)
        applied += 1
    for holder, index in sorted(deletions, key=lambda d: -d[1]):
        del holder[index]
    return applied, skipped


def _set(holder, key, change: Change, columns: list[str]) -> None:
    value = holder[key]
    if isinstance(value, str):
        holder[key] = change.new
    elif change.cells is not None:               # a roadmap row: its cells by the act's columns
        for column, cell in zip(columns, change.cells):
            if column == "activity":
                value["activity"] = re.split(r"\s1\)\s", cell)[0].strip() if value.get("items") else cell
            elif column in ("responsible", "co_executors"):
                value[column] = [c.strip() for c in cell.split(",") if c.strip()]
            elif column in ("deadline", "result"):
                value[column] = cell
    elif "term" in value:
        term, _, definition = change.new.partition(" – ")
        value["term"], value["definition"] = term.strip(), definition.strip() or value["definition"]
    elif "name" in value and "id" in value:
        value["heading"] = change.new
    else:
        value["text"] = change.new


def cmd_update(args, project: Project, catalog: Catalog) -> int:
    from .commands import valid_profiles

    profiles = valid_profiles(project, catalog, [args.update])
    if profiles is None:
        return 2
    profile = profiles[0]
    source = combine(read_sources([Path(f) for f in args.files]))
    found = changes(RegionWork(project, catalog, profile), edited_lines(source))
    if not found:
        print(f"Изменений нет: документ совпадает с профилем {profile.path.name}.")
        return 0
    report(found)
    print(f"Изменений: {len(found)}.")
    if not args.write:
        print(f"Внести их в профиль: rsnms import --update {args.update} {' '.join(args.files)} --write")
        return 0
    yaml = YAML()
    yaml.width = 100_000
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    original = profile.path.read_text(encoding="utf-8")
    raw = yaml.load(original)
    applied, skipped = apply(raw, found, _columns(profile.raw))
    buffer = io.StringIO()
    yaml.dump(raw, buffer)
    write_atomic(profile.path, buffer.getvalue())
    _new, diagnostics = validate_file(profile.path, catalog)
    if errors_of(diagnostics):
        write_atomic(profile.path, original)
        for d in errors_of(diagnostics):
            print(d.format(), file=sys.stderr)
        raise InputError([Diagnostic(str(profile.path), 1, 1, "", "правка не внесена: профиль с ней не проходит "
                                     "проверку — внесите её вручную")])
    print(f"Внесено в {profile.path.name}: {applied}; вручную: {len(skipped)}.")
    return 0
