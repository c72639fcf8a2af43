"""Headless LibreOffice, for any stage: many files converted to one format in one call
(LibreOffice takes about 1.5 s to start).

The files are copied into a private temporary folder under numbered names (the same name in
two folders would collide, and a user's file name can hold anything; the output does not
depend on it), converted there with a user profile of their own (parallel runs
do not collide), and what LibreOffice made of each is read back before the folder goes.
Readers (``readers/acts/office``: .odt/.doc/.rtf → .docx) and writers (``writers/pdf``:
.docx → .pdf) say in their own words what a missing result means.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class NoOffice(LookupError):
    """LibreOffice is not installed."""


@dataclass(frozen=True)
class Result:
    path: Path                 # the file given
    data: bytes | None         # what LibreOffice made of it; None when it made nothing (or an empty file)
    log: str = ""              # what LibreOffice said on its standard error (one call for all files)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(files: list[Path], target: str, timeout: int = 600) -> list[Result]:
    """Each file converted to ``target`` («pdf», «docx:MS Word 2007 XML» …) by one LibreOffice
    run. Raises :class:`NoOffice`, or ``subprocess.TimeoutExpired`` after ``timeout`` seconds."""
    if not files:
        return []
    binary = soffice()
    if binary is None:
        raise NoOffice("soffice")
    suffix = "." + target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="rsnms-office-") as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        staged = [folder / "in" / f"{i:03d}{path.suffix.lower()}" for i, path in enumerate(files)]
        for path, link in zip(files, staged):
            shutil.copyfile(path, link)
        cmd = [binary, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(folder / "out"), *map(str, staged)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        results = []
        for path, link in zip(files, staged):
            produced = folder / "out" / (link.stem + suffix)
            data = produced.read_bytes() if produced.is_file() else None
            results.append(Result(path, data or None, done.stderr.strip()))
    return results
