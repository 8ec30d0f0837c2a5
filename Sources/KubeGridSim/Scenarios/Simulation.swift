/// `kubegrid simulate`: applies manifests to a simulated cluster and runs scenarios.
///
/// Every scenario starts from a fresh deployment of the same manifests with the same
/// seed, so one scenario's faults never leak into the next, and a seed fixes the result.
public enum Simulation {
    /// Runs `options.scenarios` against `bundle`.
    public static func run(_ bundle: ManifestBundle, options: SimulationOptions) throws(SimulationInputError)
        -> SimulationReport
    {
        guard !bundle.statefulSets.isEmpty else { throw .nothingToRun(sources: bundle.sourceNames) }
        let nodes = try options.cluster.build()
        var reports: [ScenarioReport] = []
        var deployedWorld: World?
        for scenario in options.scenarios {
            var world = World.deployed(bundle, nodes: nodes, options: options)
            switch scenario {
            case .deploy:
                reports.append(DeployScenario.run(&world, options: options))
            }
            if deployedWorld == nil { deployedWorld = world }
        }
        let world = deployedWorld ?? World.deployed(bundle, nodes: nodes, options: options)
        return SimulationReport.build(world: world, options: options, bundle: bundle, scenarios: reports)
    }
}
