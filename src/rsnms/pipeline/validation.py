"""Validation at the scale of all regions: each profile validated once per content.

A profile whose bytes, path and federal layer (the global key of :mod:`.incremental`: the
model, the registry, the sources, the rsnms source …) are those of a profile a committed
build validated, gives what it gave then (:mod:`rsnms.cache`, ``validate/``); the others
are validated in a process pool (``jobs``, default all cores), each by
:func:`rsnms.validate.validate_file`, in the order given — the same diagnostics, in the same
order, as one process validating them one after another.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .. import cache
from ..diagnostics import Diagnostic
from ..model.catalog import Catalog
from ..model.profile import Profile
from ..project import Project
from ..validate import validate_file
from . import incremental

_CATALOG: Catalog | None = None      # the catalog of the workers, set before they are forked
POOL_FROM = 8                        # fewer profiles than this are validated in this process


def default_jobs() -> int:
    """All the cores this process may use (``--jobs`` when not given)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


_STOPS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def fork_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes forked from this one (they share what it computed);
    submit to it inside :func:`forking`."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_start)


@contextlib.contextmanager
def forking():
    """Ctrl+C, SIGTERM and SIGHUP held back while jobs are submitted (the pool forks its workers
    then): a signal that arrives in the middle of a fork would be raised inside the fork
    handlers of the standard library, printed as «Exception ignored» with a traceback, and lost.
    It is delivered as soon as the jobs are submitted."""
    try:      # a Ctrl+C raised as the mask is set still finds them unblocked after
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)


def _worker_start() -> None:
    """A worker dies with its parent (Linux ``PR_SET_PDEATHSIG``): a build killed outright
    leaves no worker behind holding the lock on ``build.lock`` it inherited; the signals the
    parent turns into an orderly stop end a worker at once."""
    import ctypes

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)     # forked while :func:`forking` held them
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)       # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass                     # not Linux: the pool's own shutdown still ends the workers
    if os.getppid() == 1:        # the parent died before prctl took effect
        os._exit(1)


def _key(glob: str, path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None               # validate_file says what is wrong with it
    return hashlib.sha256(f"{glob}\0{os.getcwd()}\0{path}\0".encode() + data).hexdigest()


def _name(path: Path) -> str:
    return hashlib.sha256(str(path.absolute()).encode()).hexdigest()[:32]


def _validate(path: Path):
    return validate_file(path, _CATALOG)


def validate_all(project: Project, catalog: Catalog, paths: list[Path], jobs: int | None = None,
                 ) -> tuple[list[Profile], list[Diagnostic], dict[Path, tuple]]:
    """Every profile, validated or as validated before: (valid profiles, every diagnostic, what
    to remember once a build committed — :func:`remember`)."""
    global _CATALOG
    glob = incremental.global_key(project, None)
    keys = {path: _key(glob, path) for path in paths}
    results = {path: cache.load(project, "validate", _name(path), keys[path]) if keys[path] else None
               for path in paths}
    todo = [path for path in paths if results[path] is None]
    jobs = max(1, min(jobs or default_jobs(), len(todo) // 4 or 1))
    if jobs > 1 and len(todo) >= POOL_FROM:
        _CATALOG = catalog
        with fork_pool(jobs) as pool:
            with forking():
                running = pool.map(_validate, todo, chunksize=4)
            made = list(running)
    else:
        made = [validate_file(path, catalog) for path in todo]
    fresh = dict(zip(todo, made))
    results.update(fresh)
    profiles, diagnostics = [], []
    for path in paths:
        profile, problems = results[path]
        diagnostics += problems
        if profile is not None:
            profiles.append(profile)
    return profiles, diagnostics, {path: (keys[path], fresh[path]) for path in fresh if keys[path]}


def remember(project: Project, fresh: dict[Path, tuple]) -> None:
    """Keep the validations made by a build that committed."""
    for path, (key, result) in fresh.items():
        cache.store(project, "validate", _name(path), key, result)
