"""Benchmark: the whole pipeline at the scale of Russia — N realistic regions (issue 15).

    python scripts/bench_scale.py [--regions 89] [--repeat 3] [--pdf] [--keep DIR]

A temporary copy of the project gets N profiles: the four real ones, and the real ones cloned
under the names of the other federal subjects (``acts/federal-subjects.yaml``), every case
form of the source region's name replaced by the subject's own. Then, as a user would run
them (``python -m rsnms`` in a subprocess), each measured ``--repeat`` times, medians:

* ``validate`` of all profiles;
* a cold ``build`` (no ``build/``, no cache), a no-op rebuild, a rebuild after one task text
  of one region was edited;
* ``compare --all`` (after a build);
* ``build --pdf`` (with ``--pdf``): every PDF counted, seconds per document;
* peak memory of every command, its process and its workers added: resident (RSS; a page
  the forked workers share with the parent counts once per process) and proportional (PSS,
  from ``/proc/<pid>/smaps_rollup``: a shared page split between them — the memory used;
  read at the RSS peaks, at most once a second);
* the .docx stage in this process, in CPU seconds (composition done first, not timed), against
  the bare docxtpl floor measured here on the same renders: each act's template and each
  package's template (the order's and its appendices' templates made into one) opened and
  rendered by docxtpl with the same context, nothing else (``docx_stage``);
* the site: built in strict mode (part of a build), the size of its search index.

A speed target lives here, never in a timed test. The figures go in the note.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rsnms.model import federal_subjects  # noqa: E402

REAL = {"omsk": "Омская область", "orenburg": "Оренбургская область", "irkutsk": "Иркутская область",
        "eao": "Еврейская автономная область"}


def copy_project(target: Path) -> Path:
    for folder in ("acts", "regions", "templates", "docs"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def forms(subject) -> list[tuple[str, str]]:
    return [("nom", subject.name), *subject.cases.items()]


def clone(text: str, source, target, rid: str) -> str:
    """A real profile's text under another subject's name: each case form replaced (longest first);
    the errata stay as they are (they quote the real region's source texts)."""
    cut = text.find("\nerrata:")
    text, errata = (text, "") if cut < 0 else (text[:cut], text[cut:])
    theirs = dict(forms(target))
    pairs = sorted(((form, theirs[case]) for case, form in forms(source)), key=lambda p: -len(p[0]))
    for old, new in pairs:
        text = text.replace(old, new)
    return re.sub(r"(?m)^id: .*$", f"id: {rid}", text, count=1) + errata


def generate(root: Path, n: int) -> list[str]:
    """N profiles in ``root/regions`` (the four real ones first); their ids."""
    subjects = federal_subjects.load(root / "acts" / "federal-subjects.yaml")
    real = {rid: federal_subjects.by_name(root / "acts" / "federal-subjects.yaml", name) for rid, name in REAL.items()}
    taken = {s.name for s in real.values()}
    others = [s for s in subjects if s.name not in taken]
    ids = list(REAL)[:n]
    for path in (root / "regions").glob("*.yaml"):
        if path.stem not in ids:
            path.unlink()
    texts = {rid: (ROOT / "regions" / f"{rid}.yaml").read_text(encoding="utf-8") for rid in REAL}
    for i, subject in enumerate(others[:max(n - len(REAL), 0)]):
        source = list(REAL)[i % len(REAL)]
        rid = f"{subject.code}-{i}" if subject.code in REAL else subject.code
        (root / "regions" / f"{rid}.yaml").write_text(clone(texts[source], real[source], subject, rid),
                                                      encoding="utf-8")
        ids.append(rid)
    return ids


def rsnms(root: Path, *args: str) -> tuple[int, float, tuple[int, int], str]:
    """Exit code, seconds, peak MiB (RSS and PSS of the process and its workers added up,
    sampled every 0.1 s), stderr of ``rsnms ARGS``."""
    env = dict(os.environ, RSNMS_ROOT=str(root), PYTHONWARNINGS="ignore")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rsnms", *args], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0, 0]
    sampler = threading.Thread(target=_sample, args=(proc, peak), daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    return proc.returncode, seconds, (peak[0] // 2**20, peak[1] // 2**20), err.decode("utf-8", "replace")


def _tree_rss(top: int, with_pss: bool = True) -> tuple[int, int]:
    """Resident and proportional bytes of ``top`` and its descendants (from /proc; PSS, which
    the kernel counts by walking each process's pages, only ``with_pss``)."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)] = int(stat[1])
            rss[int(entry)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
    total = proportional = 0
    for pid in rss:
        p = pid
        while p and p != top:
            p = parents.get(p, 0)
        if p == top:
            total += rss[pid]
            proportional += _pss(pid) if with_pss else 0
    return total, proportional


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def _sample(proc, peak: list) -> None:
    """RSS every 0.1 s; PSS at most once a second, when RSS is at a new peak (walking the pages
    of a busy build ten times a second would slow the build being measured)."""
    last_pss = 0.0
    while proc.poll() is None:
        rss, _ = _tree_rss(proc.pid, with_pss=False)
        if rss > peak[0] and time.monotonic() - last_pss >= 1:
            rss, pss = _tree_rss(proc.pid)
            peak[1], last_pss = max(peak[1], pss), time.monotonic()
        peak[0] = max(peak[0], rss)
        time.sleep(0.1)


def measure(label: str, repeat: int, prepare, root: Path, *args: str) -> dict:
    times, peaks = [], []
    for _ in range(repeat):
        prepare()
        code, seconds, peak, err = rsnms(root, *args)
        if code != 0:
            print(f"{label}: exit {code}\n{err[-2000:]}", file=sys.stderr)
            raise SystemExit(1)
        times.append(seconds)
        peaks.append(peak)
    result = {"label": label, "median": statistics.median(times), "runs": times,
              "peak": max(p[0] for p in peaks), "pss": max(p[1] for p in peaks)}
    print(f"{label:<28} {result['median']:>8.2f} s   (runs {', '.join(f'{t:.2f}' for t in times)})", flush=True)
    return result


def edit_one(root: Path, rid: str, counter=[0]) -> None:
    """One task text of one region edited (a word appended, different each time)."""
    path = root / "regions" / f"{rid}.yaml"
    text = path.read_text(encoding="utf-8")
    counter[0] += 1
    marker = "  tasks:\n    - "
    at = text.index(marker) + len(marker)
    path.write_text(text[:at] + f"правка {counter[0]} " + text[at:], encoding="utf-8")


def docx_stage(root: Path) -> tuple[float, float, int]:
    """CPU seconds of this process (other work on the machine does not count) of the .docx
    stage (every region's files, from a process that has parsed no template yet) and of the
    bare docxtpl floor on the same renders, and the renders counted. The floor: each act's template rendered with its context, and each
    package's template (made from the templates of its acts, as the stage makes it, not
    timed) rendered with the package's context (``doc`` and ``parts``), each once, by bare
    docxtpl — opened from its bytes, rendered, saved, nothing else."""
    from docxtpl import DocxTemplate

    from rsnms.compose import ACT_KINDS
    from rsnms.validate import load_catalog
    from rsnms.pipeline.region import ModelWork, RegionWork
    from rsnms.project import Project
    from rsnms.validate import validate_files
    from rsnms.writers import docx as docx_writer, package as package_writer, sandbox

    project = Project(root)
    catalog = load_catalog(project)
    profiles, _diagnostics = validate_files(sorted(project.regions.glob("*.yaml")), catalog)
    model = ModelWork(project, catalog)
    works = [RegionWork(project, catalog, p, model) for p in profiles]
    renders = []      # (template bytes, context)
    for work in works:
        contexts = {key: docx_writer.to_template(docx_writer.context_of(doc), None)
                    for key, doc in work.composed.documents.items()}
        renders += [((project.templates / ACT_KINDS[key].template).read_bytes(), {"doc": ctx})
                    for key, ctx in contexts.items()]
        if work.composed.package:
            parts = [contexts[key] for key in work.composed.package]
            names = [ACT_KINDS[key].template for key in work.composed.package]
            renders.append((package_writer.template_of(project.templates, names), {"doc": parts[0], "parts": parts}))
    start = time.process_time()
    for data, context in renders:
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.render(context, autoescape=True)
        tpl.save(io.BytesIO())
    floor = time.process_time() - start
    for cache in (docx_writer._CHECKED, package_writer._TEMPLATES, sandbox._COMPILED):
        cache.clear()
    start = time.process_time()
    for work in works:
        _ = work.files
    stage = time.process_time() - start
    return stage, floor, len(renders)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=89)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cold-repeat", type=int, default=1, help="cold builds (default 1: each takes minutes)")
    parser.add_argument("--pdf", action="store_true", help="also build --pdf (cold, once)")
    parser.add_argument("--keep", help="the folder of the generated project (default: a temporary one)")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="rsnms-scale-"))
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    root = copy_project(folder)
    ids = generate(root, args.regions)
    print(f"{len(ids)} regions in {root}; load {os.getloadavg()[0]:.2f}; {os.cpu_count()} cores")

    def cold():
        for name in ("build", ".rsnms-cache"):
            shutil.rmtree(root / name, ignore_errors=True)

    results = [measure("validate", args.repeat, lambda: None, root, "validate")]
    results.append(measure("cold build", args.cold_repeat, cold, root, "build"))
    results.append(measure("no-op rebuild", args.repeat, lambda: None, root, "build"))
    results.append(measure("one region edited", args.repeat, lambda: edit_one(root, ids[min(4, len(ids) - 1)]), root, "build"))
    results.append(measure("validate (after a build)", args.repeat, lambda: None, root, "validate"))
    results.append(measure("compare --all", args.repeat, lambda: None, root, "compare", "--all"))
    index = root / "build" / "site" / "search" / "search_index.json"
    print(f"site: strict build ok; search index {index.stat().st_size / 2**20:.2f} MB")
    if args.pdf:
        cold()
        pdf = measure("cold build --pdf", 1, lambda: None, root, "build", "--pdf")
        docs = len(list((root / "build" / "acts").rglob("*.docx")))
        pdfs = len(list((root / "build" / "acts").rglob("*.pdf")))
        extra = pdf["median"] - results[1]["median"]
        print(f"PDF: {pdfs} of {docs} documents; {extra / max(docs, 1):.3f} s per document amortised")
        results.append(pdf)
    stage, floor, count = docx_stage(root)
    print(f".docx stage {stage:.2f} s CPU, bare docxtpl floor {floor:.2f} s CPU ({count} renders): ×{stage / floor:.2f}")
    for r in results:
        print(f"peak memory of {r['label']}: RSS {r['peak']} MiB, PSS {r['pss']} MiB (the process and its workers)")
    print(f"load after: {os.getloadavg()[0]:.2f}")
    if not args.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
