"""Benchmark: linting the five source texts (not a test). Prints the median of several runs
of the lint itself (in-process, dictionaries loaded once) and of the command as a user runs it.

    python scripts/bench_lint.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 5
    from rsnms.lint.run import lint_file
    from rsnms.project import Project
    from rsnms.validate import load_catalog, validate_files

    project = Project(ROOT)
    catalog = load_catalog(project)
    profiles, _ = validate_files([project.profile(r) for r in project.region_ids()], catalog)
    sources = sorted((ROOT / "acts" / "sources").glob("*.txt"))
    start = time.perf_counter()
    findings = [f for s in sources for f in lint_file(project, catalog, s, profiles)]
    first = time.perf_counter() - start
    timings = []
    for _ in range(runs):
        from rsnms.lint.context import Analysis   # noqa: F401  (caches of word lists stay, as in one command)
        start = time.perf_counter()
        for s in sources:
            lint_file(project, catalog, s, profiles)
        timings.append(time.perf_counter() - start)
    command = []
    for _ in range(max(1, runs // 2)):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rsnms", "lint", *map(str, sources)], cwd=ROOT, capture_output=True)
        command.append(time.perf_counter() - start)
    print(f"{len(sources)} texts, {sum(len(s.read_text(encoding='utf-8')) for s in sources)} characters, "
          f"{len(findings)} findings")
    print(f"first lint in a process (dictionaries loading): {first:.2f} s")
    print(f"lint, warm, median of {runs}: {statistics.median(timings):.2f} s")
    print(f"`rsnms lint` on the five texts, whole command, median of {len(command)}: {statistics.median(command):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
