"""The handbook site: built by `rsnms build`, checked by MkDocs strict mode and in a real browser."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlparse

import pytest

from conftest import REGIONS, ROOT, copy_project
from helpers import CHROMIUM, CHROMIUM_FLAGS, pages, parse, serve_site, url_of, visible_words

SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="module")
def project(built) -> Path:
    """The project after a full build (shared with the acts tests)."""
    return built


def test_committed_nav_is_current(project):
    """`rsnms build` regenerates the nav of mkdocs.yml; the committed file must already have it."""
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_mkdocs_strict_build_passes_without_warnings(project):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^WARNING", result.stderr, re.M), result.stderr


_NAV_LINK = re.compile(r'<a\s+href="([^"#]+)"[^>]*class="md-nav__link[" ]')


def nav_reachable(site: Path) -> set[str]:
    """Every page a reader reaches through the side navigation from the home page (pruned: a
    page shows the navigation on its way, a section's pages appear on its own pages)."""
    seen, todo = {"/"}, ["/"]
    while todo:
        url = todo.pop()
        html = (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        for href in _NAV_LINK.findall(html):
            target = urlparse(urljoin(url, href)).path
            if target.endswith("/") and target not in seen and (site / target.lstrip("/") / "index.html").is_file():
                seen.add(target)
                todo.append(target)
    return seen


def test_every_page_is_in_the_navigation_and_every_link_resolves(project):
    site = project / "build" / "site"
    nav_targets = nav_reachable(site)
    for page in pages(site):
        url = url_of(site, page)
        if url != "/404/":
            assert url in nav_targets, f"{url} is not in the navigation"
        for href in parse(page).links:
            target = urlparse(urljoin(url, href))
            if target.scheme or target.netloc:
                continue
            path = site / unquote(target.path).lstrip("/")
            if target.path.endswith("/"):
                path = path / "index.html"
            assert path.exists(), f"{url}: broken link {href}"
    downloads = [h for p in pages(site) for h in parse(p).links if h.endswith((".docx", ".pdf"))]
    assert len({Path(h).name for h in downloads}) >= 5
    for region in REGIONS:
        for act in ("order", "regulation", "roadmap", "network-regulation"):
            assert (site / "files" / region / f"{act}.docx").is_file()
            assert (site / "files" / region / f"{act}.pdf").is_file()


def test_act_pages_are_the_rendered_documents(project):
    from rsnms.compare import fidelity
    from rsnms.readers.docx import docx_text

    site = project / "build" / "site"
    for region, act in (("omsk", "order"), ("irkutsk", "roadmap"), ("eao", "network-regulation")):
        page = " ".join(parse(site / "regions" / region / act / "index.html").text)
        document = docx_text((project / "build" / "acts" / region / f"{act}.docx").read_bytes())
        assert fidelity.similarity(page, document) > 0.9, (region, act)


@pytest.fixture(scope="module")
def server(project):
    with serve_site(project / "build" / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "chromium is missing: run `make test` (it installs it)"
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


def test_home_and_region_pages_in_a_browser(server, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/")
    assert "Региональные системы" in page.title()
    body = page.inner_text("article")
    for name in ("Омская область", "Оренбургская область", "Иркутская область", "Еврейская автономная область"):
        assert name in body
    assert "принят" in body and "проект" in body
    page.screenshot(path=str(SCREENSHOTS / "home.png"), full_page=True)

    page.goto(server + "/regions/orenburg/")
    body = page.inner_text("article")
    assert "Министерство образования Оренбургской области" in body
    assert "от 07.06.2023 № 01-21/889" in body
    assert "Региональный уровень" in body and "Функции" in body
    page.screenshot(path=str(SCREENSHOTS / "region-orenburg.png"), full_page=True)

    # the roadmap table filters by responsible
    page.goto(server + "/regions/omsk/plan/")
    rows = page.locator("#roadmap-table tbody tr")
    total = rows.count()
    page.select_option(".rsnms-filter select[name=responsible]", "МООО")
    visible = page.locator("#roadmap-table tbody tr:not([hidden])").count()
    assert 0 < visible < total
    page.screenshot(path=str(SCREENSHOTS / "plan-omsk.png"), full_page=True)
    page.close()


@pytest.mark.parametrize("query,forms", [
    ("программа", ("программы",)),
    ("мероприятие", ("мероприятия", "мероприятий")),
    ("утвержденный", ("утверждённым", "утвержденным", "утвержденного", "утвержденной")),
])
def test_russian_search_finds_other_word_forms(project, server, browser, query, forms):
    site = project / "build" / "site"
    # a page that has the word only in another form (Material matches word beginnings)
    targets = [p for p in pages(site)
               if not any(w.startswith(query) for w in visible_words(p))
               and any(f in visible_words(p) for f in forms)]
    assert targets, f"no page has «{query}» only as {forms}"
    target = url_of(site, targets[0])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/?q={quote(query)}")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    # Material renders results in batches, one more each time the list is scrolled to its
    # end: scroll up and down until the target shows up or four rounds bring nothing new
    counts: list[int] = []
    found: set[str] = set()
    while target not in found and (len(counts) < 4 or len(set(counts[-4:])) > 1) and len(counts) < 80:
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        found = {urlparse(h).path for h in hrefs}
        counts.append(len(hrefs))
        page.eval_on_selector(".md-search__scrollwrap", "e => e.scrollTop = 0")
        page.wait_for_timeout(150)
        page.eval_on_selector(".md-search__scrollwrap", "e => e.scrollTop = e.scrollHeight")
        page.wait_for_timeout(300)
    assert "\u2042" not in page.inner_text(".md-search-result__list")   # the forms are not shown
    page.eval_on_selector_all(f'.md-search-result__item a[href*="{target}"]',
                              "els => els.length && els[0].scrollIntoView({block: 'center'})")
    page.screenshot(path=str(SCREENSHOTS / f"search-{query}.png"))
    page.close()
    assert target in found, f"«{query}»: {target} not among {sorted(found)[:30]} (loaded: {counts})"


def test_serve_previews_and_follows_profile_edits(tmp_path):
    """`rsnms serve` serves the handbook and rebuilds its pages when a profile changes."""
    import os
    import socket
    import time
    import urllib.request

    root = copy_project(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, RSNMS_ROOT=str(root), PYTHONWARNINGS="ignore")
    proc = subprocess.Popen([sys.executable, "-m", "rsnms", "serve", "--addr", f"127.0.0.1:{port}"],
                            cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def fetch(path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.read().decode("utf-8")

    def wait_for(path: str, text: str, seconds: int = 120) -> bool:
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if text in fetch(path):
                    return True
            except OSError:
                pass
            time.sleep(1)
        return False

    try:
        assert wait_for("/regions/eao/", "департамент образования Еврейской автономной области")
        profile = root / "regions" / "eao.yaml"
        profile.write_text(profile.read_text(encoding="utf-8").replace(
            "  center: г. Биробиджан", "  center: г. Биробиджан-Проверка", 1), encoding="utf-8")
        assert wait_for("/regions/eao/order/", "Биробиджан-Проверка")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_handbook_shows_each_regions_comparison_and_the_matrix(project):
    site = project / "build" / "site"
    names = ["Еврейская автономная область", "Иркутская область", "Омская область", "Оренбургская область"]
    for region in REGIONS:
        page = " ".join(parse(site / "regions" / region / "compare" / "index.html").text)
        assert "Охват по блокам" in page and "нет в регионе" in page
        assert any(w in page for w in ("сохранено", "изменено"))
        overview = parse(site / "regions" / region / "index.html")
        assert any(h.rstrip("/").endswith("compare") for h in overview.links)
    matrix = " ".join(parse(site / "compare" / "matrix" / "index.html").text)
    assert all(name in matrix for name in names)
    assert (site / "files" / "compare" / "matrix.xlsx").is_file()
    assert (site / "files" / "compare" / "omsk" / "redline.docx").is_file()
