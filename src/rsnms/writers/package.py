"""The package: the order and its appendices as one .docx, as it is signed and published.

Each act keeps its own section (the roadmap its landscape pages); headers carry on from
the order. Joined with docxcompose, which brings each part's styles and numbering along.

docxcompose lists the ids of every style of the package for each paragraph it appends,
through python-docx's style objects: that was most of a package's cost (27 of 44 s of the
.docx stage at 89 regions). :class:`_Package` hands it the same ids and names read straight
from the XML and kept until a style is added — the same result, a fraction of the time.
"""

from __future__ import annotations

import copy
import io
from typing import NamedTuple

from docx import Document as open_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles import BabelFish

from ..model.document import Document
from .docx import core_properties
from .ooxml import deterministic_zip


def _strip_header_refs(sect_pr) -> None:
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        for el in sect_pr.findall(qn(tag)):
            sect_pr.remove(el)


class _StyleId(NamedTuple):
    style_id: str | None
    name: str | None


class _Styles:
    """A document's styles as docxcompose iterates them (``style_id``, ``name`` as python-docx
    gives them), read from the XML once per count of styles; everything else delegated."""

    def __init__(self, styles):
        self._styles = styles
        self._ids: list[_StyleId] = []

    def __iter__(self):
        elements = self._styles.element.findall(qn("w:style"))
        if len(elements) != len(self._ids):
            self._ids = [_StyleId(el.get(qn("w:styleId")), _name(el)) for el in elements]
        return iter(self._ids)

    def __getattr__(self, name):
        return getattr(self._styles, name)


def _name(style) -> str | None:
    name = style.find(qn("w:name"))
    value = name.get(qn("w:val")) if name is not None else None
    return None if value is None else BabelFish.internal2ui(value)


class _Package:
    """The package's python-docx document with :class:`_Styles` (see the module)."""

    def __init__(self, doc):
        self._doc = doc
        self.styles = _Styles(doc.styles)

    def __getattr__(self, name):
        return getattr(self._doc, name)


def package(parts: list[bytes], first: Document) -> bytes:
    """One document: the order followed by its appendices, each in its own section."""
    from docxcompose.composer import Composer

    master = open_docx(io.BytesIO(parts[0]))
    composer = Composer(_Package(master))
    for part in parts[1:]:
        doc = open_docx(io.BytesIO(part))
        body = master.element.body
        final = body.find(qn("w:sectPr"))
        # close the current section with its own properties (orientation, headers) …
        closing = OxmlElement("w:p")
        p_pr = OxmlElement("w:pPr")
        p_pr.append(copy.deepcopy(final))
        closing.append(p_pr)
        final.addprevious(closing)
        # … and let the appended act bring its page setup (headers carry on)
        new_final = copy.deepcopy(doc.element.body.find(qn("w:sectPr")))
        _strip_header_refs(new_final)
        body.replace(final, new_final)
        composer.append(doc)
    core_properties(master, first)
    master.core_properties.keywords = "package"
    buffer = io.BytesIO()
    master.save(buffer)
    return deterministic_zip(buffer.getvalue())
