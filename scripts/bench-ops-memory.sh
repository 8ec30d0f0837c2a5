#!/usr/bin/env bash
# Peak memory of `kubegrid simulate` on the HA example with 100,000 and with 100,000,000
# client operations (issue 12: memory must not grow with --ops). Each run is its own
# process, measured with /usr/bin/time -f %M; the line is that the long run takes no more
# than the short one (plus 2 MiB for the allocator's noise). Prints both figures and the
# wall times. The long run takes minutes.
#
#   scripts/bench-ops-memory.sh [KUBEGRID]   (default .build/release/kubegrid)
set -uo pipefail
cd "$(dirname "$0")/.."
kubegrid=${1:-.build/release/kubegrid}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kubegrid" render insightedge --name prod -f examples/umbrella-production-ha.yaml >"$work/ha.yaml" 2>/dev/null || {
  echo "error: cannot render the HA example with $kubegrid" >&2
  exit 2
}

# Prints "KiB seconds" of one run; exits 1 if the run did not pass.
measure() {
  /usr/bin/time -f '%M %e' -o "$work/time" "$kubegrid" simulate -f "$work/ha.yaml" --ops "$1" >"$work/out" 2>&1 || {
    echo "error: simulate --ops $1 did not pass:" >&2
    cat "$work/out" >&2
    exit 1
  }
  tail -n 1 "$work/time"
}

echo "simulate --ops N on the HA example (examples/umbrella-production-ha.yaml), peak RSS by /usr/bin/time -f %M"
read -r short_kib short_seconds < <(measure 100000)
echo "--ops 100000: peak $((short_kib / 1024)) MiB, $short_seconds s"
read -r long_kib long_seconds < <(measure 100000000)
echo "--ops 100000000: peak $((long_kib / 1024)) MiB, $long_seconds s"
limit=$((short_kib + 2048))
if [ "$long_kib" -le "$limit" ]; then verdict=PASS; else verdict=FAIL; fi
echo "target peak memory at 100000000 ops: $((long_kib / 1024)) MiB (<= $((limit / 1024)) MiB, the 100000-op run's plus 2): $verdict"
[ "$verdict" = PASS ]
