/// Everything a simulation run can be told (the `kubegrid simulate` flags).
public struct SimulationOptions: Sendable {
    /// The nodes: `--nodes`/`--zones`, or `--cluster FILE`.
    public var cluster: ClusterShape = .generated(count: 3, zones: 1)
    /// `--seed`: the same seed gives the same run, byte for byte.
    public var seed: UInt64 = 1
    /// `--client`: where the clients run.
    public var client: ClientPlacement = .external
    /// `--clients`: how many clients work at once.
    public var clients = 1
    /// `--ops`: how many operations the clients run (besides one write and read per partition).
    public var operations = 100
    /// `--scenario`: what to run, in order.
    public var scenarios: [ScenarioName] = [.deploy]
    /// `--scenario all` was asked for: `spark` runs too when the manifests hold a Spark driver.
    public var sparkWhenPresent = false
    /// The LoadBalancer IP pool.
    public var loadBalancerPool = IPv4Range("203.0.113.0/24")!
    /// How long `deploy` waits for everything to be Running and Ready.
    public var deployTimeout = SimTime.seconds(600)
    /// How long things take; `timings.failureDetection` is `--detection-delay`.
    public var timings = Timings()
    /// `--failback`: once the original primary has recovered as backup, it becomes primary again.
    public var failback = false
    /// Keep every client operation of each scenario in its report's `history`. Off by
    /// default: the checker and the reports work as the operations stream by, so memory
    /// does not grow with `--ops`; tests that look at single operations turn it on.
    public var keepsHistory = false
    /// `--history FILE`: every client operation is written there as it happens.
    public var historyFile: HistoryFile?
    /// Pods that call the Kubernetes API (a Space instance reading its Service or node for
    /// its external address) are authorized by RBAC as their service account
    /// (`Grid/WorkloadAPIAccess`). On from the command line (`simulate` and `serve` run whole
    /// renders, Roles included); off by default for tests that build a world from
    /// StatefulSets and Services alone.
    public var authorizesWorkloads = false
    /// Test-only: writes are acknowledged without reaching the backups, so the checker can
    /// be shown to catch a broken replication. Not reachable from the command line.
    var brokenReplication = false
    /// Test-only: an instance that resumes from a pause keeps acting as primary without
    /// asking ZooKeeper whether it still is, so the checker can be shown to catch two
    /// primaries acknowledging writes. Not reachable from the command line.
    var unfenced = false
    /// Test-only: Spark executors skip the first object of every partition they read, so the
    /// `spark` scenario's read-set check can be shown to catch a job that missed writes.
    var sparkSkipsReads = false

    public init() {}
}

/// The scenarios `kubegrid simulate` runs.
public enum ScenarioName: String, Sendable, CaseIterable {
    /// Apply, schedule, start; a client writes and reads every partition.
    case deploy
    /// Kill each primary in turn under load.
    case failover
    /// Lose each node in turn under load.
    case nodeLoss = "node-loss"
    /// Change the image tag and roll every StatefulSet.
    case rollingUpgrade = "rolling-upgrade"
    /// Kill the leading manager, then a primary while it is gone.
    case managerLoss = "manager-loss"
    /// Drain every node in turn through the PodDisruptionBudgets, as a node-pool upgrade does.
    case drain
    /// Pause each primary in turn for longer than the failure detection delay (a long GC
    /// pause); it resumes believing it is still primary.
    case pause
    /// Cut each node (each zone, with several) off from the rest of the cluster for a while.
    case partition
    /// A client in each tenant namespace tries every Space through the NetworkPolicies:
    /// its own answers, every other tenant's is blocked. Not part of `all`.
    case isolation
    /// Once clients have written to the Space, submit the Spark driver Jobs of the manifests:
    /// the driver creates executors as its service account, they read every partition through
    /// the lookup service while a primary fails over; the job must complete and have read
    /// every write acknowledged before it started. In `all` when the manifests hold a driver.
    case spark

    /// The scenarios `--scenario all` runs: every one but `isolation`, which asks for
    /// several releases in tenant namespaces.
    public static var all: [ScenarioName] { allCases.filter { $0 != .isolation && $0 != .spark } }
}
