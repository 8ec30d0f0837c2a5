"""`kubegrid serve`'s API surface as kubectl 1.32 uses it with its default settings: every
served kind, discovery, OpenAPI (client-side validation and `kubectl explain`), strategic
merge patch and server-side apply, and the API server's Table columns.

One server per module (the fixture of test_serve_kubectl); the real kubectl binary.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
import yaml

from conftest import KUBEGRID, ROOT
from kubectl_session import render_ha_example
from test_serve_kubectl import kubectl, raw_request, server, token  # noqa: F401 (the fixture)

# Each stored-only kind with a small valid object and its `kubectl get` resource name.
KINDS = {
    "configmaps": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}, "data": {"a": "1", "b": "2"}},
    "secrets": {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "password"}, "type": "Opaque",
                "data": {"p": "c2VjcmV0"}},
    "serviceaccounts": {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "runner"}},
    "resourcequotas": {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "quota"},
                       "spec": {"hard": {"pods": "10", "limits.cpu": "4"}}},
    "limitranges": {"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "limits"},
                    "spec": {"limits": [{"type": "Container", "default": {"cpu": "500m"}}]}},
    "roles.rbac.authorization.k8s.io": {
        "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "reader"},
        "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]}]},
    "rolebindings.rbac.authorization.k8s.io": {
        "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "reader"},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"},
        "subjects": [{"kind": "ServiceAccount", "name": "runner", "namespace": "default"}]},
    "clusterroles.rbac.authorization.k8s.io": {
        "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "node-reader"},
        "rules": [{"apiGroups": [""], "resources": ["nodes"], "verbs": ["get"]}]},
    "clusterrolebindings.rbac.authorization.k8s.io": {
        "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "node-reader"},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "node-reader"},
        "subjects": [{"kind": "User", "name": "ana"}]},
    "networkpolicies.networking.k8s.io": {
        "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "grid"},
        "spec": {"podSelector": {"matchLabels": {"app": "grid"}}, "policyTypes": ["Ingress"]}},
    "jobs.batch": {
        "apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "once"},
        "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "c", "image": "busybox"}]}}}},
    "endpointslices.discovery.k8s.io": {
        "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {"name": "web-1"},
        "addressType": "IPv4", "ports": [{"port": 80}], "endpoints": [{"addresses": ["10.1.0.7"]}]},
}


def test_api_resources_lists_every_kind_with_short_names(server):
    lines = kubectl(server, "api-resources", "--no-headers").stdout.splitlines()
    rows = {line.split()[0]: line.split() for line in lines}
    for name in ["namespaces", "nodes", "pods", "services", "statefulsets", "poddisruptionbudgets", "configmaps",
                 "secrets", "serviceaccounts", "roles", "rolebindings", "clusterroles", "clusterrolebindings",
                 "resourcequotas", "limitranges", "networkpolicies", "jobs", "endpointslices"]:
        assert name in rows, name
    assert rows["configmaps"][1:3] == ["cm", "v1"]
    assert rows["networkpolicies"][1:3] == ["netpol", "networking.k8s.io/v1"]
    assert rows["clusterroles"][1:4] == ["rbac.authorization.k8s.io/v1", "false", "ClusterRole"]
    # The `all` category (`kubectl get all`): jobs are in it, config maps are not.
    code, batch = raw_request(server, "/apis/batch/v1", token=token(server))
    assert code == 200 and batch["resources"][0]["categories"] == ["all"]
    code, core = raw_request(server, "/api/v1", token=token(server))
    assert "categories" not in next(r for r in core["resources"] if r["name"] == "configmaps")


@pytest.mark.parametrize("resource", sorted(KINDS))
def test_each_stored_kind_creates_gets_lists_and_deletes(server, resource):
    manifest = KINDS[resource]
    created = kubectl(server, "create", "-f", "-", input=json.dumps(manifest)).stdout
    assert "created" in created and manifest["metadata"]["name"] in created
    got = json.loads(kubectl(server, "get", resource, manifest["metadata"]["name"], "-o", "json").stdout)
    assert got["kind"] == manifest["kind"] and got["metadata"]["uid"] and got["metadata"]["resourceVersion"]
    for key in set(manifest) - {"metadata", "apiVersion", "kind"}:
        assert got[key] == manifest[key], key
    listed = json.loads(kubectl(server, "get", resource, "-o", "json").stdout)["items"]
    assert manifest["metadata"]["name"] in [item["metadata"]["name"] for item in listed]
    again = kubectl(server, "create", "-f", "-", input=json.dumps(manifest), check=False)
    assert again.returncode == 1 and "AlreadyExists" in again.stderr
    kubectl(server, "delete", resource, manifest["metadata"]["name"])
    gone = kubectl(server, "get", resource, manifest["metadata"]["name"], check=False)
    assert gone.returncode == 1
    assert f'"{manifest["metadata"]["name"]}" not found' in gone.stderr


def test_a_field_of_the_wrong_type_is_refused_and_an_unknown_field_too(server):
    bad = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "bad"}, "data": {"a": ["list"]}}
    result = kubectl(server, "create", "-f", "-", input=json.dumps(bad), check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled '
        "as a ConfigMap: data.a: expected a string, got a list")
    unknown = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "odd"}, "dta": {"a": "1"}}
    result = kubectl(server, "create", "-f", "-", input=json.dumps(unknown), check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled '
        'as a ConfigMap: strict decoding error: unknown field "dta"')
    warned = kubectl(server, "create", "--validate=warn", "-f", "-", input=json.dumps(unknown))
    assert 'Warning: unknown field "dta"' in warned.stderr and "configmap/odd created" in warned.stdout
    kubectl(server, "delete", "cm", "odd")


def test_the_full_ha_render_applies_with_default_validation_then_is_unchanged(server):
    rendered = render_ha_example()
    kinds = {d["kind"] for d in yaml.safe_load_all(rendered) if d}
    assert {"Secret", "ServiceAccount", "Role", "RoleBinding", "NetworkPolicy"} <= kinds
    applied = kubectl(server, "apply", "-f", "-", input=rendered).stdout
    assert "statefulset.apps/prod-insightedge-pu-1 created" in applied
    assert "networkpolicy.networking.k8s.io/" in applied
    again = kubectl(server, "apply", "-f", "-", input=rendered).stdout.splitlines()
    # A v1 PodDisruptionBudget's selector has patch strategy `replace`, so kubectl's
    # three-way patch always holds it and a real cluster answers `configured` as well.
    assert again and all(
        line.endswith(" configured" if line.startswith("poddisruptionbudget.policy/") else " unchanged") for line in again
    ), again
    table = kubectl(server, "get", "sts,svc,pdb").stdout
    assert "statefulset.apps/prod-insightedge-manager" in table and "service/" in table and "poddisruptionbudget.policy/" in table


def test_a_tenant_and_its_grid_apply_into_the_tenants_namespace_then_are_unchanged(server):
    tenant = subprocess.run(
        [str(KUBEGRID), "render", "insightedge-tenant", "--name", "team-a", "-f", str(ROOT / "examples/tenant-team-a.yaml")],
        capture_output=True, text=True, check=True,
    ).stdout
    kinds = {d["kind"] for d in yaml.safe_load_all(tenant) if d}
    assert {"Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "Role", "RoleBinding"} <= kinds
    assert "namespace/team-a created" in kubectl(server, "apply", "-f", "-", input=tenant).stdout
    again = kubectl(server, "apply", "-f", "-", input=tenant).stdout.splitlines()
    assert again and all(line.endswith(" unchanged") for line in again), again
    namespace = json.loads(kubectl(server, "get", "ns", "team-a", "-o", "json").stdout)
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"]
    quotas = kubectl(server, "get", "quota", "-n", "team-a").stdout.splitlines()
    assert quotas[0].split() == ["NAME", "AGE", "REQUEST", "LIMIT"]
    # The quota's status (hard, and used by nothing yet) fills kubectl's usage columns.
    assert "pods: 0/30," in quotas[1] and quotas[1].endswith("limits.memory: 0/64Gi"), quotas[1]


def test_an_edited_apply_updates_the_object(server):
    manifest = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "edited"}, "data": {"a": "1", "b": "2"}}
    assert "created" in kubectl(server, "apply", "-f", "-", input=json.dumps(manifest)).stdout
    manifest["data"] = {"a": "9"}
    assert "configmap/edited configured" in kubectl(server, "apply", "-f", "-", input=json.dumps(manifest)).stdout
    got = json.loads(kubectl(server, "get", "cm", "edited", "-o", "json").stdout)
    # The three-way patch removes what the earlier apply set and this one does not.
    assert got["data"] == {"a": "9"}
    assert "kubectl.kubernetes.io/last-applied-configuration" in got["metadata"]["annotations"]


def test_server_side_apply_owns_fields_and_conflicts(server):
    manifest = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "owned"}, "data": {"a": "1"}}
    out = kubectl(server, "apply", "--server-side", "-f", "-", input=json.dumps(manifest)).stdout
    assert "configmap/owned serverside-applied" in out
    got = json.loads(kubectl(server, "get", "cm", "owned", "-o", "json", "--show-managed-fields").stdout)
    assert [(m["manager"], m["operation"]) for m in got["metadata"]["managedFields"]] == [("kubectl", "Apply")]
    manifest["data"] = {"a": "2"}
    result = kubectl(server, "apply", "--server-side", "--field-manager=other", "-f", "-", input=json.dumps(manifest),
                     check=False)
    assert result.returncode == 1
    assert 'Apply failed with 1 conflict: conflict with "kubectl": .data.a' in result.stderr
    kubectl(server, "apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", "-",
            input=json.dumps(manifest))
    got = json.loads(kubectl(server, "get", "cm", "owned", "-o", "json", "--show-managed-fields").stdout)
    assert got["data"] == {"a": "2"}
    assert ("other", "Apply") in [(m["manager"], m["operation"]) for m in got["metadata"]["managedFields"]]


def test_explain_reads_the_openapi_v3_schemas(server):
    out = kubectl(server, "explain", "statefulset.spec").stdout
    assert "GROUP:      apps" in out and "KIND:       StatefulSet" in out
    assert re.search(r"serviceName\s+<string>", out)
    out = kubectl(server, "explain", "configmap.data").stdout
    assert "FIELD: data <map[string]string>" in out


def test_openapi_v2_is_json_or_protobuf_with_every_served_definition(server):
    code, document = raw_request(server, "/openapi/v2", token=token(server))
    assert code == 200 and document["swagger"] == "2.0"
    assert "io.k8s.api.apps.v1.StatefulSet" in document["definitions"]
    assert document["definitions"]["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]["format"] == "int-or-string"
    # kubectl 1.32 asks for the v2 document in protobuf only (gnostic's openapi.v2.Document).
    out = kubectl(server, "explain", "statefulset.spec.updateStrategy", "--output=plaintext-openapiv2").stdout
    assert "KIND:     StatefulSet" in out and "RESOURCE: updateStrategy <Object>" in out
    assert re.search(r"rollingUpdate\s+<Object>", out)


def test_get_prints_the_api_servers_columns(server):
    services = kubectl(server, "get", "svc").stdout.splitlines()
    assert services[0].split() == ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]
    balanced = [line.split() for line in services[1:] if "LoadBalancer" in line]
    assert balanced and all(row[3].startswith("203.0.113.") for row in balanced)
    assert all(re.fullmatch(r"(\d+:3\d{4}/TCP,?)+", row[4]) for row in balanced)
    pods = kubectl(server, "get", "pods", "-o", "wide").stdout.splitlines()
    assert pods[0].split()[:7] == ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE"]
    nodes = kubectl(server, "get", "nodes").stdout.splitlines()
    assert nodes[0].split() == ["NAME", "STATUS", "ROLES", "AGE", "VERSION"]
    assert nodes[1].split()[1] == "Ready" and nodes[1].split()[4] == "v1.32.0"
    statefulsets = kubectl(server, "get", "sts").stdout.splitlines()
    assert statefulsets[0].split() == ["NAME", "READY", "AGE"]
    configmaps = kubectl(server, "get", "cm", "edited").stdout.splitlines()
    assert configmaps[0].split() == ["NAME", "DATA", "AGE"] and configmaps[1].split()[:2] == ["edited", "1"]


def test_an_unknown_kind_is_refused_with_the_api_servers_404(server):
    code, body = raw_request(server, "/apis/apps/v1/namespaces/default/deployments", token=token(server))
    assert (code, body["reason"], body["message"]) == (404, "NotFound", "the server could not find the requested resource")


def test_server_side_dry_runs_change_nothing(server):
    manifest = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "dry"}, "data": {"a": "1"}}
    assert "configmap/dry created (server dry run)" in kubectl(
        server, "create", "--dry-run=server", "-f", "-", input=json.dumps(manifest)).stdout
    assert kubectl(server, "get", "cm", "dry", check=False).returncode == 1
    kubectl(server, "apply", "-f", "-", input=json.dumps(manifest))
    manifest["data"] = {"a": "2"}
    diff = kubectl(server, "diff", "-f", "-", input=json.dumps(manifest), check=False)
    assert diff.returncode == 1 and '-  a: "1"' in diff.stdout and '+  a: "2"' in diff.stdout
    assert "deleted (server dry run)" in kubectl(server, "delete", "cm", "dry", "--dry-run=server").stdout
    assert json.loads(kubectl(server, "get", "cm", "dry", "-o", "json").stdout)["data"] == {"a": "1"}
    code, body = raw_request(server, "/api/v1/namespaces/default/configmaps/dry?dryRun=Some", token=token(server), method="DELETE")
    assert (code, body["message"]) == (
        422, 'DeleteOptions.meta.k8s.io "" is invalid: dryRun[0]: Unsupported value: "Some": supported values: "All"')
