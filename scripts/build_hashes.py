"""sha256 of every file a build writes, to show that a change of the code changed no output.

    python scripts/build_hashes.py record LIST      # after `rsnms build --pdf`: write the list
    python scripts/build_hashes.py check LIST       # compare the current build/ with a list

Covers build/acts, build/data, build/compare, build/docs and build/site. ``check`` prints
every file that differs, is new or is missing, and exits 1 when there is any.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("acts", "data", "compare", "docs", "site")


def hashes() -> dict[str, str]:
    build = ROOT / "build"
    out = {}
    for folder in FOLDERS:
        for path in sorted((build / folder).rglob("*")):
            if path.is_file():
                out[path.relative_to(build).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("record", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    command, listing = argv[0], Path(argv[1])
    now = hashes()
    if command == "record":
        listing.write_text("".join(f"{digest}  {name}\n" for name, digest in now.items()), encoding="utf-8")
        print(f"{len(now)} files recorded in {listing}")
        return 0
    before = {}
    for line in listing.read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        before[name] = digest
    changed = sorted(n for n in before.keys() & now.keys() if before[n] != now[n])
    missing, new = sorted(before.keys() - now.keys()), sorted(now.keys() - before.keys())
    for label, names in (("differs", changed), ("missing", missing), ("new", new)):
        for name in names:
            print(f"{label}: {name}")
    print(f"{len(before)} files before, {len(now)} now: {len(changed)} differ, {len(missing)} missing, "
          f"{len(new)} new")
    return 1 if changed or missing or new else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
