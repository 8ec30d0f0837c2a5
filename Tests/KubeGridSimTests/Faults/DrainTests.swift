import KubeGridCore
import Testing

@testable import KubeGridSim

/// The `drain` scenario: nodes drained one after another through the eviction
/// subresource, as a node-pool upgrade does it.
@Suite struct DrainTests {
    @Test func theHAExampleSurvivesADrainOfEveryNode() throws {
        let scenario = try simulate(.haExample, operations: 60, scenarios: [.drain]).scenarios[0]
        #expect(scenario.name == "drain")
        #expect(scenario.passed, "\(scenario.reasons)")
        #expect(scenario.check.lostWrites == 0 && scenario.check.acknowledgedWrites > 0)
        #expect(scenario.faults.map(\.kind) == [.drainNodes])
        #expect(scenario.faults[0].healedAt != nil)
        // The budgets made the drain wait: some evictions were refused and retried.
        let refusals = scenario.events.filter { $0.reason == "EvictionRefused" }
        #expect(!refusals.isEmpty)
        #expect(refusals.allSatisfy { $0.message.contains("(will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.") })
        #expect(scenario.events.filter { $0.reason == "Drained" }.map(\.object) == ["node/node-1", "node/node-2", "node/node-3"])
        // Each primary evicted handed over: no partition waited out the detection delay.
        #expect(!scenario.events.contains { $0.reason == "HandOffImpossible" })
        for (partition, seconds) in scenario.unavailableSeconds {
            #expect(seconds <= 0.5, "partition \(partition): \(seconds)")
        }
    }

    @Test func withoutDisruptionBudgetsBackToBackDrainsLoseWritesAndSayWhy() throws {
        var fixture = GridFixture.haExample
        fixture.podDisruptionBudgets = false
        let scenario = try simulate(fixture, operations: 60, scenarios: [.drain]).scenarios[0]
        #expect(!scenario.passed)
        #expect(scenario.check.lostWrites > 0)
        #expect(!scenario.events.contains { $0.reason == "EvictionRefused" })
        #expect(scenario.reasons.contains { $0.contains("was evicted by the drain of node-") })
        #expect(scenario.reasons.contains { $0.contains("enable the PodDisruptionBudget (podDisruptionBudget.enabled=true)") })
    }

    /// Found on 1,024 partitions and 250 nodes: the drain itself took longer than the heal
    /// timeout (970 s against 900 s), and the scenario failed although every node drained
    /// and the grid came back whole. The same here with a heal timeout shorter than a
    /// drain of six nodes but longer than any one node's.
    @Test func aDrainLongerThanTheHealTimeoutPassesWhileItKeepsMoving() throws {
        var options = SimulationOptions()
        options.cluster = .generated(count: 6, zones: 1)
        options.operations = 40
        options.scenarios = [.drain]
        options.timings.healTimeout = .seconds(60)
        let scenario = try Simulation.run(GridFixture.haExample.bundle, options: options).scenarios[0]
        let drained = scenario.events.filter { $0.reason == "Drained" }
        #expect(drained.count == 6)
        let injected = try #require(scenario.faults.first).time
        let lastDrained = try #require(drained.last).time
        // The drain outlasted the timeout, each node within it.
        #expect(lastDrained - injected > options.timings.healTimeout)
        var previous = injected
        for event in drained {
            #expect(event.time - previous < options.timings.healTimeout, "\(event.object)")
            previous = event.time
        }
        #expect(scenario.passed, "\(scenario.reasons)")
        #expect(scenario.faults[0].healedAt != nil)
    }

    @Test func theSameSeedGivesTheSameDrain() throws {
        let first = try simulate(.haExample, operations: 40, scenarios: [.drain]).scenarios[0]
        let second = try simulate(.haExample, operations: 40, scenarios: [.drain]).scenarios[0]
        #expect(first.events == second.events)
    }
}
