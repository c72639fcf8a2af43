"""Bad input, found before anything is read: a missing, empty, unsupported, damaged or
password-protected file, a zip bomb, XML with a DTD or entities. Each is a Russian message
naming the file and what to do (:class:`~rsnms.diagnostics.InputError`, exit code 2,
nothing written). Every Office file rsnms opens passes here first: acts to import or lint,
an edited act of ``import --update``, the Word templates."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ...diagnostics import Diagnostic, InputError

MAX_FILE = 64 * 1024 * 1024           # bytes of an input file
MAX_UNPACKED = 256 * 1024 * 1024      # bytes a .docx/.odt may unpack to
MAX_RATIO = 200                       # unpacked/packed of one zip entry (text compresses ~10×)
MAX_ENTRIES = 5000
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # compound file: .doc, or an encrypted .docx
ZIP = b"PK\x03\x04"
ZIPPED = (".docx", ".docm", ".odt")
FORMATS = ".docx, .odt, .doc, .rtf, .pdf (с текстовым слоем) или .txt"


def fail(path: Path | str, message: str) -> InputError:
    return InputError([Diagnostic(str(path), 1, 1, "", message)])


def check(path: Path, shown: str | None = None) -> None:
    """Raise :class:`InputError` (naming the file as ``shown``) when ``path`` cannot be an act
    or a template rsnms reads."""
    try:
        _check(path)
    except InputError as exc:
        if shown is None:
            raise
        raise InputError([Diagnostic(shown, d.line, d.column, d.path, d.message) for d in exc.diagnostics]) from None


def _check(path: Path) -> None:
    suffix = path.suffix.lower()
    if path.exists() and not path.is_file():
        raise fail(path, "это не обычный файл (папка, именованный канал или устройство): укажите файл акта")
    if not path.is_file():
        raise fail(path, "файл не найден: проверьте путь")
    if suffix not in (".docx", ".docm", ".odt", ".doc", ".rtf", ".pdf", ".txt"):
        raise fail(path, f"формат «{suffix or 'без расширения'}» не поддерживается: сохраните акт как {FORMATS}")
    size = path.stat().st_size
    if size == 0:
        raise fail(path, "файл пуст: возьмите файл акта с текстом")
    if size > MAX_FILE:
        raise fail(path, f"файл больше {MAX_FILE // 2**20} МБ: акт такого размера не бывает — проверьте, тот ли это файл")
    head = path.open("rb").read(8)
    if suffix in ZIPPED:
        if head == OLE:
            raise fail(path, "документ защищён паролем (зашифрован): снимите пароль в Word "
                             "(Файл → Сведения → Защита документа) и сохраните заново")
        if head[:4] != ZIP:
            raise fail(path, f"файл повреждён или это не {suffix}: откройте его в Word или LibreOffice "
                             "и сохраните заново")
        _check_zip(path, suffix)
    elif suffix == ".doc" and head != OLE:
        raise fail(path, "файл повреждён или это не документ Word (.doc): откройте его и сохраните заново")
    elif suffix == ".rtf" and not head.startswith(b"{\\rtf"):
        raise fail(path, "файл повреждён или это не RTF: откройте его и сохраните заново")
    elif suffix == ".pdf" and not head.startswith(b"%PDF"):
        raise fail(path, "файл повреждён или это не PDF: возьмите исходный PDF или .docx")


def _check_zip(path: Path, suffix: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {e.filename for e in entries}
            if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED or any(
                    e.file_size > 1_000_000 and e.file_size > MAX_RATIO * max(e.compress_size, 1) for e in entries):
                raise fail(path, "файл распаковывается в слишком большой объём (похоже на «zip-бомбу»): "
                                 "он не будет прочитан; возьмите исходный документ")
            if any(e.flag_bits & 0x1 for e in entries):
                raise fail(path, "документ зашифрован: снимите пароль и сохраните заново")
            if suffix == ".odt":
                manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
                if b"encryption-data" in manifest:
                    raise fail(path, "документ защищён паролем: снимите пароль в LibreOffice "
                                     "(Файл → Свойства → Безопасность) и сохраните заново")
                if "content.xml" not in names:
                    raise fail(path, "файл повреждён: в нём нет текста документа (content.xml)")
            elif "word/document.xml" not in names:
                raise fail(path, "файл повреждён или это не документ Word: в нём нет word/document.xml")
            bad = archive.testzip()
            if bad is None:
                bad = next((e.filename for e in entries if _declares_dtd(archive, e)), None)
                if bad is not None:
                    raise fail(path, f"в части «{bad}» объявлен DTD или сущности XML (<!DOCTYPE, <!ENTITY>): Word "
                                     "их не пишет — откройте файл в Word и сохраните заново")
            elif bad is not None:
                raise fail(path, f"файл повреждён (часть «{bad}» не читается): откройте его в Word и сохраните заново")
    except zipfile.BadZipFile:
        raise fail(path, "файл повреждён (архив не читается): откройте его в Word или LibreOffice и сохраните заново") from None


def _declares_dtd(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
    """Whether an XML part declares a DTD or entities (read in chunks, never expanded)."""
    if not entry.filename.endswith((".xml", ".rels")):
        return False
    tail = b""
    with archive.open(entry) as part:
        while chunk := part.read(1 << 16):
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                return True
            tail = window[-16:]
    return False
