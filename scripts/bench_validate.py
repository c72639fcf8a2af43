"""Benchmark: `rsnms validate` on hostile inputs up to 50 MB — wall time and peak memory.

    python scripts/bench_validate.py [--sizes 1,2,10,50] [--out DIR]

For each kind of input (comments, one long value, a flow list, a block list, deep nesting,
many keys, an alias bomb, many schema errors, control characters, Windows-1251, binary) and
each size, a file is written just under that size and `rsnms validate FILE` runs as a user
would; the table gives the exit code, the seconds and the peak resident memory of the
process. The target (issue 12): any input under 50 MB answered within 10 s with bounded
memory. A speed target lives here, never in a timed test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 2**20
BASE = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")


def fill(head: str, unit: str, size: int, tail: str = "") -> bytes:
    """``head`` + ``unit`` repeated to just under ``size`` bytes + ``tail``."""
    room = size - len(head.encode()) - len(tail.encode()) - 16
    count = max(room // len(unit.encode()), 1)
    return (head + unit * count + tail).encode()


def inputs(size: int) -> dict[str, bytes]:
    tasks = BASE.index("  tasks:\n") + len("  tasks:\n")
    return {
        "comments": fill("id: x\n", "# " + "к" * 60 + "\n", size),
        "long value": fill("id: x\nt: ", "а", size, "\n"),
        "flow list": fill("id: x\nl: [", "1,", size, "1]\n"),
        "block list": fill("l:\n", "- a\n", size),
        "nesting": fill("id: x\nl: ", "[", size // 2) + b"]" * (size // 2 - 16),
        "many keys": "".join(f"k{i}: v\n" for i in range(size // 12)).encode(),
        "alias bomb": ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(20))).encode(),
        "schema errors": (BASE[:tasks] + "".join(
            "    - {text: т, " + ", ".join(f"z{j}: 1" for j in range(18)) + "}\n"
            for _ in range(min(size // 170, 60_000))) + BASE[tasks:]).encode(),
        "control chars": (BASE[:tasks] + '    - "\\a\\f\\x1b"\n' * min(size // 20, 200_000) + BASE[tasks:]).encode(),
        "windows-1251": fill("id: x\nregion:\n", "  name: Омская область\n", size).decode().encode("cp1251"),
        "binary": os.urandom(size - 16),
    }


def run(path: Path) -> tuple[int, float, int]:
    env = dict(os.environ, RSNMS_ROOT=str(ROOT), PYTHONWARNINGS="ignore")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rsnms", "validate", str(path)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss // 1024


def write(folder: Path, mb: float) -> None:
    for name, data in inputs(int(mb * MB)).items():
        (folder / f"{name.replace(' ', '-')}-{mb:g}.yaml").write_bytes(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,10,50", help="sizes in MB (default 1,2,10,50)")
    parser.add_argument("--out", help="folder for the generated inputs (default: a temporary one)")
    parser.add_argument("--write-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = Path(args.out or tempfile.mkdtemp(prefix="rsnms-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.write_only:
        write(folder, float(args.sizes))
        return 0
    print(f"{'input':<15} {'MB':>6} {'exit':>4} {'s':>6} {'peak MB':>8}")
    worst = (0.0, 0)
    for mb in [float(x) for x in args.sizes.split(",")]:
        # written by another process: a child forked from one holding the inputs would count them
        subprocess.run([sys.executable, __file__, "--write-only", "--sizes", str(mb), "--out", str(folder)], check=True)
        for name in inputs(1024):      # the names
            path = folder / f"{name.replace(' ', '-')}-{mb:g}.yaml"
            code, seconds, peak = run(path)
            worst = (max(worst[0], seconds), max(worst[1], peak))
            print(f"{name:<15} {path.stat().st_size / MB:>6.2f} {code:>4} {seconds:>6.2f} {peak:>8}")
            path.unlink()
    print(f"worst: {worst[0]:.2f} s, {worst[1]} MB peak (target: 10 s)")
    return 0 if worst[0] < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
