import KubeGridCore
import Testing

@testable import KubeGridSim

/// Random fault schedules on the HA example: whatever one fault at a time (or a manager
/// fault together with a primary's) does, no acknowledged write is lost — and when the
/// replication to backups is broken on purpose, the checker always finds the loss.
@Suite struct FaultPropertyTests {
    static let seeds: [UInt64] = Array(1...24)

    /// A schedule drawn from `seed`: two to four steps, the first always killing a primary.
    static func schedule(seed: UInt64) -> [FaultStep] {
        var random = SeededRandom(seed: seed &* 7919)
        let pods = (1...4).flatMap { partition in (0...1).map { "test-insightedge-pu-\(partition)-\($0)" } }
            + (0...2).map { "test-insightedge-manager-\($0)" }
        var steps = [FaultStep.single(.killPrimary(partition: Int.random(in: 1...4, using: &random)))]
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let fault: Fault
            switch Int.random(in: 0..<6, using: &random) {
            case 0: fault = .killPrimary(partition: Int.random(in: 1...4, using: &random))
            case 1: fault = .killPod(pods[Int.random(in: 0..<pods.count, using: &random)])
            case 2: fault = .loseNode("node-\(Int.random(in: 1...3, using: &random))")
            case 3: fault = .rollingUpdate
            case 4: fault = .killLeadingManager
            default: fault = .loseQuorum
            }
            var faults: [(offset: SimTime, fault: Fault)] = [(.zero, fault)]
            // While managers are down, a primary may die too: it waits for the quorum, nothing is lost.
            if fault == .killLeadingManager || fault == .loseQuorum, Bool.random(using: &random) {
                let offset = SimTime.milliseconds(Int.random(in: 0...10_000, using: &random))
                faults.append((offset, .killPrimary(partition: Int.random(in: 1...4, using: &random))))
            }
            steps.append(FaultStep(faults))
        }
        return steps
    }

    static func run(seed: UInt64, brokenReplication: Bool) throws -> ScenarioReport {
        var options = SimulationOptions()
        options.seed = seed
        options.operations = 80
        options.clients = Int(seed % 3) + 1
        options.brokenReplication = brokenReplication
        return try Simulation.run(GridFixture.haExample.bundle, options: options, steps: schedule(seed: seed))
    }

    @Test(arguments: seeds)
    func noAcknowledgedWriteIsLost(seed: UInt64) throws {
        let report = try Self.run(seed: seed, brokenReplication: false)
        #expect(report.check.acknowledgedWrites > 0)
        #expect(report.check.lostWrites == 0, "\(report.reasons)")
        #expect(report.check.phantomValues == 0 && report.check.unreadKeys == 0)
        #expect(report.faults.allSatisfy { $0.healedAt != nil }, "\(report.faults)")
        #expect(report.passed, "\(report.reasons)")
    }

    @Test(arguments: seeds)
    func aBrokenReplicationIsAlwaysCaught(seed: UInt64) throws {
        let report = try Self.run(seed: seed, brokenReplication: true)
        #expect(!report.passed)
        #expect(report.check.lostWrites > 0)
        #expect(report.reasons.contains { $0.contains("the backup did not have them, so replication to the backups lost writes") })
    }
}
