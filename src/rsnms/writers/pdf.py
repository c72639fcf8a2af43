"""PDF beside each .docx, by headless LibreOffice (one call for many files).

LibreOffice writes into a private temporary folder with its own user profile (so
parallel runs do not collide); each PDF is then moved into place atomically, with
its creation date and document id fixed so that equal .docx give equal PDF bytes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..diagnostics import Diagnostic, InputError
from ..fsutil import write_atomic

_DATES = re.compile(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise InputError([Diagnostic("soffice", 1, 1, "",
                                 "LibreOffice не найден: установите его (make system-deps) "
                                 "или соберите без --pdf")])


def fixed(pdf: bytes) -> bytes:
    """The PDF with fixed dates, id and checksum, each replacement the same length (xref stays valid)."""
    def date(m: re.Match) -> bytes:
        old = m.group(0)
        new = b"/" + m.group(1) + b"(D:20000101000000"
        return new + b" " * (len(old) - len(new) - 1) + b")"

    def ident(m: re.Match) -> bytes:
        return m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(m.group(2), b"0" * len(m.group(2)))

    def checksum(m: re.Match) -> bytes:
        return m.group(0).replace(m.group(1), b"0" * len(m.group(1)))

    return _CHECKSUM.sub(checksum, _ID.sub(ident, _DATES.sub(date, pdf)))


def convert(files: list[Path], timeout: int = 600) -> list[Path]:
    """Write ``<name>.pdf`` beside every given .docx; returns the PDFs written."""
    if not files:
        return []
    binary = soffice()
    written = []
    with tempfile.TemporaryDirectory(prefix="rsnms-pdf-") as tmp:
        tmp_path = Path(tmp)
        # same file names in different folders would collide in one out dir: number them
        staged = []
        for i, src in enumerate(files):
            link = tmp_path / "in" / f"{i:03d}-{src.name}"
            link.parent.mkdir(exist_ok=True)
            shutil.copyfile(src, link)
            staged.append(link)
        cmd = [binary, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
               "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), *map(str, staged)]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        for src, link in zip(files, staged):
            produced = tmp_path / "out" / (link.stem + ".pdf")
            if not produced.is_file():
                raise InputError([Diagnostic(str(src), 1, 1, "",
                                             "LibreOffice не смог преобразовать файл в PDF: "
                                             + (result.stderr.strip()[:300] or "причина не сообщена"))])
            target = src.with_suffix(".pdf")
            write_atomic(target, fixed(produced.read_bytes()))
            written.append(target)
    return written
