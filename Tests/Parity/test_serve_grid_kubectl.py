"""Transcript tests of `kubegrid serve`'s grid and faults, driven by the real kubectl 1.32:
the README's "Smoke-test with kubectl" script step by step — apply the HA umbrella, rollout
status, wait, get svc, the REST Manager through the service proxy, logs, a primary deleted
and its backup promoted, a crash, drain through the PodDisruptionBudgets, scale, an image
rolled, a node lost without deleting it — and the verdict on SIGINT.

The tests run in file order against one server (each step builds on the last).
"""

from __future__ import annotations

import json
import signal
import subprocess
import time

import pytest

from kubectl_session import KUBECTL, eventually, kubectl, render_ha_example, serve_session

MANAGER_PROXY = "/api/v1/namespaces/default/services/prod-insightedge-manager-service:api/proxy"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # Five nodes: a drained node's pods have somewhere to go under the render's anti-affinity,
    # and three remain for the managers after one node is deleted and another lost.
    yield from serve_session(tmp_path_factory, "serve-grid", "--nodes", "5")


def rest_manager(server, path):
    return json.loads(kubectl(server, "get", "--raw", MANAGER_PROXY + path).stdout)


def instances(server):
    return rest_manager(server, "/v2/spaces/prod-insightedge-pu/instances")


def strategic_merge_patch_served(server):
    probe = kubectl(server, "patch", "sts", "prod-insightedge-manager", "-p", "{}", check=False)
    return "unknown format" not in probe.stderr


def test_apply_rollout_status_and_wait(server):
    render = render_ha_example()
    # All of it: the Space instances read their Services as their service account, which
    # the render's Role and RoleBinding allow (serve authorizes the grid's API calls).
    kubectl(server, "apply", "-f", "-", input=render)
    for name in kubectl(server, "get", "sts", "-o", "name").stdout.split():
        assert "roll out complete" in kubectl(server, "rollout", "status", name, "--timeout=90s").stdout
    kubectl(server, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=90s")
    services = kubectl(server, "get", "svc").stdout
    assert "prod-insightedge-manager-service" in services


def test_the_rest_manager_answers_through_the_service_proxy(server):
    info = rest_manager(server, "/v2/info")
    assert info["managers"] and all(host.startswith("node-") for host in info["managers"])
    assert info["lookupLocators"].startswith("prod-insightedge-manager-0.prod-insightedge-manager-hs:4174")
    spaces = rest_manager(server, "/v2/spaces")
    assert [s["name"] for s in spaces] == ["prod-insightedge-pu"]
    assert spaces[0]["topology"] == {"schema": "partitioned", "partitions": 4, "backupsPerPartition": 1}
    running = instances(server)
    assert sorted((i["partitionId"], i["mode"]) for i in running) == [
        (p, mode) for p in range(1, 5) for mode in ("BACKUP", "PRIMARY")
    ]
    pods = {p["metadata"]["name"]: p for p in json.loads(kubectl(server, "get", "pods", "-o", "json").stdout)["items"]}
    for instance in running:
        assert pods[instance["containerId"]]["spec"]["nodeName"] == instance["hostId"]
    assert rest_manager(server, "/v2/pus")[0]["status"] == "intact"
    hosts = rest_manager(server, "/v2/hosts")
    assert sum(len(h["containers"]) for h in hosts) == 11
    missing = kubectl(server, "get", "--raw", MANAGER_PROXY + "/v2/spaces/nope", check=False)
    # The proxy hands back the REST Manager's own 404 body, which kubectl words as any 404.
    assert missing.returncode == 1 and "Error from server (NotFound)" in missing.stderr
    nothing = kubectl(server, "get", "--raw", "/api/v1/namespaces/default/services/prod-insightedge-pu-hs:lrmi/proxy/v2/info", check=False)
    assert nothing.returncode == 1
    assert 'no endpoints available for service "prod-insightedge-pu-hs"' in nothing.stderr


def test_logs_show_registration_election_and_recovery(server):
    primary = next(i for i in instances(server) if i["partitionId"] == 2 and i["mode"] == "PRIMARY")["containerId"]
    backup = next(i for i in instances(server) if i["partitionId"] == 2 and i["mode"] == "BACKUP")["containerId"]
    lines = kubectl(server, "logs", primary, "-c", "pu-container").stdout.splitlines()
    assert any("Registered:" in line and "registered in the lookup service" in line for line in lines)
    assert any(f"PrimaryElected: {primary} is primary of partition 2" in line for line in lines)
    recovered = kubectl(server, "logs", backup, "-c", "pu-container").stdout
    assert "BackupRecovering:" in recovered and f"BackupRecovered: {backup} recovered partition 2" in recovered
    last = kubectl(server, "logs", backup, "-c", "pu-container", "--tail=1", "--timestamps").stdout.splitlines()
    assert len(last) == 1 and last[0][:4].isdigit() and "Z INFO " in last[0]
    manager = kubectl(server, "logs", "prod-insightedge-manager-0").stdout
    assert "LookupServiceStarted:" in manager
    wrong = kubectl(server, "logs", primary, "-c", "nope", check=False)
    assert wrong.returncode == 1 and f"container nope is not valid for pod {primary}" in wrong.stderr


def test_logs_follow_streams_new_lines(server):
    backup = next(i for i in instances(server) if i["partitionId"] == 3 and i["mode"] == "BACKUP")["containerId"]
    primary = next(i for i in instances(server) if i["partitionId"] == 3 and i["mode"] == "PRIMARY")["containerId"]
    follower = subprocess.Popen(
        [KUBECTL, "--kubeconfig", str(server["kubeconfig"]), "logs", "-f", backup, "-c", "pu-container", "--tail=0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        time.sleep(1)
        kubectl(server, "delete", "pod", primary, "--wait=false")
        line = follower.stdout.readline()
        assert f"PrimaryHandedOver: {primary} is shutting down and handed partition 3 to its backup {backup}" in line, line
    finally:
        follower.kill()
        follower.wait()
    kubectl(server, "wait", "--for=condition=Ready", f"pod/{primary}", "--timeout=90s")


def test_deleting_a_primary_promotes_its_backup(server):
    before = {(i["partitionId"], i["mode"]): i["containerId"] for i in instances(server)}
    primary, backup = before[(1, "PRIMARY")], before[(1, "BACKUP")]
    kubectl(server, "delete", "pod", primary)
    after = {(i["partitionId"], i["mode"]): i["containerId"] for i in instances(server)}
    assert after[(1, "PRIMARY")] == backup
    kubectl(server, "wait", "--for=condition=Ready", f"pod/{primary}", "--timeout=90s")
    eventually(lambda: {(i["partitionId"], i["mode"]): i["containerId"] for i in instances(server)}.get((1, "BACKUP")) == primary,
               message=f"{primary} back as the backup of partition 1")


def test_a_forced_delete_is_a_crash_and_the_pod_comes_back(server):
    primary = next(i for i in instances(server) if i["partitionId"] == 4 and i["mode"] == "PRIMARY")["containerId"]
    uid = json.loads(kubectl(server, "get", "pod", primary, "-o", "json").stdout)["metadata"]["uid"]
    result = kubectl(server, "delete", "pod", primary, "--grace-period=0", "--force")
    assert f'pod "{primary}" force deleted' in result.stdout
    eventually(lambda: json.loads(kubectl(server, "get", "pod", primary, "-o", "json", check=False).stdout or "{}")
               .get("metadata", {}).get("uid", uid) != uid, message=f"{primary} made again")
    kubectl(server, "wait", "--for=condition=Ready", f"pod/{primary}", "--timeout=90s")
    eventually(lambda: len([i for i in instances(server) if i["partitionId"] == 4]) == 2, message="partition 4 whole again")


def test_scale_through_the_scale_subresource(server):
    scale = json.loads(kubectl(server, "get", "--raw", "/apis/apps/v1/namespaces/default/statefulsets/prod-insightedge-pu-1/scale").stdout)
    assert scale["kind"] == "Scale" and scale["spec"]["replicas"] == 2 and scale["status"]["selector"]
    assert "scaled" in kubectl(server, "scale", "sts", "prod-insightedge-manager", "--replicas=3").stdout


def test_an_eviction_the_budgets_refuse_is_429_in_the_api_servers_words(server):
    pods = json.loads(kubectl(server, "get", "pods", "-l", "selectorId=prod-insightedge-pu-2", "-o", "json").stdout)["items"]
    first, second = (p["metadata"]["name"] for p in pods)
    eviction = {"apiVersion": "policy/v1", "kind": "Eviction", "metadata": {"name": first, "namespace": "default"}}
    evicted = kubectl(server, "create", "--raw", f"/api/v1/namespaces/default/pods/{first}/eviction", "-f", "-",
                      input=json.dumps(eviction))
    assert json.loads(evicted.stdout)["status"] == "Success"
    eviction["metadata"]["name"] = second
    refused = kubectl(server, "create", "--raw", f"/api/v1/namespaces/default/pods/{second}/eviction", "-f", "-",
                      input=json.dumps(eviction), check=False)
    assert refused.returncode == 1
    assert "Error from server (TooManyRequests): Cannot evict pod as it would violate the pod's disruption budget." in refused.stderr
    kubectl(server, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=90s")


def test_drain_goes_through_the_budgets(server):
    if not strategic_merge_patch_served(server):
        pytest.skip("kubectl cordon sends a strategic merge patch, which this server does not take yet")
    node = json.loads(kubectl(server, "get", "pod", "prod-insightedge-manager-0", "-o", "json").stdout)["spec"]["nodeName"]
    drained = kubectl(server, "drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=180s", timeout=200)
    assert f"node/{node} drained" in drained.stdout
    pods = json.loads(kubectl(server, "get", "pods", "-o", "json").stdout)["items"]
    assert all(p["spec"].get("nodeName") != node for p in pods)
    assert "SchedulingDisabled" in kubectl(server, "get", "node", node).stdout or json.loads(
        kubectl(server, "get", "node", node, "-o", "json").stdout)["spec"].get("unschedulable")
    kubectl(server, "uncordon", node)
    kubectl(server, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=120s")


def test_an_image_change_rolls_and_rollout_status_follows(server):
    image = json.loads(kubectl(server, "get", "sts", "prod-insightedge-pu-3", "-o", "json").stdout)["spec"]["template"]["spec"]["containers"][0]["image"]
    newer = image.rsplit(":", 1)[0] + ":15.5.1"
    if strategic_merge_patch_served(server):
        kubectl(server, "set", "image", "sts/prod-insightedge-pu-3", f"pu-container={newer}")
    else:
        kubectl(server, "patch", "sts", "prod-insightedge-pu-3", "--type=json",
                "-p", json.dumps([{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": newer}]))
    assert "roll out complete" in kubectl(server, "rollout", "status", "sts/prod-insightedge-pu-3", "--timeout=120s", timeout=140).stdout
    pods = json.loads(kubectl(server, "get", "pods", "-l", "selectorId=prod-insightedge-pu-3", "-o", "json").stdout)["items"]
    assert [p["spec"]["containers"][0]["image"] for p in pods] == [newer, newer]


def test_rollout_restart_rolls_every_pod(server):
    before = {p["metadata"]["name"]: p["metadata"]["uid"] for p in json.loads(
        kubectl(server, "get", "pods", "-l", "selectorId=prod-insightedge-pu-4", "-o", "json").stdout)["items"]}
    assert "restarted" in kubectl(server, "rollout", "restart", "sts/prod-insightedge-pu-4").stdout
    assert "roll out complete" in kubectl(server, "rollout", "status", "sts/prod-insightedge-pu-4", "--timeout=120s", timeout=140).stdout
    after = {p["metadata"]["name"]: p["metadata"]["uid"] for p in json.loads(
        kubectl(server, "get", "pods", "-l", "selectorId=prod-insightedge-pu-4", "-o", "json").stdout)["items"]}
    assert after.keys() == before.keys() and all(after[name] != before[name] for name in before)


def test_deleting_a_node_moves_its_pods(server):
    pod = json.loads(kubectl(server, "get", "pod", "prod-insightedge-pu-4-0", "-o", "json").stdout)
    node = pod["spec"]["nodeName"]
    assert f'node "{node}" deleted' in kubectl(server, "delete", "node", node).stdout
    assert kubectl(server, "get", "node", node, check=False).returncode == 1
    eventually(lambda: json.loads(kubectl(server, "get", "pod", "prod-insightedge-pu-4-0", "-o", "json", check=False).stdout or "{}")
               .get("spec", {}).get("nodeName") not in (None, node), timeout=90, message="prod-insightedge-pu-4-0 placed elsewhere")
    kubectl(server, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=120s", timeout=140)


def test_a_node_lost_without_deleting_it(server):
    victim = next(i for i in instances(server) if i["partitionId"] == 1 and i["mode"] == "PRIMARY")
    kubectl(server, "patch", "node", victim["hostId"], "--subresource=status", "--type=merge",
            "-p", json.dumps({"status": {"conditions": [{"type": "Ready", "status": "Unknown"}]}}))
    node = json.loads(kubectl(server, "get", "node", victim["hostId"], "-o", "json").stdout)
    assert [c["status"] for c in node["status"]["conditions"] if c["type"] == "Ready"] == ["Unknown"]
    eventually(lambda: any(i["partitionId"] == 1 and i["mode"] == "PRIMARY" and i["containerId"] != victim["containerId"]
                           for i in instances(server)), timeout=60, message="partition 1's backup promoted")
    # The node controller marks the silent node NotReady, then removes it; its pods come back
    # elsewhere and the Space is whole again.
    eventually(lambda: len(instances(server)) == 8 and rest_manager(server, "/v2/pus")[0]["status"] == "intact",
               timeout=240, message="every instance of the Space back after the node loss")
    kubectl(server, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=180s", timeout=200)


def test_sigint_prints_the_serve_verdict(server):
    process = server["process"]
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=120)
    assert out.startswith("kubegrid serve: 5 nodes in 1 zone, seed 1"), out
    assert process.returncode == 0, out
    assert "PASS deploy" in out
