"""``rsnms serve``: build, then preview the handbook; a change to profiles, acts, templates
or ``docs/`` rebuilds the pages, and MkDocs reloads the browser."""

from __future__ import annotations

import sys
import threading
import time

from ..diagnostics import Diagnostic, InputError
from ..project import Project
from ..validate import errors_of, load_catalog, validate_files
from .build import Run, stage_pages, stage_regions
from .transaction import Transaction


def rebuild_pages(project: Project, paths, report) -> None:
    """Acts, comparison (Markdown and JSON) and pages again, from the files as they are now."""
    try:
        catalog = load_catalog(project)
        profiles, diagnostics = validate_files(paths(), catalog)
        errors = errors_of(diagnostics)
        if errors:
            report(errors)
            print("Страницы не обновлены: исправьте ошибки.", file=sys.stderr)
            return
        with Transaction(project, full=False, owns=("docs",)) as tx:
            run = Run.of(project, catalog, profiles, tx)
            stage_regions(run, ("acts", "compare"), ("md", "json"))
            stage_pages(run)
            tx.commit()
        print("Страницы обновлены.", file=sys.stderr)
    except InputError as exc:
        report(exc.diagnostics)


def watch(project: Project, on_change) -> None:
    """Call ``on_change`` whenever a file of the project's inputs changes (polled each second)."""
    def snapshot() -> dict:
        roots = [project.regions, project.root / "acts", project.templates, project.root / "docs"]
        return {p: p.stat().st_mtime_ns for r in roots if r.is_dir() for p in r.rglob("*") if p.is_file()}

    def loop() -> None:
        seen = snapshot()
        while True:
            time.sleep(1)
            now = snapshot()
            if now != seen:
                seen = now
                on_change()
    threading.Thread(target=loop, daemon=True).start()


def serve(project: Project, addr: str, paths, report: "callable[[list[Diagnostic]], None]") -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    watch(project, lambda: rebuild_pages(project, paths, report))
    print(f"Справочник: http://{addr}/ (Ctrl+C — остановить)", file=sys.stderr)
    mkdocs_serve(str(project.config), dev_addr=addr, livereload=True)
