"""The site rebuilt in part: only the pages whose sources changed, the result byte for byte the
site a whole build makes (MkDocs' dirty build, made exact by the plugin :mod:`.plugin`).

A build of the site in part is asked for by ``rsnms build`` (:func:`.site.build_site` with a
:class:`Previous`) only when the nav, ``mkdocs.yml``, the theme, the hand-written pages and the
package are those of the last build (a page not rebuilt still shows the nav and its neighbours'
titles in its footer), and only MkDocs, Material, its search and the ``rsnms`` plugin make the
site (no custom theme folder, hooks or other plugins); otherwise the site is built whole. Then:

* **Outputs kept.** Each file of the site whose source is the last build's file — a page of
  ``build/docs`` linked unchanged (same inode, same mtime), a file of the theme — has its output
  hard-linked from the last ``build/site`` into the staged site; every other output is made
  anew into a fresh file, so MkDocs, which writes in place, never writes through a link into
  the committed ``build/`` (:meth:`Partial.keep_unchanged`). MkDocs' dirty build then rebuilds
  exactly the pages with no output.
* **Pages not rebuilt** are read (their front matter, for the theme) but not rendered; their
  anchors and their links to anchors come from the record of the last build
  (``build/.rsnms/pages.json``), so MkDocs checks every link to an anchor as a whole build
  does: a link to a missing anchor in a rebuilt page, or into a rebuilt page from one not
  rebuilt, still fails the strict build (MkDocs 1.6 skips the anchors of pages it did not
  render) (:meth:`Partial.restore`). The set of files of ``docs/`` is in the site's key, so a
  link to a file that is gone cannot pass unseen.
* **The theme's static pages** (404, sitemap) depend only on what the site's key holds: linked.
* **The search index**: Material indexes only the rebuilt pages; their sections (with word
  forms, :mod:`.search`) replace theirs in the last build's index, the pages in the order of a
  whole build (:func:`.search.rewrite_index`).
"""

from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..fsutil import link_or_copy

RECORD = ".rsnms/pages.json"      # page → its anchor ids and links to anchors, relative to build/
DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class Previous:
    """The committed build a site is rebuilt from in part."""

    site: Path                       # its site/
    docs: Path                       # its docs/
    pages: dict[str, dict]           # page (docs-relative) → its anchors and links (:func:`page_record`)

    @classmethod
    def of(cls, build: Path) -> "Previous | None":
        """The last build's site, when it is whole enough to be rebuilt in part; else None."""
        try:
            pages = json.loads((build / RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(pages, dict) or not (build / "site" / "search" / "search_index.json").is_file():
            return None
        return cls(build / "site", build / "docs", pages)

    @property
    def index(self) -> Path:
        return self.site / "search" / "search_index.json"


def page_record(page) -> dict:
    """What MkDocs found in a rendered page for checking links: its anchor ids, and its links to
    anchors (target page → anchor → the link as written)."""
    links = {target.src_uri: dict(sorted(anchors.items())) for target, anchors in (page.links_to_anchors or {}).items()}
    return {"anchors": sorted(page.present_anchor_ids or ()), "links": dict(sorted(links.items()))}


def record_text(pages: dict[str, dict]) -> str:
    """The record of every page (the same bytes for the same site)."""
    return json.dumps(dict(sorted(pages.items())), ensure_ascii=False, separators=(",", ":")) + "\n"


class Partial:
    """One build of the site in part, driven by the plugin's events."""

    def __init__(self, previous: Previous):
        self.previous = previous

    def keep_unchanged(self, files, config) -> None:
        """Link the last build's output of every file whose source did not change; make sure
        no output MkDocs will write is a link (it writes in place)."""
        docs, site = os.path.join(config.docs_dir, ""), Path(config.site_dir)
        for file in files:
            if file.abs_src_path is None or file.inclusion.is_excluded():
                continue
            target = site / file.dest_uri
            if self._unchanged(file.abs_src_path, docs, file.src_uri):
                old = self.previous.site / file.dest_uri
                try:
                    if stat.S_ISREG(os.lstat(old).st_mode):
                        link_or_copy(old, target)
                except OSError:
                    pass                 # not in the last site: made now
            if file.is_modified() and os.path.lexists(target):
                target.unlink()

    def _unchanged(self, src: str, docs: str, src_uri: str) -> bool:
        if not src.startswith(docs):
            return True              # the theme's files: the package and its libraries are in the site's key
        try:
            now, before = os.stat(src), os.stat(self.previous.docs / src_uri)
        except OSError:
            return False
        return (now.st_dev, now.st_ino) == (before.st_dev, before.st_ino)

    def keep_templates(self, config) -> None:
        """The theme's static pages (``404.html``, ``sitemap.xml`` and its ``.gz``) show only the
        nav, the pages' addresses and the build date, all in the site's key: the last build's are
        linked and not rendered again."""
        site = Path(config.site_dir)
        for name in sorted(config.theme.static_templates):
            outputs = [name, f"{name}.gz"] if name == "sitemap.xml" else [name]
            if all((self.previous.site / out).is_file() for out in outputs):
                for out in outputs:
                    link_or_copy(self.previous.site / out, site / out)
                config.theme.static_templates.discard(name)

    def restore(self, files, config, record: dict[str, dict]) -> None:
        """Pages MkDocs did not render: their source read (front matter for the theme), their
        anchors and links to anchors as recorded, so MkDocs checks them all; into ``record``."""
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.content is not None:
                continue
            if page.markdown is None:
                page.read_source(config)
            recorded = self.previous.pages.get(file.src_uri)
            if recorded is None:
                continue
            page.present_anchor_ids = set(recorded["anchors"])
            targets = {uri: files.get_file_from_path(uri) for uri in recorded["links"]}
            page.links_to_anchors = {targets[uri]: dict(links) for uri, links in recorded["links"].items()
                                     if targets[uri] is not None}
            record[file.src_uri] = recorded


class QuietDirty(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation: a partial build of rsnms
    happens only when the nav is unchanged and makes the whole build's bytes, so the warning
    (which strict mode would count) is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)
