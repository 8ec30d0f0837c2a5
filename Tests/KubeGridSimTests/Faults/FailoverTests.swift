import KubeGridCore
import Testing

@testable import KubeGridSim

/// The grid when a primary dies: detection, promotion given a quorum, recovery, failback,
/// and clients that retry through the lookup service.
@Suite struct FailoverTests {
    @Test func theBackupIsPromotedAfterTheDetectionDelayWithItsObjects() throws {
        var options = SimulationOptions()
        options.timings.failureDetection = .seconds(3)
        var world = try settledWorld(.haExample, options: options)
        let space = try #require(world.grid.spaces.values.first?.key)
        let primary = try #require(world.grid.primary(of: space, partition: 2))
        world.grid.instances[primary.podKey]?.store = ["a": "1", "b": "2"]
        let backupKey = try #require(world.grid.spaces[space]?.partitions[1].backups.first)
        world.grid.instances[backupKey]?.store = ["a": "1", "b": "2"]
        _ = world.inject(.killPrimary(partition: 2))
        world.run(for: .milliseconds(2999))
        #expect(world.grid.primary(of: space, partition: 2) == nil)
        world.run(for: .milliseconds(1))
        let promoted = try #require(world.grid.primary(of: space, partition: 2))
        #expect(promoted.podKey == backupKey && promoted.store == ["a": "1", "b": "2"])
    }

    @Test func noBackupIsPromotedWithoutAQuorum() throws {
        var world = try settledWorld(.haExample)
        let space = try #require(world.grid.spaces.values.first?.key)
        let backupKey = try #require(world.grid.spaces[space]?.partitions[0].backups.first)
        _ = world.inject(.loseQuorum)
        #expect(world.grid.ensembles.values.first?.hasQuorum == false)
        world.run(for: .seconds(1))
        _ = world.inject(.killPrimary(partition: 1))
        world.run(for: .seconds(12))
        #expect(world.grid.primary(of: space, partition: 1) == nil)
        #expect(world.events.contains { $0.reason == "ElectionBlocked" && $0.message.hasPrefix("partition 1 cannot elect a primary") })
        // The managers come back, the quorum forms, the recovered backup takes over.
        world.run(for: .seconds(60))
        #expect(world.grid.primary(of: space, partition: 1)?.podKey == backupKey)
    }

    @Test func theRecreatedPodRecoversEveryObjectAndTakesLongerWithMoreOfThem() throws {
        func recoveryTime(objects: Int) throws -> SimTime {
            var world = try settledWorld(GridFixture(partitions: 1))
            let space = try #require(world.grid.spaces.values.first?.key)
            let primary = try #require(world.grid.primary(of: space, partition: 1))
            var store = SpaceObjects()
            for n in 0..<objects { store["key-\(n)"] = "v\(n)" }
            world.grid.instances[primary.podKey]?.store = store
            let backup = try #require(world.grid.spaces[space]?.partitions[0].backups.first.flatMap { world.pods[$0] })
            _ = world.inject(.killPod(backup.name))
            world.run(for: .seconds(120))
            #expect(world.grid.instances[backup.key]?.store == store)
            #expect(world.grid.instances[backup.key]?.state == .backup)
            let start = try #require(world.events.last { $0.reason == "BackupRecovering" })
            let done = try #require(world.events.last { $0.reason == "BackupRecovered" })
            #expect(start.message.contains("copying \(objects) object"))
            return done.time - start.time
        }
        #expect(try recoveryTime(objects: 10) == .milliseconds(1200))
        #expect(try recoveryTime(objects: 5000) == .milliseconds(2000))
    }

    @Test(arguments: [false, true])
    func failbackGivesTheOriginalPrimaryItsRoleBack(failback: Bool) throws {
        var options = SimulationOptions()
        options.failback = failback
        var world = try settledWorld(.haExample, options: options)
        let original = try #require(world.primaryName(1))
        _ = world.inject(.killPrimary(partition: 1))
        world.run(for: .seconds(120))
        #expect((world.primaryName(1) == original) == failback)
        #expect(world.events.contains { $0.reason == "PrimaryRestored" } == failback)
    }

    @Test func clientsRetryThroughTheLookupServiceInsteadOfFailing() throws {
        let report = try simulate(.haExample, operations: 200, scenarios: [.failover], keepsHistory: true)
        let scenario = report.scenarios[0]
        #expect(scenario.passed)
        #expect(scenario.operationsFailed == 0 && scenario.operationsUnknown == 0)
        // Some operation started while its partition had no primary and finished once the
        // backup had taken over, about the detection delay later.
        var invoked: [Int: Operation] = [:]
        var waited = SimTime.zero
        for entry in scenario.history.entries where entry.process >= 0 {
            if entry.type == .invoke {
                invoked[entry.process] = entry
            } else if let start = invoked[entry.process] {
                waited = max(waited, entry.time - start.time)
            }
        }
        #expect(waited > .seconds(5) && waited < .seconds(10))
        for (partition, seconds) in scenario.unavailableSeconds {
            #expect(seconds >= 8 && seconds < 9, "partition \(partition)")
        }
    }
}
