/// The full result of `kubegrid simulate`: what ran where, and each scenario's verdict.
public struct SimulationReport: Sendable {
    /// True when every scenario passed.
    public var passed: Bool { scenarios.allSatisfy(\.passed) }
    public var seed: UInt64
    /// The command whose verdict this is (`kubegrid simulate`, `kubegrid serve`): the
    /// text report's first words and the JUnit suite's name.
    public var command = "kubegrid simulate"
    public var client: ClientPlacement
    /// Every node with the pods placed on it after `deploy`.
    public var nodes: [NodeReport]
    /// Pods no node took.
    public var pendingPods: [PodReport]
    /// Every Service the API server accepted, with what it allocated.
    public var services: [ServiceReport]
    /// Objects read but not simulated.
    public var ignored: [ManifestBundle.IgnoredObject]
    public var scenarios: [ScenarioReport]
}

/// A node and its pods.
public struct NodeReport: Sendable, Hashable {
    public var name: String
    public var zone: String
    public var address: String
    public var pods: [PodReport]
}

/// A pod, and what it is to the grid.
public struct PodReport: Sendable, Hashable {
    public var name: String
    /// `kubectl get pods`' STATUS: Pending, Init:0/1, Running, …
    public var status: String
    public var ready: Bool
    public var restarts: Int
    /// `manager`, `primary`, `backup`, `instance` (a Space instance without a role yet), `zeppelin`, or `other`.
    public var role: String
    /// The Space partition, for Space instances.
    public var partition: Int?
}

/// A Service and its allocations.
public struct ServiceReport: Sendable, Hashable {
    public var name: String
    public var type: String
    /// The cluster IP, or `None` for a headless Service.
    public var clusterIP: String
    /// The load balancer IP, `<pending>` while the pool has none, nil for other types.
    public var externalIP: String?
    /// `port/nodePort` for each port that has a node port.
    public var nodePorts: [String]
}

/// One scenario's verdict and numbers.
public struct ScenarioReport: Sendable {
    public var name: String
    public var passed: Bool
    /// Plain-words reasons it failed (empty when it passed).
    public var reasons: [String]
    /// Virtual time the scenario took.
    public var duration: SimTime
    public var podsReady: Int
    public var podsExpected: Int
    public var instancesRegistered: Int
    public var instancesExpected: Int
    public var partitionsReached: Int
    public var partitionsTotal: Int
    public var check: CheckResult
    /// How many operations completed ok, failed, or with unknown outcome (final read excluded).
    public var operationsOK: Int
    public var operationsFailed: Int
    public var operationsUnknown: Int
    /// Seconds each partition could not be served, keyed by partition (`<space>/<p>` with several Spaces).
    public var unavailableSeconds: [(partition: String, seconds: Double)]
    /// Each span a partition could not be served: from losing its primary to the first
    /// client operation on it that succeeded afterwards.
    public var windows: [UnavailabilityWindow]
    /// The faults injected, in order.
    public var faults: [FaultRecord]
    /// Partitions whose every key the final read could read, after the faults healed.
    public var partitionsServing: Int
    /// When the clients started.
    public var clientStart: SimTime
    /// Every Space instance and the address it registered.
    public var instances: [InstanceReport]
    public var events: [ClusterEvent]
    /// The operation history (invoke, ok, fail, info), when the run kept it (see
    /// ``SimulationOptions/keepsHistory``); empty otherwise.
    public var history: History
    /// Client operations completed per slice of the scenario, for its timeline.
    public var completions: CompletionBuckets
    /// What the `isolation` scenario found (nil for the others).
    public var isolation: IsolationFigures? = nil
    /// What each Spark application did in the `spark` scenario (nil for the others).
    public var spark: [SparkFigures]? = nil
}

/// A Space instance as the lookup service lists it.
public struct InstanceReport: Sendable, Hashable {
    public var name: String
    public var space: String
    public var partition: Int
    /// `primary`, `backup`, `recovering`, `awaiting election`, `starting`.
    public var role: String
    /// The registered address, `host:port`; nil while not registered.
    public var address: String?
    /// `LoadBalancer`, `NodePort`, `ClusterIP`, `pod IP`.
    public var addressKind: String?
    /// Whether the scenario's client can reach it.
    public var reachable: Bool
}

/// A span in which a partition could not be served.
public struct UnavailabilityWindow: Sendable, Hashable {
    /// The partition's label, as in ``ScenarioReport/unavailableSeconds``.
    public var partition: String
    public var start: SimTime
    /// When a client operation on it next succeeded; the end of the run if none did.
    public var end: SimTime
    /// False when no operation succeeded before the run ended.
    public var ended: Bool

    /// How long it lasted.
    public var duration: SimTime { end - start }
}
