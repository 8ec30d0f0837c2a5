/// Losing a node, as Kubernetes lives through it: the machine stops at once (its processes
/// and network are gone) but the API server does not know yet; after the node monitor
/// grace period the node controller marks it NotReady, taints it unreachable and marks its
/// pods Unknown and not Ready — and a StatefulSet does not replace them, because the old
/// pod might still run (at most one pod per identity). Only when the `Node` object is
/// deleted are its pods deleted and recreated elsewhere. Then a replacement machine joins
/// under the same name, empty.
///
/// The controller owns the machines (`NodeTable`); each step is handed the runtime (and the
/// grid, whose processes die with a machine). The API writes a step leads to — the taint,
/// the pods and the `Node` deleted, the replacement's `Node` — are the world's, in the
/// order the steps return them.
struct NodeLifecycleController: Sendable {
    let timings: Timings
    /// The machines, as the node lifecycle controller knows them.
    var nodes = NodeTable()

    /// The taint the node controller puts on a node that stopped reporting.
    static let unreachableTaint = "node.kubernetes.io/unreachable"

    /// The machine stops. Primaries are stopped first, so that a partition whose backup
    /// was on the same node says so.
    mutating func loseNode(_ name: String, grid: inout GridController, _ context: inout RuntimeContext) {
        guard var node = nodes[name], node.condition == .ready, !node.removed else { return }
        node.condition = .unreachable
        node.incarnation += 1
        nodes[name] = node
        let onNode = context.pods.pods(on: name)
        let primaries = Set(grid.spaces.values.flatMap { $0.partitions.compactMap(\.primary) })
        let ordered = onNode.filter { primaries.contains($0.key) } + onNode.filter { !primaries.contains($0.key) }
        context.faultLog.current?.dyingPods = Set(onNode.map(\.key))
        for pod in ordered {
            var lost = pod
            // The kubelet is gone with the machine: nothing scheduled for the pod happens now.
            lost.stage = .lost
            lost.generation += 1
            context.pods[pod.key] = lost
            grid.applicationStopped(lost, &context)
        }
        context.faultLog.current?.dyingPods = []
        context.progress += 1
        context.schedule(.nodeNotReady(node: name, incarnation: node.incarnation), after: timings.nodeMonitorGracePeriod)
    }

    /// True while the node is still the silent one `incarnation` lost (nothing since).
    func isSilent(_ name: String, incarnation: Int) -> Bool {
        guard let node = nodes[name] else { return false }
        return node.incarnation == incarnation && node.condition == .unreachable
    }

    /// The node controller gives up on the silent node (after the world tainted it): its
    /// pods are Unknown and not Ready, and its `Node` goes after the removal delay.
    func markNotReady(_ name: String, incarnation: Int, _ context: inout RuntimeContext) {
        context.record("node/\(name)", "NodeNotReady", "Node \(name) status is now: NodeNotReady", type: .warning)
        // The pods first, then the changes: changing the table while walking it would copy it per pod.
        let onNode = context.pods.pods(on: name)
        for pod in onNode {
            var unknown = pod
            unknown.phase = .unknown
            unknown.ready = false
            context.pods[pod.key] = unknown
            context.record("pod/\(pod.name)", "NodeNotReady", "Node is not ready", type: .warning)
            context.readinessChanged(unknown)
        }
        context.schedule(.nodeRemoved(node: name, incarnation: incarnation), after: timings.nodeRemoval)
    }

    /// The `Node` object of the silent node is to be deleted: returns the pods bound to it,
    /// which the pod garbage collector deletes, or nil when the node came back meanwhile.
    mutating func remove(_ name: String, incarnation: Int, timeline: inout Timeline, pods: PodTable) -> [String]? {
        guard isSilent(name, incarnation: incarnation), var node = nodes[name] else { return nil }
        node.removed = true
        nodes[name] = node
        timeline.record("node/\(name)", "RemovingNode", "Node \(name) event: Removing Node \(name) from Controller")
        return pods.pods(on: name).map(\.key)
    }

    /// A replacement machine registers under the lost node's name, empty; returns it for
    /// its `Node` object to be created.
    mutating func rejoin(_ name: String, incarnation: Int, _ context: inout RuntimeContext) -> ClusterNode? {
        guard var node = nodes[name], node.incarnation == incarnation, node.removed else { return nil }
        node.removed = false
        node.condition = .ready
        nodes[name] = node
        context.record("node/\(name)", "RegisteredNode", "Node \(name) event: Registered Node \(name) in Controller")
        context.progress += 1
        return node
    }

    /// `kubectl delete node`: the machine is gone from the controller's view.
    mutating func forget(_ name: String) {
        guard var node = nodes[name] else { return }
        node.removed = true
        nodes[name] = node
    }
}
