"""A random sample of the linter's findings on the five source texts, each with its line, for a
person to judge (precision). Deterministic: the same findings give the same sample.

    python scripts/lint_sample.py [N] [SEED]
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 100
    seed = int(argv[1]) if len(argv) > 1 else 10
    sources = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "acts" / "sources").glob("*.txt"))
    result = subprocess.run([sys.executable, "-m", "rsnms", "lint", *sources, "--format", "json"], cwd=ROOT,
                            capture_output=True, text=True)
    findings = json.loads(result.stdout)["findings"]
    sample = random.Random(seed).sample(findings, min(n, len(findings)))
    print(f"{len(findings)} findings, sample of {len(sample)} (seed {seed})")
    for k, f in enumerate(sorted(sample, key=lambda f: (f["file"], f["line"], f["column"])), 1):
        line = (ROOT / f["file"]).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
        start = max(0, f["column"] - 60)
        context = line[start:f["column"] + len(f["excerpt"]) + 40].replace("\t", " ⇥ ")
        print(f"{k:>3}. {Path(f['file']).name[:3]}:{f['line']}:{f['column']} {f['rule']} [{f['severity']}] "
              f"{f.get('known', '')}\n     {f['message']}\n     …{context}…")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
