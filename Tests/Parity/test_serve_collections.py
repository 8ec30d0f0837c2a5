"""Deleting many objects at once against `kubegrid serve`: `deletecollection` (raw, and
through the PyPI client's delete_collection_*), kubectl's `delete --all` and `-l`, and a
namespace's deletion as kube-controller-manager's namespace controller carries it out
(Terminating, new content refused, content deleted with grace periods, then gone).

One server for the module; the real kubectl 1.32 and the PyPI `kubernetes` client.
"""

from __future__ import annotations

import http.client
import json
import time

import pytest
from kubernetes import client, config

from kubectl_session import kubectl, serve_session
from test_serve_kubectl import raw_request, token


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_session(tmp_path_factory, "serve-collections")


@pytest.fixture(scope="module")
def core(server):
    return client.CoreV1Api(config.new_client_from_config(config_file=str(server["kubeconfig"])))


def apply(server, *objects):
    kubectl(server, "apply", "-f", "-", input=json.dumps({"apiVersion": "v1", "kind": "List", "items": list(objects)}))


def config_map(name, namespace="default", labels=None, finalizers=None):
    metadata = {"name": name, "namespace": namespace, "labels": labels or {}}
    if finalizers:
        metadata["finalizers"] = finalizers
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata, "data": {"k": name}}


def stateful_set(name, namespace, replicas=2):
    return {
        "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": name, "namespace": namespace},
        "spec": {"replicas": replicas, "serviceName": name, "selector": {"matchLabels": {"app": name}},
                 "template": {"metadata": {"labels": {"app": name}},
                              "spec": {"terminationGracePeriodSeconds": 5,
                                       "containers": [{"name": "c", "image": "busybox:1.36"}]}}},
    }


def names(server, *args):
    return sorted(json.loads(kubectl(server, "get", *args, "-o", "json").stdout)["items"], key=lambda o: o["metadata"]["name"])


def test_discovery_says_which_resources_delete_collections(server):
    # As kube-apiserver 1.32's discovery: the generic registry's resources have it,
    # Namespaces and Services do not.
    code, core_resources = raw_request(server, "/api/v1", token=token(server))
    verbs = {r["name"]: r["verbs"] for r in core_resources["resources"]}
    assert "deletecollection" in verbs["pods"] and "deletecollection" in verbs["configmaps"]
    assert "deletecollection" in verbs["nodes"]
    assert "deletecollection" not in verbs["services"] and "deletecollection" not in verbs["namespaces"]
    _, apps = raw_request(server, "/apis/apps/v1", token=token(server))
    assert "deletecollection" in {r["name"]: r["verbs"] for r in apps["resources"]}["statefulsets"]


def test_deletecollection_deletes_what_the_selector_picks_and_answers_the_list(server):
    apply(server, config_map("keep-1"), config_map("drop-1", labels={"tier": "cache"}),
          config_map("drop-2", labels={"tier": "cache"}), config_map("keep-2", labels={"tier": "web"}))
    code, answer = raw_request(server, "/api/v1/namespaces/default/configmaps?labelSelector=tier%3Dcache",
                               token=token(server), method="DELETE")
    assert code == 200
    assert answer["kind"] == "ConfigMapList" and answer["apiVersion"] == "v1"
    assert [item["metadata"]["name"] for item in answer["items"]] == ["drop-1", "drop-2"]
    left = [m["metadata"]["name"] for m in names(server, "configmaps")]
    assert "drop-1" not in left and "drop-2" not in left and {"keep-1", "keep-2"} <= set(left)


def test_deletecollection_dry_run_deletes_nothing(server):
    apply(server, config_map("dry", labels={"tier": "dry"}))
    code, answer = raw_request(server, "/api/v1/namespaces/default/configmaps?labelSelector=tier%3Ddry&dryRun=All",
                               token=token(server), method="DELETE")
    assert code == 200 and [item["metadata"]["name"] for item in answer["items"]] == ["dry"]
    assert [m["metadata"]["name"] for m in names(server, "configmaps", "-l", "tier=dry")] == ["dry"]


def test_services_and_namespaces_refuse_deletecollection_with_405(server):
    for path in ("/api/v1/namespaces/default/services", "/api/v1/namespaces"):
        code, status = raw_request(server, path, token=token(server), method="DELETE")
        assert (code, status["reason"], status["message"]) == (
            405, "MethodNotAllowed", "the server does not allow this method on the requested resource")


def test_a_bad_selector_on_deletecollection_is_400_and_deletes_nothing(server):
    apply(server, config_map("survivor", labels={"tier": "x"}))
    code, status = raw_request(server, "/api/v1/namespaces/default/configmaps?labelSelector=tier%20in%20(x",
                               token=token(server), method="DELETE")
    assert code == 400 and status["kind"] == "Status" and status["reason"] == "BadRequest"
    assert [m["metadata"]["name"] for m in names(server, "configmaps", "-l", "tier=x")] == ["survivor"]


def test_the_python_clients_delete_collection_of_pods_restarts_a_statefulsets_pods(server, core):
    apply(server, stateful_set("web", "default"))
    kubectl(server, "rollout", "status", "statefulset/web", "--timeout=60s")
    before = {p["metadata"]["name"]: p["metadata"]["uid"] for p in names(server, "pods", "-l", "app=web")}
    assert sorted(before) == ["web-0", "web-1"]
    core.delete_collection_namespaced_pod("default", label_selector="app=web", grace_period_seconds=0)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        now = {p["metadata"]["name"]: p["metadata"]["uid"] for p in names(server, "pods", "-l", "app=web")}
        if sorted(now) == ["web-0", "web-1"] and all(now[n] != before[n] for n in now):
            break
        time.sleep(0.5)
    else:
        pytest.fail(f"the StatefulSet did not replace its deleted pods: {before} then {now}")


def test_kubectl_delete_all_and_by_label(server):
    apply(server, config_map("a-1", labels={"set": "a"}), config_map("a-2", labels={"set": "a"}),
          config_map("b-1", labels={"set": "b"}))
    deleted = kubectl(server, "delete", "configmaps", "-l", "set=a").stdout
    assert deleted.splitlines() == ['configmap "a-1" deleted', 'configmap "a-2" deleted']
    apply(server, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "scratch"}},
          config_map("c-1", "scratch"), config_map("c-2", "scratch"))
    deleted = kubectl(server, "delete", "configmaps", "--all", "-n", "scratch").stdout
    assert deleted.splitlines() == ['configmap "c-1" deleted', 'configmap "c-2" deleted']
    assert kubectl(server, "get", "configmaps", "-n", "scratch").stderr.strip() == "No resources found in scratch namespace."


def watch_lines(server, path, seconds):
    """The events of a watch of `path` for `seconds`."""
    connection = http.client.HTTPConnection(server["url"].removeprefix("http://"), timeout=seconds + 10)
    connection.request("GET", f"{path}?watch=true&timeoutSeconds={seconds}", headers={"Authorization": f"Bearer {token(server)}"})
    return connection


def test_deleting_a_namespace_empties_it_then_removes_it(server):
    apply(server, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "doomed"}},
          stateful_set("grid", "doomed"), config_map("held", "doomed", finalizers=["example.com/hold"]))
    kubectl(server, "rollout", "status", "statefulset/grid", "-n", "doomed", "--timeout=60s")
    watch = watch_lines(server, "/api/v1/namespaces/doomed/pods", 20)
    watch_response = watch.getresponse()
    # Without --wait kubectl returns at once; the namespace is Terminating.
    assert kubectl(server, "delete", "namespace", "doomed", "--wait=false").stdout.strip() == 'namespace "doomed" deleted'
    namespace = json.loads(kubectl(server, "get", "namespace", "doomed", "-o", "json").stdout)
    assert namespace["status"]["phase"] == "Terminating"
    assert namespace["spec"]["finalizers"] == ["kubernetes"] and "finalizers" not in namespace["metadata"]
    assert namespace["metadata"]["deletionTimestamp"]
    # New content is refused in the API server's words.
    refused = kubectl(server, "apply", "-f", "-", input=json.dumps(config_map("late", "doomed")), check=False)
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        'Error from server (Forbidden): error when creating "STDIN": configmaps "late" is forbidden: '
        "unable to create new content in namespace doomed because it is being terminated")
    # The pods went gracefully: marked for deletion first, then gone.
    deadline = time.monotonic() + 30
    events = []
    while time.monotonic() < deadline and sum(e["type"] == "DELETED" for e in events) < 2:
        line = watch_response.readline()
        if not line:
            break
        if line.strip():
            events.append(json.loads(line))
    watch.close()
    for pod in ("grid-0", "grid-1"):
        mine = [e for e in events if e["object"]["metadata"]["name"] == pod]
        assert mine and mine[-1]["type"] == "DELETED", f"{pod} was not deleted: {mine}"
        assert any(e["type"] == "MODIFIED" and e["object"]["metadata"].get("deletionTimestamp") for e in mine), \
            f"{pod} was not given its grace period: {[e['type'] for e in mine]}"
    assert kubectl(server, "get", "statefulsets", "-n", "doomed").stderr.strip() == "No resources found in doomed namespace."
    # The ConfigMap's own finalizer holds it, and with it the namespace.
    held = json.loads(kubectl(server, "get", "configmap", "held", "-n", "doomed", "-o", "json").stdout)
    assert held["metadata"]["deletionTimestamp"] and held["metadata"]["finalizers"] == ["example.com/hold"]
    assert json.loads(kubectl(server, "get", "namespace", "doomed", "-o", "json").stdout)["status"]["phase"] == "Terminating"
    kubectl(server, "patch", "configmap", "held", "-n", "doomed", "--type=merge", "-p", '{"metadata":{"finalizers":null}}')
    kubectl(server, "wait", "--for=delete", "namespace/doomed", "--timeout=30s")
    missing = kubectl(server, "get", "namespace", "doomed", check=False)
    assert missing.stderr.strip() == 'Error from server (NotFound): namespaces "doomed" not found'


def test_kubectl_delete_namespace_waits_until_it_is_gone(server):
    apply(server, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "brief"}}, stateful_set("job", "brief", 1))
    kubectl(server, "rollout", "status", "statefulset/job", "-n", "brief", "--timeout=60s")
    kubectl(server, "delete", "namespace", "brief", "--timeout=60s")
    assert kubectl(server, "get", "namespace", "brief", check=False).returncode == 1


def test_the_clusters_own_namespaces_cannot_be_deleted(server):
    refused = kubectl(server, "delete", "namespace", "kube-system", check=False)
    assert refused.stderr.strip() == 'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted'
