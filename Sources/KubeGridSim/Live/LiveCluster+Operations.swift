import KubeGridCore

/// What `kubegrid serve`'s subresources and node writes do to the live cluster: evictions
/// (`kubectl drain`), scaling (`kubectl scale`), cordoning and node loss, pod logs.
extension LiveCluster {
    /// `POST pods/NAME/eviction`: the pod is deleted with its grace period if every
    /// PodDisruptionBudget that selects it allows one more disruption (429 otherwise).
    public mutating func evict(_ key: ObjectKey) throws(APIError) {
        let ready = Set(world.pods.values.filter { $0.isRunningAndReady && $0.stage != .terminating }.map(\.key))
        try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.evict(key, healthy: { ready.contains($0) }, at: now)
        }
        world.record("pod/\(key.name)", "Evicted", "evicting pod \(key.namespace ?? "default")/\(key.name)")
    }

    /// `statefulsets/NAME/scale`: sets the replicas (refused with Conflict when
    /// `resourceVersion` is given and stale).
    public mutating func scale(_ key: ObjectKey, replicas: Int, resourceVersion: Int?) throws(APIError) -> StoredObject {
        guard replicas >= 0 else {
            throw APIError.invalid(key.kind, key.name, [.invalid("spec.replicas", replicas, "must be greater than or equal to 0")])
        }
        return try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.update(key, resourceVersion: resourceVersion, at: now) { body in
                guard case .statefulSet(var statefulSet) = body else { return }
                statefulSet.spec.replicas = replicas
                body = .statefulSet(statefulSet)
            }
        }
    }

    /// A PUT or PATCH of a Node: `spec.unschedulable` cordons or uncordons it
    /// (`kubectl cordon`, `kubectl drain`, `kubectl uncordon`); nothing else of a node is
    /// the user's to change.
    public mutating func updateNode(_ name: String, unschedulable: Bool, resourceVersion: Int?) throws(APIError) -> StoredObject {
        let key = ObjectKey(.node, name)
        guard let stored = store.get(key), case .node(let node) = stored.body else {
            throw APIError(.notFound, kind: .node, name: name)
        }
        if let resourceVersion, resourceVersion != stored.metadata.resourceVersion {
            throw APIError(.conflict, kind: .node, name: name)
        }
        if unschedulable != node.unschedulable {
            if unschedulable { world.cordon(name) } else { world.uncordon(name) }
            world.deliverChanges()
        }
        return store.get(key) ?? stored
    }

    /// The node stops answering, as a machine that crashed or was cut off does: its pods
    /// stop, and after the node monitor grace period the node controller marks it
    /// NotReady and later removes it (how `kubegrid serve` lets a user lose a node without
    /// deleting it: a status patch that sets its Ready condition to Unknown or False).
    public mutating func loseNode(_ name: String) throws(APIError) {
        // The node's Ready condition changes now, not when the next event runs.
        statusMayHaveChanged = true
        try world.makeNodeUnreachable(name)
        // The node's Ready condition changed outside the store: compared at the next
        // ``takeChanges``, so the write's own answer and the reads after it see it.
        statusMayHaveChanged = true
        statusChangedByClient = true
    }

    /// A pod's log lines, oldest first, each with its number (for `-f`) and time.
    public func logLines(namespace: String, pod name: String) -> [PodLogLine] {
        let key = "\(namespace)/\(name)"
        guard let pod = world.pods[key] else { return [] }
        return world.timeline.podLogs.lines(key, uid: pod.uid).map { PodLogLine(number: $0.number, time: $0.time, text: $0.text) }
    }

    /// The container names of a pod's spec, in order (`kubectl logs -c` checks them).
    public func containerNames(namespace: String, pod name: String) -> [String] {
        guard case .pod(let pod) = store.get(ObjectKey(.pod, namespace: namespace, name))?.body else { return [] }
        return pod.spec.containers.map(\.name)
    }

    /// What the REST Manager behind `service` answers to `path`, nil when the Service
    /// fronts no manager.
    public func restManagerAnswer(namespace: String, service: String, method: String, path: String) -> RESTManagerAnswer? {
        world.restManagerAnswer(namespace: namespace, service: service, method: method, path: path)
    }
}

/// One line of a pod's log.
public struct PodLogLine: Sendable {
    public let number: Int
    public let time: SimTime
    public let text: String
}
