import KubeGridCore
import Testing

@testable import KubeGridSim

/// A StatefulSet's RollingUpdate after a template change.
@Suite struct RollingUpdateTests {
    func fixtureBundle(partition: Int? = nil, onDelete: Bool = false) -> ManifestBundle {
        var bundle = GridFixture(partitions: 1).bundle
        for index in bundle.statefulSets.indices where bundle.statefulSets[index].metadata.name.hasSuffix("-pu-1") {
            bundle.statefulSets[index].spec.updateStrategy = StatefulSetUpdateStrategy(
                type: onDelete ? .onDelete : .rollingUpdate, rollingUpdate: partition.map { RollingUpdateStatefulSetStrategy(partition: $0) })
        }
        return bundle
    }

    func settled(_ bundle: ManifestBundle) throws -> World {
        let options = SimulationOptions()
        var world = World.deployed(bundle, nodes: try ClusterShape.generated(count: 3, zones: 1).build(), options: options)
        world.run(until: options.deployTimeout) { $0.isSettled }
        return world
    }

    @Test func theHighestOrdinalGoesFirstAndTheNextWaitsUntilItIsReady() throws {
        var world = try settled(fixtureBundle())
        try world.patchImage(statefulSet: "test-insightedge-pu-1", tag: "16.0")
        world.run(for: .seconds(300))
        let deleted = world.events.filter { $0.reason == "SuccessfulDelete" }
        #expect(deleted.map { $0.message.components(separatedBy: " ")[2] } == ["test-insightedge-pu-1-1", "test-insightedge-pu-1-0"])
        // pu-1-1 came back, recovered and passed its readiness probe before pu-1-0 went.
        let recovered = try #require(world.events.first { $0.reason == "BackupRecovered" && $0.message.hasPrefix("test-insightedge-pu-1-1 ") && $0.time > deleted[0].time })
        #expect(recovered.time < deleted[1].time)
        for name in ["test-insightedge-pu-1-0", "test-insightedge-pu-1-1"] {
            let pod = try #require(world.pod(named: name))
            #expect(pod.revision == 2 && pod.isRunningAndReady)
            #expect(pod.spec.containers[0].image == "gigaspaces/insightedge-enterprise:16.0")
            #expect(pod.labels["controller-revision-hash"] == "test-insightedge-pu-1-rev2")
        }
    }

    @Test func ordinalsBelowThePartitionKeepTheOldRevision() throws {
        var world = try settled(fixtureBundle(partition: 1))
        try world.patchImage(statefulSet: "test-insightedge-pu-1", tag: "16.0")
        world.run(for: .seconds(300))
        #expect(world.pod(named: "test-insightedge-pu-1-1")?.revision == 2)
        #expect(world.pod(named: "test-insightedge-pu-1-0")?.revision == 1)
    }

    @Test func onDeleteReplacesNothing() throws {
        var world = try settled(fixtureBundle(onDelete: true))
        let uids = world.pods.values.map(\.uid)
        try world.patchImage(statefulSet: "test-insightedge-pu-1", tag: "16.0")
        world.run(for: .seconds(300))
        #expect(world.pods.values.map(\.uid) == uids)
        #expect(world.events.contains { $0.reason == "Updated" && $0.message.contains("updateStrategy OnDelete") })
    }

    @Test(arguments: [
        ("gigaspaces/insightedge:15.5", "gigaspaces/insightedge:16.0"),
        ("insightedge", "insightedge:16.0"),
        ("registry.local:5000/insightedge", "registry.local:5000/insightedge:16.0"),
        ("registry.local:5000/insightedge:15.5", "registry.local:5000/insightedge:16.0"),
    ])
    func aNewTagReplacesTheOldOne(image: String, expected: String) {
        #expect(World.image(image, withTag: "16.0") == expected)
    }
}
