/// A fault a scenario injects. Targets are resolved when the fault is injected, so a
/// schedule can be written before anyone knows which pod is primary.
public enum Fault: Sendable, Hashable {
    /// Kill the pod that is primary of `partition` (1-based) of Space `space`
    /// (`namespace/name`; nil for the first Space).
    case killPrimary(space: String? = nil, partition: Int)
    /// Kill a pod by name.
    case killPod(String)
    /// Lose a node: it stops at once; Kubernetes notices, removes it, and a replacement joins.
    case loseNode(String)
    /// Give every StatefulSet's containers a new image tag (the old one with `-upgrade`)
    /// and let them roll.
    case rollingUpdate
    /// Kill the Management Pod whose ZooKeeper member leads.
    case killLeadingManager
    /// Kill a majority of the Management Pods at once.
    case loseQuorum
    /// Drain these nodes one after another, as a node-pool upgrade does: cordon, evict
    /// every pod through the PodDisruptionBudgets, and once it is empty the node returns
    /// upgraded and the next one is drained.
    case drainNodes([String])
    /// Pause the primary of `partition` of Space `space` for `Timings.pause`.
    case pausePrimary(space: String? = nil, partition: Int)
    /// Cut the pod network between `nodes` and the rest of the cluster for
    /// `Timings.isolation`; `label` names them in the report (a node, or a zone).
    case isolate(nodes: [String], label: String)
}

/// One step of a fault scenario: faults injected at offsets from the step's start, after
/// which the scenario waits until everything they touched is whole again.
public struct FaultStep: Sendable {
    public var faults: [(offset: SimTime, fault: Fault)]

    public init(_ faults: [(offset: SimTime, fault: Fault)]) {
        self.faults = faults
    }

    /// A step of one fault.
    public static func single(_ fault: Fault) -> FaultStep {
        FaultStep([(.zero, fault)])
    }
}
