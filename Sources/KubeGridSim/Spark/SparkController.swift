import KubeGridCore
import OrderedCollections

/// The Spark drivers of the cluster, as one controller: it learns of a driver pod from the
/// change feed (a pod Spark's contract recognises as a driver, with a `spark-submit` it can
/// read), and while the pod runs, acts as that driver does in client mode — through the API
/// server, as the pod's service account — on a one-second tick (Spark's scheduler revive
/// interval and dynamic allocation's backlog timeout are both a second):
///
/// - asks for executor pods (Spark's labels, owned by the driver pod), as many as
///   `spark.executor.instances` or, with dynamic allocation, as the pending tasks need
///   between the minimum and maximum, and gives back executors idle for
///   `executorIdleTimeout` that the work no longer needs;
/// - runs one task per Space partition on the executors' cores: the executor finds the
///   Space through the lookup service and reads the partition from its primary as an
///   internal client (`World+SparkTasks.swift`), its space proxy retrying as the grid's
///   clients do, so a failover during the job only delays it; a task that fails
///   `spark.task.maxFailures` times fails the job with the reason;
/// - when every partition is read, deletes its executors and exits: the driver pod is
///   Succeeded (`Completed`), its Job complete, and it no longer holds its node's resources.
///
/// The controller owns the applications; the world lends it the pods and the API server for
/// each step (`World+Spark.swift`).
struct SparkController: Sendable {
    /// Its watch of pods.
    let changes: ChangeFeed.Consumer
    /// The applications, by driver pod key, in the order their drivers appeared.
    private(set) var applications: OrderedDictionary<String, SparkApplicationRun> = [:]
    /// The application of each executor pod key.
    private(set) var driverOfExecutor: [String: String] = [:]

    init(changes: ChangeFeed.Consumer) {
        self.changes = changes
    }

    /// A driver pod appears (its application is registered and ticks from now on), an
    /// executor pod goes (its task, if any, runs again elsewhere).
    mutating func observe(_ event: WatchEvent, timeline: inout Timeline) {
        guard case .pod(let object) = event.object.body else { return }
        let metadata = event.object.metadata
        let key = "\(metadata.namespace ?? "default")/\(metadata.name)"
        switch event.type {
        case .added:
            guard applications[key] == nil,
                let spec = SparkDriverRecognition.spec(
                    of: object.spec, labels: metadata.labels, namespace: metadata.namespace ?? "default")
            else { return }
            let appID = metadata.labels[SparkDriverRecognition.appSelectorLabel] ?? "spark-\(metadata.uid.description.replacingOccurrences(of: "-", with: ""))"
            let jobName = metadata.labels["job-name"]
            applications[key] = SparkApplicationRun(
                driverKey: key, jobKey: jobName.map { "\(metadata.namespace ?? "default")/\($0)" }, spec: spec, appID: appID)
            timeline.schedule(.sparkTick(driver: key), after: .seconds(1))
        case .deleted:
            if let driver = driverOfExecutor.removeValue(forKey: key) { executorGone(key, of: driver) }
        case .modified:
            break
        }
    }

    /// The application driven by `driver`.
    subscript(driver: String) -> SparkApplicationRun? {
        get { applications[driver] }
        set { applications[driver] = newValue }
    }

    /// Notes an executor pod the driver created, to hear when it goes.
    mutating func adopt(executor podKey: String, of driver: String) {
        driverOfExecutor[podKey] = driver
    }

    /// An executor pod is gone: a task it ran is pending again (an executor lost is not
    /// the task's failure, as in Spark).
    private mutating func executorGone(_ podKey: String, of driver: String) {
        guard var run = applications[driver] else { return }
        run.executors[podKey] = nil
        for (partition, task) in run.running where task.executor == podKey {
            run.running[partition] = nil
            if run.state == .running { run.pending.append(partition) }
        }
        applications[driver] = run
    }

    /// Executor pods not yet deleted.
    var executorsLeft: Int { driverOfExecutor.count }

    /// Executors running across the applications that still run (for `/metrics`).
    func executorsRunning(_ pods: PodTable) -> Int {
        var count = 0
        for run in applications.values where run.state.isActive {
            for key in run.executors.keys where pods[key]?.stage == .running { count += 1 }
        }
        return count
    }

    /// Applications by state word (`Pending`, `Running`, `Succeeded`, `Failed`).
    var applicationsByState: OrderedDictionary<String, Int> {
        var counts: OrderedDictionary<String, Int> = ["Pending": 0, "Running": 0, "Succeeded": 0, "Failed": 0]
        for run in applications.values { counts[run.state.word, default: 0] += 1 }
        return counts
    }
}
