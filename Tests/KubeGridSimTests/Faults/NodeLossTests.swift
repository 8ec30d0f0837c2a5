import KubeGridCore
import Testing

@testable import KubeGridSim

/// Losing a node, as Kubernetes lives through it.
@Suite struct NodeLossTests {
    @Test func podsOnALostNodeStayUnknownUntilTheNodeIsRemovedThenMove() throws {
        var world = try settledWorld(.haExample)
        let onNode = world.pods.values.filter { $0.nodeName == "node-1" }
        #expect(onNode.count >= 3)
        let primaries = (1...4).filter { world.primaryName($0).flatMap { world.pod(named: $0)?.nodeName } == "node-1" }
        _ = world.inject(.loseNode("node-1"))

        // The grid notices first: the backups take over after the detection delay.
        world.run(for: .seconds(9))
        for partition in primaries {
            #expect(world.primaryName(partition).flatMap { world.pod(named: $0)?.nodeName } != "node-1")
        }
        // The API server does not know yet: the pods still say Running and Ready.
        for pod in onNode {
            let now = try #require(world.pods[pod.key])
            #expect(now.uid == pod.uid && now.phase == .running && now.stage == .lost)
        }
        // After the node monitor grace period: NotReady, pods Unknown, and not replaced.
        world.run(for: .seconds(32))
        #expect(world.events.contains { $0.object == "node/node-1" && $0.reason == "NodeNotReady" })
        for pod in onNode {
            let now = try #require(world.pods[pod.key])
            #expect(now.uid == pod.uid && now.phase == .unknown && !now.ready)
            #expect(now.statusText == "Unknown")
        }
        world.run(for: .seconds(58))
        #expect(onNode.allSatisfy { world.pods[$0.key]?.uid == $0.uid }, "no second pod while the first may still run")
        // The Node object is deleted: the pods are deleted and created again elsewhere.
        world.run(for: .seconds(2))
        #expect(world.events.contains { $0.object == "node/node-1" && $0.reason == "RemovingNode" })
        for pod in onNode {
            let now = world.pods[pod.key]
            #expect(now.map { $0.uid != pod.uid && $0.nodeName != "node-1" } ?? false, "\(pod.name)")
        }
        // A replacement joins under the same name.
        world.run(for: .seconds(30))
        #expect(world.node(named: "node-1")?.condition == .ready)
    }

    @Test func theReplacementNodeTakesThePodsThatFitNowhereElse() throws {
        // Three managers with required anti-affinity on three nodes: manager-0 can only come
        // back on the replacement node.
        var world = try settledWorld(.haExample)
        let manager = try #require(world.pods.values.first { $0.name == "test-insightedge-manager-0" })
        let node = try #require(manager.nodeName)
        _ = world.inject(.loseNode(node))
        world.run(for: .seconds(101))
        #expect(world.pod(named: "test-insightedge-manager-0")?.nodeName == nil, "Pending until the node returns")
        world.run(for: .seconds(60))
        #expect(world.pod(named: "test-insightedge-manager-0")?.nodeName == node)
    }
}
