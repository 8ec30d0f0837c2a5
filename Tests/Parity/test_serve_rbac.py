"""RBAC on `kubegrid serve` (issue 13), driven by the real kubectl 1.32: users made with
`--user`, each a kubeconfig context, authorized by the simulated API server's RBAC against
the two tenants of examples/tenant-team-{a,b}.yaml (alice: team-a's admin and team-b's
viewer; bob: team-b's admin; carol: no role). Refusals are kube-apiserver's 403 in its
words (apiserver's responsewriters.forbiddenMessage and apierrors.NewForbidden)."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import KUBEGRID, ROOT
from kubectl_session import kubectl, serve_session


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_session(tmp_path_factory, "serve-rbac", "--user", "alice:team-a", "--user", "bob:team-b", "--user", "carol")


def render(*args: str) -> str:
    return subprocess.run([str(KUBEGRID), "render", *args], capture_output=True, text=True, check=True, cwd=ROOT).stdout


@pytest.fixture(scope="module")
def tenants(server):
    for team in ["a", "b"]:
        kubectl(server, "apply", "-f", "-", input=render("insightedge-tenant", "--name", f"team-{team}", "-f", f"examples/tenant-team-{team}.yaml"))
    return server


def grid(namespace: str) -> str:
    return render("insightedge", "--name", "prod", "-n", namespace, "-f", "examples/umbrella-production-ha.yaml")


def test_the_kubeconfig_has_a_context_per_user(server):
    contexts = kubectl(server, "config", "get-contexts", "-o", "name").stdout.split()
    assert contexts == ["alice", "bob", "carol", "kubegrid"]
    assert kubectl(server, "config", "current-context").stdout == "kubegrid\n"


def test_whoami_names_the_user_and_its_groups(server):
    who = json.loads(kubectl(server, "--context", "alice", "auth", "whoami", "-o", "json").stdout)
    assert who["status"]["userInfo"] == {"username": "alice", "groups": ["team-a", "system:authenticated"]}
    admin = json.loads(kubectl(server, "auth", "whoami", "-o", "json").stdout)
    assert admin["status"]["userInfo"]["groups"] == ["system:masters", "system:authenticated"]


def test_alice_creates_a_grid_in_her_tenant_and_is_refused_in_the_other(tenants):
    applied = kubectl(tenants, "--context", "alice", "apply", "-f", "-", input=grid("team-a"))
    assert "statefulset.apps/prod-insightedge-pu-4 created" in applied.stdout, applied.stdout
    refused = kubectl(tenants, "--context", "alice", "apply", "-f", "-", input=grid("team-b"), check=False)
    assert refused.returncode == 1
    assert refused.stdout == ""
    lines = refused.stderr.splitlines()
    assert ('Error from server (Forbidden): error when creating "STDIN": statefulsets.apps is forbidden: User "alice" cannot '
            'create resource "statefulsets" in API group "apps" in the namespace "team-b"') in lines
    # A Secret she may not even read (viewers read all but Secrets) fails at kubectl's first GET.
    assert ('from server for: "STDIN": secrets "prod-insightedge-pu-license" is forbidden: User "alice" cannot get resource '
            '"secrets" in API group "" in the namespace "team-b"') in lines
    assert " created" not in refused.stderr
    # The quota's status follows what she created (`kubectl describe quota` reads it).
    described = kubectl(tenants, "--context", "alice", "describe", "quota", "-n", "team-a").stdout
    rows = {line.split()[0]: line.split()[1:] for line in described.splitlines()[4:]}
    assert rows["services.loadbalancers"] == ["9", "9"], described
    assert rows["persistentvolumeclaims"] == ["0", "20"], described
    # Nothing of hers reached team-b; as its viewer she may see so.
    assert kubectl(tenants, "--context", "alice", "get", "statefulsets", "-n", "team-b").stderr == "No resources found in team-b namespace.\n"


def test_a_user_without_a_role_gets_the_api_servers_403(tenants):
    refused = kubectl(tenants, "--context", "carol", "get", "pods", "-n", "team-b", check=False)
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr == (
        'Error from server (Forbidden): pods is forbidden: User "carol" cannot list resource "pods" in API group "" '
        'in the namespace "team-b"\n')
    named = kubectl(tenants, "--context", "bob", "delete", "pod", "prod-insightedge-manager-0", "-n", "team-a", check=False)
    assert named.stderr == (
        'Error from server (Forbidden): pods "prod-insightedge-manager-0" is forbidden: User "bob" cannot delete resource '
        '"pods" in API group "" in the namespace "team-a"\n')
    cluster = kubectl(tenants, "--context", "alice", "get", "nodes", check=False)
    assert cluster.stderr == (
        'Error from server (Forbidden): nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" '
        "at the cluster scope\n")


@pytest.mark.parametrize(("context", "args", "answer"), [
    ("alice", ["create", "statefulsets", "-n", "team-a"], "yes"),
    ("alice", ["create", "statefulsets", "-n", "team-b"], "no"),
    ("alice", ["list", "pods", "-n", "team-b"], "yes"),
    ("alice", ["update", "resourcequotas", "-n", "team-a"], "no"),
    ("bob", ["delete", "secrets", "-n", "team-b"], "yes"),
    ("carol", ["get", "pods", "-n", "team-a"], "no"),
    ("kubegrid", ["delete", "nodes"], "yes"),
])
def test_can_i_answers_as_rbac_decides(tenants, context, args, answer):
    result = kubectl(tenants, "--context", context, "auth", "can-i", *args, check=False)
    assert result.stdout == answer + "\n"
    assert result.returncode == (0 if answer == "yes" else 1)


def test_the_admin_may_impersonate_and_a_user_may_not(tenants):
    assert kubectl(tenants, "--as", "carol", "auth", "can-i", "get", "pods", "-n", "team-a", check=False).stdout == "no\n"
    refused = kubectl(tenants, "--context", "bob", "--as", "alice", "get", "--raw", "/api", check=False)
    assert refused.returncode == 1
    assert 'users "alice" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope' in refused.stderr
