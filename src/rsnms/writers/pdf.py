"""PDF beside each .docx, by headless LibreOffice (one call for a batch of files, :mod:`rsnms.office`).

Each PDF is moved into place atomically, with its creation date and document id fixed so
that equal .docx give equal PDF bytes.
"""

from __future__ import annotations

import re
import subprocess
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


BATCH = 40            # files per LibreOffice run: a crash or a hang costs one batch, not the build


def convert(files: list[Path], progress=lambda _m: None, jobs: int = 1) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Write ``<name>.pdf`` beside every given .docx, in LibreOffice runs of :data:`BATCH` files,
    ``jobs`` runs at a time (each with its own user profile); a file a batch did not convert is
    tried again alone. Returns the PDFs written and every file that still failed, with
    LibreOffice's reason (in Russian when it gave none)."""
    from concurrent.futures import ThreadPoolExecutor

    size = max(1, min(BATCH, -(-len(files) // max(1, jobs))))       # every job busy, no batch over BATCH
    batches = [files[start:start + size] for start in range(0, len(files), size)]
    written, failed, done = [], [], 0
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        for batch, results in zip(batches, pool.map(lambda b: _run(b, 60 + 10 * len(b)), batches)):
            done += len(batch)
            progress(f"PDF: {done} из {len(files)}")
            for path, result in zip(batch, results):
                if result is None or (result.data is None and len(batch) > 1):
                    result = _run([path], 120)[0]      # alone: a neighbour's crash or hang is not its fault
                if result is None or result.data is None:
                    failed.append((path, (result.log[:300] if result else "") or "LibreOffice не ответил или "
                                   "не создал файл"))
                    continue
                target = path.with_suffix(".pdf")
                write_atomic(target, fixed(result.data))
                written.append(target)
    return written, failed


def _run(files: list[Path], timeout: int) -> list[office.Result | None]:
    """One LibreOffice run; None for each file when it hung past ``timeout`` seconds."""
    try:
        return office.convert(files, "pdf", timeout)
    except office.NoOffice:
        raise InputError([Diagnostic("soffice", 1, 1, "", "LibreOffice не найден: установите его (make system-deps) "
                                     "или соберите без --pdf")]) from None
    except subprocess.TimeoutExpired:
        return [None] * len(files)
