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
