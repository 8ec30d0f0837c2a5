/// Scenario `deploy`: apply, schedule, start; then clients write and read every
/// partition through the lookup service, and the checker reads everything back.
/// It passes when every pod is Running and Ready, every instance is registered, the
/// client reaches every partition, and nothing acknowledged is lost.
enum DeployScenario {
    static func run(
        _ world: inout World, options: SimulationOptions, progress: (SimulationProgress) -> Void = { _ in }
    ) -> ScenarioReport {
        world.run(until: options.deployTimeout) { $0.isSettled }
        let clientStart = world.now
        world.clients.scenario = ScenarioName.deploy.rawValue
        let spaces = world.grid.spaces.values.map { (key: $0.key, partitions: $0.partitionCount) }
        let plan = WorkloadPlan(spaces: spaces, operations: options.operations, random: world.random.derived(7))
        world.withClients { $0.start(count: options.clients, plan: plan, grid: &$1, &$2) }
        let perOperation = world.timings.clientRetryTimeout + world.timings.connectTimeout + world.timings.operationInterval
        let running = SimulationProgress(scenario: ScenarioName.deploy.rawValue, step: 0, steps: 0, time: world.now)
        world.run(until: world.now + perOperation * (plan.count + 1) + .seconds(60), reporting: running, to: progress) {
            $0.clients.isDone
        }
        world.withClients { $0.finalRead(grid: $1, $2) }
        let check = world.clients.check()
        var reasons = DeployDiagnosis(world: world).reasons
        reasons += GridTraffic.reasons(world.gridTraffic.blocked)
        reasons += dataReasons(check)
        return ScenarioReport.build(
            name: ScenarioName.deploy.rawValue, world: world, reasons: reasons, check: check, clientStart: clientStart)
    }

    static func dataReasons(_ check: CheckResult) -> [String] {
        var reasons: [String] = []
        if check.lostWrites > 0 {
            let examples = check.lost.prefix(3).map { "\($0.key) (partition \($0.partition)) = \($0.value)" }
            reasons.append(
                "\(check.lostWrites) acknowledged write(s) lost: the final read does not find "
                    + examples.joined(separator: ", ") + (check.lost.count > 3 ? ", …" : ""))
        }
        if check.phantomValues > 0 {
            reasons.append("\(check.phantomValues) value(s) read back that no client wrote")
        }
        return reasons
    }
}
