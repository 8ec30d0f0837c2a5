#!/usr/bin/env bash
# Installs the system libraries kubegrid builds against (libyaml, jansson) when they are missing.
set -euo pipefail

missing=()
for pair in "yaml-0.1:libyaml-dev" "jansson:libjansson-dev"; do
  module=${pair%%:*} package=${pair##*:}
  pkg-config --exists "$module" 2>/dev/null || missing+=("$package")
done
command -v pkg-config >/dev/null || missing+=(pkg-config)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
