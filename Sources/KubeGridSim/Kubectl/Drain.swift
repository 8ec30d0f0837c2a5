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
        faultLog.drainProgressAt = now
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
        let onNode = pods.pods(on: name)
        if onNode.isEmpty {
            record("node/\(name)", "Drained", "node/\(name) drained; it returns upgraded")
            uncordon(name)
            faultLog.draining.removeFirst()
            faultLog.drainProgressAt = now
            clusterProgress += 1
            guard let next = faultLog.draining.first else { return }
            cordon(next)
            return drainStep()
        }
        var refused = false
        let evicting = onNode.filter { $0.stage != .terminating }
        var ready = readiness(concerning: evicting)
        for pod in evicting {
            do {
                let healthy = ready
                try write { (api: inout APIServer, now: SimTime) throws(APIError) in
                    try api.evict(
                        ObjectKey(.pod, namespace: pod.namespace, pod.name), healthy: { healthy.contains($0) }, at: now)
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

    /// The kubelets' view of readiness, as the disruption controller reads pod status, of
    /// the pods an eviction of `evicting` asks about: each, and the pods of the budgets that
    /// select it. Taken as a pass begins: within one pass only the pods evicted in it
    /// change, and a pod created meanwhile is not Ready yet.
    private func readiness(concerning evicting: [Pod]) -> Set<String> {
        var asked: [String] = []
        for pod in evicting {
            asked.append(pod.key)
            guard let stored = api.store.get(ObjectKey(.pod, namespace: pod.namespace, pod.name)) else { continue }
            for budget in api.store.disruptionBudgets(selecting: stored) {
                asked += budget.pods.map { "\($0.namespace ?? "default")/\($0.name)" }
            }
        }
        return Set(asked.filter { key in pods[key].map { $0.isRunningAndReady && $0.stage != .terminating } ?? false })
    }
}
