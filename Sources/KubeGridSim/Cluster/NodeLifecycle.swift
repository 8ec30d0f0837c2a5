/// Losing a node, as Kubernetes lives through it: the machine stops at once (its processes
/// and network are gone) but the API server does not know yet; after the node monitor
/// grace period the node controller marks it NotReady, taints it unreachable and marks its
/// pods Unknown and not Ready — and a StatefulSet does not replace them, because the old
/// pod might still run (at most one pod per identity). Only when the `Node` object is
/// deleted are its pods deleted and recreated elsewhere. Then a replacement machine joins
/// under the same name, empty.
extension World {
    /// The node stops. Primaries are stopped first, so that a partition whose backup was
    /// on the same node says so.
    mutating func loseNode(_ name: String) {
        guard var node = nodes[name], node.condition == .ready, !node.removed else { return }
        node.condition = .unreachable
        node.incarnation += 1
        nodes[name] = node
        let onNode = pods.values.filter { $0.nodeName == name }
        let primaries = Set(grid.spaces.values.flatMap { $0.partitions.compactMap(\.primary) })
        let ordered = onNode.filter { primaries.contains($0.key) } + onNode.filter { !primaries.contains($0.key) }
        faultLog.current?.dyingPods = Set(onNode.map(\.key))
        for pod in ordered {
            var lost = pod
            // The kubelet is gone with the machine: nothing scheduled for the pod happens now.
            lost.stage = .lost
            lost.generation += 1
            pods[pod.key] = lost
            withGrid { $0.applicationStopped(lost, &$1) }
        }
        faultLog.current?.dyingPods = []
        clusterProgress += 1
        schedule(.nodeNotReady(node: name, incarnation: node.incarnation), after: timings.nodeMonitorGracePeriod)
    }

    /// The node controller gives up on the silent node.
    mutating func nodeNotReady(_ name: String, incarnation: Int) {
        guard let node = nodes[name], node.incarnation == incarnation, node.condition == .unreachable else { return }
        updateNodeObject(name) { $0.taints = [Self.unreachableTaint] }
        record("node/\(name)", "NodeNotReady", "Node \(name) status is now: NodeNotReady", type: .warning)
        // The pods first, then the changes: changing the table while walking it would copy it per pod.
        let onNode = pods.values.filter { $0.nodeName == name }
        for pod in onNode {
            var unknown = pod
            unknown.phase = .unknown
            unknown.ready = false
            pods[pod.key] = unknown
            record("pod/\(pod.name)", "NodeNotReady", "Node is not ready", type: .warning)
            podChanged(unknown)
        }
        schedule(.nodeRemoved(node: name, incarnation: incarnation), after: timings.nodeRemoval)
    }

    /// The `Node` object is deleted: the pod garbage collector deletes its pods, and their
    /// StatefulSets create them again on the nodes left.
    mutating func nodeRemoved(_ name: String, incarnation: Int) {
        guard var node = nodes[name], node.incarnation == incarnation, node.condition == .unreachable else { return }
        node.removed = true
        nodes[name] = node
        record("node/\(name)", "RemovingNode", "Node \(name) event: Removing Node \(name) from Controller")
        let onNode = pods.values.filter { $0.nodeName == name }.map(\.key)
        for key in onNode {
            deletePod(key, reason: "Deleting pod bound to removed node \(name)", eventReason: "PodGC")
        }
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in try api.delete(ObjectKey(.node, name), at: now) }
        schedule(.nodeRejoined(node: name, incarnation: incarnation), after: timings.nodeReplacement)
    }

    /// A replacement machine registers under the lost node's name, empty.
    mutating func nodeRejoined(_ name: String, incarnation: Int) {
        guard var node = nodes[name], node.incarnation == incarnation, node.removed else { return }
        node.removed = false
        node.condition = .ready
        nodes[name] = node
        record("node/\(name)", "RegisteredNode", "Node \(name) event: Registered Node \(name) in Controller")
        clusterProgress += 1
        createNodeObject(node)
    }

    /// The taint the node controller puts on a node that stopped reporting.
    static let unreachableTaint = "node.kubernetes.io/unreachable"

    /// A machine registers its `Node` object.
    mutating func createNodeObject(_ node: ClusterNode) {
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.create(.node(NodeObject(labels: node.labels, unschedulable: node.unschedulable)), name: node.name, at: now)
        }
    }

    mutating func updateNodeObject(_ name: String, _ change: (inout NodeObject) -> Void) {
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.update(ObjectKey(.node, name), at: now) { body in
                if case .node(var node) = body {
                    change(&node)
                    body = .node(node)
                }
            }
        }
    }
}
