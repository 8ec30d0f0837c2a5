import KubeGridCore
import Testing

@testable import KubeGridSim

/// The `pause` scenario: a primary stops answering for longer than the failure detection
/// delay (a long GC pause) and resumes believing it is still primary.
@Suite struct PauseTests {
    @Test func theHAExampleFencesEveryResumedPrimary() throws {
        let scenario = try simulate(.haExample, operations: 60, scenarios: [.pause]).scenarios[0]
        #expect(scenario.name == "pause")
        #expect(scenario.passed, "\(scenario.reasons)")
        #expect(scenario.faults.count == 4 && scenario.faults.allSatisfy { $0.kind == .pause && $0.healedAt != nil })
        let fenced = scenario.events.filter { $0.reason == "PrimaryFenced" }
        #expect(fenced.count == 4)
        #expect(fenced.allSatisfy { $0.message.contains("stops acting as primary and rejoins as backup") })
        // Its backup took over after the detection delay, while it was still silent.
        #expect(scenario.events.filter { $0.reason == "PrimaryPromoted" && $0.message.hasSuffix("8s after the primary left") }.count == 4)
    }

    @Test func aPauseShorterThanTheDetectionDelayChangesNothing() throws {
        var options = SimulationOptions()
        options.timings.pause = .seconds(3)
        options.operations = 40
        let report = try Simulation.run(GridFixture.haExample.bundle, options: options, steps: [.single(.pausePrimary(partition: 1))])
        #expect(report.passed, "\(report.reasons)")
        #expect(!report.events.contains { $0.reason == "PrimaryPromoted" || $0.reason == "PrimaryFenced" })
        #expect(report.events.contains { $0.reason == "InstanceResumed" && $0.message.hasSuffix("is still primary of partition 1") })
    }
}
