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

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterator

from ..compare import report
from ..compare.align import Alignment
from ..compare.view import View
from ..compose import ComposedRegion
from ..model.profile import Profile
from ..writers import data
from .region import ModelWork, RegionWork
from .validation import default_jobs, fork_pool, forking

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


def run_jobs(job: Job, profiles: list[Profile], jobs: int | None,
             meanwhile: Callable[[], None] = lambda: None) -> Iterator[tuple[dict[str, bytes], Payload]]:
    """``(files, payload)`` of each profile, in the profiles' order, made by ``jobs`` processes.
    ``meanwhile`` runs in this process, before this returns, while the workers make them (with
    one job, before they are made): with two cores or more even one region is made by a worker,
    so this process takes the unchanged regions from the last build at the same time."""
    global _JOB
    _JOB = job
    cores = jobs or default_jobs()
    if cores == 1 or not profiles:
        meanwhile()
        return map(region_job, profiles)
    _ = job.model.documents          # computed once, before the fork
    pool = fork_pool(min(cores, len(profiles)))
    try:
        with forking():
            results = pool.map(region_job, profiles, chunksize=1)     # submitted now
        meanwhile()
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    return _results(pool, results)


def _results(pool: ProcessPoolExecutor, results) -> Iterator:
    with pool:
        yield from results


_BACKGROUND: Callable[[], bytes] | None = None     # set in the parent before the worker is forked


def _background() -> bytes:
    return _BACKGROUND()


class Background:
    """One cross-region file made by a worker forked from this process (it has the payloads
    without their being sent to it) while this process goes on; with one job, made here when
    asked for. :meth:`result` waits for it; a worker that failed or died leaves it to this
    process, which makes it (and meets the same error, if it is one). :meth:`close` ends it."""

    def __init__(self, make: Callable[[], bytes], jobs: int | None):
        global _BACKGROUND
        self.make, self.pool, self.future = make, None, None
        if (jobs or default_jobs()) > 1:
            _BACKGROUND = make
            self.pool = fork_pool(1)
            try:
                with forking():
                    self.future = self.pool.submit(_background)
            except BaseException:
                self.close()
                raise

    def result(self) -> bytes:
        try:
            if self.future is not None:
                try:
                    return self.future.result()
                except Exception:      # the worker's error, or its death: made here
                    pass
            return self.make()
        finally:
            self.close()

    def close(self) -> None:
        global _BACKGROUND
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool, _BACKGROUND = None, None
