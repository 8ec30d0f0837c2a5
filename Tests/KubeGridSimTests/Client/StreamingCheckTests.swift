import KubeGridCore
import Testing

@testable import KubeGridSim

/// The checker and the reports work as the operations stream by; keeping the whole history
/// (a test switch, or `--history`) must not change a figure.
@Suite struct StreamingCheckTests {
    static func run(_ fixture: GridFixture, keepsHistory: Bool, unfenced: Bool = false, scenarios: [ScenarioName]) throws
        -> SimulationReport
    {
        var options = SimulationOptions()
        options.operations = 120
        options.clients = 3
        options.scenarios = scenarios
        options.keepsHistory = keepsHistory
        options.unfenced = unfenced
        return try Simulation.run(fixture.bundle, options: options)
    }

    @Test(arguments: [false, true])
    func theStreamingCheckerAgreesWithTheWholeHistory(unfenced: Bool) throws {
        let scenarios: [ScenarioName] = unfenced ? [.pause] : [.failover, .pause]
        let kept = try Self.run(.haExample, keepsHistory: true, unfenced: unfenced, scenarios: scenarios)
        let streamed = try Self.run(.haExample, keepsHistory: false, unfenced: unfenced, scenarios: scenarios)
        for (with, without) in zip(kept.scenarios, streamed.scenarios) {
            #expect(!with.history.entries.isEmpty && without.history.entries.isEmpty)
            #expect(Checker.check(with.history) == with.check)
            #expect(with.check == without.check && with.reasons == without.reasons)
            #expect(with.operationsOK == without.operationsOK && with.completions == without.completions)
            #expect(with.operationsOK == with.history.entries.filter { $0.process >= 0 && $0.type == .ok }.count)
        }
        if unfenced { #expect(streamed.scenarios.allSatisfy { !$0.passed }) }
    }

    @Test func withoutBackupsTheLossIsFoundWithoutTheHistory() throws {
        var fixture = GridFixture.haExample
        fixture.ha = false
        let report = try Self.run(fixture, keepsHistory: false, scenarios: [.nodeLoss])
        #expect(!report.passed)
        #expect(report.scenarios[0].check.lostWrites > 0 && report.scenarios[0].history.entries.isEmpty)
    }
}
