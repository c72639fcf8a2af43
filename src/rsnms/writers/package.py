"""The package: the order and its appendices as one .docx, as it is signed and published.

Each act keeps its own section (the roadmap its landscape pages); headers carry on from
the order. Joined with docxcompose, which brings each part's styles and numbering along.
"""

from __future__ import annotations

import copy
import io

from docx import Document as open_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..model.document import Document
from .docx import core_properties
from .ooxml import deterministic_zip


def _strip_header_refs(sect_pr) -> None:
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        for el in sect_pr.findall(qn(tag)):
            sect_pr.remove(el)


def package(parts: list[bytes], first: Document) -> bytes:
    """One document: the order followed by its appendices, each in its own section."""
    from docxcompose.composer import Composer

    master = open_docx(io.BytesIO(parts[0]))
    composer = Composer(master)
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
