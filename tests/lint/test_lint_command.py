"""`rsnms lint` as a user runs it: exit codes, JSON and SARIF (validated against the SARIF 2.1.0
schema), regions and the model, suppressions with a reason, the build's lint stage."""

from __future__ import annotations

import json

import jsonschema

from conftest import ROOT, run_rsnms

SARIF_SCHEMA = ROOT / ".venv" / "share" / "sarif-2.1.0.json"
OMSK_SOURCE = "acts/sources/000_e4389d264fc9d2d5.txt"


def test_exit_codes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Положение определяет порядок работы.\n", encoding="utf-8")
    assert run_rsnms("lint", str(clean)).returncode == 0
    assert run_rsnms("lint", OMSK_SOURCE).returncode == 1
    result = run_rsnms("lint", "atlantis")
    assert result.returncode == 2 and "не регион" in result.stderr and "Traceback" not in result.stderr


def test_text_output_names_file_line_column_rule(tmp_path):
    result = run_rsnms("lint", OMSK_SOURCE)
    first = result.stdout.splitlines()[0]
    file, line, column, rest = first.split(":", 3)
    assert file == OMSK_SOURCE and int(line) >= 1 and int(column) >= 1 and rest.split(":")[0].strip() in \
        {r.split()[0] for r in _rule_ids()}
    assert "Найдено:" in result.stderr


def _rule_ids() -> set[str]:
    from rsnms.lint import RULES
    return set(RULES)


def test_sarif_validates_against_the_sarif_210_schema():
    assert SARIF_SCHEMA.is_file(), "run `make test`: it fetches the SARIF schema (scripts/fetch-sarif-schema.sh)"
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    result = run_rsnms("lint", OMSK_SOURCE, "omsk", "--format", "sarif")
    assert result.returncode == 1
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    assert len(run["results"]) > 20 and {r["level"] for r in run["results"]} <= {"error", "warning", "note"}
    assert any("suppressions" in r for r in run["results"])            # errata are known
    assert any("fixes" in r for r in run["results"])
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_a_region_is_its_profile_and_every_rendered_act(project_copy):
    result = run_rsnms("lint", "omsk", "--format", "json", root=project_copy)
    files = {f["file"] for f in json.loads(result.stdout)["findings"]}
    assert files <= {"regions/omsk.yaml"} | {f"build/acts/omsk/{a}.docx" for a in
                                              ("order", "regulation", "roadmap", "network-regulation", "package")}


def test_a_regions_finding_is_found_once_in_the_act_it_is_in():
    """Irkutsk's roadmap uses «ЛПС» without introducing it: found in roadmap.docx, not again in the
    package that holds the roadmap."""
    findings = json.loads(run_rsnms("lint", "irkutsk", "--format", "json").stdout)["findings"]
    assert [f["file"] for f in findings if f["excerpt"] == "ЛПС"] == ["build/acts/irkutsk/roadmap.docx"]
    places = [(f["rule"], f["message"], f["excerpt"]) for f in findings]
    assert len(places) == len(set(places))


def _replaced(docx: bytes, old: str, new: str, occurrence: int) -> bytes:
    """``docx`` with the ``occurrence``-th (0-based) ``old`` of its text replaced by ``new``."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                parts = data.decode("utf-8").split(old)
                assert len(parts) > occurrence + 1, old
                data = (old.join(parts[:occurrence + 1]) + new + old.join(parts[occurrence + 1:])).encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def test_the_package_is_read_for_what_is_about_the_order_with_its_appendices():
    """The rules about an act with its appendices (the order's date in an appendix's stamp) read
    the package; the others read each act alone, so a defect of the regulation is found once."""
    from rsnms.lint.run import lint_rendered
    from rsnms.pipeline.lint import lint_region, rendered_files, shown
    from rsnms.pipeline.region import PACKAGE, RegionWork
    from rsnms.project import Project
    from rsnms.validate import load_catalog, validate_file

    project = Project(ROOT)
    catalog = load_catalog(project)
    work = RegionWork(project, catalog, validate_file(ROOT / "regions" / "omsk.yaml", catalog)[0])
    assert work.package_parts[:2] == ["order.docx", "regulation.docx"]
    files = rendered_files(work)
    package, regulation = shown(work, PACKAGE), shown(work, "regulation.docx")
    files[package] = _replaced(_replaced(files[package], "07.04.2022", "04.04.2012", 1),     # the stamp, not the head
                               "Общие положения", "Общие положения положения", 0)
    files[regulation] = _replaced(files[regulation], "Общие положения", "Общие положения положения", 0)
    found = lint_rendered(catalog, work.profile, files, (package, [shown(work, n) for n in work.package_parts]))
    where = {(f.rule, f.file) for f in found}
    assert ("requisites.date", package) in where
    assert ("lang.repeated-word", regulation) in where and ("lang.repeated-word", package) not in where
    assert all(f.file != package for f in lint_region(project, catalog, work.profile, work))   # nothing else there


def test_a_lawyer_suppresses_a_finding_with_a_reason(project_copy):
    profile = project_copy / "regions" / "omsk.yaml"
    text = profile.read_text(encoding="utf-8")
    bad = "\n    - выстраивание единой региональной системы"
    assert bad in text
    profile.write_text(text.replace(bad, "\n    - в в рамках проекта" + bad, 1) +
                       "lint:\n  suppress:\n    - {rule: lang.repeated-word, text: в в, reason: так в принятом акте}\n",
                       encoding="utf-8")
    findings = json.loads(run_rsnms("lint", "omsk", "--format", "json", root=project_copy).stdout)["findings"]
    repeated = [f for f in findings if f["rule"] == "lang.repeated-word"]
    assert repeated and all(f["known"] == "подавлено: так в принятом акте" for f in repeated)


def test_a_suppression_names_a_rule_that_exists(project_copy):
    profile = project_copy / "regions" / "omsk.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") +
                       "lint:\n  suppress:\n    - {rule: lang.speling, reason: опечатка в имени правила}\n",
                       encoding="utf-8")
    result = run_rsnms("validate", "omsk", root=project_copy)
    assert result.returncode == 2 and "lang.speling" in result.stderr and "lang.spelling" in result.stderr


def test_build_reports_lint_per_region_and_writes_json_and_sarif(project_copy):
    result = run_rsnms("build", "eao", root=project_copy)
    assert result.returncode == 0, result.stderr
    assert "проверка актов: eao — ошибок" in result.stderr
    lint = project_copy / "build" / "lint"
    data = json.loads((lint / "eao.json").read_text(encoding="utf-8"))
    assert "findings" in data and (lint / "eao.sarif").is_file()


def test_readme_documents_every_rule():
    import subprocess
    import sys
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in _rule_ids():
        assert f"`{rule}`" in readme, rule
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "lint_rules_table.py"), "--check"])
    assert check.returncode == 0, "the README's table of rules is stale: run scripts/lint_rules_table.py"


def test_the_handbook_shows_each_regions_findings_on_its_page(built):
    for region in ("omsk", "orenburg", "irkutsk", "eao"):
        page = (built / "build" / "site" / "regions" / region / "index.html").read_text(encoding="utf-8")
        assert 'id="lint"' in page and f"rsnms lint {region}" in page
        report = json.loads((built / "build" / "lint" / f"{region}.json").read_text(encoding="utf-8"))
        listed = [f for f in report["findings"] if not f.get("known")]
        if listed:                              # each listed finding is on the page, at its place
            assert all(f"{f['line']}:{f['column']}" in page for f in listed)
        else:
            assert "Ошибок, предупреждений и замечаний нет" in page
