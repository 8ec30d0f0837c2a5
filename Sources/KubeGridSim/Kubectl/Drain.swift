import KubeGridCore

/// `kubectl drain NODE`, node after node, as a node-pool upgrade runs it: the node is
/// cordoned, every pod on it is evicted through the eviction subresource (so the
/// PodDisruptionBudgets decide), a refused eviction is tried again after 5 s as kubectl
/// does, and kubectl waits (polling every second) until the pods are gone. The drained
/// node then returns upgraded (uncordoned) and the next one is drained at once.
extension World {
    /// How long `kubectl drain` waits before it tries a refused eviction again.
    static let evictionRetry = SimTime.seconds(5)
    /// How often `kubectl drain` looks whether the evicted pods are gone.
    static let drainPoll = SimTime.seconds(1)

    mutating func startDrain(of nodes: [String], first: String) {
        faultLog.draining = nodes
        cordon(first)
        drainStep()
    }

    /// `kubectl cordon NODE`: the scheduler puts no new pod there.
    mutating func cordon(_ name: String) {
        updateNodeObject(name) { $0.unschedulable = true }
        record("node/\(name)", "NodeNotSchedulable", "Node \(name) status is now: NodeNotSchedulable")
    }

    /// `kubectl uncordon NODE`.
    mutating func uncordon(_ name: String) {
        updateNodeObject(name) { $0.unschedulable = false }
        record("node/\(name)", "NodeSchedulable", "Node \(name) status is now: NodeSchedulable")
    }

    /// One pass of the drain of the first node in `faultLog.draining`.
    mutating func drainStep() {
        guard let name = faultLog.draining.first else { return }
        let onNode = pods.values.filter { $0.nodeName == name }
        if onNode.isEmpty {
            record("node/\(name)", "Drained", "node/\(name) drained; it returns upgraded")
            uncordon(name)
            faultLog.draining.removeFirst()
            clusterProgress += 1
            guard let next = faultLog.draining.first else { return }
            cordon(next)
            return drainStep()
        }
        var refused = false
        // The kubelets' view of readiness, as the disruption controller reads pod status;
        // within one pass only the pods evicted in it change.
        var ready = Set(pods.values.filter { $0.isRunningAndReady && $0.stage != .terminating }.map(\.key))
        // The budgets and the pods they select, once per pass: an eviction only marks its pod.
        var budgets: DisruptionBudgetIndex?
        for pod in onNode where pod.stage != .terminating {
            do {
                let healthy = ready
                let index = budgets ?? DisruptionBudgetIndex(api.store)
                budgets = index
                try write { (api: inout APIServer, now: SimTime) throws(APIError) in
                    try api.evict(
                        ObjectKey(.pod, namespace: pod.namespace, pod.name), healthy: { healthy.contains($0) }, budgets: index,
                        at: now)
                }
                ready.remove(pod.key)
                record("pod/\(pod.name)", "Evicted", "evicting pod \(pod.namespace)/\(pod.name)")
            } catch {
                refused = true
                record(
                    "node/\(name)", "EvictionRefused",
                    "error when evicting pods/\"\(pod.name)\" -n \"\(pod.namespace)\" (will retry after 5s): \(error)",
                    type: .warning)
            }
        }
        schedule(.drainStep, after: refused ? Self.evictionRetry : Self.drainPoll)
    }
}
