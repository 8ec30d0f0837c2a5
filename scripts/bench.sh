#!/usr/bin/env bash
# Runs every benchmark (make bench), each to the end even when an earlier one missed its
# line, then names the ones that missed and exits 1 if any did.
#
#   scripts/bench.sh   (after make release and make venv)
set -uo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}

benchmarks=(
  "render:$python scripts/bench-render.py"
  "lint:scripts/bench-lint.sh .build/release/kubegrid"
  "scheduler:.build/release/SchedulerBenchmark"
  "simulation:.build/release/SimulationBenchmark"
  "simulation-drain-pause:.build/release/SimulationBenchmark --scenario drain --scenario pause"
  "simulation-1024-drain:.build/release/SimulationBenchmark --partitions 1024 --nodes 250 --scenario drain"
  "simulation-tenant:.build/release/SimulationBenchmark --tenant"
  "simulation-4096:.build/release/SimulationBenchmark --nodes 1000 --partitions 4096 --ops 1000000 --scenario all --aim-seconds 10 --aim-mib 1024"
  "simulation-ops-memory:scripts/bench-ops-memory.sh .build/release/kubegrid"
  "scheduler-100k:.build/release/SchedulerBenchmark --nodes 5000 --partitions 50000 --aim-seconds 5"
  "serve:$python Benchmarks/Serve/bench-serve.py .build/release/kubegrid"
)
missed=()
for entry in "${benchmarks[@]}"; do
  name=${entry%%:*} command=${entry#*:}
  echo "== $name: $command"
  $command || missed+=("$name")
  echo
done
if [ ${#missed[@]} -gt 0 ]; then
  echo "benchmarks that missed a line: ${missed[*]}"
  exit 1
fi
echo "every benchmark met its lines"
