import KubeGridCore
import Testing

@testable import KubeGridSim

/// The StatefulSet controller on its own: an API server, a pod table and a timeline.
@Suite struct StatefulSetControllerAloneTests {
    struct Rig {
        var api = StoreFixtures.api()
        var pods: PodTable
        var timeline = Timeline()
        var controller: StatefulSetController

        init() {
            pods = PodTable()
            controller = StatefulSetController(changes: api.watch())
        }

        mutating func deliver() {
            for event in api.changes(for: controller.changes) { _ = controller.observe(event, timeline: &timeline) }
        }

        /// Runs every sync due now.
        mutating func syncAll() {
            while let time = timeline.nextTime, let event = timeline.popEvent(at: time) {
                if case .syncStatefulSet(let key) = event { controller.sync(key, pods: &pods, api: &api, timeline: &timeline) }
                deliver()
            }
        }

        mutating func makeReady(_ name: String) {
            guard var pod = pods["default/\(name)"] else { return }
            pod.phase = .running
            pod.ready = true
            pods[pod.key] = pod
            controller.ownerChanged(pod.owner, timeline: &timeline)
        }

        func podNames() -> [String] { api.store.list(.pod).map(\.metadata.name) }
    }

    func statefulSet(_ policy: PodManagementPolicy, replicas: Int = 3) -> StatefulSet {
        var statefulSet = StoreFixtures.statefulSet("web", replicas: replicas)
        statefulSet.spec.podManagementPolicy = policy
        return statefulSet
    }

    @Test func orderedReadyCreatesOnePodAtATimeEachOnceTheOneBeforeIsReady() throws {
        var rig = Rig()
        try rig.api.create(.statefulSet(statefulSet(.orderedReady)), name: "web", at: .zero)
        rig.deliver()
        rig.syncAll()
        #expect(rig.podNames() == ["web-0"])
        rig.makeReady("web-0")
        rig.syncAll()
        #expect(rig.podNames() == ["web-0", "web-1"])
        // Its pods are owned by the StatefulSet.
        let owner = try #require(rig.api.store.get(ObjectKey(.statefulSet, namespace: "default", "web")))
        #expect(rig.api.store.dependents(of: owner.metadata.uid).map(\.name) == ["web-0", "web-1"])
    }

    @Test func parallelCreatesEveryPodAtOnce() throws {
        var rig = Rig()
        try rig.api.create(.statefulSet(statefulSet(.parallel)), name: "web", at: .zero)
        rig.deliver()
        rig.syncAll()
        #expect(rig.podNames() == ["web-0", "web-1", "web-2"])
        let labels = rig.api.store.get(ObjectKey(.pod, namespace: "default", "web-2"))?.metadata.labels
        #expect(labels?["controller-revision-hash"] == "web-rev1")
        #expect(labels?["statefulset.kubernetes.io/pod-name"] == "web-2")
    }

    @Test func aNewTemplateIsANewRevisionRolledFromTheHighestOrdinal() throws {
        var rig = Rig()
        try rig.api.create(.statefulSet(statefulSet(.parallel, replicas: 2)), name: "web", at: .zero)
        rig.deliver()
        rig.syncAll()
        rig.makeReady("web-0")
        rig.makeReady("web-1")
        rig.syncAll()
        try rig.api.update(ObjectKey(.statefulSet, namespace: "default", "web"), at: .zero) { body in
            guard case .statefulSet(var statefulSet) = body else { return }
            statefulSet.spec.template.spec.containers[0].image = "gigaspaces/xap:17.0"
            body = .statefulSet(statefulSet)
        }
        rig.deliver()
        #expect(rig.controller.records["default/web"]?.revision == 2)
        #expect(rig.timeline.events.contains { $0.reason == "Updated" && $0.message.contains("web-rev2") })
        rig.syncAll()
        // web-1 goes first; the pod table still has it until its kubelet hears of it.
        #expect(rig.podNames() == ["web-0"])
        #expect(rig.timeline.events.last?.message == "delete Pod web-1 in StatefulSet web successful (rolling update to revision 2)")
    }
}
