import KubeGridCore
import OrderedCollections

/// What a Spark driver asks of the cluster, read from its `spark-submit` command line (the
/// Spark contract in KubeGridCore parses it): where its executors run and as whom, how many,
/// how big, and which Space they read.
struct SparkJobSpec: Sendable, Hashable {
    var appName: String
    var namespace: String
    /// The driver's service account: it creates, watches and deletes the executor pods.
    var serviceAccount: String
    var executorImage: String?
    var executorInstances: Int
    var executorCores: Int
    /// What an executor pod requests: `spark.executor.memory` and Spark's overhead (the contract's sum).
    var executorPodMemoryMiB: Int
    var dynamicAllocation: Bool
    var minExecutors: Int
    var maxExecutors: Int
    /// `spark.dynamicAllocation.executorIdleTimeout` (60 s by default).
    var executorIdleTimeout: SimTime = .seconds(60)
    /// `spark.insightedge.space.name`.
    var spaceName: String
    /// `spark.insightedge.space.lookup.locator`.
    var lookupLocators: [String]
    /// `spark.task.maxFailures`: a task that fails this often fails the job.
    var taskMaxFailures = 4
    /// `spark.kubernetes.executor.podNamePrefix`, when set.
    var executorPodNamePrefix: String?

    /// How many executors the driver wants for `tasks` pending or running tasks: Spark's
    /// `ExecutorAllocationManager` asks for enough to run them all at once (cores per
    /// executor each), between the minimum and the maximum; without dynamic allocation,
    /// `spark.executor.instances`.
    func targetExecutors(tasks: Int) -> Int {
        guard dynamicAllocation else { return executorInstances }
        let needed = (tasks + max(executorCores, 1) - 1) / max(executorCores, 1)
        return min(max(needed, minExecutors), maxExecutors)
    }
}

/// One Spark application as its driver runs it: the executors it asked for, the tasks (one
/// per Space partition, as InsightEdge's RDD is partitioned), what the executors read.
struct SparkApplicationRun: Sendable {
    enum State: Sendable, Hashable {
        /// The driver pod is not running yet.
        case waiting
        case running
        case succeeded
        case failed(String)

        var isActive: Bool { self == .waiting || self == .running }
        /// `Succeeded` / `Failed` / `Running` / `Pending`, for `/metrics` and the reports.
        var word: String {
            switch self {
            case .waiting: return "Pending"
            case .running: return "Running"
            case .succeeded: return "Succeeded"
            case .failed: return "Failed"
            }
        }
    }

    /// A task running on an executor: reading one partition.
    struct TaskRun: Sendable {
        var executor: String
        var attempt: Int
        /// When the executor's space proxy gives up on this attempt.
        var deadline: SimTime
        var problem: String?
    }

    /// An executor pod the driver created.
    struct ExecutorRun: Sendable {
        var id: Int
        var tasks = 0
        var idleSince: SimTime
        var removing = false
    }

    let driverKey: String
    /// The driver's Job (`namespace/name`), when a Job made it.
    var jobKey: String?
    var spec: SparkJobSpec
    /// `spark-<uid>`: the `spark-app-selector` label of its pods.
    var appID: String
    var state: State = .waiting
    var startedAt: SimTime?
    var finishedAt: SimTime?
    var spaceKey: String?
    var partitions = 0
    var pending: [Int] = []
    var running: [Int: TaskRun] = [:]
    var done: Set<Int> = []
    var taskFailures: [Int: Int] = [:]
    var executors: OrderedDictionary<String, ExecutorRun> = [:]
    var nextExecutorID = 1
    /// Executors created, and removed by dynamic allocation while the job ran.
    var executorsCreated = 0
    var executorsRemovedIdle = 0
    var peakExecutors = 0
    /// Partition reads retried by the executors' space proxies (a failover, say).
    var retries = 0
    /// Every object the executors read, as read.
    var readSet: [KeyID: String] = [:]
    var reachedTick = false

    var isFinished: Bool { !state.isActive }

    /// Executors not being removed.
    var liveExecutors: Int { executors.values.filter { !$0.removing }.count }
}
