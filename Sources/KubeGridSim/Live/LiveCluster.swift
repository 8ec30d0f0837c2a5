import KubeGridCore

/// The simulated cluster kept running for `kubegrid serve`: clients write to it as
/// requests arrive, and its clock is moved forward by the caller (wall time × speed)
/// instead of jumping from event to event. At the end `finish` runs `simulate`'s deploy
/// check (workload and checker) over what was deployed.
public struct LiveCluster: Sendable {
    var world: World
    /// Everything applied so far, for the report's inventory.
    private var applied = ManifestBundle()

    public init(options: SimulationOptions) throws(SimulationInputError) {
        world = World(options: options, nodes: try options.cluster.build())
    }

    /// The virtual time now.
    public var now: SimTime { world.now }

    /// The API server's store (objects, metadata, resourceVersion).
    public var store: ObjectStore { world.api.store }

    /// Runs every event due up to `time` and moves the clock there.
    public mutating func advance(to time: SimTime) {
        guard time > world.now else { return }
        world.run(until: time)
    }

    /// Creates the object `manifest` describes, as `kubectl create` sends it: a kind the
    /// simulation runs (Service, StatefulSet, PodDisruptionBudget) or one it only stores.
    public mutating func create(_ manifest: Values) throws -> StoredObject {
        let write = try ManifestWrite(manifest)
        let key = write.key
        if store.get(key) != nil { throw APIError(.alreadyExists, kind: key.kind, name: key.name) }
        try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.create(
                write.body, name: key.name, namespace: key.namespace, labels: write.labels, annotations: write.annotations,
                managedFields: write.managedFields, at: now)
        }
        switch write.object {
        case .service(let service): applied.services.append(service)
        case .statefulSet(let statefulSet): applied.statefulSets.append(statefulSet)
        case .podDisruptionBudget(let budget): applied.podDisruptionBudgets.append(budget)
        default: break
        }
        return store.get(key)!
    }

    /// Replaces the object `manifest` describes (`kubectl replace`, a PUT, an applied
    /// patch): refused with Conflict when `resourceVersion` is given and the object has
    /// been written since.
    public mutating func replace(_ manifest: Values, resourceVersion: Int?) throws -> StoredObject {
        let write = try ManifestWrite(manifest)
        return try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.update(
                write.key, resourceVersion: resourceVersion, at: now,
                metadata: { metadata in
                    metadata.labels = write.labels
                    metadata.annotations = write.annotations
                    metadata.managedFields = write.managedFields
                }, { $0 = write.body })
        }
    }

    /// Deletes an object as `kubectl delete` does.
    public mutating func delete(
        _ key: ObjectKey, gracePeriodSeconds: Int?, propagation: PropagationPolicy
    ) throws(APIError) -> ObjectStore.Deletion {
        try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.delete(key, gracePeriodSeconds: gracePeriodSeconds, propagation: propagation, at: now)
        }
    }

    /// What the kubelet reports of a pod (`status`), nil when no kubelet knows it.
    public func podStatus(namespace: String, name: String) -> LivePodStatus? {
        guard let pod = world.pods["\(namespace)/\(name)"] else { return nil }
        return LivePodStatus(
            phase: pod.phase.rawValue, ready: pod.isRunningAndReady, podIP: pod.podIP?.description,
            hostIP: pod.nodeName.flatMap { node in world.nodes.first { $0.name == node }?.internalIP.description },
            startedAt: pod.createdAt)
    }

    /// A Service's allocations: cluster IP, node ports in port order, load balancer IP.
    public func serviceAllocation(namespace: String, name: String) -> ServiceRecord? {
        world.api.services["\(namespace)/\(name)"]
    }

    /// A machine of the cluster, as the node lifecycle controller knows it.
    public func node(named name: String) -> ClusterNode? {
        world.nodes.first { $0.name == name }
    }

    /// Ready pods of a StatefulSet.
    public func readyReplicas(namespace: String, name: String) -> Int {
        world.pods.values.filter { $0.owner == "\(namespace)/\(name)" && $0.isRunningAndReady }.count
    }

    /// Stops the clock where it is and runs `simulate`'s deploy check: the grid's clients
    /// (`--clients`) against the Spaces deployed, then the checker; the report's verdict
    /// says whether every pod that should run is Ready and nothing was lost.
    public mutating func finish(options: SimulationOptions) -> SimulationReport {
        var world = self.world
        let scenario = DeployScenario.run(&world, options: options)
        return SimulationReport.build(world: world, options: options, bundle: applied, scenarios: [scenario])
    }
}

/// A pod's status as the kubelet reports it.
public struct LivePodStatus: Sendable {
    public var phase: String
    public var ready: Bool
    public var podIP: String?
    public var hostIP: String?
    public var startedAt: SimTime
}

/// A request `kubegrid serve` stores no kind for.
public enum LiveClusterError: Error, CustomStringConvertible {
    case unsupportedKind(String)

    public var description: String {
        switch self {
        case .unsupportedKind(let kind): return "the simulator does not run \(kind) objects yet"
        }
    }
}
