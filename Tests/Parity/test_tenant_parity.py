"""The insightedge-tenant chart (issue 13): `kubegrid render` against real Helm v4.

Like test_render_parity.py for the grid charts: every valid case renders the same
objects both ways (and with the built-in chart), each passes the Kubernetes schemas in
strict mode, and every invalid case is refused by both.
"""

from __future__ import annotations

import pytest

from render_support import (
    KUBEGRID,
    Case,
    assert_same_objects_as_helm,
    assert_strictly_valid,
    kubegrid_render,
    kubernetes_versions,
    refused_by_both,
    render_both,
)

if not KUBEGRID.is_file():
    raise pytest.UsageError(f"kubegrid binary not found at {KUBEGRID}; run `swift build` or set KUBEGRID")

T = "insightedge-tenant"

VALID = [
    Case("tenant-default", T, release="team-a"),
    Case("tenant-people", T, {"admins": {"users": ["alice"], "groups": ["team-a-admins"]},
                              "viewers": {"users": ["bob", "carol"]}}, release="team-a"),
    Case("tenant-named-namespace", T, {"namespace": "grid-prod", "viewers": {"groups": ["auditors"]}},
         release="prod", namespace="elsewhere"),
    Case("tenant-baseline-open", T, {"podSecurity": {"enforce": "baseline", "warn": "restricted", "audit": "privileged",
                                                     "version": "v1.32"},
                                     "quota": {"enabled": False}, "networkPolicy": {"enabled": False},
                                     "limitRange": {"enabled": False}}),
    # A null entry removes a default; numbers are written as Kubernetes spells them.
    Case("tenant-quota-edits", T, """
quota:
  hard:
    services.nodeports: null
    requests.cpu: 8
    pods: 2e2
    count/statefulsets.apps: 10
limitRange:
  max: {cpu: 4, memory: 8Gi}
  min: {cpu: 0.1, memory: 64Mi}
"""),
    Case("tenant-no-limit-defaults", T, "limitRange: {default: {cpu: null, memory: null}, defaultRequest: {cpu: null, memory: null}}\n"),
    Case("tenant-whole-quota-removed", T, "quota:\n  hard: {" + ", ".join(
        f"{key}: null" for key in ["requests.cpu", "requests.memory", "limits.memory", "pods", "services.loadbalancers",
                                   "services.nodeports", "persistentvolumeclaims", "requests.storage"]) + "}\n"),
    Case("tenant-api-server-cidrs", T, {"networkPolicy": {"apiServerCIDRs": ["10.96.0.1/32", "172.20.0.0/16"]}}),
    Case("tenant-null-means-default", T, "podSecurity: {enforce: null, version: null}\nquota: null\nadmins: null\n"),
]

INVALID = [
    (Case("tenant-namespace-not-a-label", T, {"namespace": "Team_A"}), "namespace"),
    (Case("tenant-namespace-too-long", T, {"namespace": "n" * 64}), "namespace"),
    (Case("tenant-enforce-level", T, {"podSecurity": {"enforce": "strict"}}), "podSecurity.enforce"),
    (Case("tenant-quota-not-a-quantity", T, {"quota": {"hard": {"pods": "lots"}}}), "quota.hard.pods"),
    (Case("tenant-users-not-a-list", T, {"admins": {"users": "alice"}}), "admins.users"),
]


@pytest.fixture(scope="module")
def renders() -> dict[str, tuple]:
    return render_both(VALID)


@pytest.mark.parametrize("case", VALID, ids=lambda case: case.id)
def test_same_objects_as_helm(case, renders):
    assert_same_objects_as_helm(case, *renders[case.id])


def test_default_objects(renders):
    """What the chart is for: a labelled namespace, its quota, limits, policies and roles."""
    _, kubegrid_side = renders["tenant-default"]
    assert sorted(kubegrid_side.objects) == [
        ("LimitRange", "team-a-limits"), ("Namespace", "team-a"), ("NetworkPolicy", "team-a-default-deny"),
        ("NetworkPolicy", "team-a-grid-egress"), ("ResourceQuota", "team-a-quota"),
        ("Role", "team-a-admin"), ("Role", "team-a-viewer"),
    ]
    labels = kubegrid_side.objects[("Namespace", "team-a")]["metadata"]["labels"]
    assert labels["pod-security.kubernetes.io/enforce"] == "restricted"
    hard = kubegrid_side.objects[("ResourceQuota", "team-a-quota")]["spec"]["hard"]
    assert hard["services.loadbalancers"] == "4"
    assert all(obj["metadata"].get("namespace", "team-a") == "team-a" for obj in kubegrid_side.objects.values())


def test_source_paths_match_helm(renders):
    case = next(case for case in VALID if case.id == "tenant-people")
    helm_side, _ = renders[case.id]
    assert kubegrid_render(case, output="yaml").sources == helm_side.sources


@pytest.mark.parametrize("version", kubernetes_versions())
def test_every_object_passes_kubernetes_schemas_strictly(version, renders):
    assert_strictly_valid(renders, version, at_least=41)


@pytest.mark.parametrize("case,fragment", [pytest.param(*item, id=item[0].id) for item in INVALID])
def test_both_reject(case, fragment):
    helm_side, _ = refused_by_both(case, fragment)
    assert helm_side.stage == "schema", helm_side.error
