"""Reading acts: Word's automatic numbering as printed (checked against LibreOffice's own
rendering of the labels), tracked changes accepted, page breaks of a text joined, bad input."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from acts_samples import synthetic_act
from rsnms.diagnostics import InputError
from rsnms.readers.acts import Para, Table, read_sources
from rsnms.readers.acts import text as text_reader


def labels_by_libreoffice(docx: Path) -> list[str]:
    """The list labels LibreOffice prints for a .docx (its XHTML export keeps them)."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{docx.parent / 'lo'}", "--headless", "--convert-to",
                    "html:XHTML Writer File:UTF8", "--outdir", str(docx.parent), str(docx)],
                   check=True, capture_output=True, timeout=300)
    html = docx.with_suffix(".html").read_text(encoding="utf-8")
    return re.findall(r'<span class="ListLabel[^"]*"[^>]*>([^<]*)</span>', html)


def test_automatic_numbering_is_read_as_word_and_libreoffice_print_it(tmp_path):
    docx = synthetic_act(tmp_path / "act.docx")
    source = read_sources([docx])[0]
    ours = [p.text.split(" ", 1)[0] for p in source.blocks if isinstance(p, Para) and p.auto]
    printed = [label for label in labels_by_libreoffice(docx) if label.strip()]
    # numbers exactly; a bullet as a dash (LibreOffice repeats the bullet character in its XHTML)
    assert [x if re.search(r"\w", x) else "–" for x in ours] == \
        [x if re.search(r"\w", x) else "–" for x in printed]
    assert len(ours) >= 20
    texts = [p.text for p in source.blocks if isinstance(p, Para)]
    # levels restart under a new parent, a list restarted with startOverride begins at 1, letters are Russian
    assert "2.2. Задачи РСНМС:" in texts and "3) развитие наставничества и горизонтального обучения;" in texts
    assert "1) открытость и доступность;" in texts
    assert any(t.startswith("б) Центр непрерывного") for t in texts)
    assert "– разрабатывает индивидуальные образовательные маршруты;" in texts


def test_tracked_changes_are_accepted(tmp_path):
    from acts_samples import tracked
    docx = synthetic_act(tmp_path / "act.docx")
    edited = tracked(tmp_path / "edited.docx", docx, "обеспечивает финансирование системы",
                     "обеспечивает финансирование и контроль системы;", "2")
    source = read_sources([edited])[0]
    texts = [p.text for p in source.blocks if isinstance(p, Para)]
    assert "– обеспечивает финансирование и контроль системы;" in texts
    assert not any("обеспечивает финансирование системы" in t for t in texts)
    rows = [r.cells for b in source.blocks if isinstance(b, Table) for r in b.rows]
    assert not any("Диагностика профессиональных дефицитов" in " ".join(r) for r in rows)
    assert any("Семинары для муниципальных координаторов" in " ".join(r) for r in rows)


def test_text_joins_what_a_page_break_cut(tmp_path):
    path = tmp_path / "act.txt"
    path.write_text("2.2. Задачи:\n\n1) выстраивание системы профессионального развития педагогов, выявленных\n\n"
                    "на базе центра;\n\n- Распоряжение Правительства от 31 декабря 2019 года;\n"
                    "- Распоряжение Правительства Российской Федерации «Основные принципы» (с изменениями, внесенными распоряжением\n\n- Правительства от 20 августа 2021 года);\n\n"
                    "п р и к а з ы в а ю :\n\nо создании региональной системы научно-\nметодического сопровождения\n",
                    encoding="utf-8")
    texts = [b.text for b in text_reader.read(path).blocks]
    assert "1) выстраивание системы профессионального развития педагогов, выявленных на базе центра;" in texts
    assert "- Распоряжение Правительства Российской Федерации «Основные принципы» (с изменениями, внесенными " \
        "распоряжением Правительства от 20 августа 2021 года);" in texts
    assert "п р и к а з ы в а ю :" in texts
    assert "о создании региональной системы научно-методического сопровождения" in texts


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name, content, expected", [
    ("empty.docx", b"", "файл пуст"),
    ("act.xlsx", b"PK\x03\x04rest", "не поддерживается"),
    ("broken.docx", b"this is not a zip at all", "повреждён"),
    ("secret.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "защищён паролем"),
    ("broken.pdf", b"%PDF-1.4 garbage", "PDF не читается"),
    ("broken.rtf", b"plain words", "повреждён"),
])
def test_bad_input_is_a_russian_message(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_sources([path])
    assert expected in error.value.diagnostics[0].message
    assert error.value.diagnostics[0].file == str(path)


def test_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    bomb = _zip(tmp_path / "bomb.docx", {"[Content_Types].xml": b"<x/>", "word/document.xml": b"0" * (20 * 2**20)})
    assert bomb.stat().st_size < 2 * 2**20
    with pytest.raises(InputError) as error:
        read_sources([bomb])
    assert "zip-бомб" in error.value.diagnostics[0].message
