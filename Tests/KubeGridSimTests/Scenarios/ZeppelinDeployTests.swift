import KubeGridCore
import Testing

@testable import KubeGridSim

/// The umbrella with `zeppelin.enabled` (issue 14), rendered by the chart model and
/// simulated: the notebook is scheduled and Ready beside the grid, and the verdict passes.
@Suite struct ZeppelinDeployTests {
    /// The objects `kubegrid render prod insightedge` writes for `user` values.
    static func umbrella(_ user: Values) throws -> ManifestBundle {
        let chart = BuiltInChart.umbrella
        let values = try chart.effectiveValues(user: user, chart: chart.helmChart).values
        let plan = chart.plan(values: values, release: ReleaseOptions(name: "prod"))
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics)")
        var bundle = ManifestBundle()
        for object in plan.objects { bundle.add(object, source: "rendered.yaml") }
        return bundle
    }

    static let haWithZeppelin: Values = [
        "manager": ["ha": true, "antiAffinity": ["enabled": true], "metrics": ["enabled": true, "serviceMonitor": ["enabled": true]]],
        "pu": [
            "partitions": 2, "ha": true, "antiAffinity": ["enabled": true],
            "readinessProbe": ["enabled": true], "service": ["lrmi": ["enabled": true]],
        ],
        "zeppelin": ["enabled": true],
    ]

    static func run(_ bundle: ManifestBundle, scenarios: [ScenarioName] = [.deploy]) throws -> SimulationReport {
        var options = SimulationOptions()
        options.cluster = .generated(count: 3, zones: 1)
        options.seed = 1
        options.operations = 20
        options.scenarios = scenarios
        return try Simulation.run(bundle, options: options)
    }

    @Test func theNotebookIsScheduledAndReadyAndTheVerdictPasses() throws {
        let report = try Self.run(Self.umbrella(Self.haWithZeppelin))
        let deploy = report.scenarios[0]
        #expect(report.passed, "\(deploy.reasons)")
        // 3 managers, 2 partitions of 2, and the notebook.
        #expect(deploy.podsReady == 8 && deploy.podsExpected == 8)
        let pods = report.nodes.flatMap(\.pods)
        let notebook = try #require(pods.first { $0.name == "prod-insightedge-zeppelin-0" })
        #expect(notebook.role == "zeppelin")
        #expect(notebook.ready && notebook.status == "Running")
        #expect(pods.filter { $0.role == "zeppelin" }.count == 1)
        // The ServiceMonitors are kept, not run.
        #expect(report.ignored.map { "\($0.kind)/\($0.name)" } == ["monitoring.coreos.com/v1 ServiceMonitor/prod-insightedge-manager"])
    }

    @Test func theNotebookRidesOutTheFaultScenarios() throws {
        let report = try Self.run(Self.umbrella(Self.haWithZeppelin), scenarios: [.deploy, .failover, .nodeLoss, .drain])
        #expect(report.passed, "\(report.scenarios.map(\.reasons))")
    }

    @Test func withoutZeppelinTheUmbrellaRendersNoNotebook() throws {
        var user = Self.haWithZeppelin.mapValue ?? [:]
        user["zeppelin"] = ["enabled": false]
        let bundle = try Self.umbrella(.map(user))
        #expect(!bundle.statefulSets.contains { $0.metadata.name.contains("zeppelin") })
        #expect(try Self.run(bundle).passed)
    }
}
