/// One Space (one Processing Unit deployment): its partitions and their instances.
struct SpaceState: Sendable {
    /// `namespace/name`.
    var key: String
    var name: String
    var namespace: String
    /// The manager ensemble it registers with (`namespace/manager.name`).
    var managerKey: String?
    /// The number of partitions (1 for a non-partitioned Space).
    var partitionCount: Int
    /// Whether each partition has a backup.
    var ha: Bool
    /// Partitions 1…partitionCount, at index partition - 1.
    var partitions: [PartitionState]

    init(key: String, name: String, namespace: String, managerKey: String?, partitionCount: Int, ha: Bool) {
        self.key = key
        self.name = name
        self.namespace = namespace
        self.managerKey = managerKey
        self.partitionCount = partitionCount
        self.ha = ha
        partitions = (1...max(partitionCount, 1)).map { PartitionState(id: $0) }
    }

    /// Instances a fully deployed Space has.
    var expectedInstances: Int { partitionCount * (ha ? 2 : 1) }
}

/// One partition: which instance is primary, which are backups.
struct PartitionState: Sendable {
    var id: Int
    /// The primary's pod key.
    var primary: String?
    /// Backups' pod keys, in the order they joined.
    var backups: [String] = []
    /// Registered instances waiting for a leader election (no quorum yet).
    var awaitingElection: [String] = []
    /// Set once a missing quorum blocked an election, so the event is logged once per wait.
    var electionBlockedReported = false
    /// Bumped whenever the primary changes, so a detection or failback planned for an
    /// earlier primary is dropped.
    var epoch = 0
    /// Times the primary role moved to another running instance: a backup promoted after
    /// a loss, a hand-off at shutdown, a failback (`kubegrid serve`'s `/metrics`).
    var failovers = 0
    /// The primary is gone and its backups have not noticed yet (failure detection).
    var detectionPending = false
    /// When the partition last lost its primary.
    var primaryLostAt: SimTime?
    /// The pod first elected primary, which takes the role back with `--failback`.
    var originalPrimary: String?
    /// An instance that resumed from a pause believing it is still primary and announced
    /// itself so, while another was promoted: only without fencing (a test-only switch).
    var claimant: String?
}

/// The Space instance running in one pod.
struct SpaceInstance: Sendable {
    /// What the instance is doing in its partition.
    enum State: Sendable, Hashable {
        /// Started; looking for the lookup service.
        case starting
        /// Registered; waiting for ZooKeeper to elect a primary.
        case awaitingElection
        /// The partition's primary.
        case primary
        /// A backup copying the primary's objects.
        case recovering
        /// A backup with every object.
        case backup
    }

    var podKey: String
    var podName: String
    var uid: Int
    var spaceKey: String
    var partition: Int
    var state: State = .starting
    /// The registered address, once registered.
    var address: GridAddress?
    /// Why it has not registered yet, in plain words.
    var waitingFor: String?
    /// The objects it holds: routing key to value.
    var store = SpaceObjects()
    /// Counts recoveries, so the end of an abandoned one is not taken for the current one's.
    var recoveryAttempt = 0
    /// Until when it does not answer (a long GC pause); it believes nothing changed meanwhile.
    var pausedUntil: SimTime?

    /// `/probes/ready`: a primary, or a backup that has recovered.
    var isReady: Bool { state == .primary || state == .backup }
}
