"""Benchmark: `rsnms import` of the largest region (Irkutsk: its rendered package.docx and its seed
text), each in a fresh copy of the project, end to end as a user runs it (reading, recognising,
links to the model, writing, validating). Target: under 5 s each.

    .venv/bin/python scripts/bench_import.py            # needs build/acts/irkutsk/package.docx (make build)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 5.0


def copy(target: Path) -> Path:
    for folder in ("acts", "regions", "templates", "docs"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def run(source: Path, label: str) -> float:
    with tempfile.TemporaryDirectory(prefix="rsnms-bench-") as tmp:
        root = copy(Path(tmp))
        env = dict(os.environ, RSNMS_ROOT=str(root))
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "rsnms", "import", str(source), "--id", "bench"],
                                env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
    status = "ok" if result.returncode == 0 else f"ошибка {result.returncode}: {result.stderr[-300:]}"
    print(f"{label}: {elapsed:.2f} с ({status})")
    return elapsed if result.returncode == 0 else float("inf")


def main() -> int:
    package = ROOT / "build" / "acts" / "irkutsk" / "package.docx"
    if not package.is_file():
        print("нет build/acts/irkutsk/package.docx: выполните make build", file=sys.stderr)
        return 2
    times = [run(package, "Иркутская область, package.docx"),
             run(ROOT / "acts" / "sources" / "003_78658875f6c88a1e.txt", "Иркутская область, исходный текст")]
    worst = max(times)
    print(f"Наибольшее время: {worst:.2f} с (цель — меньше {TARGET:.0f} с)")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
