"""The insightedge-spark chart (issue 14): `kubegrid render` against real Helm v4.

Like test_tenant_parity.py: every valid case renders the same objects both ways (and
with the built-in chart), each Kubernetes object passes the schemas in strict mode, and
every invalid case is refused by both. kubernetes-validate has no schema for the Spark
operator's SparkApplication (a custom resource), so its fields are checked here against
the operator's v1beta2 API instead.
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

S = "insightedge-spark"

VALID = [
    Case("spark-default", S, release="job"),
    Case("spark-against-umbrella", S, {"space": {"manager": "prod"}, "executor": {"instances": 3, "cores": 2, "memory": "2g"},
                                       "application": {"arguments": ["--limit", "1000", "a b"]}},
         release="count", namespace="grid"),
    Case("spark-dynamic", S, {"dynamicAllocation": {"enabled": True, "minExecutors": 1, "maxExecutors": 8},
                              "space": {"manager": "prodspace-insightedge-manager", "name": "prodspace",
                                        "lookupGroups": ["xap-15.5", "dev"]}}, release="dyn"),
    Case("spark-conf-and-names", S, {"application": {"name": "Count Products!", "mainClass": "com.acme.Count",
                                                     "jar": "https://repo.example.com/count.jar"},
                                     "sparkConf": {"spark.ui.enabled": "false", "spark.driver.memory": "2g",
                                                   "spark.eventLog.enabled": "true"},
                                     "fullnameOverride": "counter", "imagePullSecrets": ["registry"],
                                     "image": {"tag": "16.4.0", "pullPolicy": "Always"},
                                     "nodeSelector": {"pool": "spark"}}, release="r1"),
    Case("spark-locked-down", S, {"securityContext": {"readOnlyRootFilesystem": True, "setIds": False},
                                  "driver": {"port": 29000, "blockManagerPort": 29001, "backoffLimit": 2,
                                             "resources": {"limits": {"memory": "2Gi", "cpu": 2},
                                                           "requests": {"cpu": "500m"}}}}),
    Case("spark-no-account", S, {"serviceAccount": {"create": False, "name": "spark"}, "rbac": {"create": False},
                                 "securityContext": {"enabled": False}, "networkPolicy": {"enabled": False}}),
    Case("spark-operator", S, {"sparkOperator": {"enabled": True, "sparkVersion": "3.5.1"},
                               "dynamicAllocation": {"enabled": True, "maxExecutors": 6},
                               "application": {"arguments": ["x"]}, "sparkConf": {"spark.ui.enabled": "false"},
                               "imagePullSecrets": ["registry"], "nodeSelector": {"pool": "spark"},
                               "space": {"manager": "prod", "lookupGroups": ["g"]}}, release="op"),
    Case("spark-null-means-default", S, "executor: {memory: null}\nspace: null\ndriver: {resources: {limits: {memory: null}}}\n"),
]

INVALID = [
    (Case("spark-memory-not-a-size", S, {"executor": {"memory": "lots"}}), "executor.memory", "schema"),
    (Case("spark-memory-fraction", S, {"executor": {"memory": "1.5g"}}), "executor.memory", "schema"),
    (Case("spark-conf-owned-by-chart", S, {"sparkConf": {"spark.executor.instances": "9"}}), "sparkConf", "schema"),
    (Case("spark-cores-zero", S, {"executor": {"cores": 0}}), "executor.cores", "schema"),
    (Case("spark-min-over-max", S, {"dynamicAllocation": {"enabled": True, "minExecutors": 5, "maxExecutors": 2}}),
     "dynamicAllocation.minExecutors", "template"),
    (Case("spark-prefix-too-long", S, {"fullnameOverride": "f" * 48}), "fullnameOverride", "template"),
]


@pytest.fixture(scope="module")
def renders() -> dict[str, tuple]:
    return render_both(VALID)


@pytest.mark.parametrize("case", VALID, ids=lambda case: case.id)
def test_same_objects_as_helm(case, renders):
    assert_same_objects_as_helm(case, *renders[case.id])


def driver_args(rendered) -> list[str]:
    job = next(obj for (kind, _), obj in rendered.objects.items() if kind == "Job")
    return job["spec"]["template"]["spec"]["containers"][0]["args"]


def confs(args: list[str]) -> dict[str, str]:
    return dict(args[i + 1].split("=", 1) for i in range(len(args) - 1) if args[i] == "--conf")


def test_default_objects(renders):
    """What the chart is for: an account, its Role and binding, the driver's Service and Job."""
    _, kubegrid_side = renders["spark-default"]
    assert sorted(kubegrid_side.objects) == [
        ("Job", "job-insightedge-spark"), ("NetworkPolicy", "job-insightedge-spark"), ("Role", "job-insightedge-spark"),
        ("RoleBinding", "job-insightedge-spark"), ("Service", "job-insightedge-spark-driver"),
        ("ServiceAccount", "job-insightedge-spark"),
    ]
    job = kubegrid_side.objects[("Job", "job-insightedge-spark")]
    pod = job["spec"]["template"]
    assert job["spec"]["backoffLimit"] == 0
    assert pod["spec"]["restartPolicy"] == "Never"
    assert pod["spec"]["automountServiceAccountToken"] is True
    assert pod["metadata"]["labels"]["spark-role"] == "driver"
    service = kubegrid_side.objects[("Service", "job-insightedge-spark-driver")]
    assert service["spec"]["clusterIP"] == "None"
    assert all(pod["metadata"]["labels"][k] == v for k, v in service["spec"]["selector"].items())


def test_driver_reaches_the_umbrellas_space(renders):
    """`space.manager` names the umbrella release: its Space and its lookup service's headless Service."""
    _, kubegrid_side = renders["spark-against-umbrella"]
    args = driver_args(kubegrid_side)
    conf = confs(args)
    assert conf["spark.insightedge.space.name"] == "prod-insightedge-pu"
    assert conf["spark.insightedge.space.lookup.locator"] == "prod-insightedge-manager-hs"
    assert conf["spark.kubernetes.namespace"] == "grid"
    assert conf["spark.driver.host"] == "count-insightedge-spark-driver.grid.svc"
    assert conf["spark.executor.instances"] == "3"
    assert args[-4:] == ["local:///opt/gigaspaces/insightedge/examples/jars/insightedge-examples.jar", "--limit", "1000", "a b"]


def test_the_role_grants_what_a_spark_driver_calls(renders):
    _, kubegrid_side = renders["spark-default"]
    rules = kubegrid_side.objects[("Role", "job-insightedge-spark")]["rules"]
    granted = {(resource, verb) for rule in rules for resource in rule["resources"] for verb in rule["verbs"]}
    for verb in ["create", "get", "list", "watch", "delete", "deletecollection", "patch"]:
        assert ("pods", verb) in granted
    assert ("configmaps", "create") in granted and ("services", "deletecollection") in granted
    assert not any("*" in rule["verbs"] or "*" in rule["resources"] for rule in rules)
    assert all(rule["apiGroups"] == [""] for rule in rules)


def test_source_paths_match_helm(renders):
    case = next(case for case in VALID if case.id == "spark-conf-and-names")
    helm_side, _ = renders[case.id]
    assert kubegrid_render(case, output="yaml").sources == helm_side.sources


# The fields of sparkoperator.k8s.io/v1beta2 SparkApplicationSpec this chart writes, with
# their types (the operator's api/v1beta2/sparkapplication_types.go).
OPERATOR_SPEC = {
    "type": str, "mode": str, "sparkVersion": str, "image": str, "imagePullPolicy": str, "imagePullSecrets": list,
    "mainClass": str, "mainApplicationFile": str, "arguments": list, "sparkConf": dict, "nodeSelector": dict,
    "restartPolicy": dict, "driver": dict, "executor": dict, "dynamicAllocation": dict,
}
OPERATOR_REQUIRED = {"type", "sparkVersion", "driver", "executor"}


def test_the_spark_application_has_the_operators_shape(renders):
    _, kubegrid_side = renders["spark-operator"]
    assert sorted(kubegrid_side.objects) == [
        ("NetworkPolicy", "op-insightedge-spark"), ("Role", "op-insightedge-spark"), ("RoleBinding", "op-insightedge-spark"),
        ("ServiceAccount", "op-insightedge-spark"), ("SparkApplication", "op-insightedge-spark"),
    ]
    app = kubegrid_side.objects[("SparkApplication", "op-insightedge-spark")]
    assert app["apiVersion"] == "sparkoperator.k8s.io/v1beta2"
    spec = app["spec"]
    assert OPERATOR_REQUIRED <= set(spec)
    for key, value in spec.items():
        assert key in OPERATOR_SPEC, f"spec.{key} is not a SparkApplicationSpec field"
        assert isinstance(value, OPERATOR_SPEC[key]), f"spec.{key} is {type(value).__name__}"
    assert spec["type"] in {"Java", "Scala", "Python", "R"} and spec["mode"] in {"cluster", "client"}
    assert spec["restartPolicy"] == {"type": "Never"}
    assert spec["driver"]["serviceAccount"] == "op-insightedge-spark"
    assert isinstance(spec["executor"]["instances"], int) and isinstance(spec["executor"]["cores"], int)
    assert spec["dynamicAllocation"] == {"enabled": True, "minExecutors": 0, "maxExecutors": 6}
    assert spec["sparkConf"]["spark.insightedge.space.lookup.locator"] == "prod-insightedge-manager-hs"
    assert all(isinstance(v, str) for v in spec["sparkConf"].values())


@pytest.mark.parametrize("version", kubernetes_versions())
def test_every_object_passes_kubernetes_schemas_strictly(version, renders):
    assert_strictly_valid(renders, version, at_least=30)


@pytest.mark.parametrize("case,fragment,stage", [pytest.param(*item, id=item[0].id) for item in INVALID])
def test_both_reject(case, fragment, stage):
    helm_side, _ = refused_by_both(case, fragment)
    assert helm_side.stage == stage, helm_side.error
    if stage == "template":  # the chart's own words; a schema error is Helm's, with JSON pointers
        assert fragment in helm_side.error, helm_side.error
