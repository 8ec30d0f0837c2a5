#!/usr/bin/env bash
# Deploys a development grid: one manager and a two-partition Space, reachable through
# node ports. kubegrid checks the values and renders; kubectl applies.
set -euo pipefail
cd "$(dirname "$0")/.."
kubegrid=${KUBEGRID:-.build/release/kubegrid}
namespace=${NAMESPACE:-default}

"$kubegrid" render insightedge --name demo --namespace "$namespace" -f examples/umbrella-dev.yaml \
  | kubectl apply --namespace "$namespace" -f -
