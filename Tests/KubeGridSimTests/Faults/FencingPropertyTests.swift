import KubeGridCore
import Testing

@testable import KubeGridSim

/// Pauses of random primaries, for longer than the failure detection delay, on the HA
/// example: fenced, a resumed former primary never acknowledges a write; with fencing
/// switched off (test-only), the checker always finds two primaries acknowledging.
@Suite struct FencingPropertyTests {
    static let seeds: [UInt64] = Array(1...16)

    /// One to three pauses of random partitions' primaries.
    static func schedule(seed: UInt64) -> [FaultStep] {
        var random = SeededRandom(seed: seed &* 104_729)
        return (0..<Int.random(in: 1...3, using: &random)).map { _ in
            FaultStep.single(.pausePrimary(partition: Int.random(in: 1...4, using: &random)))
        }
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
