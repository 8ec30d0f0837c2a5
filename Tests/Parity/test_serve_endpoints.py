"""Transcript tests of the endpoints controller through `kubegrid serve`, driven by the real
kubectl 1.32 and read back by the PyPI `kubernetes` client (whose models refuse a field
missing or of the wrong type): every selector Service of the HA umbrella gets an Endpoints
object of its name and an EndpointSlice labelled with it, holding exactly the Ready pods
kubectl reports for the Service's selector, on the pods' named ports; a deleted pod leaves
them and its replacement joins once Ready.

The tests run in file order against one server.
"""

from __future__ import annotations

import json

import pytest
from kubernetes import client, config

from kubectl_session import eventually, kubectl, render_ha_example, serve_session


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_session(tmp_path_factory, "serve-endpoints", "--nodes", "5")


def get(server, *args):
    return json.loads(kubectl(server, "get", *args, "-o", "json").stdout)


def selected(service, pods):
    """The pods the Service's selector picks, from kubectl's own view of them."""
    selector = service["spec"].get("selector") or {}
    return [p for p in pods if all(p["metadata"].get("labels", {}).get(k) == v for k, v in selector.items())]


def is_ready(pod):
    return any(c["type"] == "Ready" and c["status"] == "True" for c in pod["status"].get("conditions", []))


def container_port(pod, target):
    if isinstance(target, int):
        return target
    for container in pod["spec"]["containers"]:
        for port in container.get("ports", []):
            if port.get("name") == target:
                return port["containerPort"]
    return None


def expected_addresses(service, pods):
    """(ip, pod name, ports) of the Service's Ready pods, as the endpoints controller should write them."""
    published = service["spec"].get("publishNotReadyAddresses", False)
    result = []
    for pod in selected(service, pods):
        if pod["status"].get("podIP") and (published or is_ready(pod)):
            ports = sorted(
                (p.get("name"), container_port(pod, p.get("targetPort", p["port"])))
                for p in service["spec"]["ports"] if container_port(pod, p.get("targetPort", p["port"])) is not None
            )
            result.append((pod["status"]["podIP"], pod["metadata"]["name"], ports))
    return sorted(result)


def stored_addresses(endpoints):
    result = []
    for subset in endpoints.get("subsets", []):
        ports = sorted((p.get("name"), p["port"]) for p in subset.get("ports", []))
        for address in subset.get("addresses", []):
            assert address["targetRef"]["kind"] == "Pod"
            result.append((address["ip"], address["targetRef"]["name"], ports))
    return sorted(result)


def endpoints_match_pods(server):
    services = [s for s in get(server, "svc")["items"] if s["spec"].get("selector")]
    pods = get(server, "pods")["items"]
    endpoints = {e["metadata"]["name"]: e for e in get(server, "endpoints")["items"]}
    for service in services:
        name = service["metadata"]["name"]
        if name not in endpoints or stored_addresses(endpoints[name]) != expected_addresses(service, pods):
            return False
    return services


def test_every_selector_service_has_endpoints_with_its_ready_pods(server):
    render = render_ha_example()
    # All of it: the Space instances read their Services as their service account, which
    # the render's Role and RoleBinding allow (serve authorizes the grid's API calls).
    kubectl(server, "apply", "-f", "-", input=render)
    for name in kubectl(server, "get", "sts", "-o", "name").stdout.split():
        kubectl(server, "rollout", "status", name, "--timeout=90s")
    kubectl(server, "wait", "--for=condition=Ready", "pod", "--all", "--timeout=90s")
    services = eventually(lambda: endpoints_match_pods(server), message="Endpoints matching the Ready pods")
    # Eight per-instance Services, the managers' two and the Space's headless one.
    assert len(services) == 11
    pu = get(server, "endpoints", "prod-insightedge-pu-hs")
    assert pu["apiVersion"] == "v1" and pu["kind"] == "Endpoints"
    addresses = pu["subsets"][0]["addresses"]
    picked = selected(get(server, "svc", "prod-insightedge-pu-hs"), get(server, "pods")["items"])
    assert len(addresses) == len(picked) >= 4
    assert [a["nodeName"] for a in addresses] == [
        p["spec"]["nodeName"] for p in sorted(picked, key=lambda p: tuple(map(int, p["status"]["podIP"].split("."))))]
    assert [a["ip"] for a in addresses] == sorted((a["ip"] for a in addresses), key=lambda ip: tuple(map(int, ip.split("."))))
    assert pu["subsets"][0]["ports"] == [{"name": "lrmi", "port": 8200, "protocol": "TCP"}]
    # The targetRef names the very pod object: kubectl's uid for it.
    pod = get(server, "pod", addresses[0]["targetRef"]["name"])
    assert addresses[0]["targetRef"]["uid"] == pod["metadata"]["uid"]
    assert addresses[0]["ip"] == pod["status"]["podIP"]


def test_kubectl_get_endpoints_and_endpointslices_print_the_api_servers_columns(server):
    table = kubectl(server, "get", "endpoints", "prod-insightedge-pu-1-0-service").stdout.splitlines()
    assert table[0].split() == ["NAME", "ENDPOINTS", "AGE"]
    pod_ip = get(server, "pod", "prod-insightedge-pu-1-0")["status"]["podIP"]
    assert table[1].split()[:2] == ["prod-insightedge-pu-1-0-service", f"{pod_ip}:8200"]
    many = kubectl(server, "get", "ep", "prod-insightedge-pu-hs").stdout.splitlines()[1]
    shown = len(get(server, "endpoints", "prod-insightedge-pu-hs")["subsets"][0]["addresses"])
    assert f"+ {shown - 3} more..." in many
    slices = kubectl(server, "get", "endpointslices", "-l", "kubernetes.io/service-name=prod-insightedge-pu-hs").stdout.splitlines()
    assert slices[0].split() == ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"]
    assert slices[1].split()[0].startswith("prod-insightedge-pu-hs-") and slices[1].split()[1:3] == ["IPv4", "8200"]


def test_the_slice_names_its_service_and_says_each_pod_is_ready(server):
    service = get(server, "svc", "prod-insightedge-pu-hs")
    items = get(server, "endpointslices", "-l", "kubernetes.io/service-name=prod-insightedge-pu-hs")["items"]
    assert len(items) == 1
    piece = items[0]
    assert piece["apiVersion"] == "discovery.k8s.io/v1" and piece["addressType"] == "IPv4"
    assert piece["metadata"]["labels"]["endpointslice.kubernetes.io/managed-by"] == "endpointslice-controller.k8s.io"
    owner = piece["metadata"]["ownerReferences"][0]
    assert (owner["kind"], owner["name"], owner["uid"]) == ("Service", "prod-insightedge-pu-hs", service["metadata"]["uid"])
    assert all(e["conditions"] == {"ready": True, "serving": True, "terminating": False} for e in piece["endpoints"])
    assert piece["ports"] == [{"name": "lrmi", "protocol": "TCP", "port": 8200}]


def test_the_python_client_reads_both_kinds_into_its_models(server):
    api = config.new_client_from_config(config_file=str(server["kubeconfig"]))
    endpoints = client.CoreV1Api(api).read_namespaced_endpoints("prod-insightedge-manager-hs", "default")
    assert endpoints.subsets[0].addresses and endpoints.subsets[0].addresses[0].target_ref.kind == "Pod"
    # The managers' headless Service publishes not-ready addresses: its lus port is among its ports.
    assert "lus" in {p.name for p in endpoints.subsets[0].ports}
    slices = client.DiscoveryV1Api(api).list_namespaced_endpoint_slice(
        "default", label_selector="kubernetes.io/service-name=prod-insightedge-manager-hs")
    assert len(slices.items) == 1 and len(slices.items[0].endpoints) == 3


def test_a_deleted_pod_leaves_the_endpoints_and_its_replacement_joins_once_ready(server):
    before = get(server, "pod", "prod-insightedge-pu-2-1")
    old_ip = before["status"]["podIP"]
    kubectl(server, "delete", "pod", "prod-insightedge-pu-2-1", "--grace-period=0", "--force")

    def gone():
        ips = [a["ip"] for s in get(server, "endpoints", "prod-insightedge-pu-hs").get("subsets", []) for a in s.get("addresses", [])]
        return old_ip not in ips

    eventually(gone, message="the deleted pod's address leaving the Endpoints")
    kubectl(server, "wait", "--for=condition=Ready", "pod/prod-insightedge-pu-2-1", "--timeout=90s")
    eventually(lambda: endpoints_match_pods(server), message="the replacement joining the Endpoints")
    after = get(server, "pod", "prod-insightedge-pu-2-1")
    assert after["metadata"]["uid"] != before["metadata"]["uid"]
    single = get(server, "endpoints", "prod-insightedge-pu-2-1-service")
    assert single["subsets"][0]["addresses"][0]["targetRef"]["uid"] == after["metadata"]["uid"]
