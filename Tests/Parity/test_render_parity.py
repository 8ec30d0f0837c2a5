"""`kubegrid render` against real Helm v4 rendering the hand-written templates in charts/.

For every valid case both must produce the same set of objects, keyed by (kind, name),
each parsed object equal; for every invalid case both must refuse (kubegrid: exit 1,
nothing on stdout, `error:` on stderr; Helm: a schema or template error). Everything
kubegrid renders must also pass the real Kubernetes schemas in strict mode.
"""

from __future__ import annotations

import pytest
import helm_python as helm

from render_support import (
    CHARTS,
    KUBEGRID,
    Case,
    helm_render,
    kubegrid_render,
    kubernetes_versions,
    object_differences,
    run_kubegrid,
    validate_strict,
)

if not KUBEGRID.is_file():
    raise pytest.UsageError(f"kubegrid binary not found at {KUBEGRID}; run `swift build` or set KUBEGRID")

M, P, U = "insightedge-manager", "insightedge-pu", "insightedge"

NODEPORT_LRMI = {"type": "NodePort", "lrmi": {"enabled": True}}

VALID = [
    # ---- insightedge-manager
    Case("manager-default", M, builtin=True),
    Case("manager-ha", M, {"ha": True}),
    Case("manager-ha-hostname", M, {"ha": True, "antiAffinity": {"enabled": True}}),
    Case("manager-ha-zone", M, {"ha": True, "antiAffinity": {"enabled": True, "topology": "topology.kubernetes.io/zone"}},
         namespace="grid-prod", builtin=True),
    Case("manager-nodeport", M, {"service": {"type": "NodePort", "api": {"nodePort": 30890},
                                             "lus": {"nodePort": 30174}, "lrmi": {"enabled": False}}}),
    Case("manager-loadbalancer-nodeports", M, {"service": {"type": "LoadBalancer", "api": {"nodePort": 32767},
                                                           "lus": {"nodePort": 30000}, "lrmi": {"nodePort": 31000}}}),
    Case("manager-clusterip", M, {"service": {"type": "ClusterIP", "lus": {"enabled": False}}}),
    # A disabled port asks for no node port, so sharing the number is fine.
    Case("manager-disabled-port-keeps-its-nodeport", M, {
        "service": {"type": "NodePort", "api": {"nodePort": 30500}, "lus": {"enabled": False, "nodePort": 30500}}}),
    Case("manager-overrides", M, """
fullnameOverride: grid-mgr
image: {repository: registry.example.com/gs/ie, tag: "16.0", pullPolicy: Always}
terminationGracePeriodSeconds: 0
license: "1234"
java: {heap: 1g, options: '-Dcom.gs.x="a b" -Xss1m'}
resources:
  limits: {cpu: 2, memory: 1Gi}
  requests: {cpu: 500m, memory: 1e3}
nodeSelector: {disktype: ssd, "on": "yes", zone: "0755"}
livenessProbe: {enabled: false}
readinessProbe: {initialDelaySeconds: 0, periodSeconds: 1, failureThreshold: 100}
hs: {zkClient: 12181, zkServer: 12888, zkLeaderElection: 13888, lus: 14174}
service: {api: {port: 80}, lus: {port: 4175}, lrmi: {port: 8201}}
"""),
    Case("manager-name-override", M, {"nameOverride": "ie-mgr"}, release="prod"),
    Case("manager-release-holds-chart-name", M, {}, release="my-insightedge-manager"),
    # Helm's `trunc 63 | trimSuffix "-"` on both names.
    Case("manager-long-overrides-truncated", M, {"nameOverride": "n" * 70, "fullnameOverride": "grid-"}),
    # 32 + len("-insightedge-manager") = 52, the longest StatefulSet name allowed.
    Case("manager-longest-name", M, {}, release="a" * 32),
    # ---- insightedge-pu
    Case("pu-default", P, builtin=True),
    Case("pu-no-ha", P, {"partitions": 2}),
    Case("pu-ha-without-anti-affinity", P, {"partitions": 3, "ha": True}),
    Case("pu-ha-hostname", P, {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
                               "livenessProbe": {"enabled": True}, "readinessProbe": {"enabled": True}}, builtin=True),
    Case("pu-ha-zone", P, {"partitions": 2, "ha": True,
                           "antiAffinity": {"enabled": True, "topology": "topology.kubernetes.io/zone"}}),
    Case("pu-lrmi-loadbalancer", P, {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
                                     "service": {"lrmi": {"enabled": True}}}),
    Case("pu-lrmi-nodeport-initial", P, {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
                                         "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 31200}}},
         builtin=True),
    Case("pu-lrmi-nodeport-kubernetes-picks", P, {"partitions": 2, "service": NODEPORT_LRMI}),
    Case("pu-lrmi-clusterip", P, {"partitions": 1, "service": {"type": "ClusterIP", "lrmi": {"enabled": True, "port": 9200}}}),
    Case("pu-lrmi-loadbalancer-initial", P, {"partitions": 2, "service": {"lrmi": {"enabled": True, "initialNodePort": 30000}}}),
    Case("pu-lrmi-off-ignores-initial", P, {"partitions": 2, "service": {"type": "NodePort", "lrmi": {"initialNodePort": 32767}}}),
    Case("pu-block-ends-at-32767", P, {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
                                       "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 32764}}}),
    Case("pu-deprecated-InitialNodePort", P, {"partitions": 2, "service": {"type": "NodePort", "lrmi": {"enabled": True, "InitialNodePort": 30500}}}),
    Case("pu-both-spellings-agree", P, {"partitions": 1, "service": {"type": "NodePort", "lrmi": {
        "enabled": True, "initialNodePort": 30600, "InitialNodePort": 30600}}}),
    Case("pu-deprecated-spelling-null", P, "partitions: 1\nservice: {type: NodePort, lrmi: {enabled: true, initialNodePort: 31000, InitialNodePort: null}}\n"),
    # Helm hands `global` to every subchart; kubegrid ignores it, and so do the templates.
    Case("umbrella-globals", U, "global: {region: eu}\npu: {partitions: 1, global: {x: 1}}\n"),
    Case("pu-memoryxtend", P, {"partitions": 1, "ha": True, "antiAffinity": {"enabled": True},
                               "memoryXtendVolume": {"enabled": True, "volumeClaimTemplate": {"storage": "10Gi", "storageClassName": "fast"}},
                               "resourceUrl": "https://example.com/pu.jar", "properties": "memoryThreshold=7g", "schema": "partitioned"},
         builtin=True),
    Case("pu-memoryxtend-custom-volume", P, {"partitions": 2, "memoryXtendVolume": {
        "enabled": True, "volumeMount": {"name": "mx", "mountPath": "/data/mx"},
        "volumeClaimTemplate": {"storage": "512Mi", "accessModes": "ReadWriteOncePod"}}}),
    Case("pu-instances", P, {"instances": 2, "schema": "sync_replicated", "manager": {"name": "grid"},
                             "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 30100}}}, builtin=True),
    Case("pu-instances-plain", P, {"instances": 3, "schema": "async_replicated"}),
    Case("pu-manager-full-name", P, {"partitions": 1, "manager": {
        "name": "grid-insightedge-manager", "ports": {"api": 9090}, "discoveryTimeoutSeconds": 120}}),
    Case("pu-pdb-disabled", P, {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True}, "podDisruptionBudget": {"enabled": False}}),
    Case("pu-overrides", P, """
nameOverride: space
fullnameOverride: billing
image: {tag: "15.5.1", pullPolicy: Never}
license: "off"
partitions: 3
resourceUrl: https://repo.example.com/billing-pu-1.0.jar
properties: "memoryThreshold=7g;space.name=billing space"
java: {heap: limit-200Mi, options: "-XX:+UseG1GC"}
resources:
  limits: {memory: 2Gi, cpu: 1.5}
  requests: {memory: 1Gi, cpu: 0.25}
nodeSelector: {tier: "true", "kubernetes.io/arch": amd64}
livenessProbe: {enabled: true, initialDelaySeconds: 60, periodSeconds: 10, failureThreshold: 6}
terminationGracePeriodSeconds: 120
"""),
    Case("pu-twelve-partitions-block", P, {"partitions": 12, "ha": True, "antiAffinity": {"enabled": True},
                                           "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 30000}}}),
    Case("pu-yaml-1-1-scalars", P, """
partitions: 2.0
ha: yes
antiAffinity: {enabled: on}
service: {lrmi: {enabled: true, port: 0x2000}}
"""),
    Case("pu-unknown-key-is-ignored", P, {"partitions": 1, "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodeport": 31000}}}),
    Case("pu-release-holds-chart-name", P, {"partitions": 1}, release="prod-insightedge-pu"),
    Case("pu-namespace", P, {"partitions": 1}, namespace="spaces"),
    # A map set to null reads as empty; Helm drops the key before it validates.
    Case("pu-null-maps", P, "partitions: 1\nnodeSelector: null\nresources: null\n"
                            "memoryXtendVolume: {volumeMount: null}\n"),
    Case("manager-null-limits", M, "resources: {limits: null, requests: {memory: 200Mi}}\n"),
    # A null inside a map removes that key, default or not.
    Case("pu-null-removes-a-default", P, "partitions: 1\nresources: {limits: {memory: null, cpu: 1}}\n"),
    # A null key is unset and reads as its default (issue 10): Helm drops it, the templates
    # put the chart's default back (applyDefaults), kubegrid reads the default.
    Case("manager-null-means-default", M, {"image": {"tag": None}, "ha": None, "service": {"lus": {"enabled": None}},
                                           "livenessProbe": None, "java": {"heap": None, "options": None}}),
    Case("pu-null-means-default", P, "partitions: 2\nha:\ninstances:\njava: {heap: null, options: null}\n"
                                     "service: {type: null, lrmi: {enabled: true, port: null}}\nimage: null\n"
                                     "terminationGracePeriodSeconds: null\nmanager: {name: null, ports: null}\n"
                                     "memoryXtendVolume: {enabled: true, volumeMount: {name: null},"
                                     " volumeClaimTemplate: {storage: 1Gi}}\n", builtin=True),
    Case("umbrella-null-means-default", U, {"manager": {"ha": None, "java": None}, "pu": {"partitions": 1, "ha": None}}),
    # Strings a YAML 1.1 reader would take for something else must stay strings.
    Case("pu-ambiguous-strings", P, """
partitions: 1
license: "no"
image: {tag: "0755"}
java: {heap: "1e3", options: "-Da=1 # not a comment\n-Db=2"}
properties: "a: b, c: [d]"
resourceUrl: "https://example.com/pu.jar?x=*&y=%20"
nodeSelector: {"null": "~", "true": "off", "1.5": "0x1F"}
manager: {name: "null"}
"""),
    # ---- insightedge (umbrella)
    Case("umbrella-default", U, builtin=True),
    Case("umbrella-dev", U, {"manager": {"service": {"type": "NodePort"}},
                             "pu": {"partitions": 2, "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 31000}}}},
         builtin=True),
    Case("umbrella-ha", U, {"manager": {"ha": True, "antiAffinity": {"enabled": True}},
                            "pu": {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
                                   "readinessProbe": {"enabled": True}, "service": {"lrmi": {"enabled": True}}}}),
    Case("umbrella-external-manager", U, {"pu": {"partitions": 1, "manager": {"name": "shared"}}}),
    # The manager's ports right next to the Space's block, on both sides.
    Case("umbrella-ports-around-block", U, {
        "manager": {"service": {"type": "NodePort", "api": {"nodePort": 31004}, "lus": {"nodePort": 30999}, "lrmi": {"nodePort": 31005}}},
        "pu": {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
               "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 31000}}}}),
    Case("umbrella-clusterip-manager", U, {"manager": {"service": {"type": "ClusterIP"}},
                                           "pu": {"partitions": 1, "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 30000}}}}),
    # The Space's Services are ClusterIP, so a manager node port in "its" range is no collision.
    Case("umbrella-clusterip-space", U, {"manager": {"service": {"type": "NodePort", "api": {"nodePort": 30000}}},
                                         "pu": {"partitions": 1, "service": {"type": "ClusterIP", "lrmi": {"enabled": True}}}}),
    Case("umbrella-disabled-port-in-block", U, {
        "manager": {"service": {"type": "NodePort", "lus": {"enabled": False, "nodePort": 31001}}},
        "pu": {"partitions": 1, "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 31000}}}}),
    # A subchart's values set to null fall back to the subchart's defaults.
    Case("umbrella-pu-null", U, "pu: null\n"),
    Case("umbrella-overrides", U, {"manager": {"fullnameOverride": "mgr", "license": "key"},
                                   "pu": {"nameOverride": "space", "instances": 2, "license": "key"}}, release="shop"),
    # ---- security (issue 10): accounts, RBAC, security contexts, license Secret, NetworkPolicy
    Case("manager-locked-down", M, """
imagePullSecrets: [regcred, mirror]
image: {digest: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
securityContext: {readOnlyRootFilesystem: true, runAsUser: 4321, fsGroup: null}
licenseSecret: {existingSecret: gs-license, key: key}
networkPolicy: {clientCIDRs: [10.0.0.0/8, 192.168.1.0/24]}
service: {lus: {enabled: false}}
serviceAccount: {name: grid}
""", namespace="grid-prod", builtin=True),
    Case("manager-platform-ids", M, {"securityContext": {"setIds": False}}),
    Case("pu-platform-ids", P, {"partitions": 1, "securityContext": {"setIds": False, "readOnlyRootFilesystem": True}}),
    Case("manager-permissive", M, {"securityContext": {"enabled": False}, "networkPolicy": {"enabled": False},
                                   "serviceAccount": {"create": False}}),
    Case("pu-lrmi-nodeport-rbac", P, {"partitions": 2, "service": {"type": "NodePort", "lrmi": {"enabled": True}},
                                      "securityContext": {"readOnlyRootFilesystem": True},
                                      "memoryXtendVolume": {"enabled": True, "volumeClaimTemplate": {"storage": "1Gi"}}},
         namespace="grid-prod", builtin=True),
    Case("pu-lrmi-rbac-off", P, {"partitions": 1, "service": {"lrmi": {"enabled": True}}, "rbac": {"create": False},
                                 "serviceAccount": {"create": False, "name": "shared"}}),
    Case("pu-existing-license-no-policy", P, """
instances: 2
licenseSecret: {existingSecret: gs-license}
networkPolicy: {enabled: false}
initContainer: {resources: {limits: {memory: 64Mi}, requests: {cpu: 50m}}}
resources: {requests: {cpu: 1, memory: 300Mi}}
imagePullSecrets: [regcred]
"""),
    Case("pu-legacy-external-client-rbac", P, {"partitions": 1, "enableExternalClient": True, "service": {"type": "NodePort"}}),
    Case("umbrella-locked-down", U, {"manager": {"securityContext": {"readOnlyRootFilesystem": True}},
                                     "pu": {"partitions": 1, "service": {"lrmi": {"enabled": True}},
                                            "networkPolicy": {"clientCIDRs": ["203.0.113.0/24"]}}}),
]


@pytest.fixture(scope="module")
def renders() -> dict[str, tuple]:
    """Each valid case rendered once by each tool, shared by the tests below."""
    return {case.id: (helm_render(case), kubegrid_render(case)) for case in VALID}


def test_enough_cases():
    assert len(VALID) >= 30
    assert {case.chart for case in VALID} == {M, P, U}


@pytest.mark.parametrize("case", VALID, ids=lambda case: case.id)
def test_same_objects_as_helm(case, renders):
    helm_side, kubegrid_side = renders[case.id]
    assert helm_side.error is None, f"helm refused: {helm_side.error}"
    assert kubegrid_side.error is None, f"kubegrid refused: {kubegrid_side.error}"
    assert kubegrid_side.objects, "nothing rendered"
    differences = object_differences(helm_side.objects, kubegrid_side.objects)
    assert not differences, "\n".join(differences)


@pytest.mark.parametrize("case", [case for case in VALID if case.builtin], ids=lambda case: case.id)
def test_builtin_chart_renders_the_same(case, renders):
    helm_side, _ = renders[case.id]
    builtin = kubegrid_render(case, builtin=True)
    assert builtin.error is None, builtin.error
    differences = object_differences(helm_side.objects, builtin.objects)
    assert not differences, "\n".join(differences)


@pytest.mark.parametrize("case_id", ["manager-ha", "pu-lrmi-nodeport-initial", "pu-instances", "umbrella-ha",
                                     "manager-locked-down", "pu-lrmi-nodeport-rbac", "umbrella-locked-down"])
def test_source_paths_match_helm(case_id, renders):
    """kubegrid's `# Source:` lines name the template Helm renders each object from."""
    case = next(case for case in VALID if case.id == case_id)
    helm_side, _ = renders[case_id]
    kubegrid_side = kubegrid_render(case, output="yaml")
    assert kubegrid_side.sources == helm_side.sources


@pytest.mark.parametrize("version", kubernetes_versions())
def test_every_object_passes_kubernetes_schemas_strictly(version, renders):
    checked = 0
    for case in VALID:
        _, kubegrid_side = renders[case.id]
        for key, document in kubegrid_side.objects.items():
            try:
                validate_strict(document, version)
            except Exception as error:  # noqa: BLE001 - the message says which object and why
                pytest.fail(f"{case.id} {key} fails Kubernetes {version}: {error}")
            checked += 1
    assert checked > 100


# ---------------------------------------------------------------- invalid values

# (case, where Helm catches it: "schema" for values.schema.json, "template" for a fail,
#  a fragment kubegrid's message must hold)
INVALID = [
    # charts.md rules
    (Case("rule-partitions-and-instances", P, {"partitions": 2, "instances": 2}), "schema", "instances"),
    (Case("rule-ha-needs-partitions", P, {"ha": True}), "schema", "needs partitions"),
    (Case("rule-ha-needs-partitions-with-instances", P, {"ha": True, "instances": 2}), "schema", "needs partitions"),
    (Case("rule-anti-affinity-with-instances", P, {"instances": 2, "antiAffinity": {"enabled": True}}), "schema", "antiAffinity.enabled"),
    (Case("rule-memoryxtend-needs-storage", P, {"partitions": 1, "memoryXtendVolume": {"enabled": True}}), "schema", "storage"),
    (Case("rule-memoryxtend-needs-volume-name", P, {"partitions": 1, "memoryXtendVolume": {
        "enabled": True, "volumeMount": {"name": ""}, "volumeClaimTemplate": {"storage": "1Gi"}}}), "schema", "volumeMount.name"),
    (Case("rule-memoryxtend-empty-mount-path", P, {"partitions": 1, "memoryXtendVolume": {
        "enabled": True, "volumeMount": {"mountPath": ""}, "volumeClaimTemplate": {"storage": "1Gi"}}}), "schema", "mountPath"),
    (Case("rule-pu-clusterip-initial-node-port", P, {"partitions": 1, "service": {
        "type": "ClusterIP", "lrmi": {"enabled": True, "initialNodePort": 31000}}}), "schema", "ClusterIP"),
    (Case("rule-pu-clusterip-deprecated-spelling", P, {"partitions": 1, "service": {
        "type": "ClusterIP", "lrmi": {"InitialNodePort": 31000}}}), "schema", "ClusterIP"),
    (Case("rule-manager-clusterip-node-port", M, {"service": {"type": "ClusterIP", "api": {"nodePort": 30100}}}), "schema", "ClusterIP"),
    (Case("rule-manager-clusterip-disabled-port", M, {"service": {
        "type": "ClusterIP", "lrmi": {"enabled": False, "nodePort": 30100}}}), "schema", "ClusterIP"),
    (Case("rule-umbrella-pu-rule", U, {"pu": {"ha": True}}), "schema", "pu.ha"),
    (Case("rule-umbrella-manager-rule", U, {"manager": {"service": {"type": "ClusterIP", "lus": {"nodePort": 30100}}}}), "schema", "manager.service"),
    (Case("rule-spellings-disagree", P, {"partitions": 1, "service": {"type": "NodePort", "lrmi": {
        "enabled": True, "initialNodePort": 31000, "InitialNodePort": 31001}}}), "template", "conflicts"),
    # node-port overflow
    (Case("overflow-block", P, {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
                                "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 32766}}}),
     "template", "use at most 32764"),
    (Case("overflow-instances", P, {"instances": 3, "service": {"lrmi": {"enabled": True, "initialNodePort": 32766}}}),
     "template", "use at most 32765"),
    (Case("overflow-more-services-than-ports", P, {"partitions": 1385, "ha": True, "antiAffinity": {"enabled": True},
                                                   "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 30000}}}),
     "template", "2770 instance services need 2770 node ports"),
    (Case("overflow-umbrella", U, {"pu": {"partitions": 3, "service": {"type": "NodePort", "lrmi": {
        "enabled": True, "initialNodePort": 32767}}}}), "template", "use at most 32765"),
    # node-port collisions
    (Case("collision-manager-api-lus", M, {"service": {"type": "NodePort", "api": {"nodePort": 30100}, "lus": {"nodePort": 30100}}}),
     "template", "also asked for"),
    (Case("collision-manager-loadbalancer", M, {"service": {"api": {"nodePort": 31000}, "lrmi": {"nodePort": 31000}}}),
     "template", "also asked for"),
    (Case("collision-umbrella-first", U, {"manager": {"service": {"type": "NodePort", "api": {"nodePort": 31000}}},
                                          "pu": {"partitions": 2, "service": {"type": "NodePort", "lrmi": {
                                              "enabled": True, "initialNodePort": 31000}}}}), "template", "also given to instance Service"),
    (Case("collision-umbrella-last", U, {"manager": {"service": {"api": {"nodePort": 31003}}},
                                         "pu": {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
                                                "service": {"lrmi": {"enabled": True, "initialNodePort": 31000}}}}),
     "template", "testspace-insightedge-pu-2-1-service"),
    (Case("collision-umbrella-within-manager", U, {"manager": {"service": {"type": "NodePort", "api": {"nodePort": 30100},
                                                                           "lrmi": {"nodePort": 30100}}}}), "template", "also asked for"),
    # names
    (Case("release-uppercase", P, {}, release="Grid"), "template", "DNS-1123"),
    (Case("release-underscore", M, {}, release="my_grid"), "template", "DNS-1123"),
    (Case("release-leading-dash", U, {}, release="-grid"), "template", "DNS-1123"),
    (Case("release-trailing-dash", P, {}, release="grid-"), "template", "DNS-1123"),
    (Case("release-54-characters", M, {}, release="a" * 54), "template", "at most 53"),
    (Case("manager-statefulset-name-53", M, {}, release="a" * 33), "template", "StatefulSet name"),
    (Case("manager-fullname-override-too-long", M, {"fullnameOverride": "m" * 60}), "template", "StatefulSet name"),
    (Case("pu-statefulset-name-53", P, {"partitions": 1}, release="a" * 36), "template", "StatefulSet name"),
    (Case("pu-statefulset-name-two-digit-partition", P, {"partitions": 10, "fullnameOverride": "s" * 50}), "template", "StatefulSet name"),
    (Case("pu-service-name-64", P, {"instances": 1000, "fullnameOverride": "s" * 52, "service": {"lrmi": {"enabled": True}}}),
     "template", "Service name"),
    (Case("umbrella-pu-name-too-long", U, {"pu": {"fullnameOverride": "p" * 53}}), "template", "StatefulSet name"),
    # types, enums, ranges
    (Case("type-partitions-string", P, {"partitions": "two"}), "schema", "partitions"),
    (Case("type-partitions-fraction", P, {"partitions": 2.5}), "schema", "partitions"),
    (Case("range-partitions-zero", P, {"partitions": 0}), "schema", "partitions"),
    (Case("type-ha-string", P, {"partitions": 1, "ha": "true"}), "schema", "ha"),
    (Case("enum-service-type", P, {"service": {"type": "Nodeport"}}), "schema", "did you mean NodePort"),
    (Case("enum-pull-policy", M, {"image": {"pullPolicy": "Sometimes"}}), "schema", "pullPolicy"),
    (Case("enum-schema", P, {"schema": "replicated"}), "schema", "schema"),
    (Case("enum-access-mode", P, {"memoryXtendVolume": {"volumeClaimTemplate": {"accessModes": "RWO"}}}), "schema", "accessModes"),
    (Case("type-license-number", M, {"license": 123}), "schema", "license"),
    (Case("type-node-selector-value", P, {"nodeSelector": {"disk": 1}}), "schema", "nodeSelector.disk"),
    (Case("type-group-not-a-map", M, {"antiAffinity": "yes"}), "schema", "antiAffinity"),
    (Case("range-initial-node-port", P, {"service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 29999}}}),
     "schema", "initialNodePort"),
    (Case("range-deprecated-spelling", P, {"service": {"type": "NodePort", "lrmi": {"InitialNodePort": 32768}}}),
     "schema", "initialNodePort"),
    (Case("range-manager-node-port", M, {"service": {"type": "NodePort", "api": {"nodePort": 40000}}}), "schema", "nodePort"),
    (Case("range-port", M, {"service": {"api": {"port": 0}}}), "schema", "port"),
    (Case("range-grace-period", P, {"terminationGracePeriodSeconds": -1}), "schema", "terminationGracePeriodSeconds"),
    (Case("range-probe-period", M, {"livenessProbe": {"periodSeconds": 0}}), "schema", "periodSeconds"),
    # A null a user adds to a map (no default under it) stays, and is not a string.
    (Case("null-in-string-map", P, "nodeSelector: {disk: null}\n"), "schema", "nodeSelector.disk"),
    (Case("type-integer-as-string", P, {"terminationGracePeriodSeconds": "30"}), "schema", "terminationGracePeriodSeconds"),
    (Case("range-huge-number", P, "partitions: 1e20\n"), "schema", "partitions"),
    (Case("quantity-not-a-quantity", P, {"resources": {"limits": {"memory": "lots"}}}), "schema", "resources.limits.memory"),
    (Case("quantity-storage-not-a-quantity", P, {"partitions": 1, "memoryXtendVolume": {
        "enabled": True, "volumeClaimTemplate": {"storage": "ten gigs"}}}), "schema", "storage"),
    (Case("umbrella-type-error", U, {"pu": {"partitions": "x"}}), "schema", "pu.partitions"),
    (Case("umbrella-enum-error", U, {"manager": {"service": {"type": "External"}}}), "schema", "manager.service.type"),
]


@pytest.mark.parametrize("case,helm_stage,fragment", [pytest.param(*item, id=item[0].id) for item in INVALID])
def test_both_reject(case, helm_stage, fragment):
    helm_side = helm_render(case)
    kubegrid_side = kubegrid_render(case)
    assert kubegrid_side.error is not None, f"kubegrid rendered {sorted(kubegrid_side.objects)}"
    assert fragment in kubegrid_side.error, kubegrid_side.error
    assert helm_side.error is not None, f"helm rendered {sorted(helm_side.objects)}"
    assert helm_side.stage == helm_stage, helm_side.error


def test_umbrella_folder_reads_subchart_values_under_their_aliases():
    """charts/insightedge lists its subcharts as `manager` and `pu`; no stray keys, no warnings."""
    proc = run_kubegrid("render", str(CHARTS / U), "--name", "grid")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""


# ---------------------------------------------------------------- the charts themselves

LINT_VALUES = {
    M: [None, {"ha": True, "antiAffinity": {"enabled": True}, "service": {"type": "NodePort", "api": {"nodePort": 30090}}}],
    P: [None, {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True},
               "service": {"type": "NodePort", "lrmi": {"enabled": True, "initialNodePort": 31000}},
               "memoryXtendVolume": {"enabled": True, "volumeClaimTemplate": {"storage": "1Gi"}}}],
    U: [None, {"manager": {"ha": True}, "pu": {"partitions": 2, "service": {"lrmi": {"enabled": True}}}}],
}


@pytest.mark.parametrize("chart,values", [(chart, values) for chart, sets in LINT_VALUES.items() for values in sets],
                         ids=lambda item: item if isinstance(item, str) else ("defaults" if item is None else "values"))
def test_helm_lint_finds_no_errors_or_warnings(chart, values):
    report = helm.lint(str(CHARTS / chart), values, strict=True, with_subcharts=True)
    assert report["errors"] == []
    # 1 is info (only "icon is recommended"); 2 would be a warning, 3 an error.
    assert [m for m in report["messages"] if m["severity"] >= 2] == []
    assert report["total_charts_linted"] >= 1


def test_generated_chart_files_are_up_to_date():
    proc = run_kubegrid("chart", "generate", "--check")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""


# ---------------------------------------------------------------- known differences
#
# Each is asserted, so that a change on either side shows up here.


def test_known_difference_large_fractional_quantity():
    """Helm prints a float64 with Go's %v, which switches to an exponent from 1e6 on;
    kubegrid writes the decimal. Both are the same Kubernetes quantity."""
    case = Case("large-fraction", P, "partitions: 1\nresources: {requests: {cpu: 1234567.5}}\n")
    path = ("StatefulSet", "testspace-insightedge-pu-1")
    helm_side, kubegrid_side = helm_render(case), kubegrid_render(case)
    requests = lambda side: side.objects[path]["spec"]["template"]["spec"]["containers"][0]["resources"]["requests"]
    assert requests(helm_side) == {"cpu": "1.2345675e+06", "memory": "400Mi"}
    assert requests(kubegrid_side) == {"cpu": "1234567.5", "memory": "400Mi"}


@pytest.mark.parametrize("quantity", ["10Pi", "1234567890123456789"])
def test_known_difference_quantities_beyond_exact_range(quantity):
    """kubegrid holds quantities exactly in 64-bit thousandths (up to about 8Pi, 18
    significant digits) and refuses larger ones; Kubernetes and Helm's pattern accept them."""
    case = Case("huge-quantity", P, {"partitions": 1, "resources": {"limits": {"memory": quantity}}})
    helm_side, kubegrid_side = helm_render(case), kubegrid_render(case)
    assert helm_side.error is None
    assert kubegrid_side.error is not None and "resources.limits.memory" in kubegrid_side.error


def test_known_difference_empty_release_name():
    """kubegrid refuses an empty release name; helm_python's render takes an empty name
    for `release-name`, as `helm template` does without one."""
    case = Case("empty-release", P, {}, release="")
    helm_side, kubegrid_side = helm_render(case), kubegrid_render(case)
    assert kubegrid_side.error is not None and "release name is required" in kubegrid_side.error
    assert ("StatefulSet", "release-name-insightedge-pu") in helm_side.objects
