import KubeGridCore
import Testing

@testable import KubeGridSim

/// Controllers react to what the API server's change feed tells them, not to calls.
@Suite struct ControllerFeedTests {
    func world(_ fixture: GridFixture = GridFixture(partitions: 1, ha: false), nodes: Int = 3) throws -> World {
        World.deployed(fixture.bundle, nodes: try ClusterShape.generated(count: nodes, zones: 1).build(), options: SimulationOptions())
    }

    @Test func everyControllerHasReadEveryChangeAfterAWrite() throws {
        var world = try world()
        world.run(for: .seconds(5))
        #expect(world.api.store.feed.retainedCount == 0)
    }

    @Test func theSchedulerBindsPodsItHearsOfAndTheStoreRecordsTheBinding() throws {
        var world = try world()
        world.run(for: .seconds(1))
        guard case .pod(let stored) = world.api.store.get(ObjectKey(.pod, namespace: "default", "test-insightedge-pu-1-0"))?.body
        else {
            Issue.record("the StatefulSet controller created the pod through the API server")
            return
        }
        #expect(stored.nodeName != nil)
        #expect(stored.nodeName == world.pod(named: "test-insightedge-pu-1-0")?.nodeName)
    }

    @Test func theSchedulerLearnsOfNodesFromTheirObjects() throws {
        let world = try world(nodes: 4)
        #expect(world.api.store.list(.node).map(\.metadata.name) == ["node-1", "node-2", "node-3", "node-4"])
        #expect((1...4).allSatisfy { world.scheduling.cache.hasNode("node-\($0)") })
    }

    @Test func scalingAStatefulSetUpAndDownThroughTheAPIServer() throws {
        var world = try settledWorld(GridFixture(partitions: 1, ha: false))
        let key = ObjectKey(.statefulSet, namespace: "default", "test-insightedge-pu-1")
        func scale(_ replicas: Int) throws {
            try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
                _ = try api.update(key, at: now) { body in
                    if case .statefulSet(var statefulSet) = body {
                        statefulSet.spec.replicas = replicas
                        body = .statefulSet(statefulSet)
                    }
                }
            }
        }
        try scale(3)
        world.run(for: .seconds(600))
        #expect(world.pod(named: "test-insightedge-pu-1-2")?.isRunningAndReady == true)
        try scale(1)
        world.run(for: .seconds(60))
        #expect(world.pod(named: "test-insightedge-pu-1-2") == nil)
        #expect(world.pod(named: "test-insightedge-pu-1-1") == nil)
        #expect(world.pod(named: "test-insightedge-pu-1-0") != nil)
        let deletions = world.events.filter { $0.reason == "SuccessfulDelete" }.map(\.message)
        // Highest ordinal first.
        #expect(deletions.first?.contains("test-insightedge-pu-1-2") == true)
    }

    @Test func deletingAStatefulSetLetsTheGarbageCollectorTakeItsPods() throws {
        var world = try settledWorld(GridFixture(partitions: 1, ha: false))
        try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            _ = try api.delete(ObjectKey(.statefulSet, namespace: "default", "test-insightedge-pu-1"), at: now)
        }
        #expect(world.statefulSets["default/test-insightedge-pu-1"] == nil)
        world.run(for: .seconds(60))
        #expect(world.pod(named: "test-insightedge-pu-1-0") == nil)
        #expect(world.api.store.list(.pod, namespace: "default").allSatisfy { !$0.metadata.name.hasPrefix("test-insightedge-pu-1-") })
    }
}
