import KubeGridCore
import Testing

@testable import KubeGridSim

/// The fault scenarios against manifests that keep the "no data loss" promise and
/// manifests that break it: the checker must tell them apart and say why.
@Suite struct FaultScenarioTests {
    @Test func theHAExamplePassesEveryScenarioOnThreeNodes() throws {
        let report = try simulate(.haExample, operations: 60, scenarios: ScenarioName.all)
        #expect(report.scenarios.map(\.name) == ["deploy", "failover", "node-loss", "rolling-upgrade", "manager-loss", "drain", "pause", "partition"])
        for scenario in report.scenarios {
            #expect(scenario.passed, "\(scenario.name): \(scenario.reasons)")
            #expect(scenario.check.lostWrites == 0 && scenario.check.phantomValues == 0 && scenario.check.unreadKeys == 0)
            #expect(scenario.check.acknowledgedWrites > 0)
            #expect(scenario.faults.allSatisfy { $0.healedAt != nil }, "\(scenario.name)")
        }
        let failover = report.scenarios[1]
        #expect(failover.faults.count == 4)
        #expect(failover.faults.allSatisfy { $0.kind == .killPod && $0.message.contains("primary of partition") })
        #expect(report.scenarios[2].faults.map(\.target) == ["node-1", "node-2", "node-3"])
    }

    @Test func withoutHALosingANodeLosesAcknowledgedWritesAndSaysWhy() throws {
        let fixture = GridFixture(partitions: 4, ha: false, antiAffinity: false)
        let report = try simulate(fixture, operations: 60, scenarios: [.nodeLoss])
        let scenario = report.scenarios[0]
        #expect(!report.passed)
        #expect(scenario.check.lostWrites > 0)
        #expect(scenario.reasons[0].hasPrefix("\(scenario.check.lostWrites) acknowledged write(s) lost: the final read does not find key-"))
        let partitionReasons = scenario.reasons.filter { $0.hasPrefix("partition ") }
        #expect(!partitionReasons.isEmpty)
        #expect(partitionReasons.allSatisfy { $0.contains(", and with ha=false there is no backup") && $0.contains("which was lost at") })
        #expect(partitionReasons.filter { $0.contains("set ha=true") }.count == 1, "the fix is given once")
    }

    @Test func aPrimaryAndItsBackupOnOneNodeAreNamedWhenTheNodeGoes() throws {
        // Without anti-affinity on two nodes, some partition keeps both copies on one node.
        let fixture = GridFixture(partitions: 4, antiAffinity: false)
        let scenario = try simulate(fixture, nodes: 2, operations: 60, scenarios: [.nodeLoss]).scenarios[0]
        #expect(!scenario.passed)
        let reason = try #require(scenario.reasons.first { $0.contains(" were both on node-") })
        #expect(reason.hasPrefix("partition "))
        #expect(reason.contains("require anti-affinity (antiAffinity.enabled=true)"))
    }

    @Test func withoutAReadinessProbeTheRollingUpgradeLosesWrites() throws {
        var fixture = GridFixture.haExample
        fixture.readinessProbe = false
        let scenario = try simulate(fixture, operations: 60, scenarios: [.rollingUpgrade]).scenarios[0]
        #expect(!scenario.passed)
        #expect(scenario.check.lostWrites > 0)
        #expect(scenario.reasons.contains { $0.contains("without a readiness probe a restarted Space pod counts as Ready") })
        #expect(scenario.reasons.contains { $0.contains("enable the readiness probe (readinessProbe.enabled=true)") })
        // The primary goes while its backup has nothing: no hand-off, a crash's outage.
        #expect(scenario.unavailableSeconds.contains { $0.seconds > 8 })
        #expect(scenario.events.contains { $0.reason == "HandOffImpossible" })
    }

    @Test func withAReadinessProbeTheRollingUpgradeWaitsForEachBackup() throws {
        let scenario = try simulate(.haExample, operations: 60, scenarios: [.rollingUpgrade]).scenarios[0]
        #expect(scenario.passed, "\(scenario.reasons)")
        // Each primary hands over to its recovered backup as it gets SIGTERM: a partition
        // is down only until its clients look the new primary up, within one retry interval.
        for (partition, seconds) in scenario.unavailableSeconds {
            #expect(seconds <= 0.5, "partition \(partition): \(seconds)")
        }
        #expect(scenario.events.filter { $0.reason == "PrimaryHandedOver" }.count == 4, "one per partition")
        #expect(!scenario.events.contains { $0.reason == "PrimaryPromoted" || $0.reason == "HandOffImpossible" })
        let deletions = scenario.events.filter { $0.reason == "SuccessfulDelete" && $0.object == "statefulset/test-insightedge-pu-1" }
        #expect(deletions.map { $0.message.hasPrefix("delete Pod test-insightedge-pu-1-1 ") } == [true, false])
    }

    @Test func withoutAGracePeriodTheRollingUpgradeKillsEachPrimaryAsACrash() throws {
        // terminationGracePeriodSeconds: 0 deletes the pod at once: no SIGTERM, no hand-off,
        // and each partition waits out the failure detection delay.
        var fixture = GridFixture.haExample
        fixture.terminationGracePeriod = 0
        let scenario = try simulate(fixture, operations: 60, scenarios: [.rollingUpgrade]).scenarios[0]
        #expect(scenario.check.lostWrites == 0)
        #expect(scenario.unavailableSeconds.allSatisfy { $0.seconds > 8 }, "\(scenario.unavailableSeconds)")
        #expect(!scenario.events.contains { $0.reason == "PrimaryHandedOver" })
        #expect(scenario.events.contains { $0.reason == "PrimaryPromoted" && $0.message.hasSuffix("8s after the primary left") })
    }

    @Test func oneManagerFailsManagerLossAndSaysWhatStoppedForHowLong() throws {
        let fixture = GridFixture(partitions: 2)
        let scenario = try simulate(fixture, operations: 40, scenarios: [.managerLoss]).scenarios[0]
        #expect(!scenario.passed)
        #expect(scenario.check.lostWrites == 0)
        let reason = try #require(scenario.reasons.first)
        #expect(reason.hasPrefix("killed test-insightedge-manager-0, the only manager: the lookup service and the REST manager were down for "))
        #expect(reason.contains("ZooKeeper had no quorum for "))
        #expect(reason.contains("partition 1 had no primary for "))
        #expect(reason.hasSuffix("run 3 managers (manager.ha=true in the insightedge chart) so that losing one keeps the lookup service and a quorum"))
    }

    @Test func threeManagersPassManagerLossWithAnOrdinaryFailover() throws {
        let scenario = try simulate(.haExample, operations: 40, scenarios: [.managerLoss]).scenarios[0]
        #expect(scenario.passed, "\(scenario.reasons)")
        #expect(scenario.faults.map(\.kind) == [.killLeadingManager, .killPod])
        #expect(scenario.faults[0].message == "killed test-insightedge-manager-2, the ZooKeeper leader of 3 managers")
        #expect(scenario.events.contains { $0.reason == "PrimaryPromoted" && $0.message.hasSuffix("8s after the primary left") })
    }

    @Test func withoutHAFailoverLosesThePartition() throws {
        let scenario = try simulate(GridFixture(partitions: 2, ha: false), operations: 40, scenarios: [.failover]).scenarios[0]
        #expect(!scenario.passed)
        #expect(scenario.reasons.contains { $0.hasPrefix("partition 1: its only instance test-insightedge-pu-1-0 was killed at ") })
    }
}
