#!/usr/bin/env bash
# Installs the system libraries kubegrid builds against (libyaml, jansson), and wrk for the
# serve benchmark, when they are missing.
set -euo pipefail

missing=()
for pair in "yaml-0.1:libyaml-dev" "jansson:libjansson-dev"; do
  module=${pair%%:*} package=${pair##*:}
  pkg-config --exists "$module" 2>/dev/null || missing+=("$package")
done
command -v pkg-config >/dev/null || missing+=(pkg-config)
# The load generator of the serve benchmark (Benchmarks/Serve/bench-serve.py).
command -v wrk >/dev/null || missing+=(wrk)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
