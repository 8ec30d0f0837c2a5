import KubeGridCore
import Testing

@testable import KubeGridSim

/// SIGTERM to a Space instance: a primary hands over to a backup that holds every object,
/// at once; one that cannot hand over leaves as a crash does.
@Suite struct GracefulShutdownTests {
    func settled(_ fixture: GridFixture = GridFixture(partitions: 1)) throws -> World {
        let options = SimulationOptions()
        var world = World.deployed(fixture.bundle, nodes: try ClusterShape.generated(count: 3, zones: 1).build(), options: options)
        world.run(until: options.deployTimeout) { $0.isSettled }
        return world
    }

    func primaryPod(_ world: World) throws -> String {
        let space = try #require(world.grid.spaces.values.first)
        return try #require(world.grid.primary(of: space.key, partition: 1)).podName
    }

    @Test func aPrimaryDeletedWithAGracePeriodHandsOverAtOnce() throws {
        var world = try settled()
        let primary = try primaryPod(world)
        let space = try #require(world.grid.spaces.values.first)
        let backup = try #require(space.partitions[0].backups.first.flatMap { world.grid.instances[$0] })
        let objects = backup.store
        let deletedAt = world.now
        try world.deletePod(named: primary)
        // No detection delay: the backup is primary the moment the old one gets SIGTERM.
        #expect(world.grid.primary(of: space.key, partition: 1)?.podName == backup.podName)
        #expect(world.grid.primary(of: space.key, partition: 1)?.store == objects)
        let handOff = try #require(world.events.last { $0.reason == "PrimaryHandedOver" })
        #expect(handOff.time == deletedAt)
        #expect(handOff.message == "\(primary) is shutting down and handed partition 1 to its backup \(backup.podName), which is primary now")
        world.run(for: .seconds(120))
        #expect(!world.events.contains { $0.reason == "PrimaryPromoted" })
        // The recreated pod rejoins as backup of the new primary.
        #expect(world.grid.primary(of: space.key, partition: 1)?.podName == backup.podName)
        #expect(world.grid.spaces[space.key]?.partitions[0].backups.first.flatMap { world.grid.instances[$0]?.podName } == primary)
    }

    @Test func aPrimaryWhoseBackupIsStillRecoveringCannotHandOver() throws {
        var world = try settled()
        let space = try #require(world.grid.spaces.values.first)
        let backupKey = try #require(space.partitions[0].backups.first)
        world.grid.instances[backupKey]?.state = .recovering
        let primary = try primaryPod(world)
        try world.deletePod(named: primary)
        let warning = try #require(world.events.last { $0.reason == "HandOffImpossible" })
        #expect(warning.message == "\(primary) is shutting down as primary of partition 1 but cannot hand over: no backup holds every object; it leaves as if it had crashed")
        #expect(world.grid.spaces[space.key]?.partitions[0].primary == nil)
        #expect(world.grid.spaces[space.key]?.partitions[0].detectionPending == true)
    }

    @Test func aForcedDeleteIsACrashWithNoHandOff() throws {
        var world = try settled()
        let primary = try primaryPod(world)
        try world.deletePod(named: primary, gracePeriodSeconds: 0)
        let space = try #require(world.grid.spaces.values.first)
        #expect(world.grid.spaces[space.key]?.partitions[0].primary == nil)
        #expect(!world.events.contains { $0.reason == "PrimaryHandedOver" })
    }

    @Test func aBackupShuttingDownLeavesThePrimaryInPlace() throws {
        var world = try settled()
        let primary = try primaryPod(world)
        let space = try #require(world.grid.spaces.values.first)
        let backup = try #require(space.partitions[0].backups.first.flatMap { world.grid.instances[$0] })
        try world.deletePod(named: backup.podName)
        #expect(try primaryPod(world) == primary)
        #expect(!world.events.contains { $0.reason == "PrimaryHandedOver" || $0.reason == "HandOffImpossible" })
    }
}
