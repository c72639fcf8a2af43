"""``rsnms build``: the explicit list of stages that turns profiles into ``build/``.

1. ``schema``: the profile schema is regenerated from the model (``regions/profile.schema.json``);
2. ``data``: each validated profile (and the model) as normalized JSON, ``build/data/<id>.json``;
3. ``acts``: every act of each region composed (:mod:`rsnms.compose`) and rendered through
   its Word template (:mod:`rsnms.docx_writer`) to ``build/acts/<region>/<act>.docx``, the
   order with its appendices to ``package.docx``, the model regulation with its roadmap
   template (its appendix) to ``build/acts/model/regulation.docx``;
4. ``pdf`` (with ``--pdf``): a PDF beside each .docx, by headless LibreOffice;
5. ``compare``: each region aligned with the model (:mod:`rsnms.align`) and its report,
   redline and alignment in ``build/compare/<region>/``; the matrix of all of them in
   ``build/compare/matrix.xlsx`` (:mod:`rsnms.compare`);
6. ``site`` (when every region is built): the handbook's pages in ``build/docs``
   (:mod:`rsnms.site`) and the site, by MkDocs in strict mode, in ``build/site``.

Everything is rendered in memory first; then each file is written atomically, so a
failing or killed build never leaves a half-written file and a failure before the
writing step changes nothing. Nothing runs unless every profile validated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import align, compare, compose, docx_writer, export, pdf, redline, schema as schema_mod, site
from .diagnostics import Diagnostic, InputError
from .fsutil import write_atomic
from .profile import Profile
from .project import Project

Progress = Callable[[str], None]


@dataclass
class Output:
    """What a build produced: files written and warnings about unfinished drafts."""

    written: list[Path] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)


def build(project: Project, catalog, profiles: list[Profile], *, with_model: bool = True,
          with_pdf: bool = False, with_site: bool = False, progress: Progress = lambda _m: None) -> Output:
    if with_site and not project.config.is_file():   # checked before anything is written
        raise InputError([Diagnostic("mkdocs.yml", 1, 1, "", "нет файла настроек справочника mkdocs.yml в корне "
                                     "проекта: верните его из git или соберите без справочника (--no-site)")])
    out = Output()
    remove_stale_temporaries(project.build)
    stage_schema(project, catalog, out)
    # acts first: they are rendered in memory before any is written, so a broken template
    # stops the build before it changes anything
    docx_files = stage_acts(project, catalog, profiles, with_model, out, progress)
    stage_data(project, catalog, profiles, out, progress)
    if with_pdf:
        stage_pdf(docx_files, out, progress)
    alignments = stage_compare(project, catalog, profiles, compare.FORMATS, with_site, out, progress)
    if with_site:
        stage_site(project, catalog, profiles, alignments, out, progress)
    return out


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files a killed build left behind (never the outputs themselves)."""
    if folder.is_dir():
        for tmp in folder.rglob(".*.tmp"):
            tmp.unlink(missing_ok=True)


def stage_schema(project: Project, catalog, out: Output) -> None:
    text = schema_mod.dumps(catalog.schema)
    if not project.schema.is_file() or project.schema.read_text(encoding="utf-8") != text:
        write_atomic(project.schema, text)
        out.written.append(project.schema)


def stage_data(project: Project, catalog, profiles: list[Profile], out: Output, progress: Progress) -> None:
    for profile in [catalog.model, *profiles]:
        progress(f"данные: {profile.id}")
        target = project.build / "data" / f"{profile.id}.json"
        write_atomic(target, export.to_json(profile))
        out.written.append(target)


def render_region(project: Project, catalog, profile: Profile) -> tuple[dict[str, bytes], list[str]]:
    """File name → .docx bytes for every act of one region, and its package."""
    docs = compose.compose_profile(profile.data, catalog.model.data, catalog.drafts)
    files = {f"{doc.slug}.docx": docx_writer.render(doc, project.templates) for doc in docs.values()}
    parts = compose.package(profile.data, catalog.model.data, catalog.drafts, docs)
    if parts:
        files["package.docx"] = docx_writer.package([files[f"{d.slug}.docx"] for d in parts], parts[0])
    return files, [w for doc in docs.values() for w in doc.warnings]


def stage_acts(project: Project, catalog, profiles: list[Profile], with_model: bool,
               out: Output, progress: Progress) -> list[Path]:
    rendered: dict[Path, bytes] = {}
    for profile in profiles:
        progress(f"акты: {profile.id}")
        files, warnings = render_region(project, catalog, profile)
        for name, data in files.items():
            rendered[project.build / "acts" / profile.id / name] = data
        out.warnings += [(profile.path, w) for w in warnings]
    if with_model:
        progress("акты: model")
        regulation, roadmap = compose.compose_model(catalog.model.data, catalog.drafts)
        parts = [docx_writer.render(doc, project.templates) for doc in (regulation, roadmap)]
        rendered[project.build / "acts" / "model" / "regulation.docx"] = docx_writer.package(parts, regulation)
    for path, data in rendered.items():
        write_atomic(path, data)
        out.written.append(path)
    return list(rendered)


def stage_pdf(docx_files: list[Path], out: Output, progress: Progress) -> None:
    progress(f"PDF: {len(docx_files)} файлов (LibreOffice)")
    out.written += pdf.convert(docx_files)


def stage_compare(project: Project, catalog, profiles: list[Profile], formats, with_matrix: bool,
                  out: Output, progress: Progress) -> dict[str, align.Alignment]:
    """Alignment, report, redline per region; the cross-region matrix when ``with_matrix``."""
    model = catalog.model.data
    reference = project.templates / "regulation.docx"
    model_regulation = None
    if "docx" in formats:
        model_regulation = docx_writer.render(compose.compose_model(model, catalog.drafts)[0], project.templates)
    alignments = {}
    for profile in profiles:
        progress(f"сравнение: {profile.id}")
        alignments[profile.id] = alignment = align.align(profile.data, model)
        marked = None
        if model_regulation is not None:
            region_regulation = compose.compose_profile(profile.data, model, catalog.drafts)["regulation"]
            marked = redline.redline(model_regulation, docx_writer.render(region_regulation, project.templates),
                                     str(reference))
        out.written += compare.write_region(project.build / "compare" / profile.id, alignment, profile.data,
                                            model, formats, marked)
    if with_matrix and alignments:
        names = {p.id: p.data["region"]["name"] for p in profiles}
        if "xlsx" in formats:
            write_atomic(project.build / "compare" / "matrix.xlsx", compare.matrix_xlsx(alignments, model, names))
            out.written.append(project.build / "compare" / "matrix.xlsx")
        if "md" in formats:
            write_atomic(project.build / "compare" / "matrix.md", compare.matrix_markdown(alignments, model, names))
            out.written.append(project.build / "compare" / "matrix.md")
    return alignments


def stage_pages(project: Project, catalog, profiles: list[Profile], alignments, out: Output,
                progress: Progress) -> None:
    """The handbook's Markdown pages in build/docs, and the nav of mkdocs.yml."""
    progress("справочник: страницы")
    acts = {p.id: {compose.SLUGS[k]: project.build / "acts" / p.id / f"{compose.SLUGS[k]}.docx"
                   for k in compose.ACT_KEYS} for p in profiles}
    acts["model"] = {"regulation": project.build / "acts" / "model" / "regulation.docx"}
    pages = site.Site(project, catalog, profiles, acts, alignments)
    pages.generate()
    out.written += pages.write()
    if site.update_config_nav(project.config, pages.nav()):
        out.written.append(project.config)


def stage_site(project: Project, catalog, profiles: list[Profile], alignments, out: Output,
               progress: Progress) -> None:
    stage_pages(project, catalog, profiles, alignments, out, progress)
    progress("справочник: сайт (MkDocs)")
    try:
        site.build_site(project.config, project.build / "site")
    except Exception as exc:  # MkDocs reports a broken link or page as an exception in strict mode
        from mkdocs.exceptions import MkDocsException
        if not isinstance(exc, MkDocsException):
            raise
        raise InputError([Diagnostic("mkdocs.yml", 1, 1, "", f"справочник не собран: {exc} — исправьте "
                                     "страницу в docs/ или настройки в mkdocs.yml")]) from None
    out.written.append(project.build / "site")
