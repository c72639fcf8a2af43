"""``rsnms build``: the explicit list of stages that turns profiles into ``build/``.

1. ``schema``: the profile schema is regenerated from the model (``regions/profile.schema.json``);
2. ``acts``: every act of each region composed once (:mod:`rsnms.compose`) and rendered
   through its Word template (:mod:`rsnms.writers.docx`) to ``build/acts/<region>/<act>.docx``,
   the order with its appendices to ``package.docx``, the model regulation with its roadmap
   template (its appendix) to ``build/acts/model/regulation.docx``; beside each .docx its Akoma
   Ntoso XML (:mod:`rsnms.writers.akn`; the order's holds its appendices);
3. ``data``: each validated profile (and the model) as normalized JSON, ``build/data/<id>.json``;
4. ``pdf`` (with ``--pdf``): a PDF beside each .docx, by headless LibreOffice;
5. ``lint``: every region's profile and rendered acts (and the model) checked by
   :mod:`rsnms.lint`; a summary line per region, ``build/lint/<region>.json`` and ``.sarif``;
6. ``compare``: each region aligned with the model (:mod:`rsnms.compare`) and its report,
   redline and alignment in ``build/compare/<region>/``; the matrix of all of them in
   ``build/compare/matrix.xlsx``;
7. ``site`` (when every region is built): the handbook's pages in ``build/docs``
   (:mod:`rsnms.handbook`) and the site, by MkDocs in strict mode, in ``build/site``.

Each region is one :class:`~.region.RegionWork`: composed once, each act rendered once,
shared by every stage. Nothing runs unless every profile validated.

A build is a :class:`~.transaction.Transaction`: it holds the project's lock, every stage
writes into ``build.staging/`` (the schema and the nav of ``mkdocs.yml`` are kept for the
commit), and ``build/`` is swapped only when every stage, the site included, succeeded; a
failed, interrupted or refused build leaves ``build/`` and the project's files as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import handbook
from ..compare import matrix, report
from ..compare.align import Alignment
from ..compose import ACT_KINDS
from ..diagnostics import Diagnostic, InputError
from ..model.catalog import Catalog
from ..model.profile import MODEL_ID, Profile
from ..project import Project
from ..validate import schema as schema_mod
from ..writers import data, pdf
from .region import ModelWork, RegionWork
from .transaction import Transaction

Progress = Callable[[str], None]


@dataclass
class Output:
    """What a build produces, through its transaction: files (paths relative to ``build/``)
    and warnings about unfinished drafts."""

    tx: Transaction
    warnings: list[tuple[Path, str]] = field(default_factory=list)
    compare_warnings: list[tuple[Path, str]] = field(default_factory=list)   # links to check in a profile

    def write(self, rel: str, content: bytes | str) -> Path:
        return self.tx.write(rel, content)

    def path(self, rel: str) -> Path:
        return self.tx.path(rel)

    @property
    def written(self) -> list[str]:
        return self.tx.written


@dataclass
class Run:
    """One build: the project, its catalog, a unit of work per region and one for the model."""

    project: Project
    catalog: Catalog
    regions: list[RegionWork]
    model: ModelWork
    out: Output
    progress: Progress = lambda _m: None
    lint: dict = field(default_factory=dict)      # region (or model) → lint findings of what was built

    @classmethod
    def of(cls, project: Project, catalog: Catalog, profiles: list[Profile], tx: Transaction,
           progress: Progress = lambda _m: None):
        model = ModelWork(project, catalog)
        return cls(project, catalog, [RegionWork(project, catalog, p, model) for p in profiles], model,
                   Output(tx), progress=progress)


def build(project: Project, catalog: Catalog, profiles: list[Profile], *, with_model: bool = True,
          with_pdf: bool = False, with_site: bool = False, progress: Progress = lambda _m: None) -> Output:
    """Every stage into a staged ``build/``, swapped in when all succeeded. A build with the
    site and the model of all regions owns all of ``build/``; a partial one, what it writes."""
    if with_site and not project.config.is_file():   # checked before anything is written
        raise InputError([Diagnostic("mkdocs.yml", 1, 1, "", "нет файла настроек справочника mkdocs.yml в корне "
                                     "проекта: верните его из git или соберите без справочника (--no-site)")])
    with Transaction(project, full=with_site and with_model) as tx:
        run = Run.of(project, catalog, profiles, tx, progress)
        stage_schema(run)
        docx_files = stage_acts(run, with_model)
        stage_data(run)
        if with_pdf:
            stage_pdf(run, docx_files)
        stage_lint(run, with_model)
        stage_compare(run, report.FORMATS, with_site)
        if with_site:
            stage_site(run)
        tx.commit()
    return run.out


def stage_schema(run: Run) -> None:
    run.out.tx.project_file(run.project.schema, schema_mod.dumps(run.catalog.schema))


def stage_acts(run: Run, with_model: bool) -> list[Path]:
    rendered: dict[str, bytes] = {}
    for work in run.regions:
        run.progress(f"акты: {work.id}")
        for name, content in work.files.items():
            rendered[f"acts/{work.id}/{name}"] = content
        run.out.warnings += [(work.profile.path, w) for w in work.warnings]
    if with_model:
        run.progress(f"акты: {MODEL_ID}")
        rendered[f"acts/{MODEL_ID}/regulation.docx"] = run.model.package
    xml: dict[str, bytes] = {}
    for work in run.regions:
        for name, content in work.akn.items():
            xml[f"acts/{work.id}/{name}"] = content
    if with_model:
        xml[f"acts/{MODEL_ID}/regulation.xml"] = run.model.akn
    return [run.out.write(rel, content) for rel, content in {**rendered, **xml}.items()][:len(rendered)]


def stage_data(run: Run) -> None:
    for profile in [run.catalog.model, *[w.profile for w in run.regions]]:
        run.progress(f"данные: {profile.id}")
        run.out.write(f"data/{profile.id}.json", data.to_json(profile))


def stage_pdf(run: Run, docx_files: list[Path]) -> None:
    run.progress(f"PDF: {len(docx_files)} файлов (LibreOffice)")
    for written in pdf.convert(docx_files):
        run.out.written.append(written.relative_to(run.out.tx.staging).as_posix())


def stage_lint(run: Run, with_model: bool) -> None:
    """The legal-technical check of what was built: one line per region, its findings in build/lint/."""
    from ..lint.output import summary, to_json, to_sarif
    from .lint import lint_model, lint_region

    checked = [(w.id, lambda w=w: lint_region(run.project, run.catalog, w.profile, w)) for w in run.regions]
    if with_model:
        checked.append((MODEL_ID, lambda: lint_model(run.project, run.catalog, run.model)))
    for name, check in checked:
        findings = check()
        run.lint[name] = findings
        run.progress(f"проверка актов: {name} — {summary(findings)}")
        run.out.write(f"lint/{name}.json", to_json(findings))
        run.out.write(f"lint/{name}.sarif", to_sarif(findings))


def stage_compare(run: Run, formats, with_matrix: bool, author: str | None = None) -> dict[str, Alignment]:
    """Alignment, report, redline (of an adopted regulation) per region; the cross-region matrix
    when ``with_matrix``. A link the profile states and the texts do not bear out is a warning."""
    for work in run.regions:
        run.progress(f"сравнение: {work.id}")
        marked = work.redline(author) if "docx" in formats else None
        files = report.region_files(work.alignment, work.comparison, formats, marked)
        for name, content in files.items():
            run.out.write(f"compare/{work.id}/{name}", content)
        if "docx" in formats and marked is None:      # no adopted regulation (any more): no redline
            run.out.path(f"compare/{work.id}/redline.docx").unlink(missing_ok=True)
        run.out.compare_warnings += [(work.profile.path, w) for w in work.alignment.warnings]
    if with_matrix and run.regions:
        views = {w.id: w.comparison for w in run.regions}
        if "xlsx" in formats:
            run.out.write("compare/matrix.xlsx", matrix.matrix_xlsx(views, run.catalog.model.data))
        if "md" in formats:
            run.out.write("compare/matrix.md", matrix.matrix_markdown(views, run.catalog.model.data))
    return {w.id: w.alignment for w in run.regions}


def handbook_sources(run: Run) -> handbook.Sources:
    """What the handbook is made from: the regions, and the files this build staged."""
    staged = run.out.tx.staging
    acts = staged / "acts"
    regions = [handbook.RegionSource(w.profile, w.composed.acts,
                                     {k.slug: acts / w.id / f"{k.slug}.docx" for k in ACT_KINDS.values()},
                                     w.alignment, w.composed.documents, lint=run.lint.get(w.id, []),
                                     comparison=w.comparison)
               for w in run.regions]
    regions.sort(key=lambda r: r.name)
    return handbook.Sources(run.project, run.catalog, regions, acts / MODEL_ID / "regulation.docx",
                            run.model.documents, build=staged)


def stage_pages(run: Run) -> list:
    """The handbook's Markdown pages in build/docs; the nav of mkdocs.yml, written at commit."""
    run.progress("справочник: страницы")
    sources = handbook_sources(run)
    run.out.written.extend(handbook.write_pages(sources, handbook.generate(sources)))
    nav = handbook.nav(sources)
    config = run.project.config
    run.out.tx.project_file(config, handbook.config_with_nav(config.read_text(encoding="utf-8"), nav))
    return nav


def stage_site(run: Run) -> None:
    nav = stage_pages(run)
    run.progress("справочник: сайт (MkDocs)")
    handbook.build_site(run.project.config, run.out.path("docs/index.md").parent, run.out.path("site/x").parent, nav)
    run.out.written.append("site")
