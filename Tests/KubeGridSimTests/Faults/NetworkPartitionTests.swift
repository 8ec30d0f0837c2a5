import KubeGridCore
import Testing

@testable import KubeGridSim

/// The `partition` scenario: each node in turn is cut off from the rest of the cluster for
/// 20 s, longer than the failure detection delay, then the network heals.
@Suite struct NetworkPartitionTests {
    @Test func theHAExampleKeepsServingFromTheMajoritySide() throws {
        let scenario = try simulate(.haExample, operations: 80, scenarios: [.partition]).scenarios[0]
        #expect(scenario.name == "partition")
        #expect(scenario.passed, "\(scenario.reasons)")
        #expect(scenario.faults.count == 3 && scenario.faults.allSatisfy { $0.kind == .networkPartition && $0.healedAt != nil })
        // Every primary on a cut-off node stopped acknowledging at once and a backup on the
        // majority side took over after the detection delay, while the cut lasted.
        // (A promoted backup can be cut off in its turn when its node's cut comes.)
        let suspended = scenario.events.filter { $0.reason == "PrimarySuspended" }.count
        #expect(suspended >= 4, "each of the 4 primaries is on some node, and each node is cut off once")
        #expect(scenario.events.filter { $0.reason == "PrimaryPromoted" && $0.message.hasSuffix("8s after the primary left") }.count == suspended)
        // When the network healed, each found another leader and came back as backup.
        #expect(scenario.events.filter { $0.reason == "PrimaryFenced" }.count == suspended)
        #expect(scenario.check.lostWrites == 0 && scenario.check.phantomValues == 0)
        // Each cut costs a partition whose primary it hit the detection delay until the
        // promotion, and the client's next call: no more (a partition can be hit twice).
        #expect(scenario.windows.count >= 4)
        for window in scenario.windows {
            #expect(window.ended && window.duration <= .milliseconds(8_500), "partition \(window.partition)")
        }
    }

    @Test func aCutOffBackupLeavesAndCopiesItsPartitionAgainWhenTheNetworkHeals() throws {
        var options = SimulationOptions()
        options.operations = 40
        var world = try settledWorld(.haExample, options: options)
        let primary = try #require(world.primaryName(1))
        let backupKey = try #require(world.grid.spaces.values.first?.partitions[0].backups.first)
        let backupNode = try #require(world.pods[backupKey]?.nodeName)
        #expect(world.pod(named: primary)?.nodeName != backupNode)
        _ = world.inject(.isolate(nodes: [backupNode], label: backupNode))
        #expect(world.grid.spaces.values.first?.partitions[0].backups.isEmpty == true)
        #expect(world.primaryName(1) == primary, "the primary keeps the ZooKeeper majority and stays")
        world.run(for: .seconds(60))
        #expect(world.faultLog.isolation == nil)
        #expect(world.grid.spaces.values.first?.partitions[0].backups == [backupKey])
        #expect(world.grid.instances[backupKey]?.state == .backup)
        #expect(world.events.contains { $0.reason == "BackupCutOff" } && world.events.contains { $0.reason == "BackupRecovered" })
    }

    @Test func withoutBackupsACutOffPartitionIsUnservedAndTheReasonSaysWhy() throws {
        var fixture = GridFixture.haExample
        fixture.ha = false
        let scenario = try simulate(fixture, operations: 40, scenarios: [.partition]).scenarios[0]
        #expect(!scenario.passed)
        #expect(scenario.check.lostWrites == 0, "a suspended primary keeps its objects and is primary again after the cut")
        let reason = try #require(scenario.reasons.first { $0.contains("had no primary for the whole network partition") })
        #expect(reason.contains("with ha=false, it has no backup to take over; set ha=true (pu.ha=true in the insightedge chart)"))
    }

    @Test func aZoneIsCutOffWhenTheNodesSpanZones() throws {
        let world = try settledWorld(.haExample, nodes: 3)
        #expect(FaultSchedules.steps(for: .partition, in: world).count == 3)
        var options = SimulationOptions()
        options.cluster = .generated(count: 4, zones: 2)
        let zoned = World.deployed(GridFixture.haExample.bundle, nodes: try ClusterShape.generated(count: 4, zones: 2).build(), options: options)
        let steps = FaultSchedules.steps(for: .partition, in: zoned)
        #expect(steps.count == 2)
        guard case .isolate(let nodes, let label) = steps[0].faults[0].fault else {
            Issue.record("not an isolation: \(steps[0].faults[0].fault)")
            return
        }
        #expect(nodes.count == 2 && label.hasPrefix("zone "))
    }

    /// Anti-affinity by hostname keeps a partition's primary and backup on different nodes,
    /// not in different zones: a zone's cut can take both, and the reason then asks for zone
    /// anti-affinity, which keeps every partition served on every seed.
    @Test func aZoneCutThatTakesPrimaryAndBackupAsksForZoneAntiAffinity() throws {
        var unservedSeeds = 0
        for seed: UInt64 in 1...4 {
            let scenario = try simulate(.haExample, nodes: 4, zones: 2, seed: seed, operations: 20, scenarios: [.partition]).scenarios[0]
            let unserved = scenario.reasons.filter { $0.contains("had no primary for the whole network partition") }
            if !unserved.isEmpty { unservedSeeds += 1 }
            for reason in unserved {
                #expect(reason.contains("ran on different nodes of the zone that was cut off"), "\(reason)")
                #expect(reason.contains("antiAffinity.topology=topology.kubernetes.io/zone"), "\(reason)")
            }
            var zoned = GridFixture.haExample
            zoned.topology = ClusterNode.zoneLabel
            let spread = try simulate(zoned, nodes: 4, zones: 2, seed: seed, operations: 20, scenarios: [.partition]).scenarios[0]
            #expect(spread.passed, "seed \(seed): \(spread.reasons)")
        }
        #expect(unservedSeeds > 0, "with hostname anti-affinity some seed places a primary and its backup in one zone")
    }
}
