"""The linter on the five real source texts: it finds the defects the profiles' errata record
(recall, printed per region), and reads every input kind the same way."""

from __future__ import annotations

import json
import subprocess

import pytest
from ruamel.yaml import YAML

from conftest import ROOT, run_rsnms
from rsnms.lint.known import errata, matches

SOURCES = sorted((ROOT / "acts" / "sources").glob("*.txt"))
PROFILES = {p.stem: YAML(typ="safe").load(p.read_text(encoding="utf-8")) for p in (ROOT / "regions").glob("*.yaml")}
PROFILES["model"] = YAML(typ="safe").load((ROOT / "acts" / "model.yaml").read_text(encoding="utf-8"))
HELD_OUT = "irkutsk"      # no word of its text is in the project word list (see the note of issue 10)


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    result = run_rsnms("lint", *[p.relative_to(ROOT).as_posix() for p in SOURCES], "--format", "json")
    assert result.returncode == 1, result.stderr          # the sources have defects
    return json.loads(result.stdout)["findings"]


def test_the_linter_finds_the_defects_the_errata_record(findings):
    from rsnms.lint.finding import Finding
    found = [Finding(**{k: v for k, v in f.items() if k in Finding.__dataclass_fields__}) for f in findings]
    total = hit = 0
    print()
    for region, profile in sorted(PROFILES.items()):
        # errata recorded by reading the sources; those the linter itself found do not measure it
        known = errata({"errata": [e for e in profile.get("errata", []) if "found_by" not in e]})
        caught = sum(1 for e in known if any(matches(f, e) for f in found))
        total, hit = total + len(known), hit + caught
        label = " (held out)" if region == HELD_OUT else ""
        print(f"{region:<10} errata {len(known):>3}, found {caught:>3}, recall {caught / max(len(known), 1):.3f}{label}")
    print(f"{'all':<10} errata {total:>3}, found {hit:>3}, recall {hit / total:.3f}")
    assert total >= 80 and hit / total >= 0.95


def test_errata_count_as_known_and_do_not_fail_alone(findings):
    known = [f for f in findings if f.get("known")]
    assert len(known) >= 40 and all("errata" in f["known"] or f["known"].startswith("подавлено: ") for f in known)
    assert sum("errata" in f["known"] for f in known) >= 40
    for f in findings:
        assert {"rule", "severity", "file", "line", "column", "message", "excerpt"} <= set(f)
        assert f["line"] >= 1 and f["column"] >= 1


def test_findings_point_at_the_text_as_it_stands(findings):
    lines = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8").splitlines() for p in SOURCES}
    for f in findings:
        line = lines[f["file"]][f["line"] - 1]
        assert line[f["column"] - 1:].startswith(f["excerpt"][:10]), f


def test_the_same_act_as_docx_odt_and_pdf_gives_the_same_defects(tmp_path):
    """EAO's regulation rebuilt as a Word file, converted by LibreOffice to .odt and PDF."""
    from docx import Document
    text = (ROOT / "acts" / "sources" / "004_e695f8a21520c27b.txt").read_text(encoding="utf-8")
    document = Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line)
    docx = tmp_path / "eao.docx"
    document.save(str(docx))
    for target in ("odt", "pdf"):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                        target, "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=300)
    rules = {}
    for path in (docx, tmp_path / "eao.odt", tmp_path / "eao.pdf"):
        result = run_rsnms("lint", str(path), "--format", "json")
        assert result.returncode == 1, result.stderr
        rules[path.suffix] = {(f["rule"], f["excerpt"]) for f in json.loads(result.stdout)["findings"]}
    for wanted in (("lang.spelling", "управлеченческих"), ("lang.government", "поддержки")):
        assert all(wanted in found for found in rules.values()), (wanted, rules)


def test_unusable_input_is_a_located_russian_error(tmp_path):
    for name, content in (("scan.pdf", None), ("broken.docx", b"not a zip"), ("x.rtf", b"{\\rtf1}")):
        path = tmp_path / name
        if content is None:
            path.write_bytes(_blank_pdf())
        else:
            path.write_bytes(content)
        result = run_rsnms("lint", str(path))
        assert result.returncode == 2, (name, result.stderr)
        assert "Traceback" not in result.stderr and ":1:1:" in result.stderr


def _blank_pdf() -> bytes:
    """A one-page PDF with nothing to read (no text layer)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
