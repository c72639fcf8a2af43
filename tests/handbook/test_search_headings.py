"""Past the scale rule, the search plugin is given only the headings of a page indexed by its
headings (handbook/plugin.py): it must make the same sections of them as of the whole page, and
the page must keep its whole HTML, as the search plugin alone leaves it. Checked with Material's
own search code on the pages of a real build."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex

from rsnms.handbook import search
from rsnms.handbook.plugin import RsnmsPlugin

PAGES = ["regions/omsk/regulation/", "regions/orenburg/regulation/", "regions/irkutsk/roadmap/",
         "regions/omsk/plan/", "regions/eao/network-regulation/", "regions/orenburg/compare/", "compare/matrix/",
         "compare/subjects/"]


def _content(site, url: str) -> str:
    """The page's content as MkDocs gives it to the plugins: the article's HTML, without the
    theme's parts around it."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    article = re.search(r'<article class="md-content__inner md-typeset">(.*)</article>', html, re.S).group(1)
    return re.sub(r'^\s*<a href="[^"]*" title="[^"]*" class="md-content__button md-icon"[^>]*>.*?</a>', "",
                  article, count=1, flags=re.S)


def _page(url: str, content: str):
    return SimpleNamespace(url=url, content=content, toc=[], meta={}, title="Страница")


def _sections(page) -> list[dict]:
    index = SearchIndex(lang=["ru"], separator="", pipeline=[], fields={})
    index.add_entry_from_context(page)
    return index.entries


@pytest.fixture(scope="module")
def site(built):
    return built / "build" / "site"


@pytest.mark.parametrize("url", PAGES)
def test_the_headings_of_a_page_make_the_sections_of_the_whole_page(site, url):
    assert search.headings_page(url)
    content = _content(site, url)
    whole = _sections(_page(url, content))
    assert len(whole) >= 2 and any(e["text"] for e in whole)
    given = search.headings_html(content)
    assert len(given) < len(content) / 5 or "data-search-" in content
    assert [search.headings_only(e) for e in _sections(_page(url, given))] == [search.headings_only(e) for e in whole]


def test_the_page_keeps_its_whole_html_as_the_search_plugin_leaves_it(site):
    content = _content(site, "regions/omsk/regulation/")
    marked = content.replace("<h2 ", '<h2 data-search-boost="2" ', 1)
    assert marked != content and "data-search-" not in content
    plugin = RsnmsPlugin()
    before, after = plugin.on_page_context.methods      # around the search plugin's (priority 0)
    assert before.mkdocs_priority > 0 > after.mkdocs_priority

    def given_to_search(html: str, by_headings: bool) -> tuple[str, str]:
        """What the search plugin reads of a page, and the page's HTML after the three handlers."""
        seen, page = [], _page("regions/omsk/regulation/", html)
        plugin.by_headings = by_headings
        before({}, page=page, config=None, nav=None)
        seen.append(page.content)                      # Material's search: indexes, then removes
        page.content = re.sub(r"\s?data-search-\w+=\"[^\"]+\"", "", page.content)    # its attributes
        after({}, page=page, config=None, nav=None)
        return seen[0], page.content

    read, html = given_to_search(content, True)
    assert read == search.headings_html(content) and len(read) < len(content) / 5 and html == content
    assert given_to_search(content, False) == (content, content)      # up to 10 regions: the whole page
    assert given_to_search(marked, True) == (marked, content)         # a page with search attributes: whole
