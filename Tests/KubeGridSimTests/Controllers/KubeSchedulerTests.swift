import KubeGridCore
import OrderedCollections
import Testing

@testable import KubeGridSim

/// kube-scheduler on its own: an API server, a pod table and a timeline, nothing else.
@Suite struct KubeSchedulerTests {
    typealias S = SchedulerFixtures

    struct Rig {
        var api = StoreFixtures.api()
        var pods: PodTable
        var nodes = NodeTable()
        var timeline = Timeline()
        var scheduler: KubeScheduler

        init(nodes machines: [ClusterNode]) {
            pods = PodTable()
            scheduler = KubeScheduler(cache: Scheduler(random: SeededRandom(seed: 1)), unschedulableRetry: .seconds(300), changes: api.watch())
            for node in machines {
                nodes.add(node)
                _ = try? api.create(.node(NodeObject(labels: node.labels)), name: node.name, at: .zero)
            }
            deliver()
        }

        mutating func deliver() {
            for event in api.changes(for: scheduler.changes) { scheduler.observe(event, nodes: nodes, timeline: &timeline) }
        }

        /// A pod created through the API server, as the StatefulSet controller creates one.
        mutating func createPod(_ name: String, memory: String? = nil) throws {
            let requests: OrderedDictionary<String, Quantity> = memory.map { ["memory": Quantity(stringLiteral: $0)] } ?? [:]
            let spec = PodSpec(containers: [Container(name: "main", resources: ResourceRequirements(requests: requests))])
            let pod = KubeGridSim.Pod(
                uid: pods.newUID(), name: name, namespace: "default", labels: [:], spec: spec, owner: "default/x",
                ordinal: 0, revision: 1, role: .other, createdAt: .zero)
            pods[pod.key] = pod
            try api.create(.pod(PodObject(spec: spec)), name: name, namespace: "default", at: .zero)
            deliver()
        }

        mutating func cycle() {
            guard timeline.popEvent(at: timeline.nextTime ?? .zero) != nil else { return }
            scheduler.runCycle(pods: &pods, api: &api, timeline: &timeline)
            deliver()
        }

        func boundNode(_ name: String) -> String? {
            guard case .pod(let pod) = api.store.get(ObjectKey(.pod, namespace: "default", name))?.body else { return nil }
            return pod.nodeName
        }
    }

    @Test func aPodItHearsOfIsBoundThroughTheAPIServer() throws {
        var rig = Rig(nodes: S.nodes(2))
        #expect(rig.scheduler.cache.hasNode("node-1") && rig.scheduler.cache.hasNode("node-2"))
        try rig.createPod("a")
        #expect(rig.scheduler.active == ["default/a"])
        rig.cycle()
        #expect(rig.boundNode("a") != nil)
        #expect(rig.timeline.events.map(\.reason) == ["Scheduled"])
        #expect(rig.scheduler.active.isEmpty)
    }

    @Test func aPodNoNodeFitsWaitsWithItsTypedReasonUntilANodeJoins() throws {
        var rig = Rig(nodes: S.nodes(1, memory: "1Gi"))
        try rig.createPod("big", memory: "2Gi")
        rig.cycle()
        #expect(rig.boundNode("big") == nil)
        #expect(rig.scheduler.unschedulable == ["default/big"])
        #expect(rig.pods["default/big"]?.schedulingFailure?.failed(for: .insufficientMemory) == true)
        #expect(rig.timeline.events.last?.reason == "FailedScheduling")
        // A larger node joins: the waiting pod is queued again and fits.
        let large = S.nodes(2, memory: "8Gi")[1]
        rig.nodes.add(large)
        try rig.api.create(.node(NodeObject(labels: large.labels)), name: large.name, at: .zero)
        rig.deliver()
        #expect(rig.scheduler.active == ["default/big"])
        rig.cycle()
        #expect(rig.boundNode("big") == large.name)
    }

    @Test func aDeletedPodIsForgottenAndFreesItsPlace() throws {
        var rig = Rig(nodes: S.nodes(1, memory: "3Gi"))
        try rig.createPod("first", memory: "2Gi")
        rig.cycle()
        try rig.createPod("second", memory: "2Gi")
        rig.cycle()
        #expect(rig.boundNode("second") == nil)
        _ = rig.pods.remove("default/first")
        try rig.api.delete(ObjectKey(.pod, namespace: "default", "first"), gracePeriodSeconds: 0, at: .zero)
        rig.deliver()
        #expect(!rig.scheduler.cache.isPlaced("default/first"))
        rig.cycle()
        #expect(rig.boundNode("second") == "node-1")
    }
}
