import KubeGridCore
import Testing

@testable import KubeGridSim

/// The eviction subresource against PodDisruptionBudgets, as kube-apiserver answers it.
@Suite struct EvictionTests {
    func settled() throws -> World {
        let options = SimulationOptions()
        var world = World.deployed(GridFixture(partitions: 1).bundle, nodes: try ClusterShape.generated(count: 3, zones: 1).build(), options: options)
        world.run(until: options.deployTimeout) { $0.isSettled }
        return world
    }

    func evict(_ name: String, in world: inout World) throws(APIError) {
        let ready = Set(world.pods.values.filter { $0.isRunningAndReady && $0.stage != .terminating }.map(\.key))
        try world.write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.evict(ObjectKey(.pod, namespace: "default", name), healthy: { ready.contains($0) }, at: now)
        }
    }

    @Test func anEvictionTheBudgetAllowsDeletesThePodWithItsGracePeriod() throws {
        var world = try settled()
        try evict("test-insightedge-pu-1-1", in: &world)
        let stored = try #require(world.api.store.get(ObjectKey(.pod, namespace: "default", "test-insightedge-pu-1-1")))
        #expect(stored.metadata.deletionGracePeriodSeconds == 30)
        #expect(world.pod(named: "test-insightedge-pu-1-1")?.stage == .terminating)
    }

    @Test func aSecondEvictionWhileTheFirstPodIsNotBackIsRefusedWith429() throws {
        var world = try settled()
        try evict("test-insightedge-pu-1-1", in: &world)
        do {
            try evict("test-insightedge-pu-1-0", in: &world)
            Issue.record("the budget allows one pod of the partition down, not two")
        } catch {
            #expect(error.reason == .tooManyRequests)
            #expect(error.description == "Cannot evict pod as it would violate the pod's disruption budget. "
                + "The disruption budget test-insightedge-pu-1 needs 1 healthy pods and has 1 currently")
        }
        // Still refused while the recreated pod is starting: the StatefulSet's replicas count.
        world.run(for: .seconds(5))
        #expect(throws: APIError.self) { try evict("test-insightedge-pu-1-0", in: &world) }
        // Once it is back and Ready, the other may go.
        world.run(for: .seconds(120))
        try evict("test-insightedge-pu-1-0", in: &world)
    }

    @Test(arguments: [
        (PodDisruptionBudgetSpec(maxUnavailable: .int(1)), 3, 2),
        (PodDisruptionBudgetSpec(minAvailable: .int(2)), 3, 2),
        (PodDisruptionBudgetSpec(minAvailable: .string("50%")), 3, 2),
        (PodDisruptionBudgetSpec(maxUnavailable: .string("50%")), 3, 1),
        (PodDisruptionBudgetSpec(), 3, 3),
    ])
    func desiredHealthyFollowsTheDisruptionController(spec: PodDisruptionBudgetSpec, expected: Int, desired: Int) {
        #expect(APIServer.desiredHealthy(spec, expected: expected) == desired)
    }
}
