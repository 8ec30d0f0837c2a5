/// The course every fault scenario takes, from a copy of the freshly deployed world:
/// clients start their workload (paced so it runs through the faults); once every
/// partition has been written, the steps run one after another — inject the step's
/// faults, wait until everything they touched is whole again, pause — then the workload
/// finishes, and a new client reads every key back through the lookup service for the
/// checker.
struct FaultScenario {
    let name: ScenarioName
    let options: SimulationOptions

    /// Runs `steps` on a copy of `base`; `progress` is told about each step.
    func run(from base: World, steps: [FaultStep], progress: (SimulationProgress) -> Void) -> ScenarioReport {
        var world = base
        let clientStart = world.now
        world.clients.scenario = name.rawValue
        guard world.isSettled else {
            let reasons = ["the grid never came up, so no fault was injected: "
                + (DeployDiagnosis(world: world).reasons.first ?? "see the deploy scenario")]
            return ScenarioReport.build(
                name: name.rawValue, world: world, reasons: reasons, check: CheckResult(), clientStart: clientStart)
        }
        let spaces = world.grid.spaces.values.map { (key: $0.key, partitions: $0.partitionCount) }
        let plan = WorkloadPlan(spaces: spaces, operations: options.operations, random: world.random.derived(7))
        let coverage = spaces.reduce(0) { $0 + 2 * $1.partitions }
        world.clients.monitoring = true
        // The covering writes go at once; the rest are paced to last through the faults.
        let interval = pace(steps, operations: plan.count - coverage, world: world)
        world.withClients { $0.start(count: options.clients, plan: plan, interval: interval, pacedFrom: coverage, grid: &$1, &$2) }
        // Every partition holds data before the first fault, so any loss shows.
        world.run(until: world.now + world.timings.clientRetryTimeout * (coverage + 1)) {
            $0.clients.recorded >= 2 * coverage || $0.clients.isDone
        }
        var unhealed: [String] = []
        for (index, step) in steps.enumerated() {
            progress(
                SimulationProgress(
                    scenario: name.rawValue, step: index, steps: steps.count, time: world.now,
                    operations: world.clients.tally.completedOperations, totalOperations: plan.count))
            if let problem = runStep(step, in: &world) { unhealed.append(problem) }
        }
        progress(SimulationProgress(scenario: name.rawValue, step: steps.count, steps: steps.count, time: world.now))
        let remaining = world.clients.clients.reduce(0) { $0 + max($1.planned - $1.next, 0) }
        let perOperation = world.timings.clientRetryTimeout + (world.clients.clients.first?.interval ?? world.timings.operationInterval)
        let finishing = SimulationProgress(scenario: name.rawValue, step: steps.count, steps: steps.count, time: world.now)
        world.run(until: world.now + perOperation * (remaining + 1), reporting: finishing, to: progress) { $0.clients.isDone }
        world.clients.stopMonitors()
        world.withClients { $0.finalRead(grid: $1, $2) }
        let check = world.clients.check()
        var reasons = unhealed
        reasons += FaultDiagnosis(world: world, check: check).reasons
        reasons += SplitBrainDiagnosis(world: world).reasons
        reasons += NetworkPartitionDiagnosis(world: world).reasons
        if name == .managerLoss { reasons += ManagerLossDiagnosis(world: world).reasons }
        return ScenarioReport.build(
            name: name.rawValue, world: world, reasons: reasons, check: check, clientStart: clientStart)
    }

    /// Injects a step's faults, waits until what they touched is whole, then pauses.
    /// Returns why it never healed, if it did not.
    private func runStep(_ step: FaultStep, in world: inout World) -> String? {
        let start = world.now
        let firstRecord = world.faultLog.records.count
        var scope = HealScope()
        for (offset, fault) in step.faults.sorted(by: { $0.offset < $1.offset }) {
            world.run(until: start + offset)
            if let touched = world.inject(fault) { scope.merge(touched) }
        }
        guard world.faultLog.records.count > firstRecord else { return nil }
        var check = HealCheck(scope)
        let timeout = world.timings.healTimeout
        var deadline = world.now + timeout
        world.run(until: deadline) { check.healed($0) }
        // A drain of many nodes outlasts the timeout while it still empties node after
        // node: the grid has the timeout from the drain's last progress, and only a drain
        // that stood still that long (or a grid not whole that long after it) fails.
        var extended = false
        while !check.healed(world), let moved = world.faultLog.drainProgressAt, moved + timeout > deadline {
            deadline = moved + timeout
            extended = true
            world.run(until: deadline) { check.healed($0) }
        }
        let healed = check.healed(world)
        for index in firstRecord..<world.faultLog.records.count where healed {
            world.faultLog.records[index].healedAt = world.now
        }
        world.faultLog.current = nil
        var problem: String?
        if !healed {
            let first = world.faultLog.records[firstRecord]
            let since = extended ? "\(timeout) after the drain last emptied a node (at \(deadline - timeout))" : "\(timeout) later"
            problem = "after the fault at \(first.time) (\(first.message)) the grid had not healed \(since): "
                + (check.firstProblem(world) ?? "something is still starting")
            if let detail = DeployDiagnosis(world: world).reasons.first { problem! += "; \(detail)" }
        }
        world.run(until: world.now + world.timings.faultGap)
        return problem
    }

    /// The time between a client's operations, so the workload lasts about as long as the
    /// steps are expected to (each step: failure detection, a pod's restart and recovery,
    /// and for a lost node Kubernetes' grace period, removal and replacement).
    private func pace(_ steps: [FaultStep], operations: Int, world: World) -> SimTime {
        let timings = world.timings
        let restart = timings.failureDetection + timings.containerCreation + timings.spaceStartup + .seconds(30)
        var total = SimTime.zero
        for step in steps {
            for (_, fault) in step.faults {
                switch fault {
                case .loseNode:
                    total = total + timings.nodeMonitorGracePeriod + timings.nodeRemoval + timings.nodeReplacement + restart
                case .rollingUpdate:
                    total = total + restart * 2
                case .killPrimary, .killPod, .killLeadingManager, .loseQuorum, .pausePrimary, .isolate:
                    total = total + restart
                case .drainNodes(let nodes):
                    total = total + restart * nodes.count
                }
            }
        }
        let perClient = max(operations / max(options.clients, 1), 1)
        return max(timings.operationInterval, SimTime(milliseconds: total.milliseconds / perClient))
    }
}

/// Where a long simulation is, for a progress line.
public struct SimulationProgress: Sendable {
    /// The scenario running.
    public var scenario: String
    /// Steps (faults) done so far in it, and how many it has.
    public var step: Int
    public var steps: Int
    /// The virtual time.
    public var time: SimTime
    /// Client operations completed so far in the scenario, and how many the workload has
    /// (zero when no workload runs yet).
    public var operations = 0
    public var totalOperations = 0
}
