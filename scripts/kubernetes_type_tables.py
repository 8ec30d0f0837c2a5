"""What generate-kubernetes-types.py needs beyond Kubernetes' definitions.

The definitions give fields, types, required fields and descriptions. These tables give
kubegrid's choices: which kinds, the key order it writes, the words it models as enums,
and the few Swift names and optionality it keeps from its hand-written types.
"""

CORE = "io.k8s.api.core.v1."
APPS = "io.k8s.api.apps.v1."
META = "io.k8s.apimachinery.pkg.apis.meta.v1."

# The top-level kinds; every definition they reference is generated with them.
KINDS = [
    CORE + "Service", APPS + "StatefulSet", "io.k8s.api.policy.v1.PodDisruptionBudget",
    CORE + "PersistentVolumeClaim", CORE + "Node",
    CORE + "Namespace", CORE + "Pod", CORE + "Endpoints", "io.k8s.api.discovery.v1.EndpointSlice",
    CORE + "ConfigMap", CORE + "Secret", CORE + "ServiceAccount",
    "io.k8s.api.rbac.v1.Role", "io.k8s.api.rbac.v1.RoleBinding",
    "io.k8s.api.rbac.v1.ClusterRole", "io.k8s.api.rbac.v1.ClusterRoleBinding",
    CORE + "Event", CORE + "ResourceQuota", CORE + "LimitRange",
    "io.k8s.api.networking.v1.NetworkPolicy", "io.k8s.api.batch.v1.Job", APPS + "Deployment",
    META + "Status",
]

# Swift names where the last part of the definition's name is taken twice.
TYPE_NAMES = {
    "io.k8s.api.discovery.v1.EndpointPort": "DiscoveryEndpointPort",
}

# Definitions with the shape of another, generated once under the other's name
# (Kubernetes gives podAffinity and podAntiAffinity the same fields).
SAME_SHAPE = {
    CORE + "PodAntiAffinity": CORE + "PodAffinity",
}

# Swift property names that differ from the key: (definition, key) -> name.
PROPERTY_NAMES = {
    (CORE + "PodAffinity", "requiredDuringSchedulingIgnoredDuringExecution"): "required",
    (CORE + "PodAffinity", "preferredDuringSchedulingIgnoredDuringExecution"): "preferred",
}

# Keys every kind writes first, after apiVersion and kind.
KIND_LEADING_KEYS = ["metadata", "spec", "status"]

# The key order kubegrid writes, as readable manifests have it: the keys listed here come
# first in this order, the others follow alphabetically (as the definitions list them).
# A definition not listed writes `name` first.
KEY_ORDER = {
    META + "ObjectMeta": ["name", "namespace", "labels", "annotations"],
    META + "LabelSelector": ["matchLabels", "matchExpressions"],
    META + "LabelSelectorRequirement": ["key", "operator", "values"],
    APPS + "StatefulSetSpec": [
        "replicas", "serviceName", "selector", "podManagementPolicy", "updateStrategy", "template",
        "volumeClaimTemplates"],
    APPS + "StatefulSetUpdateStrategy": ["type", "rollingUpdate"],
    CORE + "PodTemplateSpec": ["metadata", "spec"],
    CORE + "PodSpec": [
        "initContainers", "containers", "affinity", "nodeSelector", "terminationGracePeriodSeconds",
        "volumes"],
    CORE + "Container": [
        "name", "image", "imagePullPolicy", "command", "args", "env", "ports", "resources",
        "livenessProbe", "readinessProbe", "volumeMounts"],
    CORE + "EnvVar": ["name", "value", "valueFrom"],
    CORE + "ContainerPort": ["name", "containerPort", "protocol"],
    CORE + "VolumeMount": ["name", "mountPath", "readOnly"],
    CORE + "Probe": [
        "httpGet", "tcpSocket", "exec", "initialDelaySeconds", "periodSeconds", "timeoutSeconds",
        "successThreshold", "failureThreshold"],
    CORE + "HTTPGetAction": ["path", "port", "scheme"],
    CORE + "PersistentVolumeClaim": ["metadata", "spec"],
    CORE + "PersistentVolumeClaimSpec": ["accessModes", "storageClassName", "resources"],
    CORE + "ResourceRequirements": ["limits", "requests"],
    CORE + "ServiceSpec": ["type", "clusterIP", "externalName", "selector", "ports", "publishNotReadyAddresses"],
    CORE + "ServicePort": ["name", "protocol", "port", "targetPort", "nodePort"],
    CORE + "NodeStatus": ["capacity", "allocatable", "addresses"],
    CORE + "NodeAddress": ["type", "address"],
    "io.k8s.api.rbac.v1.RoleRef": ["apiGroup", "kind", "name"],
    "io.k8s.api.rbac.v1.Subject": ["kind", "name", "namespace"],
    "io.k8s.api.networking.v1.NetworkPolicySpec": ["podSelector", "policyTypes", "ingress", "egress"],
    CORE + "Affinity": ["nodeAffinity", "podAffinity", "podAntiAffinity"],
    CORE + "PodAffinity": [
        "requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution"],
    CORE + "PodAffinityTerm": ["labelSelector", "namespaces", "topologyKey"],
    CORE + "WeightedPodAffinityTerm": ["weight", "podAffinityTerm"],
    "io.k8s.api.policy.v1.PodDisruptionBudgetSpec": ["maxUnavailable", "minAvailable", "selector"],
    META + "Status": ["metadata", "status", "message", "reason", "details", "code"],
}

# Fields kubegrid keeps non-optional though Kubernetes does not require them: an absent
# one reads as empty (or, when empty is not a valid value, as missing) and an empty one is
# left out. Every kind's metadata and spec are too; a kind's spec is written even when
# empty (`spec: {}`), except where OMITTED_WHEN_EMPTY says otherwise.
NON_OPTIONAL = {
    (META + "ObjectMeta", "name"),
    (CORE + "PodTemplateSpec", "metadata"),
    (CORE + "PodTemplateSpec", "spec"),
    (CORE + "Container", "resources"),
    (CORE + "PersistentVolumeClaimSpec", "resources"),
    (CORE + "Node", "status"),
}

OMITTED_WHEN_EMPTY = {
    (CORE + "Node", "spec"),
}

# Fields Kubernetes v1.32 lists as required that kubegrid reads as optional, as the API
# server's defaulting does (a StatefulSet without serviceName is accepted).
OPTIONAL = {
    (APPS + "StatefulSetSpec", "serviceName"),
}

# Types held in a shared box (ManifestBox) wherever another type has one as a field: they
# are large inline, so every copy of their holder (a stored object, a world a scenario
# copies, a value passed around) would copy them whole; boxed, a copy is one reference.
# The figure is MemoryLayout<T>.size in bytes (Swift 6, x86_64; the type's own boxed fields
# count 8), printed by KubernetesTypeLayoutTests: box a type of a few hundred bytes held
# inline (lists hold theirs on the heap). Affinity and ServiceStatus are small but are
# held by every PodSpec and Service and almost never set.
BOXED = {
    CORE + "PodSpec": 496,
    CORE + "PodSecurityContext": 296,
    CORE + "SecurityContext": 272,
    CORE + "Probe": 241,
    CORE + "Lifecycle": 281,
    CORE + "Affinity": 48,
    CORE + "ServiceSpec": 256,
    CORE + "ServiceStatus": 16,
    APPS + "StatefulSetSpec": 217,
    APPS + "StatefulSetStatus": 137,
    META + "ObjectMeta": 232,
    CORE + "PodStatus": 200,
    CORE + "NodeSpec": 145,
    CORE + "NodeStatus": 544,
}

# Words kubegrid models as enums: the Swift name (Outer.Inner nests it), the fields that
# hold one, and the cases in the order error messages list them.
ENUMS = {
    "ServiceType": {
        "doc": "How a Service is exposed.",
        "fields": [(CORE + "ServiceSpec", "type")],
        "cases": [
            ("clusterIP", "ClusterIP", "A virtual IP inside the cluster only (the default)."),
            ("nodePort", "NodePort", "A cluster IP plus a port on every node."),
            ("loadBalancer", "LoadBalancer", "A node port plus an external load balancer."),
            ("externalName", "ExternalName", "A DNS alias for a name outside the cluster."),
        ],
    },
    "PortProtocol": {
        "doc": "The transport protocol of a port.",
        "fields": [
            (CORE + "ContainerPort", "protocol"), (CORE + "ServicePort", "protocol"),
            (CORE + "EndpointPort", "protocol"), ("io.k8s.api.discovery.v1.EndpointPort", "protocol"),
            ("io.k8s.api.networking.v1.NetworkPolicyPort", "protocol"),
        ],
        "cases": [
            ("tcp", "TCP", "TCP (the default)."),
            ("udp", "UDP", "UDP."),
            ("sctp", "SCTP", "SCTP."),
        ],
    },
    "PodManagementPolicy": {
        "doc": "Whether a StatefulSet starts its pods one at a time or all together.",
        "fields": [(APPS + "StatefulSetSpec", "podManagementPolicy")],
        "cases": [
            ("orderedReady", "OrderedReady",
             "Each pod only after the one before is Running and Ready (the default)."),
            ("parallel", "Parallel", "All pods at once."),
        ],
    },
    "StatefulSetUpdateStrategy.StrategyType": {
        "doc": "The kind of update.",
        "fields": [(APPS + "StatefulSetUpdateStrategy", "type")],
        "cases": [
            ("rollingUpdate", "RollingUpdate",
             "Replace pods from the highest ordinal down, one at a time (the default)."),
            ("onDelete", "OnDelete", "Replace a pod only when someone deletes it."),
        ],
    },
    "Container.PullPolicy": {
        "doc": "When the kubelet pulls the image.",
        "fields": [(CORE + "Container", "imagePullPolicy"), (CORE + "EphemeralContainer", "imagePullPolicy")],
        "cases": [
            ("always", "Always", "On every start."),
            ("ifNotPresent", "IfNotPresent", "Only when the node does not have it."),
            ("never", "Never", "Never; the image must be on the node."),
        ],
    },
    "LabelSelectorRequirement.Operator": {
        "doc": "How a requirement compares a label with its values.",
        "fields": [(META + "LabelSelectorRequirement", "operator")],
        "cases": [
            ("in", "In", "The label is present and its value is one of the values."),
            ("notIn", "NotIn", "The label is absent, or its value is none of the values."),
            ("exists", "Exists", "The label is present, whatever its value."),
            ("doesNotExist", "DoesNotExist", "The label is absent."),
        ],
    },
    "PersistentVolumeAccessMode": {
        "doc": "How a volume may be mounted.",
        "fields": [
            (CORE + "PersistentVolumeClaimSpec", "accessModes"), (CORE + "PersistentVolumeClaimStatus", "accessModes"),
        ],
        "cases": [
            ("readWriteOnce", "ReadWriteOnce", "Read-write by one node."),
            ("readOnlyMany", "ReadOnlyMany", "Read-only by many nodes."),
            ("readWriteMany", "ReadWriteMany", "Read-write by many nodes."),
            ("readWriteOncePod", "ReadWriteOncePod", "Read-write by one pod."),
        ],
    },
}
