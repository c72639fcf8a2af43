"""``rsnms build``: the explicit list of stages that turns profiles into ``build/``.

1. ``schema``: the profile schema is regenerated from the model (``regions/profile.schema.json``);
2. ``regions``: each region, a job of a process pool (:mod:`.regions`, ``--jobs``), made once
   through its :class:`~.region.RegionWork`: every act composed and rendered through its Word
   template (:mod:`rsnms.writers.docx`) to ``build/acts/<region>/<act>.docx``, the order with its
   appendices to ``package.docx``, beside each .docx its Akoma Ntoso XML; the validated profile
   as normalized JSON, ``build/data/<id>.json``; the profile and rendered acts checked by
   :mod:`rsnms.lint` (a summary line per region, ``build/lint/<region>.json`` and ``.sarif``);
   the region aligned with the model (:mod:`rsnms.compare`), its report, redline and alignment
   in ``build/compare/<region>/``;
3. ``model``: the model regulation with its roadmap template (its appendix),
   ``build/acts/model/regulation.docx`` and ``.xml``, its data and lint;
4. ``pdf`` (with ``--pdf``): a PDF beside each .docx, by headless LibreOffice in batches;
5. ``matrix`` (with the site): every region's comparison in ``build/compare/matrix.xlsx``/``.md``
   (the workbook by a worker, while this process generates the handbook's pages);
6. ``site`` (when every region is built): the handbook's pages in ``build/docs``
   (:mod:`rsnms.handbook`) and the site, by MkDocs in strict mode, in ``build/site``.

Nothing is made again whose inputs did not change (:mod:`.incremental`): an unchanged region's
files and an unchanged .docx's PDF are linked from the last build, and a build whose inputs
are all those of ``build/`` does nothing. Nothing runs unless every profile validated.

A build is a :class:`~.transaction.Transaction`: it holds the project's lock, every stage
writes into ``build.staging/`` (the schema and the nav of ``mkdocs.yml`` are kept for the
commit), and ``build/`` is swapped only when every stage, the site included, succeeded; a
failed, interrupted or refused build leaves ``build/`` and the project's files as they were.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import handbook
from ..compare import matrix, report
from ..compare.align import Alignment
from ..compose import ACT_KINDS
from ..diagnostics import Diagnostic, InputError
from ..handbook.parallel import Workers
from ..handbook.partial import RECORD, Previous, record_text
from ..model.catalog import Catalog
from ..model.profile import MODEL_ID, Profile
from ..project import Project
from ..validate import schema as schema_mod
from ..writers import data, pdf
from .. import cache
from . import incremental
from .region import ModelWork
from .regions import BUILD, COMPARE, Background, Job, Payload, run_jobs
from .validation import default_jobs, fork_pool, forking
from .transaction import Transaction

Progress = Callable[[str], None]


@dataclass
class Output:
    """What a build produces, through its transaction: files (paths relative to ``build/``)
    and warnings about unfinished drafts; ``tx`` is None for a no-op build."""

    tx: Transaction | None
    warnings: list[tuple[Path, str]] = field(default_factory=list)
    compare_warnings: list[tuple[Path, str]] = field(default_factory=list)   # links to check in a profile
    reused: list[str] = field(default_factory=list)     # files linked unchanged from the last build
    pdf_failures: list[tuple[str, str]] = field(default_factory=list)   # .docx LibreOffice did not convert
    unchanged: int = 0                                  # files of a no-op build

    def write(self, rel: str, content: bytes | str) -> Path:
        return self.tx.write(rel, content)

    def path(self, rel: str) -> Path:
        return self.tx.path(rel)

    @property
    def written(self) -> list[str]:
        return self.tx.written if self.tx else []


@dataclass
class Run:
    """One build: the project, its catalog, the regions' profiles and payloads, the model."""

    project: Project
    catalog: Catalog
    profiles: list[Profile]
    model: ModelWork
    out: Output
    progress: Progress = lambda _m: None
    jobs: int | None = None
    payloads: dict[str, Payload] = field(default_factory=dict)   # region → what the site and matrix read
    state: dict = field(default_factory=dict)                    # what the last build recorded
    keys: dict[str, str] = field(default_factory=dict)           # region (and model) → its key now
    made: dict[str, dict] = field(default_factory=dict)          # region (and model) → its key and files
    to_cache: dict[str, Payload] = field(default_factory=dict)   # payloads to keep once the build committed
    site_key: str | None = None                                  # the key of the site built (incremental.site_key)
    page_cache: dict[str, tuple] = field(default_factory=dict)   # region → key and own pages, to keep
    templates: handbook.Templates | None = None                  # the theme compiled, to keep if it changed
    workbook: Background | None = None                           # the matrix workbook, while a worker makes it

    @classmethod
    def of(cls, project: Project, catalog: Catalog, profiles: list[Profile], tx: Transaction,
           progress: Progress = lambda _m: None, jobs: int | None = None):
        return cls(project, catalog, profiles, ModelWork(project, catalog), Output(tx), progress, jobs)


def build(project: Project, catalog: Catalog, profiles: list[Profile], *, with_model: bool = True,
          with_pdf: bool = False, with_site: bool = False, progress: Progress = lambda _m: None,
          jobs: int | None = None) -> Output:
    """Every stage into a staged ``build/``, swapped in when all succeeded. A build with the
    site and the model of all regions owns all of ``build/``; a partial one, what it writes.
    Nothing is rebuilt whose inputs did not change (:mod:`.incremental`)."""
    if with_site and not project.config.is_file():   # checked before anything is written
        raise InputError([Diagnostic("mkdocs.yml", 1, 1, "", "нет файла настроек справочника mkdocs.yml в корне "
                                     "проекта: верните его из git или соберите без справочника (--no-site)")])
    options = {"model": with_model, "pdf": with_pdf, "site": with_site, "regions": [p.id for p in profiles]}
    keys, state = plan(project, {p.id: p.path for p in profiles}, with_site)
    if state.get("options") == options and state.get("keys") == keys and incremental.intact(project, state):
        return noop(project, state)
    with Transaction(project, full=with_site and with_model) as tx:
        run = Run.of(project, catalog, profiles, tx, progress, jobs)
        run.keys, run.state = keys, state
        stage_schema(run)
        stage_regions(run, BUILD)
        if with_model:
            stage_model(run)
        if with_pdf:
            stage_pdf(run)
        try:
            stage_matrix(run, report.FORMATS, with_site)
            if with_site:
                stage_site(run)
            matrix_done(run)
        finally:
            if run.workbook is not None:      # a stage failed or was stopped while its worker ran
                run.workbook.close()
        record(run, options)
        tx.commit()
    for rid, payload in run.to_cache.items():       # after the commit: a failed build changes nothing
        cache.store(project, "regions", rid, run.keys[rid], payload)
    for rid, (key, pages) in run.page_cache.items():
        cache.store(project, "pages", rid, key, pages)
    if run.templates is not None and run.templates.changed:
        cache.store(project, "templates", "jinja", handbook.Templates.KEY, run.templates.entries)
    return run.out


def plan(project: Project, paths: dict[str, Path], with_site: bool) -> tuple[dict[str, str], dict]:
    """The key of each region (and of the model) now, and what the last build recorded."""
    config = project.config.read_text(encoding="utf-8") if with_site and project.config.is_file() else None
    glob = incremental.global_key(project, config)
    keys = {rid: incremental.region_key(glob, path) for rid, path in paths.items()} | {MODEL_ID: glob}
    return keys, incremental.read_state(project)


def unchanged(project: Project, paths: list[Path], *, with_model: bool, with_pdf: bool,
              with_site: bool) -> Output | None:
    """The no-op build, told before any profile is read again: every input as the last build
    recorded it (the profiles by their bytes) and every file of it in place; else None."""
    options = {"model": with_model, "pdf": with_pdf, "site": with_site, "regions": [p.stem for p in paths]}
    keys, state = plan(project, {p.stem: p for p in paths}, with_site)
    if state.get("options") == options and state.get("keys") == keys and incremental.intact(project, state):
        return noop(project, state)
    return None


def known_state(run: Run) -> None:
    """What the last build recorded and the keys now (for a command that reuses its files)."""
    run.keys, run.state = plan(run.project, {p.id: p.path for p in run.profiles}, True)


def noop(project: Project, state: dict) -> Output:
    """A build whose inputs are those of ``build/``: nothing to do; the warnings as recorded."""
    out = Output(None, unchanged=len(state.get("sizes", {})))
    out.warnings = [(project.root / path, message) for path, message in state.get("warnings", [])]
    out.compare_warnings = [(project.root / path, message) for path, message in state.get("compare_warnings", [])]
    return out


def record(run: Run, options: dict) -> None:
    """``build/.rsnms/inputs.json``: the keys, options, warnings and files of this build."""
    tx, rel = run.out.tx, run.project.rel
    regions = {} if tx.full else dict(run.state.get("regions", {}))
    regions.update(run.made)
    state = {"options": options, "keys": {} if run.out.pdf_failures else run.keys, "regions": regions,
             "warnings": [[rel(p), m] for p, m in run.out.warnings],
             "compare_warnings": [[rel(p), m] for p, m in run.out.compare_warnings],
             "site": run.site_key, "sizes": incremental.sizes(tx.staging)}
    tx.write(incremental.STATE, incremental.state_text(state))


def stage_schema(run: Run) -> None:
    run.out.tx.project_file(run.project.schema, schema_mod.dumps(run.catalog.schema))


def _recorded(run: Run, rid: str, parts: tuple[str, ...]) -> bool:
    """The last build made the region with at least these parts, under the same key."""
    entry = run.state.get("regions", {}).get(rid)
    return bool(entry) and entry.get("key") == run.keys.get(rid) and set(parts) <= set(entry.get("parts", ()))


def _reused(run: Run, rid: str, parts: tuple[str, ...]) -> Payload | None:
    """A recorded region's payload, its files (of ``parts``) linked from the last build; None
    (make it) when its payload is not in the cache or a file is not in ``build/``."""
    entry = run.state["regions"][rid]
    files = [rel for rel in entry["files"] if rel.split("/", 1)[0] in parts and not rel.endswith(".pdf")]
    payload = cache.load(run.project, "regions", rid, run.keys[rid])
    if payload is None or (parts == BUILD and payload.composed is None):
        return None
    if not all(run.out.tx.reuse(rel) for rel in files):
        return None
    run.out.reused += files
    run.made[rid] = {"key": entry["key"], "parts": list(parts), "files": files}
    return payload


def stage_regions(run: Run, parts: tuple[str, ...], formats=report.FORMATS, author: str | None = None) -> None:
    """Each region's acts, data, lint and comparison (``parts``), made in the pool or reused; the
    unchanged regions are taken from the last build while the pool makes the changed ones."""
    reusable = author is None and tuple(formats) == report.FORMATS
    recorded = {p.id for p in run.profiles if reusable and _recorded(run, p.id, parts)}
    kept = [p for p in run.profiles if p.id in recorded]
    todo, late = [p for p in run.profiles if p.id not in recorded], []

    def reuse() -> None:
        for profile in kept:
            payload = _reused(run, profile.id, parts)
            if payload is None:
                late.append(profile)        # its payload or a file is gone: made after the others
            else:
                payload.profile = profile   # as validated now (its bytes are the cached one's; its path is today's)
                run.payloads[profile.id] = payload
                run.progress(f"без изменений: {profile.id}")

    job = Job(run.project, run.catalog, run.model, parts, tuple(formats), author)
    _write_regions(run, todo, run_jobs(job, todo, run.jobs, meanwhile=reuse), parts, formats, reusable)
    _write_regions(run, late, run_jobs(job, late, run.jobs), parts, formats, reusable)
    for profile in run.profiles:
        payload = run.payloads[profile.id]
        run.out.warnings += [(profile.path, w) for w in payload.warnings]
        run.out.compare_warnings += [(profile.path, w) for w in payload.compare_warnings]


def _write_regions(run: Run, profiles: list[Profile], results, parts: tuple[str, ...], formats,
                   reusable: bool) -> None:
    """The regions' files written in their order, their payloads kept (and cached once committed)."""
    for profile, (files, payload) in zip(profiles, results):
        rid = profile.id
        for rel, content in files.items():
            run.out.write(rel, content)
        if "compare" in parts and "docx" in formats and f"compare/{rid}/redline.docx" not in files:
            run.out.path(f"compare/{rid}/redline.docx").unlink(missing_ok=True)   # no adopted regulation now
        run.payloads[rid] = payload
        if reusable:
            run.made[rid] = {"key": run.keys[rid], "parts": list(parts), "files": sorted(files)}
            run.to_cache[rid] = payload
        _progress(run, rid, payload, parts)


def _progress(run: Run, rid: str, payload: Payload, parts: tuple[str, ...]) -> None:
    from ..lint.output import summary

    if "acts" in parts:
        run.progress(f"акты: {rid}")
    if "lint" in parts:
        run.progress(f"проверка актов: {rid} — {summary(payload.lint)}")
    run.progress(f"сравнение: {rid}")


def stage_model(run: Run) -> None:
    """The model regulation with its roadmap template: .docx, AKN, data, lint (reused when unchanged)."""
    from ..lint.output import to_json, to_sarif
    from .lint import lint_model

    names = [f"acts/{MODEL_ID}/regulation.docx", f"acts/{MODEL_ID}/regulation.xml", f"data/{MODEL_ID}.json",
             f"lint/{MODEL_ID}.json", f"lint/{MODEL_ID}.sarif"]
    entry = run.state.get("regions", {}).get(MODEL_ID, {})
    if entry.get("key") == run.keys[MODEL_ID] and all(run.out.tx.reuse(rel) for rel in names):
        run.out.reused += names
        run.made[MODEL_ID] = {"key": run.keys[MODEL_ID], "parts": ["model"], "files": names}
        return
    run.progress(f"акты: {MODEL_ID}")
    findings = lint_model(run.project, run.catalog, run.model)
    contents = [run.model.package, run.model.akn, data.to_json(run.catalog.model), to_json(findings),
                to_sarif(findings)]
    for rel, content in zip(names, contents):
        run.out.write(rel, content)
    run.made[MODEL_ID] = {"key": run.keys[MODEL_ID], "parts": ["model"], "files": names}


def stage_pdf(run: Run) -> None:
    """A PDF beside each .docx of the acts; an unchanged .docx keeps its PDF of the last build.
    A file LibreOffice could not convert is reported (and tried again by the next build)."""
    docx = sorted(rel for rel in run.out.written if rel.startswith("acts/") and rel.endswith(".docx"))
    reused = set(run.out.reused)
    kept = {_pdf(rel) for rel in docx if rel in reused and run.out.tx.reuse(_pdf(rel))}
    todo = [rel for rel in docx if _pdf(rel) not in kept]
    run.progress(f"PDF: {len(todo)} файлов из {len(docx)} (LibreOffice; прочие не изменились)")
    written, failed = pdf.convert([run.out.tx.staging / rel for rel in todo], run.progress,
                                  run.jobs or default_jobs())
    made = kept | {path.relative_to(run.out.tx.staging).as_posix() for path in written}
    run.out.written.extend(sorted(made - kept))
    run.out.pdf_failures += [(path.relative_to(run.out.tx.staging).as_posix(), why) for path, why in failed]
    for entry in run.made.values():
        entry["files"] = sorted({*entry["files"], *(_pdf(rel) for rel in entry["files"] if _pdf(rel) in made)})


def _pdf(rel: str) -> str:
    return rel[:-len(".docx")] + ".pdf" if rel.endswith(".docx") else rel


def stage_matrix(run: Run, formats, with_matrix: bool) -> None:
    """The matrix of every region's comparison (cross-region: made whenever any region changed).
    Its workbook is made by a worker while this process generates the pages (:func:`matrix_done`
    waits for it)."""
    if not (with_matrix and run.payloads):
        return
    views = {rid: run.payloads[rid].comparison for rid in (p.id for p in run.profiles)}
    if "xlsx" in formats:
        run.workbook = Background(lambda: matrix.matrix_xlsx(views, run.catalog.model.data), run.jobs)
    if "md" in formats:
        run.out.write("compare/matrix.md", matrix.matrix_markdown(views, run.catalog.model.data))


def matrix_done(run: Run) -> None:
    """The matrix workbook in ``build/compare/`` (once its worker made it)."""
    workbook, run.workbook = run.workbook, None
    if workbook is not None:
        run.out.write("compare/matrix.xlsx", workbook.result())


def stage_compare(run: Run, formats, with_matrix: bool, author: str | None = None) -> dict[str, Alignment]:
    """Alignment, report, redline (of an adopted regulation) per region; the cross-region matrix
    when ``with_matrix``. A link the profile states and the texts do not bear out is a warning."""
    stage_regions(run, COMPARE, formats, author)
    stage_matrix(run, formats, with_matrix)
    matrix_done(run)
    return {rid: run.payloads[rid].alignment for rid in (p.id for p in run.profiles)}


def handbook_sources(run: Run) -> handbook.Sources:
    """What the handbook is made from: the regions, and the files this build staged."""
    staged = run.out.tx.staging
    acts = staged / "acts"
    regions = [handbook.RegionSource(w.profile, w.composed.acts,
                                     {k.slug: acts / w.profile.id / f"{k.slug}.docx" for k in ACT_KINDS.values()},
                                     w.alignment, w.composed.documents, lint=w.lint, comparison=w.comparison)
               for w in run.payloads.values()]
    regions.sort(key=lambda r: r.name)
    return handbook.Sources(run.project, run.catalog, regions, acts / MODEL_ID / "regulation.docx",
                            run.model.documents, build=staged)


def stage_pages(run: Run) -> list:
    """The handbook's Markdown pages in build/docs; the nav of mkdocs.yml, written at commit."""
    run.progress("справочник: страницы")
    sources = handbook_sources(run)
    keys = _page_keys(run)
    kept = {rid: own for rid, key in keys.items() if (own := cache.load(run.project, "pages", rid, key)) is not None}
    pages = handbook.generate(sources, kept)
    matrix_done(run)                  # the pages' downloads include the workbook
    run.page_cache = {rid: (key, pages.regions[rid]) for rid, key in keys.items() if rid not in kept}
    previous = run.project.build / "docs"
    run.out.written.extend(handbook.write_pages(sources, pages, previous if previous.is_dir() else None))
    nav = handbook.nav(sources)
    config = run.project.config
    run.out.tx.project_file(config, handbook.config_with_nav(config.read_text(encoding="utf-8"), nav))
    return nav


def _page_keys(run: Run) -> dict[str, str]:
    """The key of each region's own pages: its key and which of its files this build has
    (a page links the PDF and the XML beside a .docx when they are there)."""
    out = {}
    for rid in run.payloads:
        if rid in run.keys:
            folder = run.out.tx.staging / "acts" / rid
            names = sorted(os.listdir(folder)) if folder.is_dir() else []
            out[rid] = hashlib.sha256("\0".join([run.keys[rid], *names]).encode()).hexdigest()
    return out


def stage_site(run: Run) -> None:
    """The pages, then the site: only the pages whose sources changed when the last build's site
    has the same key (configuration, theme, package, nav, set of files); else whole."""
    nav = stage_pages(run)
    docs = run.out.path("docs/index.md").parent
    run.site_key = incremental.site_key(run.keys[MODEL_ID], nav, docs)
    previous = Previous.of(run.project.build) if run.state.get("site") == run.site_key else None
    run.progress("справочник: сайт (MkDocs" + (", изменённые страницы)" if previous else ")"))
    workers = Workers(fork_pool, forking) if (run.jobs or default_jobs()) > 1 else None
    run.templates = handbook.Templates(cache.load(run.project, "templates", "jinja", handbook.Templates.KEY))
    record = handbook.build_site(run.project.config, docs, run.out.path("site/x").parent, nav, previous, workers,
                                 run.templates)
    if record is not None:
        run.out.write(RECORD, record_text(record))
    else:
        run.site_key = None
    run.out.written.append("site")
