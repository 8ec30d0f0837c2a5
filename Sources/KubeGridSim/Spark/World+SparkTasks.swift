import KubeGridCore

/// A Spark task: an executor reads one partition of the Space as an internal client — the
/// lookup service at the locator it was given, then the partition's primary at the address
/// it registered — from its own pod, so the NetworkPolicies judge the executor's labels.
/// Its space proxy retries a failed lookup or call every `clientRetryInterval` until
/// `clientRetryTimeout`, as the grid's clients do (a failover is survived there); then the
/// task attempt fails, and after `spark.task.maxFailures` attempts the job.
extension World {
    mutating func sparkTaskRead(driver: String, partition: Int, attempt: Int) {
        guard var run = spark[driver], run.state == .running, let task = run.running[partition], task.attempt == attempt else {
            return
        }
        guard let executor = pods[task.executor], executor.stage == .running else {
            // The executor went: its task runs again elsewhere, not counted as a failure.
            run.running[partition] = nil
            run.pending.append(partition)
            spark[driver] = run
            return
        }
        switch sparkRead(partition: partition, of: run, from: executor) {
        case .success(let objects):
            for (key, value) in objects { run.readSet[KeyID(space: run.spaceKey ?? "", key: key)] = value }
            run.running[partition] = nil
            run.done.insert(partition)
            clusterProgress += 1
            release(task.executor, in: &run)
            spark[driver] = run
            if run.done.count == run.partitions { finishSparkApplication(driver: driver) }
        case .failure(let problem):
            if now + timings.clientRetryInterval <= task.deadline {
                run.running[partition]?.problem = problem.reason
                run.retries += 1
                spark[driver] = run
                return schedule(.sparkTaskRead(driver: driver, partition: partition, attempt: attempt), after: timings.clientRetryInterval)
            }
            let failures = (run.taskFailures[partition] ?? 0) + 1
            run.taskFailures[partition] = failures
            run.running[partition] = nil
            release(task.executor, in: &run)
            let executorID = run.executors[task.executor]?.id ?? 0
            record(
                "pod/\(executor.name)", "SparkTaskFailed",
                "Lost task \(partition - 1).\(attempt - 1) in stage 0.0 (executor \(executorID)): \(problem.reason)", type: .warning)
            if failures >= run.spec.taskMaxFailures {
                run.state = .failed(
                    "Job aborted due to stage failure: Task \(partition - 1) in stage 0.0 failed \(failures) times, most recent "
                        + "failure: executor \(executorID) (\(executor.name)) could not read partition \(partition) of Space "
                        + "\(run.spec.spaceName): \(problem.reason)")
                spark[driver] = run
                return finishSparkApplication(driver: driver)
            }
            run.pending.append(partition)
            spark[driver] = run
        }
    }

    private func release(_ executor: String, in run: inout SparkApplicationRun) {
        guard run.executors[executor] != nil else { return }
        run.executors[executor]?.tasks -= 1
        if run.executors[executor]?.tasks == 0 { run.executors[executor]?.idleSince = now }
    }

    /// The objects of `partition` as the executor in `pod` reads them, or why it cannot.
    func sparkRead(partition: Int, of run: SparkApplicationRun, from pod: Pod) -> Result<[(String, String)], AddressPending> {
        guard let spaceKey = run.spaceKey, let space = grid.spaces[spaceKey] else {
            return .failure(AddressPending(reason: "there is no Space \(run.spec.spaceName)"))
        }
        guard let managerKey = space.managerKey, let ensemble = grid.ensembles[managerKey] else {
            return .failure(AddressPending(reason: "Space \(space.name) names no manager the manifests hold"))
        }
        let source = ClientSource.inPod(clusterView.policyPod(pod))
        let locator: GridAddress
        switch clients.lookupLocator(of: ensemble, placement: .internal, pods: pods, cluster: clusterView) {
        case .success(let found): locator = found
        case .failure(let problem): return .failure(problem)
        }
        if !ensemble.lookupServiceUp {
            return .failure(AddressPending(reason: "cannot reach the lookup service at \(locator): no lookup service is running"))
        }
        if let why = clients.unreachableReason(locator, pod: nil, from: source, pods: pods, cluster: clusterView) {
            return .failure(AddressPending(reason: "cannot reach the lookup service at \(locator): \(why)"))
        }
        guard let primary = grid.primary(of: spaceKey, partition: partition), let registration = ensemble.registrations[primary.podKey]
        else {
            return .failure(AddressPending(reason: "partition \(partition) of Space \(space.name) has no primary"))
        }
        if let why = clients.unreachableReason(registration.address, pod: primary.podKey, from: source, pods: pods, cluster: clusterView) {
            return .failure(AddressPending(reason: "cannot reach the primary \(primary.podName) at \(registration.address): \(why)"))
        }
        var objects: [(String, String)] = []
        for (index, key) in primary.store.keys.enumerated() {
            // Test-only: a reader that misses an object, for the read-set check to catch.
            if options.sparkSkipsReads && index == 0 { continue }
            if let value = primary.store[key] { objects.append((key, value)) }
        }
        return .success(objects)
    }
}
