""".odt, .doc and .rtf through headless LibreOffice into .docx, all files in one call
(LibreOffice takes about 1.5 s to start), then read like any .docx (:mod:`.ooxml`).

Why .docx and not LibreOffice's XHTML: the .docx keeps the paragraph styles and the
numbering definitions (the labels are then computed as Word prints them), tracked
changes can be accepted in the XML, and one reader serves every word processor.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ... import office
from .guard import fail

SUFFIXES = (".odt", ".doc", ".rtf")


def to_docx(paths: list[Path], timeout: int = 300) -> dict[Path, bytes]:
    """The .docx bytes of each file, converted in one LibreOffice run (:func:`rsnms.office.convert`)."""
    if not paths:
        return {}
    try:
        results = office.convert(paths, "docx:MS Word 2007 XML", timeout)
    except office.NoOffice:
        raise fail(paths[0], "для чтения .odt, .doc и .rtf нужен LibreOffice: установите его "
                             "(make system-deps) или сохраните акт как .docx") from None
    except subprocess.TimeoutExpired:
        raise fail(paths[0], "LibreOffice не успел прочитать файлы: проверьте, открываются ли они") from None
    out: dict[Path, bytes] = {}
    for result in results:
        if result.data is None:
            raise fail(result.path, "файл не читается: он повреждён или защищён паролем — откройте его в "
                                    "Word или LibreOffice, снимите пароль и сохраните заново")
        out[result.path] = result.data
    return out
