"""The handbook as a reader meets it, in headless Chromium with every request outside
127.0.0.1 blocked: every page works offline, search finds what a reader types, a clause can
be cited by its address, no template text or internal id shows, wide tables say they scroll."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlparse

import pytest

from conftest import REGIONS, ROOT
from helpers import CHROMIUM, CHROMIUM_FLAGS, offline_page, pages, parse, serve_site, url_of

SCREENSHOTS = ROOT / "build" / "screenshots"
INTERNAL_ID = re.compile(r"\b(?:task|principle|mechanism|interaction|channel|indicator|term|basis|method|roadmap)"
                         r"\.\d{2}\b|\b[a-z_]+\.[fg]\d{2}\b")


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built / "build" / "site"


@pytest.fixture(scope="module")
def base(site):
    with serve_site(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "chromium is missing: run `make test` (it installs it)"
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


def test_every_page_works_offline_and_each_region_shows_its_diagram(site, base, browser):
    urls = [url_of(site, p) for p in pages(site)] + ["/404.html"]
    assert len(urls) > 40
    page = offline_page(browser, base, viewport={"width": 1366, "height": 900})
    for url in urls:
        page.goto(base + url, wait_until="networkidle")
        if re.fullmatch(r"/regions/[^/]+/", url):
            nodes = page.locator("figure.rsnms-diagram svg g.node")
            assert nodes.count() >= 2, url
            box = page.locator("figure.rsnms-diagram svg").bounding_box()
            assert box and box["width"] > 200 and box["height"] > 100, (url, box)
            assert "flowchart" not in page.inner_text("article")
    assert page.problems == [], page.problems[:10]
    page.goto(base + "/404.html")
    assert "Страница не найдена" in page.inner_text("article")
    assert "Made with" not in page.inner_text("footer") and "Справочник" in page.inner_text("footer")
    page.close()


# (query, the page it must find among the first three): words only inside «» quotes or in
# table cells, inflected forms, ё/е, abbreviations, act numbers, a typo with lunr's ~1
QUERIES = [
    ("Персей", "/regions/irkutsk/"),                      # only as «Персей»
    ("«Персей»", "/regions/irkutsk/"),
    ("СПЕКТР", "/regions/omsk/"),                         # only as «СПЕКТР»
    ("Вместе к успеху", "/regions/omsk/"),                # «Вместе к успеху»
    ("ИОМ-ОФИС", "/regions/irkutsk/plan/"),              # «ИОМ-ОФИС 38», in a table cell
    ("Восхождение", "/regions/irkutsk/plan/"),            # «Восхождение», in a table cell
    ("ЦОПМКПиМКО", "/regions/irkutsk/roadmap/"),          # an abbreviation in the act's tables
    ("ОРОО АПРОО", "/regions/omsk/roadmap/"),
    ("Ежемесячно", "/regions/irkutsk/roadmap/"),          # a deadline cell
    ("РМА", "/regions/irkutsk/plan/"),
    ("01-21/889", "/regions/orenburg/order/"),            # act numbers
    ("55-494-мр", "/regions/irkutsk/order/"),
    ("приказываю", "/regions/omsk/order/"),
    ("Дернова", "/regions/omsk/order/"),
    ("выгорание", "/regions/irkutsk/plan/"),              # the pages say «выгорания»
    ("апробация", "/regions/irkutsk/plan/"),              # «апробации»
    ("ГАУ ДПО ИРО", "/regions/irkutsk/"),                 # an abbreviation of several words
    ("одаренных", "/regions/irkutsk/regulation/"),        # the act says «одарённых»
    ("одарённых", "/regions/irkutsk/regulation/"),
    ("конкурсное движение", "/regions/irkutsk/plan/"),   # «конкурсного движения»
    ("Биробиджан", "/regions/eao/order/"),
    ("Биробиджн~1", "/regions/eao/order/"),               # a typo, lunr's edit distance
]


@pytest.mark.parametrize("query,target", QUERIES, ids=[q for q, _t in QUERIES])
def test_search_finds_the_page_first_or_among_the_first_three(base, browser, query, target):
    page = offline_page(browser, base, viewport={"width": 1366, "height": 900})
    page.goto(f"{base}/?q={quote(query)}")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    page.wait_for_timeout(200)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    first = list(dict.fromkeys(urlparse(h).path for h in hrefs))[:3]
    assert target in first, f"«{query}»: {first}"
    text = page.inner_text(".md-search-result__list")
    assert "\u2042" not in text
    assert page.problems == []
    page.close()


def test_a_result_found_by_a_word_form_shows_its_text_with_the_form_highlighted(base, browser):
    page = offline_page(browser, base, viewport={"width": 1366, "height": 900})
    page.goto(f"{base}/?q={quote('выгорание')}")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    page.wait_for_timeout(300)
    article = page.locator(".md-search-result__article").first
    marks = [m.lower() for m in article.locator("mark").all_inner_texts()]
    assert any(m.startswith("выгоран") for m in marks), marks
    assert len(article.inner_text()) > 40
    # facets narrow the results to one region
    page.select_option(".rsnms-facets select[name=region]", "omsk")
    shown = page.eval_on_selector_all(".md-search-result__item:not([hidden]) > a", "els => els.map(e => e.href)")
    assert all("/regions/omsk/" in h for h in shown)
    page.close()


def test_a_clause_address_opens_the_act_at_that_clause(base, browser):
    for viewport in ({"width": 1366, "height": 900}, {"width": 390, "height": 844}):
        page = offline_page(browser, base, viewport=viewport)
        page.goto(f"{base}/regions/omsk/regulation/#p-3-2")
        page.wait_for_timeout(500)
        clause = page.locator("#p-3-2")
        top = clause.evaluate("e => e.getBoundingClientRect().top")
        assert 40 <= top <= 160, (viewport, top)
        assert clause.inner_text().startswith("3.2. Субъекты структурного компонента регионального уровня")
        assert clause.locator("a.headerlink").get_attribute("title") == "Постоянная ссылка на пункт 3.2"
        page.close()


def _anchors(site: Path, url: str) -> set[str]:
    html = (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_every_unit_of_the_comparison_links_to_an_existing_clause(site):
    for region in REGIONS:
        url = f"/regions/{region}/compare/"
        html = (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        tables = html.split('id="subjects"', 1)[1]
        units, linked = 0, 0
        for row in re.findall(r"<tr>(.*?)</tr>", tables, re.S):
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            if len(cells) != 4:              # model, region, what happened, confidence
                continue
            for text in cells[:2]:
                if re.sub(r"<[^>]+>", "", text).strip():
                    units += 1
                    linked += 'class="rsnms-unit-link"' in text
        assert units > 50 and linked == units, (region, linked, units)
    for url in [f"/regions/{r}/compare/" for r in REGIONS] + ["/compare/matrix/", "/compare/subjects/",
                                                             "/compare/glossary/", "/model/glossary/"]:
        links = [h for h in parse(site / url.lstrip("/") / "index.html").links if "#" in h]
        targets = [urlparse(urljoin(url, h)) for h in links if not h.startswith("#")]
        assert len(targets) > 20, url
        for target in targets:
            assert unquote(target.fragment) in _anchors(site, target.path), f"{url}: {target.geturl()}"


def test_added_units_like_a_model_unit_show_it_on_the_comparison_page(site):
    pairs = json.loads((site / "files" / "compare" / "orenburg" / "alignment.json").read_text(encoding="utf-8"))["pairs"]
    candidates = [p for p in pairs if p["candidate"]]
    html = (site / "regions" / "orenburg" / "compare" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<span class="rsnms-candidate">(.*?)</span>', html, re.S)
    assert candidates and len(shown) == len(candidates)
    assert all(text.startswith("возможно, это: ") for text in shown)
    decisions = html.split('id="decisions"', 1)[1].split("<h2", 1)[0]
    assert "похожи на единицы примерного положения" in decisions


def test_no_page_shows_template_text_or_internal_ids(site):
    checked = 0
    for page in pages(site):
        url = url_of(site, page)
        if url == "/how-to/":       # the guide to the profile format names its syntax on purpose
            continue
        text = "\n".join(parse(page).text)
        assert "[[" not in text and "model_ref" not in text, url
        assert not re.search(r"\\\s*$", text, re.M), url
        found = INTERNAL_ID.findall(text)
        assert not found, (url, found[:5])
        checked += 1
    assert checked > 30


def test_pages_have_unique_russian_titles_and_breadcrumbs(site):
    titles = {}
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        titles.setdefault(re.search(r"<title>(.*?)</title>", html).group(1), []).append(url_of(site, page))
    assert all(len(v) == 1 for v in titles.values()), {t: v for t, v in titles.items() if len(v) > 1}
    assert "Омская область — Положение — Региональные системы научно-методического сопровождения" in titles
    act = (site / "regions" / "omsk" / "regulation" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-path"' in act and 'title="Постоянная ссылка на этот раздел"' in act


def test_search_index_is_compact_utf8_with_cells_apart(site):
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u04" not in raw
    index = json.loads(raw)
    texts = " ".join(d["text"] for d in index["docs"])
    assert "№Мероприятие" not in texts and "»РМА" not in texts and ")МООО" not in texts
    assert "«" in index["config"]["separator"]


def test_site_url_gives_a_sitemap_and_each_act_is_legislation_with_its_data(built, tmp_path):
    out = tmp_path / "site"
    env = dict(os.environ, RSNMS_SITE_URL="https://rsnms.example.ru/")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=built,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://rsnms.example.ru/regions/omsk/regulation/</loc>" in sitemap
    html = (out / "regions" / "omsk" / "regulation" / "index.html").read_text(encoding="utf-8")
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["@type"] == "Legislation" and ld["url"] == "https://rsnms.example.ru/regions/omsk/regulation/"
    assert ld["legislationJurisdiction"] == "Омская область" and ld["legislationLegalForce"] == "InForce"
    downloads = {e["contentUrl"] for e in ld["encoding"]}
    assert "https://rsnms.example.ru/files/omsk/regulation.json" in downloads
    data = json.loads((out / "files" / "omsk" / "regulation.json").read_text(encoding="utf-8"))
    clause = next(b for b in data["body"] if b.get("anchor") == "p-3-2")
    assert clause["number"] == "3.2." and clause["text"].startswith("Субъекты структурного компонента")


VIEWS = [("home", "/", None), ("region", "/regions/omsk/", None), ("act", "/regions/omsk/regulation/#p-3-2", None),
         ("roadmap-filtered", "/regions/irkutsk/plan/", ("responsible", "ЦНППМ")),
         ("roadmap-act", "/regions/irkutsk/roadmap/", None), ("matrix", "/compare/matrix/", None),
         ("search", "/?q=" + quote("Персей"), None)]


@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_screens_hide_no_column_without_a_cue(base, browser, width, height):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = offline_page(browser, base, viewport={"width": width, "height": height})
    for name, url, select in VIEWS:
        page.goto(base + url)
        page.wait_for_timeout(400)
        if select:
            total = page.locator("#roadmap-table tbody tr").count()
            page.select_option(f".rsnms-filter select[name={select[0]}]", select[1])
            rows = page.locator("#roadmap-table tbody tr:not([hidden])").count()
            lines = page.locator("#roadmap-timeline .rsnms-timeline__row:not([hidden])").count()
            assert 0 < rows < total and 0 < lines <= rows      # the timeline follows the filter
        if "?q=" in url:
            page.wait_for_selector(".md-search-result__item", timeout=20000)
        # the page itself never scrolls sideways; a table that does says so above it
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (name, width)
        silent = """() => [...document.querySelectorAll('.rsnms-scroll, .md-typeset__scrollwrap')]
            .filter(b => !(b.parentElement && b.parentElement.closest('.rsnms-scroll')))
            .filter(b => b.scrollWidth > b.clientWidth + 2)
            .filter(b => !(b.previousElementSibling && b.previousElementSibling.classList.contains('rsnms-scroll-hint')))
            .length"""
        try:        # the cue is added by a script once the page has laid out; a loaded machine may be slow
            page.wait_for_function(f"({silent})() === 0", timeout=10000)
        except Exception:
            pass
        assert page.evaluate(silent) == 0, (name, width)
        hints = page.evaluate("""() => [...document.querySelectorAll('.rsnms-scroll-hint')]
            .filter(h => h.nextElementSibling && h.nextElementSibling.classList.contains('rsnms-scroll-hint')).length""")
        assert hints == 0, (name, width)     # one cue per table
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"))
    assert page.problems == []
    page.close()
