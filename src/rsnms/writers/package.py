"""The package: the order and its appendices as one .docx, as it is signed and published.

Each act keeps its own section (the roadmap its landscape pages); headers carry on from
the order. The package is one docxtpl render, like an act (:func:`rsnms.writers.docx.fill`:
the sandbox and its budget, the placeholder style, tables laid out — each as wide as its
own section —, schema order, the order's core properties with the keywords «package», a
deterministic zip).

Its template is made from the templates of the acts it holds (:func:`package_template`),
once per process for each combination of templates (a build forks its workers, each makes
the few it needs): the first act's template, then each appendix's template as a new section
— the section before it closed with its own page setup, the appendix's own page setup
(orientation, margins) without its header references, so headers carry on —, joined with
docxcompose, which brings each template's styles along. Each part's body is wrapped in
``{%p with doc = parts[i] %}`` … ``{%p endwith %}``: it reads its own act's context, the
tags of the act templates stay as they are. The templates are read through the guard
(:func:`rsnms.writers.docx.checked`); a tag that breaks the package's render is named by
the template it came from.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

from docx import Document as open_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..diagnostics import InputError
from ..model.document import Document
from .docx import checked, fill, open_template, render

KEYWORDS = "package"
_TEMPLATES: dict[tuple, bytes] = {}     # the checked templates' keys → the package's template


def package(docs: list[Document], templates: Path, names: list[str]) -> bytes:
    """One document: the order followed by its appendices (``docs``, rendered through the
    templates ``names``), each in its own section."""
    where = f"templates/{names[0]}"
    try:
        return fill(open_template(template_of(templates, names), where), docs, where, keywords=KEYWORDS)
    except InputError:
        for doc, name in zip(docs, names):     # the template whose tag broke, named as when rendered alone
            render(doc, templates, name)
        raise


def template_of(templates: Path, names: list[str]) -> bytes:
    """The package's template for the act templates ``names``, made once per process while
    they are unchanged."""
    parts = [checked(templates / name, f"templates/{name}") for name in names]
    key = tuple(k for k, _data in parts)
    if key not in _TEMPLATES:
        for (_k, data), name in zip(parts, names):
            open_template(data, f"templates/{name}")     # a template that is not a .docx, named
        if len(_TEMPLATES) >= 64:
            _TEMPLATES.clear()
        _TEMPLATES[key] = package_template([data for _k, data in parts])
    return _TEMPLATES[key]


def package_template(templates: list[bytes]) -> bytes:
    """The package's template: the first template, then each next one's body as a new section,
    each part's body reading ``parts[i]`` as ``doc``."""
    from docxcompose.composer import Composer

    master = open_docx(io.BytesIO(templates[0]))
    _read_part(master, 0)
    composer = Composer(master)
    for i, data in enumerate(templates[1:], 1):
        doc = open_docx(io.BytesIO(data))
        _read_part(doc, i)
        body = master.element.body
        final = _final_section(body)
        # close the current section with its own properties (orientation, headers) …
        closing = OxmlElement("w:p")
        p_pr = OxmlElement("w:pPr")
        p_pr.append(copy.deepcopy(final))
        closing.append(p_pr)
        final.addprevious(closing)
        # … and let the appended act bring its page setup (headers carry on)
        new_final = copy.deepcopy(_final_section(doc.element.body))
        _strip_header_refs(new_final)
        body.replace(final, new_final)
        composer.append(doc)
    buffer = io.BytesIO()
    master.save(buffer)
    return buffer.getvalue()


def _read_part(doc, i: int) -> None:
    """Wrap the body of a template in ``{%p with doc = parts[i] %}`` … ``{%p endwith %}``."""
    body = doc.element.body
    body.insert(0, _tag_paragraph(f"{{%p with doc = parts[{i}] %}}"))
    _final_section(body).addprevious(_tag_paragraph("{%p endwith %}"))


def _final_section(body):
    """The body's last section properties; a template saved without them (Word always writes
    them, other editors may not) gets empty ones — the same page setup as their absence."""
    final = body.find(qn("w:sectPr"))
    if final is None:
        final = OxmlElement("w:sectPr")
        body.append(final)
    return final


def _tag_paragraph(tag: str):
    paragraph, run, text = OxmlElement("w:p"), OxmlElement("w:r"), OxmlElement("w:t")
    text.text = tag
    run.append(text)
    paragraph.append(run)
    return paragraph


def _strip_header_refs(sect_pr) -> None:
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        for el in sect_pr.findall(qn(tag)):
            sect_pr.remove(el)
