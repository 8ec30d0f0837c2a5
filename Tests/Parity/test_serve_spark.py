"""A Spark job on the HA example with `kubegrid serve` and the real kubectl 1.32: the
insightedge-spark chart's driver Job runs, its driver creates executor pods as its service
account (a watch sees them come and go, owned by the driver pod), the driver ends
`Completed`, the Job `Complete`; without RBAC the Job fails with the API server's forbidden
words. `/metrics`, read with prometheus-client's parser, counts the application and its
executors."""

from __future__ import annotations

import json
import subprocess
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from conftest import KUBEGRID
from kubectl_session import KUBECTL, eventually, kubectl, render_ha_example, serve_session
from test_serve_kubectl import token

SPACE = "prod-insightedge-pu"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_session(tmp_path_factory, "serve-spark", "--nodes", "5")


def render_spark(name, *sets):
    """The insightedge-spark chart as release `name`, reading the HA example's Space."""
    values = ",".join(("space.manager=prod", f"space.name={SPACE}", *sets))
    return subprocess.run(
        [str(KUBEGRID), "render", "insightedge-spark", "--name", name, "--set", values],
        capture_output=True, text=True, check=True,
    ).stdout


def metric_families(server):
    request = urllib.request.Request(server["url"] + "/metrics", headers={"Authorization": f"Bearer {token(server)}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
    return {family.name: family for family in text_string_to_metric_families(text)}


def watch_events(output):
    """The JSON watch events `kubectl get -w -o json --output-watch-events` printed."""
    decoder, events, position = json.JSONDecoder(), [], 0
    while True:
        while position < len(output) and output[position].isspace():
            position += 1
        if position >= len(output):
            return events
        event, position = decoder.raw_decode(output, position)
        events.append(event)


def job_condition(server, job):
    result = kubectl(server, "get", "job", job, "-o", "json")
    conditions = json.loads(result.stdout).get("status", {}).get("conditions", [])
    return {c["type"]: c for c in conditions if c["status"] == "True"}


def test_the_ha_example_is_up(server):
    kubectl(server, "apply", "-f", "-", input=render_ha_example())
    for name in kubectl(server, "get", "sts", "-o", "name").stdout.split():
        kubectl(server, "rollout", "status", name, "--timeout=120s")


def test_the_driver_runs_executors_and_ends_completed(server):
    watch = subprocess.Popen(
        [KUBECTL, "--kubeconfig", str(server["kubeconfig"]), "get", "pods", "-l", "spark-role=executor", "-w",
         "-o", "json", "--output-watch-events"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        applied = kubectl(server, "apply", "-f", "-", input=render_spark("job"))
        assert "job.batch/job-insightedge-spark created" in applied.stdout
        eventually(lambda: "Complete" in job_condition(server, "job-insightedge-spark"), timeout=120, message="the Job's Complete condition")
        eventually(lambda: kubectl(server, "get", "pods", "-l", "spark-role=executor", "-o", "name").stdout == "",
                   message="the executors' deletion")
    finally:
        watch.terminate()
        output, _ = watch.communicate(timeout=30)
    events = watch_events(output)
    executors = {e["object"]["metadata"]["name"] for e in events}
    assert executors == {"job-insightedge-spark-exec-1", "job-insightedge-spark-exec-2"}, executors
    deleted = {e["object"]["metadata"]["name"] for e in events if e["type"] == "DELETED"}
    assert deleted == executors
    driver = kubectl(server, "get", "pods", "-l", "spark-role=driver", "-o", "json")
    [driver_pod] = json.loads(driver.stdout)["items"]
    assert driver_pod["status"]["phase"] == "Succeeded"
    # One application id (Spark's `spark-<uuid>`) on every executor, and the driver's app name.
    selectors = {e["object"]["metadata"]["labels"]["spark-app-selector"] for e in events}
    assert len(selectors) == 1 and next(iter(selectors)).startswith("spark-"), selectors
    for event in events:
        metadata = event["object"]["metadata"]
        assert metadata["labels"]["spark-role"] == "executor"
        assert metadata["labels"]["spark-app-name"] == driver_pod["metadata"]["labels"]["spark-app-name"]
        [owner] = metadata["ownerReferences"]
        assert (owner["kind"], owner["name"], owner["uid"]) == ("Pod", driver_pod["metadata"]["name"], driver_pod["metadata"]["uid"])
        assert event["object"]["spec"]["serviceAccountName"] == "job-insightedge-spark"
    # kubectl's own table: the driver Completed, the Job Complete 1/1.
    table = kubectl(server, "get", "pods", "-l", "spark-role").stdout.splitlines()
    assert len(table) == 2 and table[1].split()[1:3] == ["0/1", "Completed"], table
    jobs = kubectl(server, "get", "job", "job-insightedge-spark").stdout.splitlines()
    assert jobs[1].split()[1:3] == ["Complete", "1/1"], jobs


def test_metrics_count_the_application_and_its_executors(server):
    families = metric_families(server)
    states = {s.labels["state"]: s.value for s in families["kubegrid_spark_applications"].samples}
    assert states == {"Pending": 0, "Running": 0, "Succeeded": 1, "Failed": 0}
    [running] = families["kubegrid_spark_executors_running"].samples
    assert running.labels == {"namespace": "default", "application": "job-insightedge-spark"} and running.value == 0
    [read] = families["kubegrid_spark_objects_read"].samples
    assert read.name == "kubegrid_spark_objects_read_total" and families["kubegrid_spark_objects_read"].type == "counter"
    # The grid's own figures are there beside them.
    for name in ("kubegrid_space_partitions_available", "kubegrid_partition_primary", "kubegrid_space_failovers",
                 "kubegrid_client_operations", "kubegrid_writes_acknowledged", "kubegrid_writes_lost"):
        assert name in families, name
    assert [s.value for s in families["kubegrid_space_partitions_available"].samples] == [4]


def test_without_rbac_the_job_fails_with_the_forbidden_message(server):
    kubectl(server, "apply", "-f", "-", input=render_spark("locked", "rbac.create=false"))
    failed = eventually(lambda: job_condition(server, "locked-insightedge-spark").get("Failed"), timeout=120,
                        message="the Job's Failed condition")
    assert ('pods is forbidden: User "system:serviceaccount:default:locked-insightedge-spark" cannot create resource '
            '"pods" in API group "" in the namespace "default"') in failed["message"]
    table = kubectl(server, "get", "pods", "-l", "spark-role=driver,app.kubernetes.io/instance=locked").stdout.splitlines()
    assert table[1].split()[2] == "Error", table
    families = metric_families(server)
    states = {s.labels["state"]: s.value for s in families["kubegrid_spark_applications"].samples}
    assert states["Failed"] == 1 and states["Succeeded"] == 1
