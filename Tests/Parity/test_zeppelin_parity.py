"""The insightedge-zeppelin chart (issue 14, item 1) and the umbrella's `zeppelin.enabled`:
`kubegrid render` against real Helm v4.

Every valid case renders the same objects both ways (and with the built-in chart), each
object passes the Kubernetes schemas in strict mode, every invalid case is refused by
both, and the interpreter is pointed at the Space and lookup service the pu chart uses.
"""

from __future__ import annotations

import pytest

from render_support import (
    KUBEGRID,
    Case,
    assert_same_objects_as_helm,
    assert_strictly_valid,
    kubegrid_render,
    kubernetes_versions,
    refused_by_both,
    render_both,
)

if not KUBEGRID.is_file():
    raise pytest.UsageError(f"kubegrid binary not found at {KUBEGRID}; run `swift build` or set KUBEGRID")

Z = "insightedge-zeppelin"
U = "insightedge"

VALID = [
    Case("zeppelin-default", Z, release="demo"),
    Case("zeppelin-nodeport", Z, {"service": {"type": "NodePort", "api": {"port": 8080, "nodePort": 30990}},
                                  "manager": {"name": "grid", "ports": {"lus": 14174}}, "space": {"name": "sales"},
                                  "nodeSelector": {"disk": "ssd"}, "java": {"options": "-Xmx2g"}}, release="notebook"),
    Case("zeppelin-clusterip-no-probes", Z, {"service": {"type": "ClusterIP"}, "livenessProbe": {"enabled": False},
                                             "readinessProbe": {"enabled": False},
                                             "resources": {"limits": {"memory": "2Gi", "cpu": 2}}}),
    Case("zeppelin-manager-full-name", Z, {"manager": {"name": "prod-insightedge-manager"},
                                           "image": {"digest": "sha256:" + "a" * 64}, "fullnameOverride": "nb"}),
    Case("zeppelin-null-means-default", Z, "service: {type: null, api: null}\nresources: {limits: {memory: null}}\nspace: null\n"),
    Case("umbrella-zeppelin", U, {"zeppelin": {"enabled": True}}, release="demo"),
    Case("umbrella-zeppelin-ha-nodeport", U, {
        "manager": {"ha": True, "antiAffinity": {"enabled": True}, "service": {"type": "NodePort"}},
        "pu": {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True}},
        "zeppelin": {"enabled": True, "service": {"type": "NodePort", "api": {"nodePort": 30990}}},
    }, release="prod"),
    Case("umbrella-zeppelin-off", U, {"zeppelin": {"enabled": False, "service": {"type": "NodePort"}}}, release="demo"),
]

INVALID = [
    (Case("zeppelin-nodeport-out-of-range", Z, {"service": {"type": "NodePort", "api": {"nodePort": 29999}}}),
     "service.api.nodePort"),
    (Case("zeppelin-clusterip-with-nodeport", Z, {"service": {"type": "ClusterIP", "api": {"nodePort": 30990}}}),
     "service.api.nodePort"),
    (Case("zeppelin-service-type", Z, {"service": {"type": "Ingress"}}), "service.type"),
    (Case("umbrella-zeppelin-bad-port", U, {"zeppelin": {"enabled": True, "service": {"api": {"port": 70000}}}}),
     "zeppelin.service.api.port"),
    (Case("umbrella-zeppelin-node-port-of-manager", U, {
        "manager": {"service": {"type": "NodePort", "api": {"nodePort": 30090}}},
        "zeppelin": {"enabled": True, "service": {"type": "NodePort", "api": {"nodePort": 30090}}}}),
     "zeppelin.service.api.nodePort: node port 30090 is also asked for by manager.service.api.nodePort"),
    (Case("umbrella-zeppelin-node-port-of-space", U, {
        "pu": {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
               "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 31000}}},
        "zeppelin": {"enabled": True, "service": {"type": "NodePort", "api": {"nodePort": 31002}}}}),
     "zeppelin.service.api.nodePort: node port 31002 is also given to instance Service"),
]


@pytest.fixture(scope="module")
def renders() -> dict[str, tuple]:
    return render_both(VALID)


@pytest.mark.parametrize("case", VALID, ids=lambda case: case.id)
def test_same_objects_as_helm(case, renders):
    assert_same_objects_as_helm(case, *renders[case.id])


def _notebook(objects, name):
    statefulset = objects[("StatefulSet", name)]
    container = statefulset["spec"]["template"]["spec"]["containers"][0]
    return statefulset, container, {variable["name"]: variable["value"] for variable in container["env"]}


def test_interpreter_reads_the_release_space_through_its_manager(renders):
    """The umbrella's notebook reads the Space the pu chart deploys, through the manager it registers with."""
    _, objects = renders["umbrella-zeppelin"]
    objects = objects.objects
    _, container, env = _notebook(objects, "demo-insightedge-zeppelin")
    space = objects[("StatefulSet", "demo-insightedge-pu")]["spec"]["template"]["spec"]
    space_args = dict(arg.split("=", 1) for arg in space["containers"][0]["args"])
    assert env["INSIGHTEDGE_SPACE_NAME"] == space_args["name"] == "demo"
    manager = space_args["manager.name"]
    assert ("Service", f"{manager}-hs") in objects
    lus = [port for port in objects[("Service", f"{manager}-hs")]["spec"]["ports"] if port["name"] == "lus"][0]
    assert env["GS_LOOKUP_LOCATORS"] == f"{manager}-hs:{lus['port']}"
    assert container["args"] == ["component=zeppelin"]
    assert container["readinessProbe"]["httpGet"] == {"path": "/api/version", "port": "api"}
    assert container["ports"] == [{"name": "api", "containerPort": 9090}]


def test_separate_release_names_its_manager_and_space(renders):
    _, side = renders["zeppelin-nodeport"]
    statefulset, container, env = _notebook(side.objects, "notebook-insightedge-zeppelin")
    assert env == {"ZEPPELIN_PORT": "8080", "INSIGHTEDGE_SPACE_NAME": "sales",
                   "GS_LOOKUP_LOCATORS": "grid-insightedge-manager-hs:14174", "EXT_JAVA_OPTIONS": "-Xmx2g"}
    assert statefulset["spec"]["replicas"] == 1
    service = side.objects[("Service", "notebook-insightedge-zeppelin-service")]["spec"]
    assert service["type"] == "NodePort"
    assert service["ports"] == [{"name": "api", "port": 8080, "targetPort": "api", "nodePort": 30990}]
    _, _, env = _notebook(renders["zeppelin-manager-full-name"][1].objects, "nb")
    assert env["GS_LOOKUP_LOCATORS"] == "prod-insightedge-manager-hs:4174"


def test_umbrella_without_zeppelin_renders_no_notebook(renders):
    _, side = renders["umbrella-zeppelin-off"]
    assert not [key for key in side.objects if "zeppelin" in key[1]]
    assert ("StatefulSet", "demo-insightedge-pu") in side.objects


@pytest.mark.parametrize("version", kubernetes_versions())
def test_every_object_passes_kubernetes_schemas_strictly(version, renders):
    assert_strictly_valid(renders, version, at_least=41)


@pytest.mark.parametrize("case,fragment", [pytest.param(*item, id=item[0].id) for item in INVALID])
def test_both_reject(case, fragment):
    helm_side, _ = refused_by_both(case, fragment)
    if "node port" in fragment:
        assert fragment in helm_side.error, helm_side.error


def test_unknown_key_gets_did_you_mean():
    side = kubegrid_render(Case("zeppelin-typo", Z, {"servce": {"type": "NodePort"}}))
    # An unknown key is a warning (KG003) that names the key it resembles; the render goes on.
    assert side.error is None
    assert "servce: is not a known key of this chart and is ignored; did you mean service?" in side.stderr, side.stderr
