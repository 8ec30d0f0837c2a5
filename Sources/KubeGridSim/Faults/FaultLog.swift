/// The kinds of fault a scenario injects.
public enum FaultKind: String, Sendable, CaseIterable {
    /// A pod is deleted at once (`kubectl delete pod --grace-period=0 --force`).
    case killPod = "kill-pod"
    /// A node stops: its processes and network are gone.
    case loseNode = "lose-node"
    /// Every StatefulSet gets a new image tag and rolls.
    case rollingUpdate = "rolling-update"
    /// The Management Pod whose ZooKeeper member leads is killed.
    case killLeadingManager = "kill-leading-manager"
    /// A majority of the Management Pods are killed together.
    case loseQuorum = "lose-quorum"
    /// Nodes are drained one after another through the PodDisruptionBudgets.
    case drainNodes = "drain-nodes"
    /// A Space instance stops responding for a while (a long GC pause), then resumes.
    case pause
    /// The network between some nodes and the rest is cut for a while, then heals.
    case networkPartition = "network-partition"
}

/// An injected fault, as the reports show it.
public struct FaultRecord: Sendable, Hashable {
    /// When it was injected.
    public var time: SimTime
    public var kind: FaultKind
    /// What it hit: a pod, a node, or the StatefulSets rolled.
    public var target: String
    /// What happened, in plain words.
    public var message: String
    /// When everything it touched was back (pods Running and Ready, partitions with a
    /// primary and recovered backups, managers up); nil when it never healed.
    public var healedAt: SimTime?
}

/// A partition losing its primary: the start of an unavailability window, which ends at
/// the first client operation on the partition that succeeds afterwards.
struct PartitionOutage: Sendable {
    var spaceKey: String
    var partition: Int
    var start: SimTime
    /// When the partition had a primary again.
    var primaryBack: SimTime?
}

/// How a partition lost every complete copy of its objects, in plain words.
struct LossNote: Sendable {
    var spaceKey: String
    var partition: Int
    var time: SimTime
    /// What happened: `primary and backup were both on node-1, which was lost`.
    var text: String
    /// Why, when it takes a sentence (said once even when several partitions share it).
    var explanation: String?
    /// What to change so it cannot happen, if a setting would have prevented it.
    var hint: String?
}

/// A span in which a manager release's lookup service, or its ZooKeeper quorum, was down.
struct ManagerOutage: Sendable {
    enum Service: Sendable {
        /// No lookup service (and no REST Manager) answered.
        case lookupService
        /// ZooKeeper had no quorum: no primary could be elected or promoted.
        case quorum
    }

    var ensembleKey: String
    var service: Service
    var start: SimTime
    var end: SimTime?
}

/// The fault being injected: grid events use it to say why a partition lost its data.
struct CurrentFault: Sendable {
    var kind: FaultKind
    /// The node lost, for `loseNode`.
    var node: String?
    /// Pods going down together with the one being stopped.
    var dyingPods: Set<String> = []
}

/// Everything a scenario's faults did, for the checker's reasons and the reports.
struct FaultLog: Sendable {
    var records: [FaultRecord] = []
    var outages: [PartitionOutage] = []
    var lossNotes: [LossNote] = []
    var managerOutages: [ManagerOutage] = []
    var current: CurrentFault?
    /// The nodes a drain has still to empty, the one being drained first.
    var draining: [String] = []
    /// When the drain last emptied a node: a drain still moving is not stuck, so the heal
    /// timeout counts from here (FaultScenario).
    var drainProgressAt: SimTime?
    /// Writes acknowledged by an instance that was not its partition's primary any more.
    var splitBrainAcks: [SplitBrainAck] = []
    /// The network partition in force, if any.
    var isolation: NetworkIsolation?
    /// Partitions nobody served for a whole network partition.
    var partitionNotes: [PartitionNote] = []
}

/// A write acknowledged by a former primary while another instance was primary.
struct SplitBrainAck: Sendable {
    var spaceKey: String
    var partition: Int
    /// The former primary that acknowledged it, and the primary at the time.
    var podName: String
    var primaryName: String
    var time: SimTime
}
