"""Handbook: the pieces of a page — escaping of profile text, an act rendered with its
anchors, unit links, the Graphviz diagram, the timeline, the search index rewrite."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser

import markdown
import pytest

from conftest import ROOT
from rsnms.compose import compose_region
from rsnms.handbook import acts, charts, search
from rsnms.handbook.links import UnitLinks
from rsnms.handbook.markdown import cell, html_text, profile_cell
from rsnms.model.document import Document, Rich
from rsnms.project import Project
from rsnms.validate import load_catalog, validate_file

CATALOG = load_catalog(Project(ROOT))
HOSTILE = '<script>alert(1)</script> *bold* _x_ [link](http://e.invalid) `code` | "q" \\ #'


def composed(region: str):
    profile, _d = validate_file(Project(ROOT).profile(region), CATALOG)
    return compose_region(profile.data, CATALOG.model.data, CATALOG.drafts)


def rendered(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=["tables", "attr_list", "md_in_html"])


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.ids += [v for k, v in attrs if k == "id"]


def test_profile_text_reaches_a_page_only_as_text():
    for md_text in (f"| {cell(HOSTILE)} |\n| --- |\n| x |", cell(HOSTILE), f"<p>{html_text(HOSTILE)}</p>"):
        html = rendered(md_text)
        parser = Ids()
        parser.feed(html)
        assert "script" not in parser.tags and "a" not in parser.tags and "code" not in parser.tags
        assert "em" not in parser.tags and "strong" not in parser.tags
        assert "&lt;script&gt;" in html and "*bold*" in html


def test_profile_references_are_resolved_or_marked():
    data = {"region": {"name": "Тестовая область", "cases": {"gen": "Тестовой области"}}}
    assert profile_cell(data, "кадров [[region.cases.gen]]") == "кадров Тестовой области"
    marked = profile_cell(data, "кадров [[region.unknown]]")
    assert "[[" not in marked and 'class="rsnms-placeholder"' in marked


def test_an_act_page_has_every_anchor_of_its_document_once():
    for region in ("omsk", "irkutsk", "eao"):
        for key, doc in composed(region).documents.items():
            parser = Ids()
            parser.feed(rendered(acts.act_markdown(doc)))
            expected = acts.anchors(doc)
            assert expected or doc.order is not None, (region, key)
            assert expected <= set(parser.ids), (region, key, sorted(expected - set(parser.ids))[:5])
            duplicates = {i for i in parser.ids if parser.ids.count(i) > 1}
            assert not duplicates, (region, key, duplicates)


def test_a_clause_is_its_number_its_text_and_a_russian_permalink():
    doc = composed("omsk").documents["regulation"]
    html = rendered(acts.act_markdown(doc))
    clause = re.search(r'<p[^>]*id="p-3-2"[^>]*>(.*?)</p>', html, re.S).group(1)
    text = re.sub(r"<[^>]+>", "", clause)
    assert text.startswith("3.2. Субъекты структурного компонента регионального уровня")
    assert 'href="#p-3-2"' in clause and 'title="Постоянная ссылка на пункт 3.2"' in clause
    assert 'href="#s-3"' in html          # the contents list


def test_a_unit_without_a_block_of_its_own_links_to_its_owner():
    doc = Document("x", "regulation", "adopted", Rich(), Rich(), None)
    from rsnms.model.document import Block
    doc.body = [Block("item", Rich([("ЦНППМ", "")]), "2)", 1, "p-3-2-i2", unit="cnppm")]
    links = UnitLinks()
    links.add("x", "regions/x/regulation.md", doc)
    assert links.href("x", "cnppm.f07", "regions/x/compare.md") == "../regulation/#p-3-2-i2"
    assert links.href("x", "task.01", "regions/x/compare.md") is None
    assert links.href("x", "cnppm", "compare/matrix.md") == "../../regions/x/regulation/#p-3-2-i2"
    assert links.href("x", "cnppm", "regions/x/index.md") == "regulation/#p-3-2-i2"
    assert links.href("x", "cnppm", "regions/x/regulation.md") == "#p-3-2-i2"


def test_diagram_source_escapes_names():
    data = {"system": {"subjects": {"regional": [
        {"id": "a", "name": "Центр", "short": 'Ц "Икс" \\ ]; evil -> b', "functions": []},
        {"id": "b", "name": "Институт", "short": "ИРО",
         "functions": [{"id": "b.f01", "text": 'работает с Ц "Икс" \\ ]; evil -> b'}]}]}}}
    source = charts.dot_source(data)
    assert '\\"Икс\\"' in source and "\\\\ ]" in source
    assert re.findall(r"^\s+(n_\w+) -> (n_\w+);$", source, re.M) == [("n_b", "n_a")]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is installed by scripts/install-system-deps.sh")
def test_diagram_is_inline_svg_with_a_node_per_subject_and_the_same_each_time():
    data = composed("orenburg")  # any region with subjects on several levels
    profile, _d = validate_file(Project(ROOT).profile("orenburg"), CATALOG)
    first, second = charts.diagram(profile.data), charts.diagram(profile.data)
    svg = first[first.index("<svg"):first.index("</svg>")]
    assert first == second and "<?xml" not in first and "\n\n" not in svg
    subjects = sum(len(v) for v in profile.data["system"]["subjects"].values())
    assert first.count('class="node"') == subjects
    assert data is not None


def test_timeline_spans_whole_years_and_names_each_row():
    bars = [("row-1", "1", "Первое", {"start": "2023-06-01", "end": "2023-06-30"}),
            ("row-2", "2", "Второе <b>", {"start": "2024-01-01", "end": "2025-12-31"})]
    html = charts.timeline(bars, "t")
    assert [y for y in re.findall(r">(\d{4})</span>", html)] == ["2023", "2024", "2025"]
    assert 'data-row="row-1"' in html and 'data-row="row-2"' in html and "<b>" not in html
    lefts = [float(x) for x in re.findall(r"left:([\d.]+)%", html)]
    widths = [float(x) for x in re.findall(r"width:([\d.]+)%", html)]
    assert all(0 <= left <= 100 for left in lefts) and all(0 < w <= 100 for w in widths)
    assert abs(lefts[-1] + widths[-1] - 100) < 0.01     # the last bar ends where the axis ends


def test_search_index_gets_forms_per_section_and_is_utf8(tmp_path):
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {}, "docs": [
        {"location": "a/", "title": "Программы", "text": "<p>утверждённым приказом</p>"},
        {"location": "b/", "title": "Другое", "text": "<p>план</p>"}]}), encoding="utf-8")
    search.rewrite_index(index)
    raw = index.read_text(encoding="utf-8")
    assert "\\u" not in raw and "утверждённым" in raw
    docs = json.loads(raw)["docs"]
    first = docs[0]["text"].split(search.MARK)[1].split()
    assert {"программа", "утвердить", "утвержденным", "приказ"} <= set(first)
    assert "программа" not in docs[1]["text"]


def test_a_regions_page_lists_what_the_linter_found_escaped():
    from rsnms.handbook.region import lint_section
    from rsnms.handbook.sources import RegionSource
    from rsnms.lint.finding import Finding
    profile, _d = validate_file(Project(ROOT).profile("omsk"), CATALOG)
    region = RegionSource(profile, {}, {}, None)
    assert "Ошибок, предупреждений и замечаний нет" in lint_section(region)
    region.lint = [Finding("lang.spelling", "warning", "build/acts/omsk/regulation.docx", 12, 5,
                           "слово «управлеченческих» не найдено в словаре", HOSTILE),
                   Finding("typo.dash", "warning", "build/acts/omsk/order.docx", 3, 1, "дефис", "-",
                           known="известно: errata профиля")]
    html = rendered(lint_section(region))
    assert "предупреждений 1" in html and "известных или подавленных 1" in html
    assert "regulation.docx" in html and "12:5" in html and "lang.spelling" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "order.docx" not in html         # a known finding is counted, not listed


def _index_of(regions: int) -> list[dict]:
    """Sections of a handbook of ``regions`` regions: each one's overview, regulation, plan and
    comparison, the model's text and roadmap, a cross-region comparison."""
    docs = [{"location": "model/", "title": "Примерное положение", "text": "<p>наставничество в модели</p>"},
            {"location": "model/roadmap/", "title": "Типовая дорожная карта", "text": "<p>мероприятие модели</p>"},
            {"location": "compare/subjects/", "title": "Субъекты и функции", "text": "<p>сравнение функций</p>"}]
    for i in range(regions):
        docs += [{"location": f"regions/r{i}/#cnppm", "title": "ЦНППМ", "text": "<p>обеспечивает наставничество</p>"},
                 {"location": f"regions/r{i}/regulation/#s-1", "title": "1. Общие положения",
                  "text": "<p>1.1. Положение определяет порядок</p>"},
                 {"location": f"regions/r{i}/plan/", "title": "Мероприятия", "text": "<p>семинар</p>"},
                 {"location": f"regions/r{i}/compare/#tasks", "title": "Задачи", "text": "<p>изменено</p>"}]
    return docs


@pytest.mark.parametrize("regions", [search.FULL_TEXT_REGIONS, search.FULL_TEXT_REGIONS + 1])
def test_past_the_scale_rule_acts_plans_and_comparisons_are_found_by_their_headings(tmp_path, regions):
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {}, "docs": _index_of(regions)}, ensure_ascii=False), encoding="utf-8")
    search.rewrite_index(index)
    docs = {d["location"]: d["text"].split(search.MARK)[0] for d in json.loads(index.read_text(encoding="utf-8"))["docs"]}
    full = regions <= search.FULL_TEXT_REGIONS
    for kept in ("model/", "model/roadmap/", "regions/r0/#cnppm", f"regions/r{regions - 1}/#cnppm"):
        assert docs[kept].strip(), kept                 # overviews and the model: always their text
    for located in ("regions/r0/regulation/#s-1", "regions/r0/plan/", "regions/r0/compare/#tasks",
                    "compare/subjects/"):
        assert bool(docs[located].strip()) == full, located
    sections = json.loads(index.read_text(encoding="utf-8"))["docs"]
    heading = next(d for d in sections if d["location"] == "regions/r0/regulation/#s-1")
    assert "общий" in heading["text"].split(search.MARK)[-1].split()     # the heading's forms are there
