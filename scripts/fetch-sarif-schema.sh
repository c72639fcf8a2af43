#!/usr/bin/env bash
# The SARIF 2.1.0 JSON Schema, for the test that validates `rsnms lint --format sarif`.
# It ships in the source distribution of Microsoft's sarif-om package (PyPI), not in its wheel:
# pip downloads that sdist once and the schema is kept in .venv/share/.
set -euo pipefail
target="${1:-.venv/share/sarif-2.1.0.json}"
[ -s "$target" ] && exit 0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
.venv/bin/python -m pip download --quiet --no-deps --no-binary :all: "sarif-om==1.0.4" -d "$tmp" 2>/dev/null
tar -xzf "$tmp"/sarif_om-1.0.4.tar.gz -C "$tmp" sarif_om-1.0.4/sarif-2.1.0-rtm.4.json
mkdir -p "$(dirname "$target")"
cp "$tmp"/sarif_om-1.0.4/sarif-2.1.0-rtm.4.json "$target"
