"""PDF beside each .docx, by headless LibreOffice (one call for many files, :mod:`rsnms.office`).

Each PDF is moved into place atomically, with its creation date and document id fixed so
that equal .docx give equal PDF bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import office
from ..diagnostics import Diagnostic, InputError
from ..fsutil import write_atomic

_DATES = re.compile(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


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
    try:
        results = office.convert(files, "pdf", timeout)
    except office.NoOffice:
        raise InputError([Diagnostic("soffice", 1, 1, "", "LibreOffice не найден: установите его (make system-deps) "
                                     "или соберите без --pdf")]) from None
    written = []
    for result in results:
        if result.data is None:
            raise InputError([Diagnostic(str(result.path), 1, 1, "", "LibreOffice не смог преобразовать файл в PDF: "
                                         + (result.log[:300] or "причина не сообщена"))])
        target = result.path.with_suffix(".pdf")
        write_atomic(target, fixed(result.data))
        written.append(target)
    return written
