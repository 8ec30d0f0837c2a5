/// Why a pod fits on no node, and the `FailedScheduling` message kube-scheduler writes for it.
///
/// The message follows kube-scheduler's `FitError.Error()` and its DefaultPreemption
/// post-filter (Kubernetes 1.31 and later): one "count reason" per distinct reason, sorted
/// as strings, then what preemption found. Every pod here has the default priority 0, so
/// preemption never finds a victim: nodes that failed a filter preemption could help
/// with (resources, anti-affinity) report "No preemption victims found for incoming pod",
/// the others "Preemption is not helpful for scheduling".
public struct FitFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// How many nodes the cluster has.
    public var nodeCount: Int
    /// Each filter reason and on how many nodes it failed.
    public var reasonCounts: [String: Int]
    /// How many nodes failed only with reasons that evicting pods could cure.
    public var resolvableNodes: Int

    /// kube-scheduler's reasons, word for word.
    public enum Reason {
        public static let unschedulable = "node(s) were unschedulable"
        public static let nodeSelector = "node(s) didn't match Pod's node affinity/selector"
        public static let tooManyPods = "Too many pods"
        public static let insufficientCPU = "Insufficient cpu"
        public static let insufficientMemory = "Insufficient memory"
        public static let antiAffinity = "node(s) didn't match pod anti-affinity rules"
        public static let existingAntiAffinity = "node(s) didn't satisfy existing pods anti-affinity rules"
        /// The taint a node carries, such as `node.kubernetes.io/unreachable`.
        public static func untoleratedTaint(_ key: String, value: String = "") -> String {
            "node(s) had untolerated taint {\(key): \(value)}"
        }
    }

    static let noVictims = "No preemption victims found for incoming pod"
    static let preemptionNotHelpful = "Preemption is not helpful for scheduling"

    /// The event message, e.g. `0/3 nodes are available: 1 Insufficient memory, 2 node(s)
    /// didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No
    /// preemption victims found for incoming pod.`
    public var message: String {
        if nodeCount == 0 { return "no nodes available to schedule pods" }
        var message = "0/\(nodeCount) nodes are available: "
        message += Self.histogram(reasonCounts) + "."
        let preemption = [Self.noVictims: resolvableNodes, Self.preemptionNotHelpful: nodeCount - resolvableNodes]
        message += " preemption: 0/\(nodeCount) nodes are available: " + Self.histogram(preemption) + "."
        return message
    }

    /// "count reason" for every reason with a count, sorted byte-wise as Go's `sort.Strings` does.
    static func histogram(_ counts: [String: Int]) -> String {
        counts.filter { $0.value > 0 }
            .map { "\($0.value) \($0.key)" }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .joined(separator: ", ")
    }

    public var description: String { message }

    /// The count of one reason.
    public func count(of reason: String) -> Int { reasonCounts[reason] ?? 0 }
}
