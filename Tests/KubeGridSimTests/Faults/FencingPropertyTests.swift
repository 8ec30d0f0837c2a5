import KubeGridCore
import Testing

@testable import KubeGridSim

/// Pauses of random primaries, and network partitions cutting off a random primary's node,
/// each for longer than the failure detection delay, on the HA example: fenced, a former
/// primary never acknowledges a write once its backup was promoted; with fencing switched
/// off (test-only), the checker always finds two primaries acknowledging.
@Suite struct FencingPropertyTests {
    static let seeds: [UInt64] = Array(1...16)

    /// One to three pauses of random partitions' primaries.
    static func schedule(seed: UInt64) -> [FaultStep] {
        var random = SeededRandom(seed: seed &* 104_729)
        return (0..<Int.random(in: 1...3, using: &random)).map { _ in
            FaultStep.single(.pausePrimary(partition: Int.random(in: 1...4, using: &random)))
        }
    }

    /// One to three network partitions, each cutting off the node of a random partition's primary.
    static func partitions(seed: UInt64, in world: World) -> [FaultStep] {
        var random = SeededRandom(seed: seed &* 7_919)
        return (0..<Int.random(in: 1...3, using: &random)).compactMap { _ in
            let partition = Int.random(in: 1...4, using: &random)
            guard let primary = world.grid.spaces.values.first?.partitions[partition - 1].primary,
                let node = world.pods[primary]?.nodeName
            else { return nil }
            return FaultStep.single(.isolate(nodes: [node], label: node))
        }
    }

    static func runPartitions(seed: UInt64, fencing: Bool) throws -> ScenarioReport {
        var options = SimulationOptions()
        options.seed = seed
        options.operations = 300
        options.clients = Int(seed % 3) + 1
        options.unfenced = !fencing
        let world = try settledWorld(.haExample, options: options)
        return try Simulation.run(
            GridFixture.haExample.bundle, options: options, steps: partitions(seed: seed, in: world), name: .partition)
    }

    @Test(arguments: seeds)
    func aFencedCutOffPrimaryNeverAcknowledgesAfterItsBackupWasPromoted(seed: UInt64) throws {
        let report = try Self.runPartitions(seed: seed, fencing: true)
        #expect(report.passed, "\(report.reasons)")
        #expect(report.check.acknowledgedWrites > 0 && report.check.lostWrites == 0)
        #expect(report.events.contains { $0.reason == "PrimarySuspended" })
    }

    @Test(arguments: seeds)
    func withoutFencingACutOffPrimaryIsAlwaysCaught(seed: UInt64) throws {
        let report = try Self.runPartitions(seed: seed, fencing: false)
        #expect(!report.passed)
        #expect(
            report.reasons.contains { $0.contains(": two primaries acknowledged writes at once: ") }
                || report.check.lostWrites > 0, "\(report.reasons)")
    }

    static func run(seed: UInt64, fencing: Bool) throws -> ScenarioReport {
        var options = SimulationOptions()
        options.seed = seed
        options.operations = 80
        options.clients = Int(seed % 3) + 1
        options.unfenced = !fencing
        return try Simulation.run(GridFixture.haExample.bundle, options: options, steps: schedule(seed: seed))
    }

    @Test(arguments: seeds)
    func aFencedPrimaryNeverAcknowledgesAfterItsBackupWasPromoted(seed: UInt64) throws {
        let report = try Self.run(seed: seed, fencing: true)
        #expect(report.passed, "\(report.reasons)")
        #expect(report.check.acknowledgedWrites > 0 && report.check.lostWrites == 0)
        #expect(report.events.contains { $0.reason == "PrimaryFenced" })
        #expect(!report.reasons.contains { $0.contains("two primaries acknowledged writes") })
    }

    @Test(arguments: seeds)
    func withoutFencingTwoPrimariesAreAlwaysCaught(seed: UInt64) throws {
        let report = try Self.run(seed: seed, fencing: false)
        #expect(!report.passed)
        #expect(report.reasons.contains { $0.contains(": two primaries acknowledged writes at once: ") }, "\(report.reasons)")
    }
}
