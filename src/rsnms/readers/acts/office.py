""".odt, .doc and .rtf through headless LibreOffice into .docx, all files in one call
(LibreOffice takes about 1.5 s to start), then read like any .docx (:mod:`.ooxml`).

Why .docx and not LibreOffice's XHTML: the .docx keeps the paragraph styles and the
numbering definitions (the labels are then computed as Word prints them), tracked
changes can be accepted in the XML, and one reader serves every word processor.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .guard import fail

SUFFIXES = (".odt", ".doc", ".rtf")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(paths: list[Path], timeout: int = 300) -> dict[Path, bytes]:
    """The .docx bytes of each file, converted in one LibreOffice run."""
    if not paths:
        return {}
    binary = soffice()
    if binary is None:
        raise fail(paths[0], "для чтения .odt, .doc и .rtf нужен LibreOffice: установите его "
                             "(make system-deps) или сохраните акт как .docx")
    out: dict[Path, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="rsnms-import-") as tmp:
        tmp_path = Path(tmp)
        staged = []
        for i, path in enumerate(paths):
            link = tmp_path / "in" / f"{i:03d}{path.suffix.lower()}"
            link.parent.mkdir(exist_ok=True)
            shutil.copyfile(path, link)
            staged.append(link)
        cmd = [binary, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"), *map(str, staged)]
        try:
            subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise fail(paths[0], "LibreOffice не успел прочитать файлы: проверьте, открываются ли они") from None
        for path, link in zip(paths, staged):
            produced = tmp_path / "out" / (link.stem + ".docx")
            if not produced.is_file() or produced.stat().st_size == 0:
                raise fail(path, "файл не читается: он повреждён или защищён паролем — откройте его в "
                                 "Word или LibreOffice, снимите пароль и сохраните заново")
            out[path] = produced.read_bytes()
    return out
