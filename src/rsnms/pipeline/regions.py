"""Regions as independent units of work: each region's outputs made in a process pool
(``--jobs``, default all cores), or reused from the last build when its key is unchanged.

A region's job (:func:`region_job`, in a worker) composes, renders, lints and compares one
region through its :class:`~.region.RegionWork` and returns its files (path in ``build/`` →
bytes) and its :class:`Payload` — what the cross-region stages (the matrix, the handbook) read.
The parent writes the files in the regions' order, whatever order the workers finish in, so
the output does not depend on the number of jobs. A region whose key (:mod:`.incremental`)
equals the one the last build recorded, whose files are all in ``build/`` and whose payload
is in the cache (:mod:`rsnms.cache`), is not computed again: its files are linked from ``build/``.

The workers are forked from the parent after the catalog and the model's side (its composed
documents, their lemmas) are ready, so every worker starts with them computed once.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from ..compare import report
from ..compare.align import Alignment
from ..compare.view import View
from ..compose import ComposedRegion
from ..model.profile import Profile
from ..writers import data
from .region import ModelWork, RegionWork
from .validation import default_jobs

BUILD = ("acts", "data", "lint", "compare")      # what a build makes of a region
COMPARE = ("compare",)                          # what `rsnms compare` makes of it


@dataclass
class Payload:
    """What the cross-region stages need of a region (kept in the cache between builds)."""

    profile: Profile
    composed: ComposedRegion | None
    alignment: Alignment
    comparison: View
    lint: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)          # unfinished places of its drafts
    compare_warnings: list[str] = field(default_factory=list)  # links the texts do not bear out


@dataclass
class Job:
    """What every worker shares: the project, the catalog, the model's side, what to make."""

    project: object
    catalog: object
    model: ModelWork
    parts: tuple[str, ...] = BUILD
    formats: tuple[str, ...] = report.FORMATS
    author: str | None = None


_JOB: Job | None = None     # set in the parent before the workers are forked


def region_job(profile: Profile) -> tuple[dict[str, bytes], Payload]:
    """One region's files (path in ``build/`` → bytes) and payload."""
    job = _JOB
    work = RegionWork(job.project, job.catalog, profile, job.model)
    rid, files = work.id, {}
    findings = []
    if "acts" in job.parts:
        for name, content in {**work.files, **work.akn}.items():
            files[f"acts/{rid}/{name}"] = content
    if "data" in job.parts:
        files[f"data/{rid}.json"] = data.to_json(profile).encode("utf-8")
    if "lint" in job.parts:
        from ..lint.output import to_json, to_sarif
        from .lint import lint_region

        findings = lint_region(job.project, job.catalog, profile, work)
        files[f"lint/{rid}.json"] = to_json(findings).encode("utf-8")
        files[f"lint/{rid}.sarif"] = to_sarif(findings).encode("utf-8")
    if "compare" in job.parts:
        marked = work.redline(job.author) if "docx" in job.formats else None
        for name, content in report.region_files(work.alignment, work.comparison, job.formats, marked).items():
            files[f"compare/{rid}/{name}"] = content.encode("utf-8") if isinstance(content, str) else content
    payload = Payload(profile, work.composed if "acts" in job.parts else None, work.alignment, work.comparison,
                      findings, list(work.warnings) if "acts" in job.parts else [], list(work.alignment.warnings))
    return files, payload


def run_jobs(job: Job, profiles: list[Profile], jobs: int | None):
    """``(files, payload)`` of each profile, in the profiles' order, made by ``jobs`` processes."""
    global _JOB
    _JOB = job
    jobs = max(1, min(jobs or default_jobs(), len(profiles)))
    if jobs == 1:
        yield from map(region_job, profiles)
        return
    _ = job.model.documents          # computed once, before the fork
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(region_job, profiles, chunksize=1)
