import KubeGridCore
import Testing

@testable import KubeGridSim

/// The operations simulate's user has, each an API request the controllers react to.
@Suite struct UserOperationTests {
    let pod = "test-insightedge-pu-1-0"

    func storePod(_ world: World, _ name: String) -> StoredObject? {
        world.api.store.get(ObjectKey(.pod, namespace: "default", name))
    }

    @Test func aDeletedPodTerminatesForItsGracePeriodThenComesBackWithANewUID() throws {
        var world = try settledWorld(GridFixture(partitions: 1, ha: false))
        let before = try #require(world.pod(named: pod))
        let storedBefore = try #require(storePod(world, pod))
        try world.deletePod(named: pod, gracePeriodSeconds: 30)
        let terminating = try #require(world.pod(named: pod))
        #expect(terminating.stage == .terminating)
        #expect(terminating.statusText == "Terminating")
        #expect(!terminating.ready)
        let marked = try #require(storePod(world, pod))
        #expect(marked.metadata.deletionTimestamp == world.now + .seconds(30))
        #expect(world.events.contains { $0.object == "pod/\(pod)" && $0.reason == "Killing" && $0.message.hasPrefix("Stopping container") })
        // The application stops at SIGTERM, well within the grace period; then the pod goes
        // and the StatefulSet creates it again.
        world.run(for: world.timings.shutdown + .seconds(1))
        let after = try #require(world.pod(named: pod))
        #expect(after.uid != before.uid)
        #expect(try #require(storePod(world, pod)).metadata.uid != storedBefore.metadata.uid)
        world.run(for: .seconds(300))
        #expect(world.isSettled)
    }

    @Test func aShortGracePeriodCutsTheShutdownShort() throws {
        var options = SimulationOptions()
        options.timings.shutdown = .seconds(20)
        var world = try settledWorld(GridFixture(partitions: 1, ha: false), options: options)
        try world.deletePod(named: pod, gracePeriodSeconds: 1)
        world.run(for: .milliseconds(999))
        #expect(world.pod(named: pod)?.stage == .terminating)
        world.run(for: .milliseconds(2))
        #expect(world.pod(named: pod)?.stage != .terminating)
    }

    @Test func aForcedDeleteKillsAtOnce() throws {
        var world = try settledWorld(GridFixture(partitions: 1, ha: false))
        let before = try #require(world.pod(named: pod))
        try world.deletePod(named: pod, gracePeriodSeconds: 0)
        #expect(world.pod(named: pod) == nil)
        #expect(storePod(world, pod) == nil)
        world.run(for: .seconds(1))
        #expect(try #require(world.pod(named: pod)).uid != before.uid)
    }

    @Test func deletingAMissingPodIsNotFound() throws {
        var world = try settledWorld(GridFixture(partitions: 1, ha: false))
        #expect(throws: APIError(.notFound, kind: .pod, name: "nope")) { try world.deletePod(named: "nope") }
    }

    @Test func deletingANodeMovesItsPodsElsewhere() throws {
        var world = try settledWorld(GridFixture(partitions: 1, ha: false), nodes: 3)
        let node = try #require(world.pod(named: pod)?.nodeName)
        try world.deleteNode(node)
        #expect(world.api.store.get(ObjectKey(.node, node)) == nil)
        world.run(for: .seconds(300))
        let moved = try #require(world.pod(named: pod))
        #expect(moved.nodeName != nil && moved.nodeName != node)
        #expect(world.isSettled)
    }

    @Test func anUnreachableNodeIsTaintedByTheNodeLifecycleController() throws {
        var world = try settledWorld(GridFixture(partitions: 1, ha: false), nodes: 3)
        try world.makeNodeUnreachable("node-1")
        guard case .node(let fresh) = world.api.store.get(ObjectKey(.node, "node-1"))?.body else {
            Issue.record("the Node object stays until the controller gives up")
            return
        }
        #expect(fresh.taints.isEmpty)
        world.run(for: world.timings.nodeMonitorGracePeriod)
        guard case .node(let tainted) = world.api.store.get(ObjectKey(.node, "node-1"))?.body else {
            Issue.record("still there while NotReady")
            return
        }
        #expect(tainted.taints == ["node.kubernetes.io/unreachable"])
        world.run(for: world.timings.nodeRemoval)
        #expect(world.api.store.get(ObjectKey(.node, "node-1")) == nil)
        world.run(for: world.timings.nodeReplacement)
        #expect(world.api.store.get(ObjectKey(.node, "node-1")) != nil)
    }

    @Test func patchingTheImageRollsTheStatefulSetToANewGeneration() throws {
        var world = try settledWorld(GridFixture(partitions: 1, ha: false))
        try world.patchImage(statefulSet: "test-insightedge-pu-1", tag: "16.5")
        let stored = try #require(world.api.store.get(ObjectKey(.statefulSet, namespace: "default", "test-insightedge-pu-1")))
        #expect(stored.metadata.generation == 2)
        #expect(world.statefulSets["default/test-insightedge-pu-1"]?.revision == 2)
        world.run(for: .seconds(600))
        #expect(world.pod(named: pod)?.revision == 2)
        #expect(world.pod(named: pod)?.spec.containers.first?.image?.hasSuffix(":16.5") == true)
        #expect(throws: APIError(.notFound, kind: .statefulSet, name: "nope")) { try world.patchImage(statefulSet: "nope", tag: "x") }
    }
}

@Suite struct ApplyTests {
    @Test func objectsInANamespaceTheAPIServerRefusesAreRefusedOnceEachWithItsWords() throws {
        var fixture = GridFixture(partitions: 1, ha: false)
        fixture.namespace = "Bad_NS"
        let world = World.deployed(fixture.bundle, nodes: try ClusterShape.generated(count: 1, zones: 1).build(), options: SimulationOptions())
        let refusals = world.rejections.map(\.description)
        #expect(refusals.filter { $0.hasPrefix("The Namespace \"Bad_NS\" is invalid: metadata.name: Invalid value: \"Bad_NS\"") }.count == 1)
        #expect(refusals.dropFirst().allSatisfy { $0 == "namespaces \"Bad_NS\" not found" })
        #expect(world.statefulSets.isEmpty)
    }

    @Test func theNamespacesTheManifestsNameAreCreatedFirst() throws {
        var fixture = GridFixture(partitions: 1, ha: false)
        fixture.namespace = "grid"
        let world = World.deployed(fixture.bundle, nodes: try ClusterShape.generated(count: 1, zones: 1).build(), options: SimulationOptions())
        #expect(world.rejections.isEmpty)
        #expect(world.api.store.get(ObjectKey(.namespace, "grid")) != nil)
        #expect(world.statefulSets.keys.allSatisfy { $0.hasPrefix("grid/") })
    }
}
