import OrderedCollections

/// The typed values of the `insightedge-pu` chart.
public struct ProcessingUnitValues: Sendable, Hashable {
    /// Off-heap storage on a persistent volume per Space instance.
    public struct MemoryXtend: Sendable, Hashable {
        public var enabled: Bool
        public var volumeName: String?
        public var mountPath: String?
        public var storage: String?
        public var storageClassName: String?
        public var accessMode: String

        init(_ reader: FieldReader) {
            enabled = reader.bool("enabled")
            volumeName = reader.object("volumeMount").optionalString("name")
            mountPath = reader.object("volumeMount").optionalString("mountPath")
            let claim = reader.object("volumeClaimTemplate")
            storage = claim.optionalString("storage")
            storageClassName = claim.optionalString("storageClassName")
            accessMode = claim.string("accessModes")
        }
    }

    public var resourceUrl: String?
    public var properties: String?
    public var schema: String?
    public var partitions: Int?
    public var instances: Int?
    public var ha: Bool
    public var serviceType: ExposureType
    public var lrmiEnabled: Bool
    public var lrmiPort: Int
    public var initialNodePort: Int?
    public var memoryXtend: MemoryXtend
    public var managerName: String?
    public var managerAPIPort: Int
    public var managerDiscoveryTimeoutSeconds: Int
    public var podDisruptionBudgetEnabled: Bool
    /// Resources of the init container `check-manager-ready`.
    public var initContainerResources: ResourceSettings

    /// What both charts' pods share: image, probes, resources, naming, …
    public var pod: PodSettings

    /// Reads values the processing-unit schema has validated.
    init(validated values: Values) {
        let reader = FieldReader(values)
        pod = PodSettings(reader)
        resourceUrl = reader.optionalString("resourceUrl")
        properties = reader.optionalString("properties")
        schema = reader.optionalString("schema")
        partitions = reader.optionalInt("partitions")
        instances = reader.optionalInt("instances")
        ha = reader.bool("ha")
        let service = reader.object("service")
        serviceType = ExposureType(rawValue: service.string("type")) ?? .loadBalancer
        let lrmi = service.object("lrmi")
        lrmiEnabled = lrmi.bool("enabled")
        lrmiPort = lrmi.int("port")
        initialNodePort = lrmi.optionalInt("initialNodePort")
        memoryXtend = MemoryXtend(reader.object("memoryXtendVolume"))
        let manager = reader.object("manager")
        managerName = manager.optionalString("name")
        managerAPIPort = manager.object("ports").int("api")
        managerDiscoveryTimeoutSeconds = manager.int("discoveryTimeoutSeconds")
        podDisruptionBudgetEnabled = reader.object("podDisruptionBudget").bool("enabled")
        initContainerResources = ResourceSettings(reader.object("initContainer").object("resources"))
    }

    /// A Space instance with external LRMI reads the Kubernetes API for the address a remote
    /// client uses: its own Service (a LoadBalancer's IP) or, for a NodePort, its node.
    public var callsKubernetesAPI: Bool { lrmiEnabled }
    /// Whether the instances read their node (a NodePort's address), which takes a ClusterRole.
    public var readsNodes: Bool { lrmiEnabled && serviceType == .nodePort }

    /// Pods per StatefulSet: a primary and, with `ha`, a backup.
    public var instancesPerPartition: Int { ha ? 2 : 1 }

    /// Per-instance Services, in creation order: partition 1 primary, partition 1 backup, …
    public var instanceServiceCount: Int {
        guard lrmiEnabled else { return 0 }
        if let partitions { return partitions * instancesPerPartition }
        return instances ?? 1
    }

    /// The chart's rules beyond single keys (charts.md).
    func ruleDiagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func error(_ rule: String, _ path: String, _ message: String) {
            diagnostics.append(Diagnostic(.error, rule: rule, path: ValuePath(dotted: path), message))
        }
        if partitions != nil && instances != nil {
            error("KG101", "instances", "cannot be set together with partitions; set partitions for a partitioned Space or instances for a replicated one")
        }
        if ha && partitions == nil {
            error("KG102", "ha", "needs partitions: a backup belongs to a partition; set partitions=N or ha=false")
        }
        if instances != nil && pod.antiAffinity.enabled {
            error("KG103", "antiAffinity.enabled", "applies to partitions, not to instances; set partitions=N or antiAffinity.enabled=false")
        }
        if memoryXtend.enabled {
            for (value, key) in [(memoryXtend.volumeName, "volumeMount.name"), (memoryXtend.mountPath, "volumeMount.mountPath"), (memoryXtend.storage, "volumeClaimTemplate.storage")] where value == nil {
                error("KG104", "memoryXtendVolume.\(key)", "is required when memoryXtendVolume.enabled is true; set it, e.g. memoryXtendVolume.volumeClaimTemplate.storage=10Gi")
            }
            // The claim's size goes into the manifest as written; Kubernetes must be able to read it.
            if let storage = memoryXtend.storage {
                do {
                    _ = try Quantity(storage)
                } catch let problem {
                    error("KG104", "memoryXtendVolume.volumeClaimTemplate.storage", "\(problem)")
                }
            }
        }
        if serviceType == .clusterIP && initialNodePort != nil {
            error("KG106", "service.lrmi.initialNodePort", "a ClusterIP Service has no node ports; remove initialNodePort or set service.type=NodePort")
        }
        if ha && !pod.antiAffinity.enabled {
            diagnostics.append(Diagnostic(
                .warning, rule: "KG105", path: ValuePath(dotted: "ha"),
                "with ha but no anti-affinity a partition's primary and backup may share a node, and a node loss then loses the partition; set antiAffinity.enabled=true"))
        }
        if lrmiEnabled && serviceType == .loadBalancer && instanceServiceCount > 0 {
            diagnostics.append(Diagnostic(
                .info, rule: "KG109", path: ValuePath(dotted: "service.type"),
                "this Space needs \(instanceServiceCount) load balancers, one per Space instance; each costs money in a cloud, consider service.type=NodePort"))
        }
        return diagnostics
    }
}
