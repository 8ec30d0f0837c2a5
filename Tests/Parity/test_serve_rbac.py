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
    yield from serve_session(tmp_path_factory, "serve-rbac", "--user", "alice:team-a", "--user", "bob:team-b", "--user", "carol",
                             "--audit-log-path", "audit.log")


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


STATEFULSET = """apiVersion: apps/v1
kind: StatefulSet
metadata: {name: plain, namespace: team-w}
spec:
  serviceName: plain
  selector: {matchLabels: {app: plain}}
  template:
    metadata: {labels: {app: plain}}
    spec:
      containers:
      - name: c
        image: busybox
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
"""

VIOLATIONS = ('allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), '
              'unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), '
              'runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), '
              'seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")')


def test_pod_security_warns_and_audits_a_template_that_would_violate(server):
    """A tenant enforcing baseline, warning and auditing restricted (the chart's default
    warn and audit): kubectl prints the API server's Warning, and the audit log records it."""
    kubectl(server, "apply", "-f", "-", input=render("insightedge-tenant", "--name", "team-w", "--set", "podSecurity.enforce=baseline",
                                                     "--set", "admins.users={alice}"))
    applied = kubectl(server, "--context", "alice", "apply", "-f", "-", input=STATEFULSET)
    assert applied.stdout == "statefulset.apps/plain created\n"
    assert applied.stderr == f'Warning: would violate PodSecurity "restricted:latest": {VIOLATIONS}\n'
    events = [json.loads(line) for line in (server["folder"] / "audit.log").read_text().splitlines()]
    created = [event for event in events if event.get("objectRef", {}).get("name") == "plain"]
    assert len(created) == 1, created
    event = created[0]
    assert event["verb"] == "create"
    assert event["objectRef"] == {"resource": "statefulsets", "namespace": "team-w", "name": "plain", "apiGroup": "apps"}
    assert event["user"] == {"username": "alice", "groups": ["team-a", "system:authenticated"]}
    assert event["responseStatus"]["code"] == 201
    assert event["annotations"] == {
        "authorization.k8s.io/decision": "allow",
        "authorization.k8s.io/reason": 'RBAC: allowed by RoleBinding "team-w-admins/team-w" of Role "team-w-admin" to User "alice"',
        "pod-security.kubernetes.io/audit-violations": f'would violate PodSecurity "restricted:latest": {VIOLATIONS}',
    }


def test_the_audit_log_records_a_refusal(tenants):
    kubectl(tenants, "--context", "carol", "delete", "secret", "x", "-n", "team-a", check=False)
    events = [json.loads(line) for line in (tenants["folder"] / "audit.log").read_text().splitlines()]
    refused = [event for event in events if event["user"]["username"] == "carol"]
    assert refused[-1]["verb"] == "delete"
    assert refused[-1]["objectRef"] == {"resource": "secrets", "namespace": "team-a", "name": "x"}
    assert refused[-1]["responseStatus"]["code"] == 403
    assert refused[-1]["annotations"] == {"authorization.k8s.io/decision": "forbid", "authorization.k8s.io/reason": ""}


CLAIM = """apiVersion: v1
kind: PersistentVolumeClaim
metadata: {{name: {name}, namespace: team-a}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {{requests: {{storage: {size}}}}}
"""


def test_claims_are_charged_to_the_quota(tenants):
    """team-a's quota holds 500Gi of requests.storage (the chart's default)."""
    assert kubectl(tenants, "--context", "alice", "apply", "-f", "-", input=CLAIM.format(name="big", size="400Gi")).stdout == \
        "persistentvolumeclaim/big created\n"
    refused = kubectl(tenants, "--context", "alice", "apply", "-f", "-", input=CLAIM.format(name="more", size="200Gi"), check=False)
    assert refused.stderr == (
        'Error from server (Forbidden): error when creating "STDIN": persistentvolumeclaims "more" is forbidden: exceeded quota: '
        "team-a-quota, requested: requests.storage=200Gi, used: requests.storage=400Gi, limited: requests.storage=500Gi\n")
    listed = kubectl(tenants, "--context", "alice", "get", "pvc", "big", "-n", "team-a").stdout.splitlines()
    assert listed[0].split() == ["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS", "MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"]
    assert listed[1].split()[:3] == ["big", "Pending", "<unset>"]
    kubectl(tenants, "--context", "alice", "delete", "pvc", "big", "-n", "team-a")
    assert kubectl(tenants, "--context", "alice", "apply", "-f", "-", input=CLAIM.format(name="more", size="200Gi")).returncode == 0
