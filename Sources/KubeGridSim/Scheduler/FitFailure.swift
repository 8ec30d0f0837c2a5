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
    public var reasonCounts: [Reason: Int]
    /// How many nodes failed only with reasons that evicting pods could cure.
    public var resolvableNodes: Int

    /// Why a filter refused a node: what diagnosis reasons about, worded as kube-scheduler words it.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        case unschedulable
        case nodeSelector
        case tooManyPods
        case insufficientCPU
        case insufficientMemory
        case antiAffinity
        case existingAntiAffinity
        /// The taint a node carries, such as `node.kubernetes.io/unreachable`.
        case untoleratedTaint(key: String, value: String = "")

        public var description: String {
            switch self {
            case .unschedulable: return "node(s) were unschedulable"
            case .nodeSelector: return "node(s) didn't match Pod's node affinity/selector"
            case .tooManyPods: return "Too many pods"
            case .insufficientCPU: return "Insufficient cpu"
            case .insufficientMemory: return "Insufficient memory"
            case .antiAffinity: return "node(s) didn't match pod anti-affinity rules"
            case .existingAntiAffinity: return "node(s) didn't satisfy existing pods anti-affinity rules"
            case .untoleratedTaint(let key, let value): return "node(s) had untolerated taint {\(key): \(value)}"
            }
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
        message += Self.histogram(Dictionary(uniqueKeysWithValues: reasonCounts.map { ("\($0.key)", $0.value) })) + "."
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
    public func count(of reason: Reason) -> Int { reasonCounts[reason] ?? 0 }

    /// True when some node failed for one of `reasons`.
    public func failed(for reasons: Reason...) -> Bool { reasons.contains { count(of: $0) > 0 } }
}
