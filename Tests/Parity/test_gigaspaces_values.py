"""Values files written for GigaSpaces' own 15.0 charts, against real Helm on charts/.

The fixtures in fixtures/gigaspaces-15.0 have the keys, defaults and empty settings of
the 15.0 insightedge-manager and insightedge-pu values.yaml. kubegrid translates their
legacy keys (LegacyKeys), the Helm templates do the same (applyLegacyKeys), so both
render the same objects; `kubegrid values --migrate` rewrites them into current keys,
keeping every comment, and the migrated file renders the same without a legacy warning.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml

from render_support import Case, helm_render, kubegrid_render, object_differences, run_kubegrid

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "gigaspaces-15.0"
M, P, U = "insightedge-manager", "insightedge-pu", "insightedge"


def legacy_text(chart: str, extra: str = "") -> str:
    return (FIXTURES / f"{chart}.yaml").read_text() + extra


CASES = [
    Case("pu-15.0", P, legacy_text(P, "partitions: 2\n")),
    Case("pu-15.0-external", P, legacy_text(P, "partitions: 2\n").replace("enableExternalClient: false", "enableExternalClient: true")),
    Case("pu-15.0-nodeport", P, legacy_text(P, "partitions: 1\n").replace("enableExternalClient: false", "enableExternalClient: true")
         .replace("type: LoadBalancer", "type: NodePort")),
    Case("pu-15.0-instances", P, legacy_text(P, "instances: 2\n").replace("schema:\n", "schema: sync_replicated\n")),
    Case("pu-15.2-node-selector", P, "partitions: 1\nnodeSelector:\n  enabled: true\n  selector: disk=ssd,zone=a\n"),
    Case("manager-15.0", M, legacy_text(M)),
    Case("manager-15.0-external", M, legacy_text(M).replace("enableExternalClient: false", "enableExternalClient: true")),
    Case("manager-15.0-ha", M, legacy_text(M).replace("ha: false", "ha: true")),
    Case("manager-15.2-node-selector", M, "nodeSelector: {enabled: true, selector: {disk: ssd}}\n"),
    Case("manager-15.2-node-selector-off", M, "nodeSelector: {enabled: false, selector: {disk: ssd}}\n"),
    # A selector without enabled selected nothing; a node label named `enabled` is a label.
    Case("pu-15.2-selector-alone", P, "partitions: 1\nnodeSelector:\n  # where\n  selector: {disk: ssd}\n  zone: a\n"),
    Case("umbrella-legacy", U, {
        "manager": {"enableExternalClient": True, "service": {"ports": {"lus": {"port": 30174}}}, "hs": {"ports": {"zkClient": 12181}}},
        "pu": {"partitions": 2, "ha": None, "enableExternalClient": True, "service": {"type": "NodePort", "port": 8300},
               "spaceName": "demo", "metrics": {"influxdb_ip": "127.0.0.1"}},
    }),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_helm_and_kubegrid_read_legacy_files_alike(case):
    helm_side, kubegrid_side = helm_render(case), kubegrid_render(case)
    assert helm_side.error is None, helm_side.error
    assert kubegrid_side.error is None, kubegrid_side.error
    assert not object_differences(helm_side.objects, kubegrid_side.objects)
    assert "warning:" in kubegrid_side.stderr and "[KG003]" not in kubegrid_side.stderr


def test_a_node_label_named_enabled_is_a_label():
    case = Case("label-enabled", P, "partitions: 1\nnodeSelector: {enabled: \"yes\", disk: ssd}\n")
    helm_side, kubegrid_side = helm_render(case), kubegrid_render(case)
    assert not object_differences(helm_side.objects, kubegrid_side.objects)
    pod = kubegrid_side.objects[("StatefulSet", "testspace-insightedge-pu-1")]["spec"]["template"]["spec"]
    assert pod["nodeSelector"] == {"enabled": "yes", "disk": "ssd"}
    assert "GigaSpaces" not in kubegrid_side.stderr


def test_the_15_0_meaning_of_enable_external_client():
    """From the 15.0 templates: remote access on means a Service per Space instance, and
    the manager's Lookup Service on node port = its port, with LRMI."""
    space = kubegrid_render(CASES[1]).objects
    assert {name for kind, name in space if kind == "Service"} == {
        "testspace-insightedge-pu-hs", "testspace-insightedge-pu-1-0-service", "testspace-insightedge-pu-2-0-service"}
    off = kubegrid_render(CASES[5]).objects[("Service", "testspace-insightedge-manager-service")]
    assert [port["name"] for port in off["spec"]["ports"]] == ["api"]
    on = kubegrid_render(CASES[6]).objects[("Service", "testspace-insightedge-manager-service")]
    assert [(p["name"], p["port"], p.get("nodePort")) for p in on["spec"]["ports"]] == [
        ("api", 8090, None), ("lus", 30174, 30174), ("lrmi", 8200, None)]


def test_external_client_grants_what_15_0_granted_and_no_more():
    """15.0's enableExternalClient also rendered RBAC (roles.yaml, role-bindings.yaml): get and
    list on pods, services and serviceaccounts and on nodes, bound to system:serviceaccounts.
    kubegrid grants what a Space instance reads: get on services (and nodes behind a
    NodePort), bound to the release's own ServiceAccount."""
    space = kubegrid_render(CASES[1]).objects
    role = space[("Role", "testspace-insightedge-pu")]
    assert role["rules"] == [{"apiGroups": [""], "resources": ["services"], "verbs": ["get"]}]
    binding = space[("RoleBinding", "testspace-insightedge-pu")]
    assert binding["subjects"] == [{"kind": "ServiceAccount", "name": "testspace-insightedge-pu", "namespace": "default"}]
    assert not any(kind == "ClusterRole" for kind, _ in space)
    nodeport = kubegrid_render(CASES[2]).objects
    assert nodeport[("ClusterRole", "default-testspace-insightedge-pu-nodes")]["rules"] == [
        {"apiGroups": [""], "resources": ["nodes"], "verbs": ["get"]}]
    for kind, name in space:
        if kind == "StatefulSet":
            assert space[(kind, name)]["spec"]["template"]["spec"]["automountServiceAccountToken"] is True
    manager = kubegrid_render(CASES[6]).objects
    assert not any(kind in ("Role", "ClusterRole") for kind, _ in manager)
    assert manager[("StatefulSet", "testspace-insightedge-manager")]["spec"]["template"]["spec"]["automountServiceAccountToken"] is False

def migrate(chart: str, text: str):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "old.yaml"
        path.write_text(text)
        return run_kubegrid("values", chart, "--migrate", str(path))


@pytest.mark.parametrize("case", [c for c in CASES if c.chart != U], ids=lambda case: case.id)
def test_migrated_files_render_the_same_in_helm_and_kubegrid(case):
    proc = migrate(case.chart, case.values_text)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("note: ") >= 1
    comments = [line.strip() for line in case.values_text.splitlines() if line.strip().startswith("#")]
    assert all(comment in proc.stdout for comment in comments)
    migrated = Case(case.id + "-migrated", case.chart, proc.stdout)
    before, after = helm_render(case), helm_render(migrated)
    assert not object_differences(before.objects, after.objects)
    kubegrid_after = kubegrid_render(migrated)
    assert not object_differences(after.objects, kubegrid_after.objects)
    assert "KG003" not in kubegrid_after.stderr and "GigaSpaces" not in kubegrid_after.stderr
    # Only current keys are left.
    tree = yaml.safe_load(proc.stdout) or {}
    assert "enableExternalClient" not in tree and "spaceName" not in tree
    # 15.0's metrics.influxdb_ip and grafana_ip are kubegrid keys with their old meaning: they stay.
    assert tree.get("metrics") == yaml.safe_load(case.values_text).get("metrics")


def test_the_15_0_metrics_addresses_reach_the_containers():
    """15.0's metrics.influxdb_ip and metrics.grafana_ip keep their meaning: the reporter's
    InfluxDB and Grafana addresses handed to every Space instance, without a warning."""
    side = kubegrid_render(CASES[0])
    for kind, name in side.objects:
        if kind == "StatefulSet":
            env = side.objects[(kind, name)]["spec"]["template"]["spec"]["containers"][0]["env"]
            assert {"name": "METRICS_INFLUXDB_IP", "value": "127.0.0.1"} in env
            assert {"name": "METRICS_GRAFANA_IP", "value": "127.0.0.1"} in env
    assert "metrics" not in side.stderr


def test_migrate_refuses_a_command_line_that_mixes_it_with_values_flags():
    proc = run_kubegrid("values", P, "--migrate", "x.yaml", "--set", "partitions=1")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("error: --migrate rewrites one file")


def test_migrate_writes_flow_maps_in_block_style_and_names_what_it_cannot_edit():
    proc = migrate(P, "partitions: 1\nservice: {type: NodePort, port: 8300}\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "partitions: 1\nservice:\n  type: NodePort\n  lrmi:\n    port: 8300\n"
    refused = migrate(P, "{service: {port: 8300}}\n")
    assert refused.returncode == 1 and refused.stdout == ""
    assert "old.yaml:1:12: service.port: cannot migrate a key written in flow style" in refused.stderr


def test_migrate_needs_one_of_kubegrids_charts():
    other = Path(__file__).resolve().parent / "fixtures" / "charts" / "defaults"
    proc = run_kubegrid("values", str(other), "--migrate", str(FIXTURES / f"{P}.yaml"))
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith("error: --migrate: kubegrid knows the old keys of its own charts only")


def test_migrate_reads_standard_input():
    proc = run_kubegrid("values", P, "--migrate", "-", stdin="# kept\nservice:\n  port: 8300\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "# kept\nservice:\n  lrmi:\n    port: 8300\n"
    assert proc.stderr.startswith("note: <stdin>:3:3: service.port:")


# An old key and its current key disagree when the current one holds neither its default
# nor the old key's value: both tools refuse; at the default the old key wins in both.
CONFLICTS = [
    (Case("conflict-lrmi-port", P, "partitions: 1\nservice:\n  port: 8300\n  lrmi: {port: 8400}\n"), "service.lrmi.port"),
    (Case("conflict-lus-closed", M, "enableExternalClient: true\nservice: {lus: {enabled: false}}\n"), "service.lus.enabled"),
    (Case("conflict-zk-client", M, "hs: {ports: {zkClient: 1}, zkClient: 2}\n"), "hs.zkClient"),
    (Case("conflict-umbrella", U, "pu: {partitions: 1, service: {port: 8300, lrmi: {port: 8400}}}\n"), "service.lrmi.port"),
]


@pytest.mark.parametrize(("case", "key"), CONFLICTS, ids=lambda item: getattr(item, "id", item))
def test_conflicting_old_and_current_keys_are_refused_by_both(case, key):
    helm_side, kubegrid_side = helm_render(case), kubegrid_render(case)
    # kubegrid names an umbrella's keys from the umbrella (pu.service…), Helm from the subchart.
    for error in (helm_side.error, kubegrid_side.error):
        assert error is not None and "conflicts with" in error and f"{key} (" in error, error


@pytest.mark.parametrize("case", [
    Case("old-key-over-default-port", P, "partitions: 1\nservice:\n  port: 8300\n  lrmi: {port: 8200}\n"),
    Case("old-key-over-default-lus", M, "enableExternalClient: false\nservice: {lus: {enabled: true}}\n"),
], ids=lambda case: case.id)
def test_an_old_key_wins_over_a_current_key_at_its_default(case):
    helm_side, kubegrid_side = helm_render(case), kubegrid_render(case)
    assert helm_side.error is None and kubegrid_side.error is None, (helm_side.error, kubegrid_side.error)
    assert not object_differences(helm_side.objects, kubegrid_side.objects)
