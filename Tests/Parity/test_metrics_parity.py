"""`metrics` on the grid charts (issue 14, item 4): Prometheus scrape annotations, a
Prometheus Operator ServiceMonitor, and GigaSpaces 15.0's reporter addresses, rendered by
`kubegrid render` and real Helm v4 alike, on the manager, the Space and the umbrella.

The ServiceMonitor is a custom resource (monitoring.coreos.com/v1): kubernetes-validate
has no schema for it, so its structure is checked here against the Prometheus Operator's
API (selector, namespaceSelector, endpoints by port name) and against the Service it must
select; every other object passes the Kubernetes schemas in strict mode.
"""

from __future__ import annotations

import pytest

from render_support import (
    KUBEGRID,
    Case,
    assert_same_objects_as_helm,
    assert_strictly_valid,
    kubernetes_versions,
    refused_by_both,
    render_both,
)

if not KUBEGRID.is_file():
    raise pytest.UsageError(f"kubegrid binary not found at {KUBEGRID}; run `swift build` or set KUBEGRID")

M, P, U = "insightedge-manager", "insightedge-pu", "insightedge"
ALL = {"enabled": True, "port": 9100, "path": "/prometheus", "serviceMonitor": {"enabled": True, "interval": "15s"},
       "influxdb_ip": "10.0.0.5", "grafana_ip": "10.0.0.6"}

VALID = [
    Case("manager-annotations", M, {"metrics": {"enabled": True}}, release="demo"),
    Case("manager-all", M, {"ha": True, "antiAffinity": {"enabled": True}, "metrics": ALL}, release="demo"),
    Case("manager-monitor-only", M, {"metrics": {"serviceMonitor": {"enabled": True}},
                                     "networkPolicy": {"clientCIDRs": ["10.0.0.0/8"]}}, release="demo"),
    Case("pu-annotations", P, {"partitions": 2, "metrics": {"enabled": True}}, release="demo"),
    Case("pu-all", P, {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True}, "metrics": ALL}, release="demo"),
    Case("pu-instances-monitor", P, {"instances": 2, "schema": "sync_replicated",
                                     "metrics": {"serviceMonitor": {"enabled": True}}}, release="demo"),
    Case("pu-15.0-addresses-only", P, {"partitions": 1, "metrics": {"influxdb_ip": "influxdb.monitoring", "grafana_ip": "10.0.0.6"}}),
    Case("umbrella-metrics-zeppelin", U, {
        "manager": {"ha": True, "antiAffinity": {"enabled": True}, "metrics": ALL},
        "pu": {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True}, "metrics": ALL},
        "zeppelin": {"enabled": True}}, release="prod"),
    Case("metrics-off-by-default", U, {"pu": {"partitions": 1}}, release="demo"),
]

INVALID = [
    (Case("metrics-port-out-of-range", M, {"metrics": {"enabled": True, "port": 0}}), "metrics.port"),
    (Case("metrics-enabled-not-boolean", P, {"metrics": {"serviceMonitor": {"enabled": "yes"}}}), "metrics.serviceMonitor.enabled"),
    (Case("umbrella-metrics-port", U, {"pu": {"metrics": {"port": 70000}}}), "pu.metrics.port"),
]


@pytest.fixture(scope="module")
def renders() -> dict[str, tuple]:
    return render_both(VALID)


@pytest.mark.parametrize("case", VALID, ids=lambda case: case.id)
def test_same_objects_as_helm(case, renders):
    assert_same_objects_as_helm(case, *renders[case.id])


def _pod_templates(objects):
    return [obj["spec"]["template"] for (kind, name), obj in objects.items()
            if kind == "StatefulSet" and "zeppelin" not in name]


def test_annotations_ask_prometheus_to_scrape_the_metrics_port(renders):
    for case_id, port, path in [("manager-annotations", 9404, "/metrics"), ("pu-all", 9100, "/prometheus")]:
        templates = _pod_templates(renders[case_id][1].objects)
        assert templates
        for template in templates:
            assert template["metadata"]["annotations"] == {
                "prometheus.io/scrape": "true", "prometheus.io/port": str(port), "prometheus.io/path": path}
            ports = template["spec"]["containers"][0]["ports"]
            assert {"name": "metrics", "containerPort": port} in ports


def test_service_monitor_selects_the_metrics_service_and_only_it(renders):
    objects = renders["manager-all"][1].objects
    monitor = objects[("ServiceMonitor", "demo-insightedge-manager")]
    assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
    spec = monitor["spec"]
    assert set(spec) == {"selector", "namespaceSelector", "endpoints"}
    assert spec["namespaceSelector"] == {"matchNames": ["default"]}
    assert spec["endpoints"] == [{"port": "metrics", "path": "/prometheus", "interval": "15s"}]
    wanted = spec["selector"]["matchLabels"]
    selected = [name for (kind, name), obj in objects.items()
                if kind == "Service" and wanted.items() <= obj["metadata"]["labels"].items()]
    assert selected == ["demo-insightedge-manager-metrics"]
    service = objects[("Service", "demo-insightedge-manager-metrics")]["spec"]
    assert service["ports"] == [{"name": "metrics", "port": 9100, "targetPort": "metrics"}]
    # The Service reaches exactly the pods that serve the metrics port.
    pods = objects[("StatefulSet", "demo-insightedge-manager")]["spec"]["template"]["metadata"]["labels"]
    assert service["selector"].items() <= pods.items()


def test_space_metrics_service_reaches_every_partition(renders):
    objects = renders["pu-all"][1].objects
    selector = objects[("Service", "demo-insightedge-pu-metrics")]["spec"]["selector"]
    partitions = [obj for (kind, _), obj in objects.items() if kind == "StatefulSet"]
    assert len(partitions) == 2
    assert all(selector.items() <= obj["spec"]["template"]["metadata"]["labels"].items() for obj in partitions)
    assert objects[("ServiceMonitor", "demo-insightedge-pu")]["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"] == P


def test_a_service_monitor_alone_does_not_annotate(renders):
    """With only the Operator asked, the pods carry no scrape annotations (no double scrape)."""
    objects = renders["manager-monitor-only"][1].objects
    template = _pod_templates(objects)[0]
    assert "annotations" not in template["metadata"]
    assert ("ServiceMonitor", "demo-insightedge-manager") in objects
    # Prometheus scrapes as a client: the NetworkPolicy admits the metrics port from clientCIDRs.
    rules = objects[("NetworkPolicy", "demo-insightedge-manager")]["spec"]["ingress"]
    client = [rule for rule in rules if {"port": "metrics", "protocol": "TCP"} in rule["ports"]]
    assert client and client[0]["from"] == [{"ipBlock": {"cidr": "10.0.0.0/8"}}]


def test_15_0_reporter_addresses_are_handed_to_the_containers(renders):
    objects = renders["pu-15.0-addresses-only"][1].objects
    template = _pod_templates(objects)[0]
    env = template["spec"]["containers"][0]["env"]
    assert {"name": "METRICS_INFLUXDB_IP", "value": "influxdb.monitoring"} in env
    assert {"name": "METRICS_GRAFANA_IP", "value": "10.0.0.6"} in env
    assert "annotations" not in template["metadata"]
    assert [port["name"] for port in template["spec"]["containers"][0]["ports"]] == ["lrmi"]


def test_defaults_add_nothing(renders):
    objects = renders["metrics-off-by-default"][1].objects
    assert not [key for key in objects if key[0] == "ServiceMonitor" or key[1].endswith("-metrics")]
    for template in _pod_templates(objects):
        assert "annotations" not in template["metadata"]
        assert not [e for e in template["spec"]["containers"][0]["env"] if e["name"].startswith("METRICS_")]


@pytest.mark.parametrize("version", kubernetes_versions())
def test_every_object_but_the_custom_resource_passes_kubernetes_schemas_strictly(version, renders):
    assert_strictly_valid(renders, version, at_least=61)


@pytest.mark.parametrize("case,fragment", [pytest.param(*item, id=item[0].id) for item in INVALID])
def test_both_reject(case, fragment):
    refused_by_both(case, fragment)
