import KubeGridCore
import OrderedCollections

/// The Spark controller's steps, with the world's API server, pods and grid lent to it: the
/// driver's one-second tick (start, executors up and down, tasks onto free cores, the end).
extension World {
    /// The tick of the application driven by `driver`.
    mutating func sparkTick(driver: String) {
        guard var run = spark[driver], run.state.isActive else { return }
        defer { if spark[driver]?.state.isActive == true { schedule(.sparkTick(driver: driver), after: .seconds(1)) } }
        guard let driverPod = pods[driver] else {
            spark[driver]?.state = .failed("the driver pod \(driver) was deleted")
            return
        }
        guard driverPod.stage == .running else { return }
        if run.state == .waiting {
            guard startSparkApplication(&run, driver: driverPod) else {
                spark[driver] = run
                return finishSparkApplication(driver: driver)
            }
        }
        // Dynamic allocation: as many executors as the tasks need, within the bounds.
        let target = run.spec.targetExecutors(tasks: run.pending.count + run.running.count)
        while run.liveExecutors < target {
            guard createExecutor(&run, driver: driverPod) else {
                spark[driver] = run
                return finishSparkApplication(driver: driver)
            }
        }
        removeIdleExecutors(&run, target: target)
        assignTasks(&run, driver: driver)
        spark[driver] = run
        if run.done.count == run.partitions { finishSparkApplication(driver: driver) }
    }

    /// The driver starts its job: it finds the Space to read (its partitions are the job's
    /// tasks). False, with the reason on the run, when it cannot.
    private mutating func startSparkApplication(_ run: inout SparkApplicationRun, driver: Pod) -> Bool {
        let spaces = grid.spaces.values.filter { $0.name == run.spec.spaceName }
        guard let space = spaces.first(where: { $0.namespace == run.spec.namespace }) ?? spaces.first else {
            run.state = .failed(
                "no Space named \(run.spec.spaceName) is deployed (spark.insightedge.space.name); the lookup locators "
                    + "\(run.spec.lookupLocators.joined(separator: ",")) know no such Space")
            return false
        }
        run.state = .running
        run.startedAt = now
        run.spaceKey = space.key
        run.partitions = space.partitionCount
        run.pending = Array(1...space.partitionCount)
        record(
            "pod/\(driver.name)", "SparkJobStarted",
            "Spark application \(run.spec.appName) (\(run.appID)) reads Space \(space.name): \(space.partitionCount) task(s)")
        return true
    }

    /// The driver asks the API server for one more executor pod, as its service account.
    private mutating func createExecutor(_ run: inout SparkApplicationRun, driver: Pod) -> Bool {
        let id = run.nextExecutorID
        let name = SparkExecutorPod.name(run.spec, appID: run.appID, id: id)
        if let forbidden = clusterView.forbidden(by: driver, verb: "create", resource: "pods") {
            run.state = .failed(
                "the driver \(driver.name) could not create executor pods: \(forbidden); give the driver's service account "
                    + "\(run.spec.serviceAccount) a Role that may create, watch and delete pods (the insightedge-spark "
                    + "chart's rbac.create=true)")
            return false
        }
        let parts = SparkExecutorPod.make(run: run, id: id, driver: driver)
        let owner = OwnerReference(kind: .pod, name: driver.name, uid: api.store.get(ObjectKey(.pod, namespace: driver.namespace, driver.name))?.metadata.uid ?? UID(number: 0))
        do {
            try api.create(
                .pod(PodObject(spec: parts.spec)), name: name, namespace: driver.namespace, owners: [owner], labels: parts.labels,
                at: now)
        } catch {
            run.state = .failed("the driver \(driver.name) could not create executor pod \(name): \(error)")
            return false
        }
        let pod = Pod(
            uid: pods.newUID(), name: name, namespace: driver.namespace, labels: parts.labels, spec: parts.spec,
            owner: driver.key, ordinal: id, revision: 0, role: .other, createdAt: now)
        let key = pod.key
        pods[key] = pod
        run.nextExecutorID += 1
        spark.adopt(executor: key, of: driver.key)
        run.executors[key] = SparkApplicationRun.ExecutorRun(id: id, idleSince: now)
        run.executorsCreated += 1
        run.peakExecutors = max(run.peakExecutors, run.liveExecutors)
        record("pod/\(driver.name)", "SparkExecutorRequested", "created executor pod \(name) (executor \(id))")
        // The kubelets' table holds the pod before the controllers hear of it, as for a StatefulSet's.
        deliverChanges()
        return true
    }

    /// Executors idle for the idle timeout go while more run than the work needs (never
    /// below the minimum).
    private mutating func removeIdleExecutors(_ run: inout SparkApplicationRun, target: Int) {
        guard run.spec.dynamicAllocation else { return }
        for (key, executor) in run.executors where !executor.removing && executor.tasks == 0 {
            guard run.liveExecutors > max(target, run.spec.minExecutors), now - executor.idleSince >= run.spec.executorIdleTimeout
            else { continue }
            run.executors[key]?.removing = true
            run.executorsRemovedIdle += 1
            deleteExecutor(key, of: run)
        }
    }

    /// Pending tasks go to running executors with a free core, lowest partition first.
    private mutating func assignTasks(_ run: inout SparkApplicationRun, driver: String) {
        run.pending.sort()
        for (key, executor) in run.executors where !executor.removing && pods[key]?.stage == .running {
            var free = max(run.spec.executorCores, 1) - executor.tasks
            while free > 0, !run.pending.isEmpty {
                let partition = run.pending.removeFirst()
                let attempt = (run.taskFailures[partition] ?? 0) + 1
                run.running[partition] = SparkApplicationRun.TaskRun(
                    executor: key, attempt: attempt, deadline: now + timings.clientRetryTimeout)
                run.executors[key]?.tasks += 1
                free -= 1
                // A scenario waiting for the job to read looks again.
                clusterProgress += 1
                schedule(.sparkTaskRead(driver: driver, partition: partition, attempt: attempt), after: sparkReadTime(run, partition))
            }
        }
    }

    /// A lookup and the reads of a partition's objects, a thousand per call (InsightEdge's
    /// read buffer).
    private func sparkReadTime(_ run: SparkApplicationRun, _ partition: Int) -> SimTime {
        let objects = run.spaceKey.flatMap { grid.primary(of: $0, partition: partition) }?.store.count ?? 0
        return timings.operationLatency * (2 + objects / 1000)
    }

    /// The executor pod goes: deleted by the driver, as its service account, with the grace
    /// period Spark leaves it.
    mutating func deleteExecutor(_ key: String, of run: SparkApplicationRun) {
        guard let pod = pods[key] else { return }
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        if let driver = pods[run.driverKey], let forbidden = clusterView.forbidden(by: driver, verb: "delete", resource: "pods") {
            return record("pod/\(driver.name)", "SparkExecutorNotDeleted", "executor \(pod.name) stays: \(forbidden)", type: .warning)
        }
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            _ = try api.delete(ObjectKey(.pod, namespace: parts[0], parts[1]), gracePeriodSeconds: 30, at: now)
        }
    }

    /// The job is over: its executors go, the driver exits (0 when every partition was read)
    /// and its Job records it; the driver pod holds no resources any more.
    mutating func finishSparkApplication(driver: String) {
        guard var run = spark[driver] else { return }
        if run.state.isActive { run.state = .succeeded }
        clusterProgress += 1
        run.finishedAt = now
        spark[driver] = run
        for key in run.executors.keys { deleteExecutor(key, of: run) }
        let succeeded = run.state == .succeeded
        guard var pod = pods[driver], pod.stage != .terminating else { return }
        let wasRunning = pod.stage == .running
        pod.stage = .exited(exitCode: succeeded ? 0 : 1)
        pod.phase = succeeded ? .succeeded : .failed
        pod.ready = false
        pod.generation += 1
        pods[driver] = pod
        scheduling.podFinished(driver, timeline: &timeline)
        if case .failed(let reason) = run.state {
            record("pod/\(pod.name)", "SparkJobFailed", reason, type: .warning)
        } else if wasRunning {
            record(
                "pod/\(pod.name)", "SparkJobSucceeded",
                "Spark application \(run.spec.appName) read \(run.readSet.count) object(s) from \(run.partitions) partition(s)")
        }
        var message: String?
        if case .failed(let reason) = run.state { message = reason }
        let clockWords = { (time: SimTime) in SparkClock.timestamp(time) }
        jobController.podExited(driver, succeeded: succeeded, message: message, api: &api, at: now, clock: clockWords)
        deliverChanges()
    }
}

/// Timestamps for status fields the simulation writes (virtual time from the epoch, RFC 3339).
enum SparkClock {
    static func timestamp(_ time: SimTime) -> String {
        let seconds = max(time.milliseconds / 1000, 0)
        let (minutes, second) = seconds.quotientAndRemainder(dividingBy: 60)
        let (hours, minute) = minutes.quotientAndRemainder(dividingBy: 60)
        let (days, hour) = hours.quotientAndRemainder(dividingBy: 24)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "1970-01-\(two(days + 1))T\(two(hour)):\(two(minute)):\(two(second))Z"
    }
}
