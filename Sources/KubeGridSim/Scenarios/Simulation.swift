/// `kubegrid simulate`: applies manifests to a simulated cluster and runs scenarios.
///
/// The manifests are deployed once and the cluster left to settle; every scenario then
/// starts from its own copy of that world (a value), so each runs from a fresh deploy,
/// one scenario's faults never leak into the next, and a seed fixes the result.
public enum Simulation {
    /// Runs `options.scenarios` against `bundle`; `progress` hears about each fault step.
    public static func run(
        _ bundle: ManifestBundle, options: SimulationOptions, progress: (SimulationProgress) -> Void = { _ in }
    ) throws(SimulationInputError) -> SimulationReport {
        guard !bundle.statefulSets.isEmpty else { throw .nothingToRun(sources: bundle.sourceNames) }
        let nodes = try options.cluster.build()
        var base = World.deployed(bundle, nodes: nodes, options: options)
        var settled = HealCheck(.everything(in: base))
        base.run(until: options.deployTimeout) { settled.healed($0) }
        var reports: [ScenarioReport] = []
        var scenarios = options.scenarios
        if options.sparkWhenPresent && bundle.hasSparkDriver && !scenarios.contains(.spark) { scenarios.append(.spark) }
        for scenario in scenarios {
            progress(SimulationProgress(scenario: scenario.rawValue, step: 0, steps: 0, time: base.now))
            switch scenario {
            case .deploy:
                var world = base
                reports.append(DeployScenario.run(&world, options: options, progress: progress))
            case .isolation:
                var world = base
                reports.append(IsolationScenario.run(&world, options: options))
            case .spark:
                var world = base
                reports.append(SparkScenario.run(&world, bundle: bundle, options: options, progress: progress))
            case .failover, .nodeLoss, .rollingUpgrade, .managerLoss, .drain, .pause, .partition:
                let steps = FaultSchedules.steps(for: scenario, in: base)
                reports.append(FaultScenario(name: scenario, options: options).run(from: base, steps: steps, progress: progress))
            }
        }
        return SimulationReport.build(world: base, options: options, bundle: bundle, scenarios: reports)
    }

    /// Runs one fault scenario with a schedule of its own, for tests: random schedules,
    /// or a broken replication the checker must catch.
    static func run(
        _ bundle: ManifestBundle, options: SimulationOptions, steps: [FaultStep], name: ScenarioName = .failover
    ) throws(SimulationInputError) -> ScenarioReport {
        let nodes = try options.cluster.build()
        var base = World.deployed(bundle, nodes: nodes, options: options)
        var settled = HealCheck(.everything(in: base))
        base.run(until: options.deployTimeout) { settled.healed($0) }
        return FaultScenario(name: name, options: options).run(from: base, steps: steps) { _ in }
    }
}
