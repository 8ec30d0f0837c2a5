import KubeGridCore
import Testing

@testable import KubeGridSim

/// The node lifecycle controller on its own: a lost machine, its silence noticed after the
/// node monitor grace period, its pods marked Unknown, its `Node` removed, a replacement.
@Suite struct NodeLifecycleAloneTests {
    @Test func aLostNodeIsNotReadyAfterTheGracePeriodAndItsPodsAreUnknownUntilItIsRemoved() throws {
        let options = SimulationOptions()
        var api = StoreFixtures.api()
        var grid = GridController(changes: api.watch(), options: options)
        var lifecycle = NodeLifecycleController(timings: options.timings)
        for node in try ClusterShape.generated(count: 1, zones: 1).build() { lifecycle.nodes.add(node) }
        var context = RuntimeContext(
            timeline: Timeline(), pods: PodTable(), faultLog: FaultLog(), clients: GridClients(), random: SeededRandom(seed: 1),
            cluster: ClusterView(api: api, nodes: lifecycle.nodes, instanceServiceByPod: [:], endpoints: EndpointsController(changes: api.watch())))
        let statefulSet = StoreFixtures.statefulSet("web")
        var pod = KubeGridSim.Pod(
            uid: context.pods.newUID(), name: "web-0", namespace: "default", labels: [:], spec: statefulSet.spec.template.spec,
            owner: "default/web", ordinal: 0, revision: 1, role: .other, createdAt: .zero)
        pod.nodeName = "node-1"
        pod.phase = .running
        pod.stage = .running
        pod.ready = true
        context.pods[pod.key] = pod

        lifecycle.loseNode("node-1", grid: &grid, &context)
        #expect(context.pods[pod.key]?.statusText == "Unknown")
        // The API server does not know yet: the pod still counts as Running and Ready.
        #expect(context.pods[pod.key]?.isRunningAndReady == true)
        let noticed = try #require(context.timeline.nextTime)
        #expect(noticed == options.timings.nodeMonitorGracePeriod)
        guard case .nodeNotReady(let name, let incarnation) = context.timeline.popEvent(at: noticed) else {
            Issue.record("expected the node monitor to notice")
            return
        }
        #expect(lifecycle.isSilent(name, incarnation: incarnation))
        lifecycle.markNotReady(name, incarnation: incarnation, &context)
        #expect(context.pods[pod.key]?.phase == .unknown)
        #expect(context.pods[pod.key]?.ready == false)
        #expect(context.readinessChanges == ["default/web"])
        #expect(context.timeline.events.map(\.reason) == ["NodeNotReady", "NodeNotReady"])

        let bound = lifecycle.remove(name, incarnation: incarnation, timeline: &context.timeline, pods: context.pods)
        #expect(bound == [pod.key])
        #expect(lifecycle.rejoin(name, incarnation: incarnation, &context)?.condition == .ready)
        #expect(!lifecycle.isSilent(name, incarnation: incarnation))
    }
}
