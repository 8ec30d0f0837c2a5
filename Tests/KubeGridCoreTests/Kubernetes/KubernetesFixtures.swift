import OrderedCollections
@testable import KubeGridCore

/// Objects shaped like the ones the charts render, with every modelled field set.
enum KubernetesFixtures {
    static let podLabels: OrderedDictionary<String, String> = [
        "app.kubernetes.io/name": "insightedge-pu",
        "app.kubernetes.io/instance": "demo",
        "app.kubernetes.io/component": "space",
        "app": "insightedge-pu",
        "release": "demo",
        "component": "space",
        "selectorId": "demo-insightedge-pu-1",
        "partitionId": "1",
    ]

    static let container = Container(
        name: "pu-container",
        image: "gigaspaces/insightedge-enterprise:15.5",
        imagePullPolicy: .ifNotPresent,
        command: ["tools/kubernetes/entrypoint.sh"],
        args: ["component=pu", "partitions=2", "ha=true", "partitionId=1"],
        env: [
            EnvVar(name: "GS_LICENSE", value: "tryme"),
            EnvVar(name: "POD_NAME", valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(fieldPath: "metadata.name"))),
        ],
        ports: [
            ContainerPort(name: "lrmi", containerPort: 8200, protocol: .tcp),
            ContainerPort(name: "probes", containerPort: 8089),
        ],
        resources: ResourceRequirements(limits: ["memory": "400Mi"], requests: ["cpu": "500m", "memory": "400Mi"]),
        livenessProbe: Probe(
            httpGet: HTTPGetAction(path: "/probes/alive", port: 8089),
            initialDelaySeconds: 30, periodSeconds: 5, failureThreshold: 3),
        readinessProbe: Probe(
            httpGet: HTTPGetAction(path: "/probes/ready", port: "probes", scheme: "HTTP"),
            initialDelaySeconds: 30, periodSeconds: 5, timeoutSeconds: 2, successThreshold: 1,
            failureThreshold: 3),
        volumeMounts: [VolumeMount(name: "mx-volume", mountPath: "/opt/gigaspaces/work/memoryxtend")]
    )

    static let initContainer = Container(
        name: "check-manager-ready",
        image: "gigaspaces/insightedge-enterprise:15.5",
        command: ["tools/kubernetes/entrypoint.sh"],
        args: ["component=init", "manager.name=demo-insightedge-manager"]
    )

    static let affinity = Affinity(
        podAntiAffinity: PodAffinity(
            required: [
                PodAffinityTerm(
                    labelSelector: LabelSelector(matchExpressions: [
                        LabelSelectorRequirement(key: "selectorId", operator: .in, values: ["demo-insightedge-pu-1"])
                    ]),
                    topologyKey: "kubernetes.io/hostname")
            ],
            preferred: [
                WeightedPodAffinityTerm(
                    weight: 100,
                    podAffinityTerm: PodAffinityTerm(
                        labelSelector: LabelSelector(matchLabels: ["app": "insightedge-pu"]),
                        namespaces: ["default"],
                        topologyKey: "topology.kubernetes.io/zone"))
            ]
        )
    )

    static let statefulSet = StatefulSet(
        metadata: ObjectMeta(
            name: "demo-insightedge-pu-1", namespace: "default", labels: podLabels,
            annotations: ["kubegrid.io/rendered-by": "kubegrid"]),
        spec: StatefulSetSpec(
            replicas: 2,
            serviceName: "demo-insightedge-pu-hs",
            selector: LabelSelector(matchLabels: ["selectorId": "demo-insightedge-pu-1"]),
            podManagementPolicy: .orderedReady,
            updateStrategy: StatefulSetUpdateStrategy(
                type: .rollingUpdate, rollingUpdate: RollingUpdateStatefulSetStrategy(partition: 0)),
            template: PodTemplateSpec(
                metadata: ObjectMeta(labels: podLabels),
                spec: PodSpec(
                    initContainers: [initContainer],
                    containers: [container],
                    affinity: affinity,
                    nodeSelector: ["kubernetes.io/os": "linux"],
                    terminationGracePeriodSeconds: 30,
                    volumes: [Volume(name: "scratch", emptyDir: EmptyDirVolumeSource())]
                )
            ),
            volumeClaimTemplates: [
                PersistentVolumeClaim(
                    metadata: ObjectMeta(name: "mx-volume"),
                    spec: PersistentVolumeClaimSpec(
                        accessModes: [.readWriteOnce], storageClassName: "standard", storage: "1Gi"))
            ]
        )
    )

    static let service = Service(
        metadata: ObjectMeta(name: "demo-insightedge-pu-1-0-service", namespace: "default", labels: podLabels),
        spec: ServiceSpec(
            type: .nodePort,
            selector: ["statefulset.kubernetes.io/pod-name": "demo-insightedge-pu-1-0"],
            ports: [ServicePort(name: "lrmi", protocol: .tcp, port: 8200, targetPort: "lrmi", nodePort: 30100)]
        )
    )

    static let headlessService = Service(
        metadata: ObjectMeta(name: "demo-insightedge-manager-hs"),
        spec: ServiceSpec(
            clusterIP: "None",
            selector: ["selectorId": "demo-insightedge-manager"],
            ports: [
                ServicePort(name: "zk-client", port: 2181),
                ServicePort(name: "lus", port: 4174, targetPort: 4174),
            ],
            publishNotReadyAddresses: true
        )
    )

    static let podDisruptionBudget = PodDisruptionBudget(
        metadata: ObjectMeta(name: "demo-insightedge-pu-1", labels: ["app": "insightedge-pu"]),
        spec: PodDisruptionBudgetSpec(
            maxUnavailable: 1, selector: LabelSelector(matchLabels: ["selectorId": "demo-insightedge-pu-1"]))
    )

    static let node = Node(
        metadata: ObjectMeta(
            name: "node-a",
            labels: ["kubernetes.io/hostname": "node-a", "topology.kubernetes.io/zone": "zone-1"]),
        spec: NodeSpec(unschedulable: false),
        status: NodeStatus(
            capacity: ["cpu": "8", "memory": "32Gi", "pods": "110"],
            allocatable: ["cpu": "7800m", "memory": "31Gi", "pods": "110"],
            addresses: [NodeAddress(type: "InternalIP", address: "10.0.0.11")]
        )
    )
}

extension Values {
    /// The keys of the map at `path`, for key-order assertions.
    func keys(at path: [String]) -> [String] {
        value(at: path)?.mapValue.map { Array($0.keys) } ?? []
    }
}
