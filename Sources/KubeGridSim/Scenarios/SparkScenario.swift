/// Scenario `spark`: clients write to the Space; then the manifests' Spark driver Jobs are
/// submitted. Each driver creates its executors through the API server as its service
/// account, the executors read every partition through the lookup service as internal
/// clients, and as soon as the job reads, the primary of partition 1 is killed: the
/// executors' proxies wait out the failover. It passes when every job completes (driver
/// `Completed`, executors deleted) and read every write acknowledged before it started.
/// It fails with the driver's reason otherwise: RBAC refusing the executors' creation, or
/// executors with no route to the Space.
enum SparkScenario {
    static func run(
        _ world: inout World, bundle: ManifestBundle, options: SimulationOptions,
        progress: (SimulationProgress) -> Void = { _ in }
    ) -> ScenarioReport {
        let name = ScenarioName.spark.rawValue
        world.run(until: options.deployTimeout) { $0.isSettled }
        guard bundle.hasSparkDriver else {
            return ScenarioReport.build(
                name: name, world: world,
                reasons: [
                    "the manifests hold no Spark driver: render the insightedge-spark chart with the grid "
                        + "(kubegrid render insightedge-spark --set space.name=…) and simulate both"
                ], check: CheckResult(), clientStart: world.now)
        }
        // The data first: the clients write (and read) as in deploy, keeping the history
        // the read-set check needs.
        let clientStart = world.now
        world.clients.scenario = name
        world.clients.keepsHistory = true
        let spaces = world.grid.spaces.values.map { (key: $0.key, partitions: $0.partitionCount) }
        let plan = WorkloadPlan(spaces: spaces, operations: options.operations, random: world.random.derived(7))
        world.withClients { $0.start(count: options.clients, plan: plan, grid: &$1, &$2) }
        let perOperation = world.timings.clientRetryTimeout + world.timings.connectTimeout + world.timings.operationInterval
        let running = SimulationProgress(scenario: name, step: 0, steps: 0, time: world.now)
        world.run(until: world.now + perOperation * (plan.count + 1) + .seconds(60), reporting: running, to: progress) {
            $0.clients.isDone
        }
        // Then the job: submitted, and a primary killed once it reads.
        for driver in bundle.sparkDrivers { world.applyWrite(driver) }
        let jobDeadline = world.now + options.deployTimeout + .seconds(600)
        world.run(until: jobDeadline) { world in
            world.spark.applications.values.contains { !$0.running.isEmpty } || world.spark.applications.values.allSatisfy(\.isFinished)
        }
        if let reading = world.spark.applications.values.first(where: { !$0.running.isEmpty }), let space = reading.spaceKey {
            _ = world.inject(.killPrimary(space: space, partition: 1))
        }
        world.run(until: jobDeadline) { world in
            !world.spark.applications.isEmpty && world.spark.applications.values.allSatisfy(\.isFinished)
                && world.spark.executorsLeft == 0
        }
        // The killed primary's pod comes back as a backup: the grid heals before the final read.
        var healed = HealCheck(.everything(in: world))
        world.run(until: world.now + world.timings.healTimeout) { healed.healed($0) }
        world.withClients { $0.finalRead(grid: $1, $2) }
        let check = world.clients.check()
        var reasons = DeployDiagnosis(world: world).reasons
        reasons += DeployScenario.dataReasons(check)
        var figures: [SparkFigures] = []
        for run in world.spark.applications.values {
            let readCheck = SparkReadCheck(history: world.clients.history, start: run.startedAt ?? world.now)
            // Only a job that completed is held to what it read.
            let misses = run.state == .succeeded ? readCheck.misses(in: run.readSet) : []
            figures.append(SparkFigures(run, acknowledgedBeforeStart: readCheck.acknowledged.count, missed: misses.count))
            reasons += jobReasons(run, misses: misses, world: world)
        }
        if world.spark.applications.isEmpty {
            reasons.append("no Spark driver pod was created: \(world.rejections.last?.description ?? "the driver Jobs made no pod")")
        }
        var report = ScenarioReport.build(name: name, world: world, reasons: reasons, check: check, clientStart: clientStart)
        report.spark = figures
        return report
    }

    /// Why a job did not pass, in plain words.
    private static func jobReasons(_ run: SparkApplicationRun, misses: [SparkReadCheck.Miss], world: World) -> [String] {
        let app = "Spark application \(run.spec.appName)"
        switch run.state {
        case .waiting:
            let driver = world.pods[run.driverKey]
            return ["\(app) never started: its driver pod \(driver?.name ?? run.driverKey) is \(driver?.statusText ?? "gone")"
                + (driver?.schedulingMessage.map { " (\($0))" } ?? "")]
        case .running:
            return ["\(app) did not finish: \(run.done.count)/\(run.partitions) partitions read"]
        case .failed(let reason):
            return ["\(app) failed: \(reason)"]
        case .succeeded:
            guard !misses.isEmpty else { return [] }
            let examples = misses.prefix(3).map { miss in
                "\(miss.key.key) = \(miss.expected) (\(miss.read.map { "read \($0)" } ?? "not read"))"
            }
            return [
                "\(app) missed \(misses.count) write(s) acknowledged before it started: "
                    + examples.joined(separator: ", ") + (misses.count > 3 ? ", …" : "")
            ]
        }
    }
}

/// What a Spark application did, for the reports.
public struct SparkFigures: Sendable, Hashable {
    public var application: String
    public var driver: String
    /// `Succeeded`, `Failed`, `Running`, `Pending`.
    public var state: String
    public var reason: String?
    public var partitions: Int
    public var partitionsRead: Int
    public var objectsRead: Int
    public var acknowledgedBeforeStart: Int
    public var missedWrites: Int
    public var executorsCreated: Int
    public var peakExecutors: Int
    public var executorsRemovedIdle: Int
    public var taskRetries: Int
    public var taskFailures: Int
    /// Seconds from the job's start to its end.
    public var seconds: Double?

    init(_ run: SparkApplicationRun, acknowledgedBeforeStart: Int, missed: Int) {
        application = run.spec.appName
        driver = run.driverKey
        state = run.state.word
        if case .failed(let why) = run.state { reason = why }
        partitions = run.partitions
        partitionsRead = run.done.count
        objectsRead = run.readSet.count
        self.acknowledgedBeforeStart = acknowledgedBeforeStart
        missedWrites = missed
        executorsCreated = run.executorsCreated
        peakExecutors = run.peakExecutors
        executorsRemovedIdle = run.executorsRemovedIdle
        taskRetries = run.retries
        taskFailures = run.taskFailures.values.reduce(0, +)
        if let start = run.startedAt, let end = run.finishedAt { seconds = (end - start).seconds }
    }

    /// `spark-pi Succeeded: 4/4 partitions, 1,000 objects read, …`.
    public var summary: String {
        "\(application) \(state): \(partitionsRead)/\(partitions) partitions read, \(objectsRead) objects, "
            + "\(acknowledgedBeforeStart - missedWrites)/\(acknowledgedBeforeStart) writes acknowledged before the start read, "
            + "executors \(executorsCreated) created (peak \(peakExecutors)), \(taskRetries) read retries"
            + (seconds.map { " in \($0)s virtual" } ?? "")
    }
}
