#!/usr/bin/env bash
# Fuzzes kubegrid serve's HTTP layer for longer than the test command does (which runs 2 × 300
# requests): malformed JSON/YAML, bad paths and selectors, huge bodies, slow clients and
# half-closed connections; fails when an answer is not a Status or the server goes down.
#
#   scripts/fuzz.sh [COUNT] [SEED]   (after swift build; default 5000 requests, a seed from the clock)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
count=${1:-5000}
seed=${2:-$(date +%s)}
cd Tests/Parity
exec "$python" serve_fuzz.py --count "$count" --seed "$seed" "${KUBEGRID:-../../.build/debug/kubegrid}"
