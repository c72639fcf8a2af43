"""The handbook's search index, rewritten after MkDocs writes it (by :mod:`.plugin`).

Material's search matches word beginnings only, with no Russian stemming: each section of
the index gets the normal forms of its words (pymorphy3 lemmas, ё→е) that it does not
already contain, after a «⁂» (``docs/javascripts/search-forms.js`` cuts them out of result
previews and highlights the word forms the reader typed). The forms sit in the section that
has the words, so a page found by a form shows that section as its preview. The index is
written as UTF-8 (no ``\\uXXXX`` escapes) and compact.

**At the scale of the country** the index must stay loadable: the browser downloads it and
builds its search from it before the first result (measured: 1.8 MB of 4 regions answer in
0.9 s; 32 MB, what 89 regions' full texts make, in 6 s on a 2-core machine, over a local
server). So a handbook of more than :data:`FULL_TEXT_REGIONS` regions indexes the texts of the
regions' acts, of their plans and of the comparisons (a region's and the cross-region ones) by
their section headings only (:data:`HEADINGS_ONLY`); the model, the regions' overviews
(subjects and their functions, acts, links), indicators and the hand-written pages keep their
full text, and an act's text is searched on its page. The rule depends on the number of
regions only, so a site rebuilt in part (:mod:`.partial`; a new region rebuilds it whole)
indexes exactly what a whole build does.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from ..compose import ACT_KINDS
from ..lang.morph import normal_forms

MARK = "\u2042"
FULL_TEXT_REGIONS = 10     # 4 regions make 1.8 MB: up to 10 stay near 4 MB, under the 5 MB the index may take
# a region's pages so indexed (and every page of the cross-region comparison, ``compare/``)
HEADINGS_ONLY = tuple(f"/{slug}/" for slug in [k.slug for k in ACT_KINDS.values()] + ["plan", "compare"])
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_TAG = re.compile(r"<[^>]+>")


def search_forms(text: str) -> list[str]:
    """Normal forms of the text's Russian words that the text does not already contain
    verbatim, plus ё→е spellings: what the search index needs to find word forms."""
    words = {w.lower() for w in _WORD.findall(text)}
    forms = set()
    for word in words:
        for lemma in normal_forms(word):
            for form in (lemma, lemma.replace("ё", "е"), word.replace("ё", "е")):
                if form not in words:
                    forms.add(form)
    return sorted(forms)


def with_forms(entry: dict) -> dict:
    """A section of the index with the word forms of its title and text appended."""
    visible = html.unescape(_TAG.sub(" ", f"{entry.get('title', '')} {entry.get('text', '')}"))
    forms = search_forms(visible)
    if forms:
        entry = dict(entry, text=f"{entry.get('text', '')} {MARK} {' '.join(forms)}".strip())
    return entry


def rewrite_index(path: Path, previous: Path | None = None, pages: list[str] = (),
                  rendered: set[str] = frozenset()) -> None:
    """Word forms into every section; UTF-8, compact, keys sorted (the same bytes each build).
    A site built in part (:mod:`.partial`) indexed only the ``rendered`` pages: the sections of
    the others are those of the ``previous`` index (already with their forms), every page's in
    the order of ``pages`` (their URLs, as a whole build indexes them)."""
    index = json.loads(path.read_text(encoding="utf-8"))
    entries = index.get("docs", [])
    if by_headings(pages or [e.get("location", "") for e in entries]):
        entries = [headings_only(e) for e in entries]
    fresh = [with_forms(entry) for entry in entries]
    if previous is not None:
        kept = _by_page(json.loads(previous.read_text(encoding="utf-8")).get("docs", []))
        made = _by_page(fresh)
        fresh = [entry for url in pages for entry in (made if url in rendered else kept).get(url, [])]
    index["docs"] = fresh
    path.unlink()           # a new file: never write through a link
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def _regions(urls: list[str]) -> int:
    return len({url.split("/")[1] for url in urls if url.startswith("regions/") and url.count("/") >= 2})


def by_headings(urls: list[str]) -> bool:
    """Whether a site of these pages (their URLs) indexes some by their headings only."""
    return _regions(urls) > FULL_TEXT_REGIONS


def headings_page(url: str) -> bool:
    """A page of a region's act, plan or comparison, or of the cross-region comparison."""
    return (url.startswith("regions/") and any(part in url for part in HEADINGS_ONLY)) or url.startswith("compare/")


def headings_only(entry: dict) -> dict:
    """A section of an act, a plan or a comparison found by its heading (see the module)."""
    return dict(entry, text="") if headings_page(entry.get("location", "").split("#", 1)[0]) else entry


_HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S)


def headings_html(content: str) -> str:
    """What the search plugin needs of a page indexed by its headings: what comes before the
    first heading (it makes the page's first section) and each heading whole. Of these it makes
    the sections it makes of the whole page — each with its id and title — without parsing the
    rest (most of a build's search time at the scale of the country); their text
    :func:`headings_only` drops anyway. A page with a part excluded from search (a heading there
    gets no title of its own) or with no heading is given whole."""
    found = list(_HEADING.finditer(content))
    if not found or "data-search-" in content:
        return content
    return content[:found[0].start()] + "\n".join(m.group(0) for m in found)


def _by_page(entries: list[dict]) -> dict[str, list[dict]]:
    """Index sections by the URL of their page (a location is the page's URL, then «#anchor»)."""
    out: dict[str, list[dict]] = {}
    for entry in entries:
        out.setdefault(entry.get("location", "").split("#", 1)[0], []).append(entry)
    return out


def facets_script(regions: list[tuple[str, str]], kinds: list[tuple[str, str, list[str]]]) -> str:
    """``javascripts/facets.js``: the regions (id → name) and the kinds of page (id, title,
    URL parts) by which search results can be narrowed; escaped so no text can end the script."""
    data = {"regions": dict(regions), "kinds": [{"id": k, "title": t, "match": m} for k, t, m in kinds]}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f"// Written by `rsnms build`: the facets of the search results.\nwindow.rsnmsFacets = {text};\n"
