"""Transcript tests of `kubegrid serve` driven by the real kubectl (1.32) binary.

Each test module run starts one server on a free loopback port, with its kubeconfig in a
temporary folder, and stops it with SIGINT at the end (its verdict is checked too).
Without kubectl on PATH the module fails with a message saying so.
"""

from __future__ import annotations

import http.client
import json
import signal
import time
import urllib.error
import urllib.request

import pytest
import yaml

from kubectl_session import kubectl, render_ha_example, serve_session


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_session(tmp_path_factory, "serve")


def raw_request(server, path, token=None, method="GET", body=None):
    request = urllib.request.Request(server["url"] + path, method=method, data=body)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def token(server):
    return yaml.safe_load(server["kubeconfig"].read_text())["users"][0]["user"]["token"]


def test_kubeconfig_is_private_and_names_the_kubegrid_context(server):
    assert oct(server["kubeconfig"].stat().st_mode & 0o777) == "0o600"
    config = yaml.safe_load(server["kubeconfig"].read_text())
    assert config["current-context"] == "kubegrid"
    assert len(token(server)) == 64
    # kubectl sends no credentials over plain HTTP: the server URL carries the token.
    assert config["clusters"][0]["cluster"]["server"] == server["url"] + "/t/" + token(server)


def test_a_request_without_the_token_gets_401_as_a_status(server):
    code, body = raw_request(server, "/api/v1/namespaces")
    assert code == 401
    assert body == {
        "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
        "message": "Unauthorized", "reason": "Unauthorized", "code": 401,
    }
    code, _ = raw_request(server, "/api/v1/namespaces", token="wrong")
    assert code == 401


def test_a_cached_get_sends_the_same_bytes_as_the_first(server):
    """The first GET of an object is encoded in the cluster's turn; the later ones are answered
    from the read cache on the event loop: the same status line, headers (but the date's value)
    and body, on one keep-alive connection, and a request without the token still gets 401."""
    manifest = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "read-twice"}, "data": {"a": "1"}}
    code, _ = raw_request(server, "/api/v1/namespaces/default/configmaps", token(server), "POST",
                          json.dumps(manifest).encode())
    assert code == 201
    connection = http.client.HTTPConnection(server["url"].removeprefix("http://"), timeout=10)

    def get(headers):
        connection.request("GET", "/api/v1/namespaces/default/configmaps/read-twice", headers=headers)
        response = connection.getresponse()
        body = response.read()
        fields = [(name, "date" if name.lower() == "date" else value) for name, value in response.getheaders()]
        return response.version, response.status, response.reason, fields, body

    admin = {"Authorization": f"Bearer {token(server)}"}
    table = {**admin, "Accept": "application/json;as=Table;v=v1;g=meta.k8s.io"}
    first, second = get(admin), get(admin)
    assert first == second
    assert [name for name, _ in first[3]] == ["Content-Type", "Content-Length", "Date"]
    assert json.loads(first[4])["data"] == {"a": "1"}
    assert json.loads(get(table)[4])["kind"] == "Table"
    assert get({})[1:3] == (401, "Unauthorized")
    assert get(admin) == first
    connection.close()


def test_kubectl_version_and_api_resources(server):
    assert "Server Version: v1.32.0-kubegrid" in kubectl(server, "version").stdout
    resources = kubectl(server, "api-resources").stdout
    assert any(line.split()[:2] == ["statefulsets", "sts"] and "apps/v1" in line for line in resources.splitlines())
    assert any(line.split()[:2] == ["poddisruptionbudgets", "pdb"] for line in resources.splitlines())


def test_unknown_resource_is_refused_in_kubectl_words(server):
    result = kubectl(server, "get", "widgets", check=False)
    assert result.returncode == 1
    assert 'the server doesn\'t have a resource type "widgets"' in result.stderr


def test_the_ha_umbrella_applies_and_becomes_ready(server):
    render = render_ha_example()
    # The whole render (Secrets, ServiceAccounts, RBAC and NetworkPolicies too), validated
    # as kubectl validates by default.
    applied = kubectl(server, "apply", "-f", "-", input=render)
    assert "statefulset.apps/prod-space created" in applied.stdout or "created" in applied.stdout
    started = time.monotonic()
    names = kubectl(server, "get", "sts", "-o", "name").stdout.split()
    assert len(names) == 5
    for name in names:
        rollout = kubectl(server, "rollout", "status", name, "--timeout=60s")
        assert "roll out complete" in rollout.stdout
    waited = time.monotonic() - started
    assert waited < 30, f"the HA example took {waited:.1f}s of wall time to be Ready"
    kubectl(server, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=60s")
    statefulsets = json.loads(kubectl(server, "get", "sts", "-o", "json").stdout)["items"]
    assert all(s["status"]["readyReplicas"] == s["spec"]["replicas"] for s in statefulsets)
    assert len(json.loads(kubectl(server, "get", "pods", "-o", "json").stdout)["items"]) == 11
    services = json.loads(kubectl(server, "get", "svc", "-o", "json").stdout)["items"]
    balanced = [s for s in services if s["spec"].get("type") == "LoadBalancer"]
    assert balanced and all(s["status"]["loadBalancer"]["ingress"][0]["ip"].startswith("203.0.113.") for s in balanced)
    assert all(30000 <= p["nodePort"] <= 32767 for s in balanced for p in s["spec"]["ports"])
    table = kubectl(server, "get", "sts,svc,pdb").stdout
    assert "statefulset.apps/" in table and "service/" in table and "poddisruptionbudget.policy/" in table


def test_an_invalid_node_port_is_refused_with_the_api_servers_text(server):
    service = {
        "apiVersion": "v1", "kind": "Service", "metadata": {"name": "bad-port"},
        "spec": {"type": "NodePort", "selector": {"app": "x"}, "ports": [{"port": 80, "nodePort": 8080}]},
    }
    result = kubectl(server, "create", "-f", "-", input=json.dumps(service), check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        'The Service "bad-port" is invalid: spec.ports[0].nodePort: Invalid value: 8080: '
        "provided port is not in the valid range. The range of valid ports is 30000-32767"
    )


def test_selectors_limit_and_continue(server):
    code, body = raw_request(server, "/api/v1/pods?labelSelector=a%20in%20(b", token=token(server))
    assert code == 400 and body["reason"] == "BadRequest"
    code, body = raw_request(server, "/api/v1/pods?fieldSelector=spec.bogus%3Dx", token=token(server))
    assert (code, body["message"]) == (400, "field label not supported: spec.bogus")
    code, first = raw_request(server, "/api/v1/nodes?limit=2", token=token(server))
    assert code == 200 and len(first["items"]) == 2 and first["metadata"]["continue"]
    code, rest = raw_request(server, "/api/v1/nodes?limit=2&continue=" + first["metadata"]["continue"], token=token(server))
    assert [n["metadata"]["name"] for n in first["items"] + rest["items"]] == ["node-1", "node-2", "node-3"]


def test_deleting_a_pod_brings_a_new_one(server):
    pods = json.loads(kubectl(server, "get", "pods", "-o", "json").stdout)["items"]
    victim = pods[0]
    kubectl(server, "delete", "pod", victim["metadata"]["name"], "--timeout=60s")
    kubectl(server, "wait", "--for=condition=Ready", "pod", victim["metadata"]["name"], "--timeout=60s")
    again = json.loads(kubectl(server, "get", "pod", victim["metadata"]["name"], "-o", "json").stdout)
    assert again["metadata"]["uid"] != victim["metadata"]["uid"]


def test_describe_pod_shows_the_scheduler_and_kubelet_events(server):
    pod = json.loads(kubectl(server, "get", "pods", "-o", "json").stdout)["items"][0]
    name = pod["metadata"]["name"]
    events = kubectl(server, "describe", "pod", name).stdout.split("Events:", 1)[1]
    assert "Scheduled" in events and "default-scheduler" in events
    assert f"Successfully assigned default/{name} to node-" in events
    assert "kubelet" in events and "Started container" in events
    selector = f"involvedObject.name={name},involvedObject.kind=Pod,reason=Scheduled"
    listed = json.loads(kubectl(server, "get", "events", "--field-selector", selector, "-o", "json").stdout)["items"]
    assert listed and all(event["involvedObject"]["uid"] == pod["metadata"]["uid"] for event in listed)
    assert all(event["source"]["component"] == "default-scheduler" and event["count"] >= 1 for event in listed)
    table = kubectl(server, "get", "events").stdout.splitlines()
    assert table[0].split() == ["LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]


def test_malformed_bodies_and_paths_get_a_status_and_the_server_stays_up(server):
    bearer = token(server)
    code, body = raw_request(server, "/api/v1/namespaces/default/services", token=bearer, method="POST", body=b"{bad")
    assert code == 400 and body["kind"] == "Status"
    code, body = raw_request(server, "/api/v1/namespaces/default/services", token=bearer, method="POST", body=b"a: [")
    assert code == 400 and body["kind"] == "Status"
    code, body = raw_request(server, "/apis/nope/v9/things", token=bearer)
    assert code == 404 and body["message"] == "the server could not find the requested resource"
    huge = b'{"kind":"Service","metadata":{"name":"x"},"pad":"' + b"x" * (4 * 1024 * 1024) + b'"}'
    code, body = raw_request(server, "/api/v1/namespaces/default/services", token=bearer, method="POST", body=huge)
    assert code == 413 and body["reason"] == "RequestEntityTooLarge"
    assert raw_request(server, "/version", token=bearer)[0] == 200


def test_a_stale_update_is_refused_with_409(server):
    budget = {
        "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "stale-check"},
        "spec": {"maxUnavailable": 1, "selector": {"matchLabels": {"app": "stale-check"}}},
    }
    kubectl(server, "create", "-f", "-", input=json.dumps(budget))
    current = json.loads(kubectl(server, "get", "pdb", "stale-check", "-o", "json").stdout)
    stale = json.loads(json.dumps(current))
    current["spec"]["maxUnavailable"] = 2
    kubectl(server, "replace", "-f", "-", input=json.dumps(current))
    stale["spec"]["maxUnavailable"] = 3
    result = kubectl(server, "replace", "-f", "-", input=json.dumps(stale), check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on '
        'poddisruptionbudgets.policy "stale-check": the object has been modified; '
        "please apply your changes to the latest version and try again"
    )


def test_merge_json_and_strategic_patches_apply_and_an_unknown_type_is_415(server):
    budget = {
        "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "patched"},
        "spec": {"maxUnavailable": 1, "selector": {"matchLabels": {"app": "patched"}}},
    }
    kubectl(server, "create", "-f", "-", input=json.dumps(budget))
    kubectl(server, "patch", "pdb", "patched", "--type=merge", "-p", '{"spec":{"maxUnavailable":2}}')
    kubectl(server, "patch", "pdb", "patched", "--type=json", "-p", '[{"op":"replace","path":"/spec/maxUnavailable","value":3}]')
    got = json.loads(kubectl(server, "get", "pdb", "patched", "-o", "json").stdout)
    assert got["spec"]["maxUnavailable"] == 3
    kubectl(server, "patch", "pdb", "patched", "-p", '{"spec":{"maxUnavailable":4}}')
    got = json.loads(kubectl(server, "get", "pdb", "patched", "-o", "json").stdout)
    assert got["spec"]["maxUnavailable"] == 4
    code, body = raw_request(
        server, "/apis/policy/v1/namespaces/default/poddisruptionbudgets/patched", token=token(server), method="PATCH",
        body=b'{"spec":{}}')
    assert code == 415
    assert body["message"] == (
        "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, "
        "application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml")


def test_sigint_prints_the_checkers_verdict_and_exits_0(server):
    process = server["process"]
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0, out
    assert "PASS deploy" in out
