"""`rsnms import` as a user runs it: rendered acts give back their profiles, the seed texts give
the profiles' units, acts laid out otherwise (Word numbering, other columns, .odt, .pdf) are
read, an edited act comes back unit by unit, bad input changes nothing."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from rapidfuzz import fuzz
from ruamel.yaml import YAML

from acts_samples import converted, synthetic_act, text_act, tracked
from conftest import ROOT, copy_project, run_rsnms
from rsnms.lang.typography import typeset
from rsnms.model.units import iter_leaves, iter_roadmap, iter_subjects

SOURCES = {"omsk": "000_e4389d264fc9d2d5.txt", "orenburg": "001_8f2d06e666759c7b.txt",
           "irkutsk": "003_78658875f6c88a1e.txt", "eao": "004_e695f8a21520c27b.txt"}


def load(path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return " ".join(typeset(text).replace("\u00a0", " ").split())


def _text(unit) -> str:
    if isinstance(unit, str):
        return unit
    return unit.get("text") or f"{unit.get('term')} – {unit.get('definition')}"


def blocks(data: dict) -> dict[str, list[str]]:
    """The units of a profile by block, as texts (written independently of rsnms's walkers' users)."""
    system, out = data["system"], {}
    for key in ("tasks", "principles", "approaches", "mechanisms", "duties", "rights", "legal_basis", "indicators",
                "glossary"):
        if system.get(key):
            out[key] = [_text(u) for u in iter_leaves(system[key])]
    for key in ("subjects", "channels"):
        if system.get("interaction", {}).get(key):
            out[f"interaction.{key}"] = [_text(u) for u in iter_leaves(system["interaction"][key])]
    if system.get("monitoring", {}).get("methods"):
        out["monitoring.methods"] = [_text(u) for u in system["monitoring"]["methods"]]
    if system.get("goal"):
        out["goal"] = [system["goal"]] if isinstance(system["goal"], str) else system["goal"]
    for level, subjects in system.get("subjects", {}).items():
        out[f"subjects.{level}"] = [s.get("heading") or s["name"] for s in subjects]
    functions = [_text(f) for _l, _p, s in iter_subjects(system) for f in iter_leaves(s.get("functions", []))]
    if functions:
        out["functions"] = functions
    if data.get("roadmap"):
        out["roadmap"] = [item["activity"] for _p, item, _d, _g in iter_roadmap(data["roadmap"])]
    return out


def as_printed(data: dict) -> dict:
    """The profile with the units `rsnms lint` led to correct marked: the source prints the defect
    and an importer reads what is printed, so those are not counted (the errata a reader of the
    source found are the importer's to find, and are counted)."""
    for erratum in data.get("errata", []):
        if erratum.get("found_by") != "rsnms lint":
            continue
        *path, last = [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", erratum["where"])]
        node = data
        try:
            for key in path:
                node = node[key]
            value = node[last]
        except (KeyError, IndexError, TypeError):     # a list's item named by its key, not by index
            continue
        if isinstance(value, str):     # its quote and correction are excerpts: the unit is not counted
            node[last] = CORRECTED + value
    return data


CORRECTED = "\0"      # marks a unit corrected after `rsnms lint`


def matched(original: list[str], imported: list[str], threshold: float) -> int:
    """Units of ``original`` with a counterpart in ``imported`` (one to one, best pairs first)."""
    scores = sorted(((fuzz.ratio(norm(a), norm(b)) / 100, i, j) for i, a in enumerate(original)
                     for j, b in enumerate(imported) if not a.startswith(CORRECTED)), reverse=True)
    used_a, used_b, count = set(), set(), 0
    for score, i, j in scores:
        if score >= threshold and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            count += 1
    return count


def table(region: str, original: dict, imported: dict, threshold: float) -> list[tuple]:
    rows = []
    a, b = blocks(original), blocks(imported)
    for key in sorted(set(a) | set(b)):
        rows.append((key, len(a.get(key, [])), len(b.get(key, [])), matched(a.get(key, []), b.get(key, []), threshold),
                     sum(u.startswith(CORRECTED) for u in a.get(key, []))))
    print(f"\n{region}: блок | в профиле | импорт | совпало (сходство ≥ {threshold}); исправлено по rsnms lint")
    for row in rows:
        print(" | ".join(map(str, row)))
    return rows


def do_import(root, *args) -> dict:
    result = run_rsnms("import", *args, root=root)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Не отнесено ни к одному полю (unplaced)" in result.stdout and "Единицы по блокам" in result.stdout
    return result


# EAO adopted only its регламент: its package is rsnms's draft order with the draft regulation and
# roadmap (issue 11), which hold the model's units too; it is checked below by what EAO itself holds
ROUND_TRIP = [("omsk", "package.docx"), ("orenburg", "package.docx"), ("irkutsk", "package.docx"),
              ("eao", "network-regulation.docx")]


@pytest.mark.parametrize("region, name", ROUND_TRIP)
def test_a_rendered_act_gives_back_its_profile(built, region, name, tmp_path):
    root = copy_project(tmp_path)
    new_id = f"back-{region}"
    do_import(root, str(built / "build" / "acts" / region / name), "--id", new_id)
    original, imported = load(ROOT / "regions" / f"{region}.yaml"), load(root / "regions" / f"{new_id}.yaml")
    rows = table(f"{region}/{name}", original, imported, 1.0)
    assert all(n_orig == n_imp for _k, n_orig, n_imp, _m, _c in rows), rows          # the same units in every block
    assert sum(m for _k, _n, _i, m, _c in rows) >= 0.99 * sum(n for _k, n, *_x in rows)    # with the same texts
    key = next(k for k in imported["acts"] if k != "order")
    assert imported["acts"][key]["title"] == norm(original["acts"][key]["title"])
    order, back = original["acts"]["order"], imported["acts"]["order"]
    for field in ("kind", "number", "date", "operative_word", "operative_word_separate"):
        assert str(back.get(field)) == str(order.get(field)), field
    for act_key, act in original["acts"].items():       # an act adopted by an order the profile lacks
        if act.get("approved_by"):
            assert {k: str(v) for k, v in imported["acts"][act_key]["approved_by"].items()} == \
                {k: str(v) for k, v in act["approved_by"].items()}
    if name == "package.docx":
        assert back["title"] == norm(order["title"])
        if order.get("signatory"):
            assert back["signatory"] == {k: norm(v) for k, v in order["signatory"].items()}
    assert imported["region"]["cases"] == original["region"]["cases"]
    assert "unplaced" not in imported


def test_a_drafted_package_gives_back_the_units_the_region_holds(built, tmp_path):
    """EAO's package is drafts: every unit of EAO's own comes back, with its text, beside the model's."""
    root = copy_project(tmp_path)
    do_import(root, str(built / "build" / "acts" / "eao" / "package.docx"), "--id", "back-eao")
    original, imported = load(ROOT / "regions" / "eao.yaml"), load(root / "regions" / "back-eao.yaml")
    rows = table("eao/package.docx", original, imported, 1.0)
    own = [(k, n, i, m) for k, n, i, m, _c in rows if n and k != "legal_basis"]
    assert own and all(m == n for _k, n, _i, m in own), own
    # the draft states the legal basis in the nominative, from the registry: the same acts
    texts = [_text(e) for e in imported["system"]["legal_basis"]]
    assert len(texts) == 3 and all(n in t for n, t in zip(("273-ФЗ", "Р-33", "2163"), texts))
    assert texts[0].startswith("Федеральный закон")
    assert imported["acts"]["order"]["status"] == "draft" and "number" not in imported["acts"]["order"]


@pytest.mark.parametrize("region", SOURCES)
def test_a_seed_text_gives_the_profiles_units(region, tmp_path):
    """The seed texts, defects and conversion noise included (the table is printed: `pytest -s`)."""
    root = copy_project(tmp_path)
    do_import(root, str(root / "acts" / "sources" / SOURCES[region]), "--id", f"seed-{region}")
    imported = load(root / "regions" / f"seed-{region}.yaml")
    rows = table(region, as_printed(load(ROOT / "regions" / f"{region}.yaml")), imported, 0.9)
    # every block of the profile: the same number of units, ≥ 95 % of them matched
    assert {k for k, *_x in rows} == set(blocks(load(ROOT / "regions" / f"{region}.yaml")))
    for key, n, i, m, corrected in rows:    # units corrected after rsnms lint are not what the source prints
        assert n == i and m >= 0.95 * (n - corrected), (key, n, i, m, corrected)
    assert imported["sources"] == [f"acts/sources/{SOURCES[region]}"]
    # nothing lost: every line of the text is in the profile or listed as unplaced with its line
    assert all(u["source"]["file"] == imported["sources"][0] for u in imported.get("unplaced", []))


def _laid_out(text: str, how: str) -> str:
    """A seed as another converter lays it out: its lines wrapped at 78 characters (a copy from a
    PDF viewer: a line may begin «– ИОМ)», «1642);», a definition's «– комплекс …», or cut an
    «*emphasis*»), or at 60 (a word cut at its hyphen: «Усть-» / «Ишимского»), or its dashes
    printed as bullets «•» (the page break that gave a line of an item a dash included). Table
    rows stay as they are."""
    out, width = [], {"wrapped": 78, "narrow": 60}.get(how)
    for line in text.split("\n"):
        if "\t" not in line:
            if width and len(line) > width + 2:
                out += textwrap.wrap(line, width)
                continue
            if how == "bullets":
                line = re.sub(r"^(\s*)- ", r"\1• ", line)
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("how", ["wrapped", "narrow", "bullets"])
@pytest.mark.parametrize("region", SOURCES)
def test_a_seed_laid_out_otherwise_gives_the_same_units(region, how, tmp_path):
    """«narrow» is also saved as Windows-1251 with CRLF line ends, as an older converter would."""
    root = copy_project(tmp_path)
    seed = (root / "acts" / "sources" / SOURCES[region]).read_text(encoding="utf-8")
    variant = tmp_path / "variant.txt"
    encoding = "cp1251" if how == "narrow" else "utf-8"
    variant.write_text(_laid_out(seed, how), encoding=encoding, errors="replace", newline="\r\n" if how == "narrow" else "\n")
    lines = variant.read_text(encoding=encoding).split("\n")
    assert lines != seed.split("\n")
    if (region, how) == ("omsk", "narrow"):
        assert any(line.endswith("Усть-") for line in lines)
    if (region, how) == ("orenburg", "wrapped"):     # lines the reader has to join
        assert "– ИОМ) педагогических работников, сформированных на основе выявленных" in lines
        assert any(re.match(r"^1642\);", line) for line in lines)
    if (region, how) == ("irkutsk", "wrapped"):
        assert "– комплекс образовательных мероприятий, не сопровождающихся выдачей документов" in lines
    do_import(root, str(root / "acts" / "sources" / SOURCES[region]), "--id", "seed")
    do_import(root, str(variant), "--id", "variant")
    seed_units, variant_units = (blocks(load(root / "regions" / f"{rid}.yaml")) for rid in ("seed", "variant"))
    assert variant_units == seed_units
    assert seed_units.get("functions") or seed_units.get("interaction.subjects")


def test_a_seed_printed_to_pdf_gives_the_same_units(tmp_path):
    """EAO's регламент printed to PDF by LibreOffice: its lines broken where the page's width breaks
    them, its stamp broken otherwise («УТВЕРЖДЕН приказом департамента образования» / «Еврейской
    автономной области от 25.04.2022 № 201»)."""
    root = copy_project(tmp_path / "project")
    text = tmp_path / "eao.txt"
    text.write_bytes((root / "acts" / "sources" / SOURCES["eao"]).read_bytes())
    pdf = converted(text, ("pdf",))["pdf"]
    do_import(root, str(root / "acts" / "sources" / SOURCES["eao"]), "--id", "seed")
    result = do_import(root, str(pdf), "--id", "printed")
    assert "network_regulation (adopted)" in result.stdout
    printed = load(root / "regions" / "printed.yaml")
    assert blocks(printed) == blocks(load(root / "regions" / "seed.yaml")) and "unplaced" not in printed
    assert printed["sources"] == ["acts/sources/printed.txt"]


def test_seed_errata_are_found_not_chosen_silently(tmp_path):
    root = copy_project(tmp_path)
    result = do_import(root, str(root / "acts" / "sources" / SOURCES["omsk"]), "--id", "seed-omsk")
    imported = load(root / "regions" / "seed-omsk.yaml")
    errata = {e["where"]: e for e in imported["errata"]}
    assert imported["acts"]["order"]["date"] == "2022-04-07"          # the head's date, the stamp's is an erratum
    assert errata["acts.order.date"]["quote"] == "от 04.04.2012" and errata["acts.order.date"]["source"]["line"] == 40
    assert errata["acts.order.operative_word"]["quote"] == "призываю"
    assert imported["acts"]["order"]["operative_word"] == "приказываю"
    result_validate = run_rsnms("validate", "seed-omsk", root=root)          # errata quote the text at their line
    assert result_validate.returncode == 0, result_validate.stderr
    # the linter's findings in the profile are listed, each at its line of the profile as written
    listed = re.findall(r"^regions/seed-omsk\.yaml:(\d+):(\d+): ([\w.-]+): (.*)$", result.stdout, re.M)
    assert re.search(r"Замечания линтера к профилю: ошибок \d+, предупреждений \d+", result.stdout)
    profile_lines = (root / "regions" / "seed-omsk.yaml").read_text(encoding="utf-8").split("\n")
    mixed = [(int(n), int(c), m) for n, c, rule, m in listed if rule == "lang.mixed-script"]
    assert mixed and all(profile_lines[n - 1][c - 1:].startswith("аprobации") for n, c, _m in mixed)
    linted = run_rsnms("lint", "seed-omsk", "--format", "json", root=root)        # the same as `rsnms lint` says
    in_profile = {(f["line"], f["column"], f["rule"]) for f in json.loads(linted.stdout)["findings"]
                  if f["file"] == "regions/seed-omsk.yaml"}
    assert {(int(n), int(c), rule) for n, c, rule, _m in listed} == in_profile


def test_acts_laid_out_otherwise_docx_odt_pdf(tmp_path):
    root = copy_project(tmp_path / "project")
    docx = synthetic_act(tmp_path / "tver.docx")
    files = {"docx": docx, **converted(docx)}
    for suffix, path in files.items():
        result = do_import(root, str(path), "--id", f"tver-{suffix}")
        data = load(root / "regions" / f"tver-{suffix}.yaml")
        system = data["system"]
        assert [norm(_text(t)) for t in system["tasks"]][0] == "формирование единого научно-методического пространства региона;"
        assert len(system["tasks"]) == 4 and len(system["principles"]) == 3, suffix
        regional = system["subjects"]["regional"]
        assert [len(s["functions"]) for s in regional] == [3, 2], suffix
        assert regional[0]["short"] == "Министерство" and regional[1]["short"] == "ЦНППМ"
        rows = [item for d in data["roadmap"]["directions"] for item in d.get("items", [])]
        assert [r["deadline"] for r in rows] == ["В течение 2024 года", "Март 2024 года", "Ежеквартально"], suffix
        assert rows[1]["activity"] == "Диагностика профессиональных дефицитов педагогов"
        assert rows[1]["responsible"] == ["ЦНППМ"] and rows[1]["result"] == "проведена диагностика"
        order = data["acts"]["order"]
        assert (order["kind"], order["number"], order["date"]) == ("распоряжение", "15-р", "2024-03-13")
        assert order["kind_letter_spaced"] is True and order["operative_word"] == "обязываю"
        assert data["region"]["name"] == "Тверская область" and data["region"]["cases"]["gen"] == "Тверской области"
        assert data["roadmap"]["period"] == {"start": "2024-01-01", "end": "2024-12-31"}
        assert "Замечаний к профилю" in result.stdout


def test_a_text_act_laid_out_otherwise(tmp_path):
    """Another region's act as text: sections «Раздел I.», the legal basis inline, bullets, subjects
    and functions in a two-column table with a row a page cut, indicator groups in a table, a roadmap
    with its deadline before the executor, a row cut by a page and a row that lost its number."""
    root = copy_project(tmp_path / "project")
    do_import(root, str(text_act(tmp_path / "kaluga.txt")), "--id", "kaluga")
    data = load(root / "regions" / "kaluga.yaml")
    system = data["system"]
    assert [_text(u).split(" от ")[0] for u in system["legal_basis"]] == [
        "Федерального закона", "распоряжения Министерства просвещения Российской Федерации",
        "приказа министерства образования и науки Калужской области"]
    clause = data["acts"]["regulation"]["outline"][0]["clauses"][0]
    assert clause["text"].endswith("разработано на основании") and clause["tail"][0].startswith("и устанавливает")
    assert len(system["tasks"]) == 3
    subjects = {level: [(s.get("short") or s["name"], len(s["functions"])) for s in found]
                for level, found in system["subjects"].items()}
    assert subjects == {"regional": [("Министерство", 3), ("ЦНППМ", 2)],
                        "municipal": [("Муниципальные методические службы", 2)]}
    groups = system["indicators"]
    assert [len(g["items"]) for g in groups] == [2, 1]
    assert groups[0]["items"][1]["targets"] == {"2025": "не менее 50 человек"}
    rows = [item for d in data["roadmap"]["directions"] for item in d.get("items", [])]
    assert [r["activity"] for r in rows] == [
        "Разработка положения о региональных методистах",
        "Организация стажировок педагогов на базе пилотных школ региона",
        "Проведение семинаров для муниципальных координаторов",
        "Диагностика профессиональных дефицитов педагогов"]
    assert [r["deadline"] for r in rows] == ["март 2024 года", "апрель – май 2024 года", "в течение 2024 года",
                                             "ежеквартально"]
    assert rows[2]["responsible"] == ["ЦНППМ"] and rows[2]["result"] == "проведены семинары"
    assert "unplaced" not in data


@pytest.mark.parametrize("how", ["plain", "tracked"])
def test_an_edited_act_comes_back_unit_by_unit(built, tmp_path, how):
    root = copy_project(tmp_path / "project")
    package = built / "build" / "acts" / "omsk" / "package.docx"
    unchanged = run_rsnms("import", "--update", "omsk", str(package), root=root)
    assert unchanged.returncode == 0 and "Изменений нет" in unchanged.stdout
    edited = tmp_path / "edited.docx"
    new = "обеспечивает финансирование РСНМС и контроль за расходованием средств;"
    if how == "tracked":
        tracked(edited, package, "обеспечивает финансирование РСНМС", "- " + new, "21")
    else:
        from docx import Document
        doc = Document(package)
        paragraph = next(p for p in doc.paragraphs if p.text.startswith("- обеспечивает финансирование РСНМС"))
        for run in paragraph.runs[1:]:
            run.text = ""
        paragraph.runs[0].text = "- " + new
        row = next(r for t in doc.tables for r in t.rows if r.cells[0].text.strip() == "21")
        row._tr.getparent().remove(row._tr)
        doc.save(edited)
    shown = run_rsnms("import", "--update", "omsk", str(edited), root=root)
    assert shown.returncode == 0, shown.stderr
    assert "Изменений: 2." in shown.stdout
    assert "изменён текст: ministry.f06" in shown.stdout and "удалено: roadmap.21" in shown.stdout
    before = (root / "regions" / "omsk.yaml").read_text(encoding="utf-8")
    written = run_rsnms("import", "--update", "omsk", str(edited), "--write", root=root)
    assert written.returncode == 0, written.stderr
    after = (root / "regions" / "omsk.yaml").read_text(encoding="utf-8")
    assert new in after and "Привлечение региональных методистов к проведению" not in after
    assert after.count("\n") == before.count("\n") - 4        # the row's four lines, nothing else
    assert "# yaml-language-server" in after                   # the profile's comments stay
    assert "Изменений нет" in run_rsnms("import", "--update", "omsk", str(edited), root=root).stdout


def test_bad_input_writes_nothing(tmp_path):
    root = copy_project(tmp_path / "project")
    before = sorted(p.name for p in (root / "regions").iterdir()) + sorted(p.name for p in (root / "acts" / "sources").iterdir())
    cases = {"empty.docx": b"", "act.xlsx": b"PK\x03\x04", "broken.docx": b"not a document",
             "secret.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000,
             "scan.pdf": SCANNED_PDF}
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = run_rsnms("import", str(path), "--id", "bad", root=root)
        assert result.returncode == 2, (name, result.stderr)
        assert re.search("[а-я]", result.stderr) and "Traceback" not in result.stderr, name
        assert name in result.stderr
    after = sorted(p.name for p in (root / "regions").iterdir()) + sorted(p.name for p in (root / "acts" / "sources").iterdir())
    assert after == before
    assert run_rsnms("import", str(tmp_path / "empty.docx"), root=root).returncode == 2   # no --id


def test_export_akn_prints_the_order_with_its_appendices():
    result = run_rsnms("export", "irkutsk", "--format", "akn")
    assert result.returncode == 0, result.stderr
    assert '<FRBRthis value="/akn/ru-irk/act/rasporyazhenie/2023-06-13/55-494-mr"/>' in result.stdout
    assert result.stdout.count("<attachment ") == 2


# A one-page PDF without a text layer (a scan: only a drawn rectangle).
SCANNED_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
               b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
               b"4 0 obj<</Length 24>>stream\n10 10 200 200 re f\nendstream\nendobj\n"
               b"xref\n0 5\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
               b"0000000178 00000 n \ntrailer<</Size 5/Root 1 0 R>>\nstartxref\n250\n%%EOF\n")
