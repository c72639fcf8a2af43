"""Property: random text — any Unicode plane, with the markup of HTML, Markdown, Mermaid, Jinja,
YAML and format strings mixed in — typed into the text fields of a profile (fifteen of eleven kinds) is shown by the
handbook only as text (escaped, never live markup) and stands literally in every .docx."""

from __future__ import annotations

import shutil
import zipfile

from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from hostile_kit import make_case, scan_html, squash
from rsnms.lang.typography import typeset

MARK = "ЗЛОЙ"
MARKUP = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "</p><svg onload=alert(3)>", "&amp; &lt;b&gt;",
    "[ссылка](javascript:alert(4))", "**жирный**", "`код`", "# заголовок", "| a | b |", "{: onclick=x }",
    "graph TD; A-->B", "click A call alert(5)", "%%{init: {}}%%",
    "{{ doc.title }}", "{% if 1 %}x{% endif %}", "{# c #}", "{{ ''.__class__ }}",
    "key: value", "- пункт", "&anchor *alias", "!!python/object:os.system",
    "{0}", "{title.__class__}", "%s %d", "${x}", "\\", "</w:t><w:t>",
]
# what validation accepts in a one-line text field (control characters, surrogates, private
# use and unassigned code points are refused there, with their own tests)
CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Cf"), blacklist_characters="[]")
WORDS = st.one_of(st.sampled_from(MARKUP), st.text(CHARS, min_size=1, max_size=10))
TEXT = st.lists(WORDS, min_size=1, max_size=5).map(" ".join).filter(lambda t: t.strip())


def _fields(data) -> list[tuple[object, object]]:
    """(container, key) of the text fields filled, one or more of each kind Omsk's acts print:
    the goal, tasks, a principle, a mechanism, an indicator, a channel of interaction, a method
    of monitoring, a function of three subjects, a roadmap direction and two activities (Omsk's
    roadmap has no column of results), the order's signatory's position."""
    system = data["system"]
    out = [(system, "goal"), (system["tasks"], 0), (system["tasks"], 1), (system["principles"], 0),
           (system["mechanisms"], 0), (system["indicators"][0], "text"), (system["interaction"]["channels"], 0),
           (system["monitoring"]["methods"], 0), (data["roadmap"]["directions"][0], "title"),
           (data["acts"]["order"]["signatory"], "position")]
    for subject in system["subjects"]["regional"][:3]:
        out.append((subject["functions"], 0))
    items = data["roadmap"]["directions"][0]["items"]
    out += [(items[0], "activity"), (items[1], "activity")]
    return out


def _docx_text(path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    from lxml import etree

    root = etree.fromstring(xml.encode())
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{ns}t")) for p in root.iter(f"{ns}p")]
    return "\n".join(paragraphs)


@settings(max_examples=5, deadline=None, derandomize=True, phases=(Phase.generate,),   # a build per example: no shrinking
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(texts=st.lists(TEXT, min_size=15, max_size=15))
def test_random_text_is_only_text_in_the_handbook_and_literal_in_every_docx(tmp_path_factory, texts):
    case = make_case(tmp_path_factory.mktemp("property"))
    try:
        data = case.load()
        values = [f"{MARK}{n} {text}" for n, text in enumerate(texts)]
        for (container, key), value in zip(_fields(data), values):
            container[key] = value
        case.save(data)
        result = case.run("build", timeout=900)
        assert result.returncode == 0, result.stderr[-3000:]
        build = case.root / "build"
        documents = {p.name: squash(_docx_text(p)) for p in (build / "acts" / "omsk").glob("*.docx")}
        for value in values:
            shown = squash(typeset(value))[1:]         # a list item may start in lower case
            users = [name for name, text in documents.items() if shown in text]
            assert users, (value, shown)
        pages = sorted((build / "site" / "regions" / "omsk").rglob("*.html"))
        visible = ""
        for page in pages:
            live, text = scan_html(page.read_text(encoding="utf-8"), MARK)
            assert live == [], (page.name, live)
            visible += " " + squash(text)
        for value in values:
            assert squash(typeset(value))[1:] in visible, value
    finally:
        shutil.rmtree(case.root.parent, ignore_errors=True)
