"""A tenant on `kubegrid serve`, driven by the real kubectl 1.32 (issue 13): the tenant
chart's objects apply, and the simulated API server's ResourceQuota admission refuses what
crosses the quota in kube-apiserver's words, as kubectl prints them."""

from __future__ import annotations

from test_serve_kubectl import kubectl, server  # noqa: F401 - the module's own server

from conftest import KUBEGRID, ROOT

import subprocess

SERVICE = """apiVersion: v1
kind: Service
metadata: {{name: {name}, namespace: team-t}}
spec: {{type: LoadBalancer, ports: [{{port: 8200}}]}}
"""


def render_tenant(*sets: str) -> str:
    args = [str(KUBEGRID), "render", "insightedge-tenant", "--name", "team-t"]
    for expression in sets:
        args += ["--set", expression]
    return subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT).stdout


def test_the_tenant_applies_and_its_quota_refuses_a_second_load_balancer(server):  # noqa: F811
    applied = kubectl(server, "apply", "-f", "-", input=render_tenant("quota.hard.services\\.loadbalancers=1"))
    for line in ["namespace/team-t created", "resourcequota/team-t-quota created", "limitrange/team-t-limits created",
                 "networkpolicy.networking.k8s.io/team-t-default-deny created", "role.rbac.authorization.k8s.io/team-t-admin created"]:
        assert line in applied.stdout, applied.stdout
    assert kubectl(server, "apply", "-f", "-", input=SERVICE.format(name="a")).stdout == "service/a created\n"
    refused = kubectl(server, "apply", "-f", "-", input=SERVICE.format(name="b"), check=False)
    assert refused.returncode == 1
    # staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go's words.
    assert refused.stderr == (
        'Error from server (Forbidden): error when creating "STDIN": services "b" is forbidden: exceeded quota: '
        "team-t-quota, requested: services.loadbalancers=1, used: services.loadbalancers=1, "
        "limited: services.loadbalancers=1\n"
    )
    # Deleting the first frees the quota for the second.
    kubectl(server, "delete", "service", "a", "-n", "team-t")
    assert kubectl(server, "apply", "-f", "-", input=SERVICE.format(name="b")).stdout == "service/b created\n"
