import KubeGridCore
import OrderedCollections

@testable import KubeGridSim

/// Manifests of the shape `kubegrid render insightedge` produces (charts.md), built by
/// hand so the simulation can be tested without the renderer: a manager release and a
/// partitioned Space, with the settings the tests vary.
struct GridFixture {
    var release = "test"
    var namespace = "default"
    var managerHA = false
    var managerAntiAffinity = false
    var managerServiceType: ServiceType = .loadBalancer
    var managerLookupPort = true
    var managerNodePorts: (api: Int?, lus: Int?, lrmi: Int?) = (nil, nil, nil)
    var partitions = 2
    var ha = true
    var antiAffinity = true
    var topology = ClusterNode.hostnameLabel
    var managerTopology = ClusterNode.hostnameLabel
    var spaceServiceType: ServiceType = .loadBalancer
    var lrmiEnabled = true
    var initialNodePort: Int?
    var readinessProbe = true
    var livenessProbe = true
    /// A PodDisruptionBudget (maxUnavailable 1) for the managers and for each partition.
    var podDisruptionBudgets = true
    /// The Space pods' `terminationGracePeriodSeconds`.
    var terminationGracePeriod = 30
    /// The Space's liveness probe: initial delay and failure threshold.
    var liveness = (delay: 30, failures: 3)
    var spaceMemory: Quantity = "400Mi"
    var spaceCPU: Quantity?
    var nodeSelector: OrderedDictionary<String, String> = [:]
    /// When set, the Space looks for this manager instead of the release's own.
    var managerName: String?
    /// Whether the manager's objects are part of the manifests.
    var includeManager = true

    var managerFullname: String { "\(release)-insightedge-manager" }
    var spaceFullname: String { "\(release)-insightedge-pu" }

    // MARK: Manager

    private var managerLabels: OrderedDictionary<String, String> {
        [
            "app.kubernetes.io/name": "insightedge-manager", "app.kubernetes.io/instance": release,
            "app.kubernetes.io/component": "manager", "app": "insightedge-manager", "release": release,
            "component": "manager", "selectorId": managerFullname,
        ]
    }

    private func metadata(_ name: String, _ labels: OrderedDictionary<String, String>) -> ObjectMeta {
        ObjectMeta(name: name, namespace: namespace, labels: labels)
    }

    var managerObjects: [KubernetesObject] {
        let replicas = managerHA ? 3 : 1
        let headless = Service(
            metadata: metadata("\(managerFullname)-hs", managerLabels),
            spec: ServiceSpec(
                clusterIP: "None", selector: ["selectorId": managerFullname],
                ports: [
                    ServicePort(name: "zk-client", port: 2181, targetPort: "zk-client"),
                    ServicePort(name: "zk-server", port: 2888, targetPort: "zk-server"),
                    ServicePort(name: "zk-leader-election", port: 3888, targetPort: "zk-leader-election"),
                    ServicePort(name: "lus", port: 4174, targetPort: "lus"),
                ],
                publishNotReadyAddresses: true))
        let opens = managerServiceType != .clusterIP
        var ports = [ServicePort(name: "api", port: 8090, targetPort: "api", nodePort: opens ? managerNodePorts.api : nil)]
        if managerLookupPort {
            ports.append(ServicePort(name: "lus", port: 4174, targetPort: "lus", nodePort: opens ? managerNodePorts.lus : nil))
        }
        ports.append(ServicePort(name: "lrmi", port: 8200, targetPort: "lrmi", nodePort: opens ? managerNodePorts.lrmi : nil))
        let client = Service(
            metadata: metadata("\(managerFullname)-service", managerLabels),
            spec: ServiceSpec(type: managerServiceType, selector: ["selectorId": managerFullname], ports: ports))
        let probe = { (delay: Int, period: Int) in
            Probe(httpGet: HTTPGetAction(path: "/v2/info", port: "api"), initialDelaySeconds: delay, periodSeconds: period, failureThreshold: 3)
        }
        let container = Container(
            name: "gigaspaces-container", image: "gigaspaces/insightedge-enterprise:15.5",
            command: ["tools/kubernetes/entrypoint.sh"],
            args: [
                "component=manager", "managerReplicas=\(replicas)", "java.heap=limit-150Mi",
                "release.namespace=\(namespace)", "full.name=\(managerFullname)",
            ],
            ports: [
                ContainerPort(name: "api", containerPort: 8090), ContainerPort(name: "lus", containerPort: 4174),
                ContainerPort(name: "lrmi", containerPort: 8200), ContainerPort(name: "zk-client", containerPort: 2181),
                ContainerPort(name: "zk-server", containerPort: 2888),
                ContainerPort(name: "zk-leader-election", containerPort: 3888),
            ],
            resources: ResourceRequirements(limits: ["memory": "300Mi"]),
            livenessProbe: probe(30, 15), readinessProbe: probe(10, 5))
        let statefulSet = StatefulSet(
            metadata: metadata(managerFullname, managerLabels),
            spec: StatefulSetSpec(
                replicas: replicas, serviceName: "\(managerFullname)-hs",
                selector: LabelSelector(matchLabels: ["selectorId": managerFullname]), podManagementPolicy: .parallel,
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: managerLabels),
                    spec: PodSpec(
                        containers: [container], affinity: antiAffinityTerm(managerFullname, enabled: managerAntiAffinity, topologyKey: managerTopology),
                        nodeSelector: nodeSelector))))
        return [.service(headless), .service(client), .statefulSet(statefulSet)]
    }

    // MARK: Space

    private func spaceLabels(_ partition: Int) -> OrderedDictionary<String, String> {
        [
            "app.kubernetes.io/name": "insightedge-pu", "app.kubernetes.io/instance": release,
            "app.kubernetes.io/component": "space", "app": "insightedge-pu", "release": release,
            "component": "space", "selectorId": "\(spaceFullname)-\(partition)", "partitionId": "\(partition)",
        ]
    }

    private func antiAffinityTerm(_ selectorId: String, enabled: Bool, topologyKey: String? = nil) -> Affinity? {
        guard enabled else { return nil }
        let term = PodAffinityTerm(
            labelSelector: LabelSelector(matchExpressions: [
                LabelSelectorRequirement(key: "selectorId", operator: .in, values: [selectorId])
            ]),
            topologyKey: topologyKey ?? topology)
        return Affinity(podAntiAffinity: PodAffinity(required: [term]))
    }

    var spaceObjects: [KubernetesObject] {
        var objects: [KubernetesObject] = []
        let replicas = ha ? 2 : 1
        objects.append(
            .service(
                Service(
                    metadata: metadata("\(spaceFullname)-hs", spaceLabels(1)),
                    spec: ServiceSpec(
                        clusterIP: "None", selector: ["app": "insightedge-pu", "release": release, "component": "space"],
                        ports: [ServicePort(name: "lrmi", port: 8200, targetPort: "lrmi")]))))
        var serviceIndex = 0
        for partition in 1...partitions where lrmiEnabled {
            for ordinal in 0..<replicas {
                let sts = "\(spaceFullname)-\(partition)"
                let nodePort = spaceServiceType == .clusterIP ? nil : initialNodePort.map { $0 + serviceIndex }
                serviceIndex += 1
                objects.append(
                    .service(
                        Service(
                            metadata: metadata("\(sts)-\(ordinal)-service", spaceLabels(partition)),
                            spec: ServiceSpec(
                                type: spaceServiceType, selector: ["statefulset.kubernetes.io/pod-name": "\(sts)-\(ordinal)"],
                                ports: [ServicePort(name: "lrmi", port: 8200, targetPort: "lrmi", nodePort: nodePort)]))))
            }
        }
        let manager = managerName ?? managerFullname
        for partition in 1...partitions {
            let sts = "\(spaceFullname)-\(partition)"
            var args = [
                "component=pu", "name=\(release)", "partitions=\(partitions)", "ha=\(ha)", "partitionId=\(partition)",
                "license=tryme", "java.heap=limit-150Mi", "manager.name=\(manager)",
            ]
            if lrmiEnabled { args += ["external.lrmi.enabled=true", "lrmi.port=8200"] }
            var limits: OrderedDictionary<String, Quantity> = ["memory": spaceMemory]
            if let spaceCPU { limits["cpu"] = spaceCPU }
            let container = Container(
                name: "pu-container", image: "gigaspaces/insightedge-enterprise:15.5",
                command: ["tools/kubernetes/entrypoint.sh"], args: args,
                ports: [ContainerPort(name: "lrmi", containerPort: 8200)],
                resources: ResourceRequirements(limits: limits),
                livenessProbe: livenessProbe
                    ? Probe(
                        httpGet: HTTPGetAction(path: "/probes/alive", port: 8089), initialDelaySeconds: liveness.delay,
                        periodSeconds: 5, failureThreshold: liveness.failures)
                    : nil,
                readinessProbe: readinessProbe
                    ? Probe(httpGet: HTTPGetAction(path: "/probes/ready", port: 8089), initialDelaySeconds: 30, periodSeconds: 5, failureThreshold: 3)
                    : nil)
            let check = Container(
                name: "check-manager-ready", image: "gigaspaces/insightedge-enterprise:15.5",
                command: ["tools/kubernetes/entrypoint.sh"],
                args: [
                    "component=init", "manager.name=\(manager)", "manager.ports.api=8090",
                    "manager.discoveryTimeoutSeconds=60",
                ])
            objects.append(
                .statefulSet(
                    StatefulSet(
                        metadata: metadata(sts, spaceLabels(partition)),
                        spec: StatefulSetSpec(
                            replicas: replicas, serviceName: "\(spaceFullname)-hs",
                            selector: LabelSelector(matchLabels: ["selectorId": sts]),
                            updateStrategy: StatefulSetUpdateStrategy(type: .rollingUpdate),
                            template: PodTemplateSpec(
                                metadata: ObjectMeta(labels: spaceLabels(partition)),
                                spec: PodSpec(
                                    initContainers: [check], containers: [container],
                                    affinity: antiAffinityTerm(sts, enabled: antiAffinity), nodeSelector: nodeSelector,
                                    terminationGracePeriodSeconds: terminationGracePeriod))))))
        }
        return objects
    }

    var objects: [KubernetesObject] { (includeManager ? managerObjects : []) + spaceObjects + budgets }

    /// The charts' budgets: one for the managers, one per partition's StatefulSet.
    var budgets: [KubernetesObject] {
        guard podDisruptionBudgets else { return [] }
        let selectors = (includeManager ? [managerFullname] : []) + (1...partitions).map { "\(spaceFullname)-\($0)" }
        return selectors.map { selectorId in
            .podDisruptionBudget(
                PodDisruptionBudget(
                    metadata: ObjectMeta(name: selectorId, namespace: namespace),
                    spec: PodDisruptionBudgetSpec(maxUnavailable: .int(1), selector: LabelSelector(matchLabels: ["selectorId": selectorId]))))
        }
    }

    /// The objects as a bundle, as if read from a manifest stream.
    var bundle: ManifestBundle {
        var bundle = ManifestBundle()
        for object in objects {
            switch object {
            case .service(let service): bundle.services.append(service)
            case .statefulSet(let statefulSet): bundle.statefulSets.append(statefulSet)
            case .podDisruptionBudget(let budget): bundle.podDisruptionBudgets.append(budget)
            default: break
            }
        }
        return bundle
    }

    /// The objects as one multi-document YAML stream.
    func yaml() throws -> String {
        try objects.map { "---\n" + (try YAMLWriter().document($0.encoded())) }.joined()
    }
}

/// Runs a simulation of `fixture` with test-friendly defaults.
func simulate(
    _ fixture: GridFixture, nodes: Int = 3, zones: Int = 1, client: ClientPlacement = .external, seed: UInt64 = 1,
    operations: Int = 20, scenarios: [ScenarioName] = [.deploy], failback: Bool = false, keepsHistory: Bool = false
) throws -> SimulationReport {
    var options = SimulationOptions()
    options.cluster = .generated(count: nodes, zones: zones)
    options.client = client
    options.seed = seed
    options.operations = operations
    options.scenarios = scenarios
    options.failback = failback
    options.keepsHistory = keepsHistory
    return try Simulation.run(fixture.bundle, options: options)
}

extension GridFixture {
    /// The HA example: three managers and a four-partition Space, each with required
    /// anti-affinity, readiness and liveness probes, LoadBalancer Services.
    static var haExample: GridFixture {
        var fixture = GridFixture(managerHA: true, partitions: 4)
        fixture.managerAntiAffinity = true
        return fixture
    }
}
