"""Russian word forms for the handbook's search.

Material's search matches word beginnings only, with no Russian stemming: each page
ends with a hidden list of the normal forms of its words (pymorphy3 lemmas, ё→е), so
that «программа» finds a page that says «программы». ``docs/javascripts/search-forms.js``
cuts the list out of result previews.
"""

from __future__ import annotations

import re

from ..lang.morph import normal_forms

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def search_forms(text: str) -> list[str]:
    """Normal forms of the page's Russian words that the page does not already contain
    verbatim, plus ё→е spellings: what the search index needs to find word forms."""
    words = {w.lower() for w in _WORD.findall(text)}
    forms = set()
    for word in words:
        for lemma in normal_forms(word):
            for form in (lemma, lemma.replace("ё", "е"), word.replace("ё", "е")):
                if form not in words:
                    forms.add(form)
    return sorted(forms)


def with_search_forms(markdown: str) -> str:
    forms = search_forms(re.sub(r"<[^>]+>", " ", markdown))
    if not forms:
        return markdown
    # «⁂» marks where the forms begin: javascripts/search-forms.js cuts them out of result previews
    return markdown.rstrip() + f'\n\n<div class="rsnms-search-forms" hidden>⁂ {" ".join(forms)}</div>\n'
