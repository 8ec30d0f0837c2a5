import KubeGridCore

/// The simulated cluster kept running for `kubegrid serve`: clients write to it as
/// requests arrive, and its clock is moved forward by the caller (wall time × speed)
/// instead of jumping from event to event. At the end `finish` runs `simulate`'s deploy
/// check (workload and checker) over what was deployed.
public struct LiveCluster: Sendable {
    var world: World
    /// Everything applied so far, for the report's inventory.
    private var applied = ManifestBundle()
    /// serve's own reader of the store's changes, for its watches (``takeChanges()``).
    var changes: ChangeFeed.Consumer
    /// The status last reported of each object whose status the kubelets and controllers
    /// keep, to notice when it changes.
    var reportedStatus: [ObjectKey: ReportedStatus] = [:]
    /// Set when events ran or a client wrote since the status was last compared.
    var statusMayHaveChanged = true
    /// Set when a client's write changed a reported status (a node made unreachable): the
    /// next ``takeChanges`` compares status whether or not the caller asked.
    var statusChangedByClient = false
    /// Set when a client created or deleted an object since quota usage was last compared:
    /// only a ResourceQuota's `used` can have changed, and comparing it does not walk the
    /// pods (a write that walked 10,000 pods cut creates from 6,000/s to 2,000/s).
    var quotaUsageMayHaveChanged = false

    public init(options: SimulationOptions) throws(SimulationInputError) {
        var options = options
        // Clients apply the grid's ServiceAccounts and Roles here, so its pods' API calls are
        // authorized as a real cluster authorizes them.
        options.authorizesWorkloads = true
        world = World(options: options, nodes: try options.cluster.build())
        changes = world.api.watch()
    }

    /// The virtual time now.
    public var now: SimTime { world.now }

    /// The warnings and audit annotations of the last write's admission.
    public var lastAdmission: AdmissionNotes { world.api.lastAdmission }

    /// The API server's store (objects, metadata, resourceVersion).
    public var store: ObjectStore { world.api.store }

    /// Runs every event due up to `time` and moves the clock there.
    public mutating func advance(to time: SimTime) {
        guard time > world.now else { return }
        if let next = world.timeline.nextTime, next <= time { statusMayHaveChanged = true }
        world.run(until: time)
    }

    /// Creates the object `manifest` describes, as `kubectl create` sends it: a kind the
    /// simulation runs (Service, StatefulSet, PodDisruptionBudget) or one it only stores.
    public mutating func create(_ manifest: Values) throws -> StoredObject {
        let write = try ManifestWrite(manifest)
        let key = write.key
        // A write can change what a ResourceQuota reports as used.
        quotaUsageMayHaveChanged = true
        if store.get(key) != nil { throw APIError(.alreadyExists, kind: key.kind, name: key.name) }
        try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.create(
                write.body, name: key.name, namespace: key.namespace, finalizers: write.finalizers, labels: write.labels,
                annotations: write.annotations, managedFields: write.managedFields, at: now)
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
    /// been written since. A Node's write cordons or uncordons it (``updateNode``).
    public mutating func replace(_ manifest: Values, resourceVersion: Int?) throws -> StoredObject {
        if manifest.mapValue?["kind"]?.stringValue == "Node", let name = manifest.mapValue?["metadata"]?.mapValue?["name"]?.stringValue {
            let unschedulable: Bool
            if case .bool(let value) = manifest.mapValue?["spec"]?.mapValue?["unschedulable"] { unschedulable = value } else { unschedulable = false }
            return try updateNode(name, unschedulable: unschedulable, resourceVersion: resourceVersion)
        }
        let write = try ManifestWrite(manifest)
        return try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.update(
                write.key, resourceVersion: resourceVersion, at: now,
                metadata: { metadata in
                    metadata.labels = write.labels
                    metadata.annotations = write.annotations
                    metadata.managedFields = write.managedFields
                    // The namespace controller's finalizer is not the client's to remove
                    // (it is served as the spec's).
                    let keeps = metadata.finalizers.contains(Finalizer.namespaceContent) && write.key.kind == .namespace
                    metadata.finalizers = write.finalizers.filter { $0 != Finalizer.namespaceContent || !keeps }
                        + (keeps ? [Finalizer.namespaceContent] : [])
                }, { $0 = write.body })
        }
    }

    /// Deletes an object as `kubectl delete` does: a pod with a grace period of 0
    /// (`--grace-period=0 --force`) is killed at once, as a crash; a node's pods go with it.
    public mutating func delete(
        _ key: ObjectKey, gracePeriodSeconds: Int?, propagation: PropagationPolicy
    ) throws(APIError) -> ObjectStore.Deletion {
        quotaUsageMayHaveChanged = true
        let namespace = key.namespace ?? "default"
        if key.kind == .pod, gracePeriodSeconds == 0, world.pods["\(namespace)/\(key.name)"] != nil, let before = store.get(key) {
            // These two change what the kubelets report at once, not at the next event.
            statusMayHaveChanged = true
            try world.deletePod(named: key.name, namespace: namespace, gracePeriodSeconds: 0)
            return .deleted(before)
        }
        if key.kind == .node, let before = store.get(key) {
            statusMayHaveChanged = true
            try world.deleteNode(key.name)
            return .deleted(before)
        }
        return try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.delete(key, gracePeriodSeconds: gracePeriodSeconds, propagation: propagation, at: now)
        }
    }

    /// What the kubelet reports of a pod (`status`), nil when no kubelet knows it.
    public func podStatus(namespace: String, name: String) -> LivePodStatus? {
        guard let pod = world.pods["\(namespace)/\(name)"] else { return nil }
        return LivePodStatus(
            phase: pod.phase.rawValue, ready: pod.isRunningAndReady, podIP: pod.podIP?.description,
            hostIP: pod.nodeName.flatMap { node in world.nodes.first { $0.name == node }?.internalIP.description },
            startedAt: pod.createdAt, exited: Self.exit(of: pod))
    }

    /// The exit of a run-to-completion pod's containers (a Job's), nil while they run.
    private static func exit(of pod: Pod) -> LivePodStatus.Exit? {
        guard case .exited(let code) = pod.stage else { return nil }
        return LivePodStatus.Exit(
            exitCode: code, reason: code == 0 ? "Completed" : "Error", containers: pod.spec.containers.map(\.name),
            image: pod.spec.containers.first?.image)
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
        var report = SimulationReport.build(world: world, options: options, bundle: applied, scenarios: [scenario])
        report.command = "kubegrid serve"
        return report
    }
}

/// A pod's status as the kubelet reports it.
public struct LivePodStatus: Sendable, Hashable {
    public var phase: String
    public var ready: Bool
    public var podIP: String?
    public var hostIP: String?
    public var startedAt: SimTime
    /// Set once a run-to-completion pod's containers exited: `kubectl get pods` shows
    /// `Completed` (or `Error`) from the containers' terminated state.
    public var exited: Exit? = nil

    public struct Exit: Sendable, Hashable {
        public var exitCode: Int
        /// `Completed` or `Error`, as the kubelet writes it.
        public var reason: String
        public var containers: [String]
        public var image: String?
    }
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
