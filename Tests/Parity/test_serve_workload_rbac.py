"""A grid's pods call the Kubernetes API as their service account (issue 13): a Space
instance with remote access reads its Service (and behind a NodePort its node) for the
address clients use, and `kubegrid serve` authorizes that read with RBAC. Without the pu
chart's Role (`rbac.create=false`) the instance never registers and the verdict names the
refused permission and the value that grants it; applying the Role lets it register."""

from __future__ import annotations

import subprocess

import yaml

from conftest import KUBEGRID, ROOT
from serve_process import Serve
from kubectl_session import KUBECTL


def grid(*sets: str) -> str:
    args = [str(KUBEGRID), "render", "insightedge", "--name", "demo", "-f", "examples/umbrella-dev.yaml"]
    for expression in sets:
        args += ["--set", expression]
    return subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT).stdout


def apply(serve: Serve, manifests: str) -> None:
    subprocess.run([KUBECTL, "--kubeconfig", str(serve.kubeconfig), "apply", "-f", "-"], input=manifests,
                   capture_output=True, text=True, check=True)


def verdict(tmp_path, *manifests: str) -> tuple[int, str]:
    serve = Serve(str(KUBEGRID), tmp_path)
    for text in manifests:
        apply(serve, text)
    out = serve.stop()
    return serve.process.returncode, out


def test_with_the_charts_rbac_the_instances_register(tmp_path):
    code, out = verdict(tmp_path, grid())
    assert code == 0, out
    assert "PASS deploy: 3/3 pods ready, 2/2 instances registered" in out


def test_without_the_role_an_instance_cannot_read_its_service(tmp_path):
    code, out = verdict(tmp_path, grid("pu.rbac.create=false"))
    assert code == 1
    assert "0/2 instances registered" in out
    assert (
        "  - pod demo-insightedge-pu-1-0 is Ready but its Space instance did not register: it cannot read its Service "
        "demo-insightedge-pu-1-0-service for its external address: the Kubernetes API refused it: services "
        '"demo-insightedge-pu-1-0-service" is forbidden: User "system:serviceaccount:default:demo-insightedge-pu" cannot get '
        'resource "services" in API group "" in the namespace "default"; with rbac.create=true the pu chart\'s Role grants '
        "its service account get on services\n") in out


def test_without_the_cluster_role_binding_a_nodeport_instance_cannot_read_its_node(tmp_path):
    objects = [o for o in yaml.safe_load_all(grid()) if o and o["kind"] != "ClusterRoleBinding"]
    code, out = verdict(tmp_path, yaml.safe_dump_all(objects))
    assert code == 1
    assert ("  - pod demo-insightedge-pu-1-0 is Ready but its Space instance did not register: it cannot read its node node-2 for "
            'the address clients use: the Kubernetes API refused it: nodes "node-2" is forbidden: ') in out, out
    assert ('is forbidden: User "system:serviceaccount:default:demo-insightedge-pu" cannot get resource "nodes" in API group "" '
            "at the cluster scope; with rbac.create=true the pu chart's ClusterRole grants its service account get on nodes") in out


def test_applying_the_role_later_lets_the_instances_register(tmp_path):
    code, out = verdict(tmp_path, grid("pu.rbac.create=false"), grid())
    assert code == 0, out
    assert "2/2 instances registered" in out
