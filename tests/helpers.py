"""Helpers the tests share: reading what rsnms wrote as a user would see it — the text of
a .docx, the pages of a PDF and their ink, the visible text and links of a site page."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from rsnms.readers.docx import docx_text

PROJECT = Path(__file__).resolve().parents[1]


def text_of(path: Path) -> str:
    return docx_text(path.read_bytes())


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def read_png(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, grey level of each pixel) of an 8-bit greyscale or RGB PNG, as pdftoppm writes it."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _c, _f, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and color in (0, 2) and interlace == 0
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    bpp = 1 if color == 0 else 3
    stride = width * bpp
    raw, out, prev = zlib.decompress(idat), bytearray(), bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for x in range(stride):
            left = row[x - bpp] if x >= bpp else 0
            up, corner = prev[x], prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                row[x] = (row[x] + left) & 255
            elif kind == 2:
                row[x] = (row[x] + up) & 255
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[x] = (row[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        out += row if bpp == 1 else bytes(sum(row[i:i + 3]) // 3 for i in range(0, stride, 3))
        prev = row
    return width, height, bytes(out)


def page_ink(pdf: Path, page: int, tmp: Path, box=(0.0, 0.0, 1.0, 1.0)) -> tuple[float, tuple[int, int]]:
    """Share of dark pixels in a part of a page rendered to PNG (0: nothing printed there), and
    the image size; ``box`` is (left, top, right, bottom) as fractions of the page."""
    out = tmp / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", "30", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(out)], check=True)
    width, height, pixels = read_png(out.with_suffix(".png").read_bytes())
    x0, y0, x1, y1 = (int(box[0] * width), int(box[1] * height), int(box[2] * width), int(box[3] * height))
    area = [pixels[y * width + x] for y in range(y0, y1) for x in range(x0, x1)]
    return sum(1 for b in area if b < 128) / len(area), (width, height)


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "search" not in p.parts)


def url_of(site: Path, page: Path) -> str:
    rel = page.parent.relative_to(site).as_posix()
    return "/" if rel == "." else f"/{rel}/"


class Links(HTMLParser):
    """Links of a page, and the visible text of its article (not the navigation, scripts or
    the hidden list of search forms)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self._article = None
        self._skip = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in self.VOID:
            return
        self._stack.append(tag)
        if tag == "article" and self._article is None:
            self._article = len(self._stack)
        if self._skip is None and (tag in ("script", "style") or "rsnms-search-forms" in (attrs.get("class") or "")):
            self._skip = len(self._stack)

    def handle_endtag(self, tag):
        if tag in self.VOID or tag not in self._stack:
            return
        while self._stack:
            depth = len(self._stack)
            if self._skip == depth:
                self._skip = None
            if self._article == depth:
                self._article = -1
            if self._stack.pop() == tag:
                break

    def handle_data(self, data):
        if self._article not in (None, -1) and self._skip is None:
            self.text.append(data)


def parse(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def visible_words(html_page: Path) -> set[str]:
    return {w.lower() for w in re.findall(r"[А-Яа-яЁё]+", " ".join(parse(html_page).text))}


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def serve_site(site: Path):
    """A static server of a built site on 127.0.0.1 (a context manager giving its base URL)."""
    import contextlib
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *_args):
            pass

    @contextlib.contextmanager
    def running():
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}"
        finally:
            httpd.shutdown()
    return running()


def offline_page(browser, base: str, **options):
    """A new page that lets through only requests to ``base`` and records everything else:
    blocked and failed requests and console errors, in ``page.problems``."""
    page = browser.new_page(**options)
    problems: list[str] = []

    def route(r):
        if r.request.url.startswith(base):
            r.continue_()
        else:
            problems.append(f"blocked: {r.request.url}")
            r.abort()
    page.route("**/*", route)
    # a request the browser cancels because the test moved on to the next page (a search index
    # still loading) is not a failure; any other is, and so is every blocked request above
    page.on("requestfailed", lambda r: r.failure == "net::ERR_ABORTED" and r.url.startswith(base)
            or problems.append(f"failed: {r.url} ({r.failure})"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"error: {e}"))
    page.problems = problems
    return page


def highlighted(path: Path) -> list[str]:
    """The texts of the highlighted placeholders of a .docx (runs in the style «Заполнитель»)."""
    from docx import Document as open_docx
    from docx.oxml.ns import qn
    document = open_docx(str(path))
    style_id = document.styles["Заполнитель"].style_id
    runs = document.element.body.iter(qn("w:r"))
    out = []
    for run in runs:
        r_style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if r_style is not None and r_style.get(qn("w:val")) == style_id:
            out.append("".join(t.text for t in run.iter(qn("w:t"))))
    return out


def region_work(region: str, catalog):
    """The unit of work of one of the project's regions (a writer's test renders through it)."""
    from rsnms.pipeline.region import RegionWork
    from rsnms.validate import validate_file

    profile, _ = validate_file(PROJECT / "regions" / f"{region}.yaml", catalog)
    return RegionWork(catalog.project, catalog, profile)
