"""`kubegrid serve`'s `/metrics`: the simulated grid's figures in the Prometheus text format,
read with prometheus-client's own parser and compared with what the grid's REST Manager
answers through the service proxy, before and after a primary's pod is deleted."""

from __future__ import annotations

import json
import time
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kubectl_session import kubectl, render_ha_example, serve_session
from test_serve_kubectl import raw_request, token

SPACE = "prod-insightedge-pu"
INSTANCES = f"/api/v1/namespaces/default/services/prod-insightedge-manager-service:api/proxy/v2/spaces/{SPACE}/instances"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_session(tmp_path_factory, "serve-metrics", "--nodes", "5")


def metrics(server):
    """(content type, {family name: family}) of /metrics, parsed as Prometheus parses it."""
    request = urllib.request.Request(server["url"] + "/metrics", headers={"Authorization": f"Bearer {token(server)}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        content_type = response.headers["Content-Type"]
        text = response.read().decode()
    return content_type, {family.name: family for family in text_string_to_metric_families(text)}


def primaries(server):
    """{partition: (pod, node)} of the Space's primaries, as the REST Manager says."""
    code, instances = raw_request(server, INSTANCES, token=token(server))
    assert code == 200, instances
    return {i["partitionId"]: (i["containerId"], i["hostId"]) for i in instances if i["mode"] == "PRIMARY"}


def samples(family, **labels):
    return [s for s in family.samples if all(s.labels.get(k) == v for k, v in labels.items())]


def test_metrics_need_the_token(server):
    code, status = raw_request(server, "/metrics")
    assert (code, status["kind"], status["reason"]) == (401, "Status", "Unauthorized")


def test_an_empty_grid_has_no_spaces_and_no_operations(server):
    content_type, families = metrics(server)
    assert content_type == "text/plain; version=0.0.4; charset=utf-8"
    assert families["kubegrid_space_partitions"].type == "gauge" and families["kubegrid_space_partitions"].samples == []
    operations = families["kubegrid_client_operations"]
    assert operations.type == "counter"
    assert sorted((s.name, s.labels["result"], s.value) for s in operations.samples) == [
        ("kubegrid_client_operations_total", "fail", 0), ("kubegrid_client_operations_total", "info", 0),
        ("kubegrid_client_operations_total", "ok", 0)]
    assert families["kubegrid_writes_lost"].samples[0].value == 0


def test_the_partitions_and_primaries_are_the_rest_managers(server):
    render = render_ha_example()
    kubectl(server, "apply", "-f", "-", input=render)
    for name in kubectl(server, "get", "sts", "-o", "name").stdout.split():
        kubectl(server, "rollout", "status", name, "--timeout=90s")
    expected = primaries(server)
    assert len(expected) == 4
    _, families = metrics(server)
    space = {"namespace": "default", "space": SPACE}
    assert samples(families["kubegrid_space_partitions"], **space)[0].value == 4
    assert samples(families["kubegrid_space_partitions_available"], **space)[0].value == 4
    served = {int(s.labels["partition"]): (s.labels["pod"], s.labels["node"])
              for s in samples(families["kubegrid_partition_primary"], **space)}
    assert served == expected
    assert all(s.value == 1 for s in families["kubegrid_partition_primary"].samples)
    failovers = families["kubegrid_space_failovers"]
    assert failovers.type == "counter" and samples(failovers, **space)[0].name == "kubegrid_space_failovers_total"
    assert samples(failovers, **space)[0].value == 0
    assert families["kubegrid_simulated_time_seconds"].samples[0].value > 0


def test_deleting_a_primary_counts_a_failover_and_moves_the_primary(server):
    before = primaries(server)
    pod, _ = before[1]
    kubectl(server, "delete", "pod", pod, "--wait=false")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        after = primaries(server)
        if 1 in after and after[1][0] != pod:
            break
        time.sleep(0.5)
    else:
        pytest.fail(f"partition 1 kept its primary {pod}")
    _, families = metrics(server)
    space = {"namespace": "default", "space": SPACE}
    assert samples(families["kubegrid_space_failovers"], **space)[0].value == 1
    served = {int(s.labels["partition"]): s.labels["pod"] for s in samples(families["kubegrid_partition_primary"], **space)}
    assert served[1] == primaries(server)[1][0] != pod
    # The counter never goes down: a later scrape is at least as high.
    _, again = metrics(server)
    assert samples(again["kubegrid_space_failovers"], **space)[0].value >= 1
