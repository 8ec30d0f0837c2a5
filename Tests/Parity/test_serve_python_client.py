"""The PyPI `kubernetes` client (the 1.32 generation) against `kubegrid serve`: create and
list through the kubeconfig the server writes (its watch stream is not read yet: open item)."""

from __future__ import annotations

import signal
import subprocess

import pytest
from kubernetes import client, config

from conftest import KUBEGRID


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve-python")
    kubeconfig = folder / "kubeconfig"
    process = subprocess.Popen(
        [str(KUBEGRID), "serve", "--port", "0", "--kubeconfig", str(kubeconfig)],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert "listening on" in process.stderr.readline()
    api_client = config.new_client_from_config(config_file=str(kubeconfig))
    yield api_client
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=120)


def test_create_list_and_watch(api):
    core = client.CoreV1Api(api)
    core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name="python")))
    assert "python" in [n.metadata.name for n in core.list_namespace().items]
    service = client.V1Service(
        metadata=client.V1ObjectMeta(name="web", namespace="python"),
        spec=client.V1ServiceSpec(type="NodePort", selector={"app": "web"}, ports=[client.V1ServicePort(port=80)]),
    )
    created = core.create_namespaced_service("python", service)
    assert 30000 <= created.spec.ports[0].node_port <= 32767
    listed = core.list_namespaced_service("python")
    assert [s.metadata.name for s in listed.items] == ["web"]
    with pytest.raises(client.ApiException) as refused:
        core.create_namespaced_service("python", service)
    assert refused.value.status == 409
    assert 'services \\"web\\" already exists' in refused.value.body


def test_stored_kinds_through_their_own_api_classes(api):
    core = client.CoreV1Api(api)
    settings = client.V1ConfigMap(metadata=client.V1ObjectMeta(name="settings", labels={"tier": "grid"}), data={"a": "1"})
    created = core.create_namespaced_config_map("default", settings)
    assert created.data == {"a": "1"} and created.metadata.uid
    listed = core.list_namespaced_config_map("default", label_selector="tier=grid")
    assert [c.metadata.name for c in listed.items] == ["settings"]
    patched = core.patch_namespaced_config_map("settings", "default", {"data": {"b": "2"}})
    assert patched.data == {"a": "1", "b": "2"}
    rbac = client.RbacAuthorizationV1Api(api)
    role = client.V1Role(
        metadata=client.V1ObjectMeta(name="reader"),
        rules=[client.V1PolicyRule(api_groups=[""], resources=["pods"], verbs=["get", "list"])],
    )
    rbac.create_namespaced_role("default", role)
    assert rbac.read_namespaced_role("reader", "default").rules[0].verbs == ["get", "list"]
    binding = client.V1ClusterRoleBinding(
        metadata=client.V1ObjectMeta(name="readers"),
        role_ref=client.V1RoleRef(api_group="rbac.authorization.k8s.io", kind="ClusterRole", name="view"),
        subjects=[client.RbacV1Subject(kind="Group", name="auditors", api_group="rbac.authorization.k8s.io")],
    )
    rbac.create_cluster_role_binding(binding)
    assert [b.metadata.name for b in rbac.list_cluster_role_binding().items] == ["readers"]
    batch = client.BatchV1Api(api)
    job = client.V1Job(
        metadata=client.V1ObjectMeta(name="once"),
        spec=client.V1JobSpec(template=client.V1PodTemplateSpec(spec=client.V1PodSpec(
            restart_policy="Never", containers=[client.V1Container(name="c", image="busybox")]))),
    )
    batch.create_namespaced_job("default", job)
    batch.delete_namespaced_job("once", "default")
    with pytest.raises(client.ApiException) as missing:
        batch.read_namespaced_job("once", "default")
    assert missing.value.status == 404
    assert 'jobs.batch \\"once\\" not found' in missing.value.body
