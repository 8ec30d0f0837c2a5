#!/usr/bin/env bash
# Benchmark: one `kubegrid lint` call over 200 values files and the 200 manifest files
# they render (target: under 1 second in all, release build). Prints the wall time.
#
#   scripts/bench-lint.sh [path/to/kubegrid]   (default: .build/release/kubegrid)
set -euo pipefail
cd "$(dirname "$0")/.."
kubegrid=${1:-.build/release/kubegrid}
[ -x "$kubegrid" ] || { echo "build first: swift build -c release (or pass the binary)" >&2; exit 2; }
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
mkdir -p "$work/values" "$work/manifests"

# 200 Spaces of 1-6 partitions, HA every other one, each with its own 12-port block.
for i in $(seq 0 199); do
  partitions=$((1 + i % 6))
  ha=$([ $((i % 2)) -eq 0 ] && echo true || echo false)
  file=$(printf '%s/values/space-%03d.yaml' "$work" "$i")
  cat > "$file" <<VALUES
partitions: $partitions
ha: $ha
antiAffinity:
  enabled: $ha
readinessProbe:
  enabled: true
service:
  type: NodePort
  lrmi:
    enabled: true
    initialNodePort: $((30000 + 12 * i))
resources:
  requests:
    cpu: 500m
    memory: 1Gi
  limits:
    memory: 1Gi
VALUES
  "$kubegrid" render insightedge-pu --name "space-$i" -f "$file" \
    > "$(printf '%s/manifests/space-%03d.yaml' "$work" "$i")" 2>/dev/null
done

objects=$(cat "$work"/manifests/*.yaml | grep -c '^kind:')
start=$(date +%s%N)
status=0
"$kubegrid" lint insightedge-pu "$work"/values/*.yaml "$work"/manifests/*.yaml > "$work/report.txt" || status=$?
end=$(date +%s%N)
tail -1 "$work/report.txt"
ms=$(( (end - start) / 1000000 ))
echo "lint of 200 values files and 200 manifest files ($objects objects): $ms ms wall, exit $status"
verdict=PASS
[ "$ms" -lt 1000 ] || verdict=FAIL
echo "target wall time: $ms ms (< 1000 ms): $verdict"
[ "$verdict" = PASS ]
