import KubeGridCore
import Testing

@testable import KubeGridSim

/// The kubelet on its own: a pod table and a clock lent in a runtime context, and a grid
/// that knows no Space (a plain pod's application is up as soon as it runs).
@Suite struct KubeletAloneTests {
    struct Rig {
        var api = StoreFixtures.api()
        var kubelet: Kubelet
        var grid: GridController
        var context: RuntimeContext

        init() {
            let options = SimulationOptions()
            kubelet = Kubelet(changes: api.watch(), timings: options.timings)
            grid = GridController(changes: api.watch(), options: options)
            context = RuntimeContext(
                timeline: Timeline(), pods: PodTable(), faultLog: FaultLog(), clients: GridClients(), random: SeededRandom(seed: 1),
                cluster: ClusterView(api: api, nodes: NodeTable(), instanceServiceByPod: [:], endpoints: EndpointsController(changes: api.watch())))
        }

        /// A pod of the `web` StatefulSet, bound to node-1 and running.
        mutating func runningPod() -> KubeGridSim.Pod {
            let statefulSet = StoreFixtures.statefulSet("web")
            var pod = KubeGridSim.Pod(
                uid: context.pods.newUID(), name: "web-0", namespace: "default", labels: [:],
                spec: statefulSet.spec.template.spec, owner: "default/web", ordinal: 0, revision: 1, role: .other, createdAt: .zero)
            pod.nodeName = "node-1"
            pod.phase = .running
            pod.stage = .running
            pod.ready = true
            context.pods[pod.key] = pod
            return pod
        }

        /// Runs the clock to the next event and hands it to the kubelet; returns when it ran.
        mutating func runNext() -> SimTime? {
            guard let time = context.timeline.nextTime, let event = context.timeline.popEvent(at: time) else { return nil }
            switch event {
            case .restartContainer(let uid, let generation):
                kubelet.restart(uid: uid, generation: generation, initContainer: nil, &context)
            case .applicationStarted(let uid, let generation):
                kubelet.applicationStarted(uid: uid, generation: generation, grid: &grid, &context)
            default: break
            }
            return time
        }
    }

    @Test func aContainerThatKeepsDyingIsRestartedAfterABackOffThatDoublesFromTenSecondsToFiveMinutes() {
        var rig = Rig()
        let pod = rig.runningPod()
        var restarts: [SimTime] = []
        for _ in 0..<7 {
            let died = rig.context.now
            rig.kubelet.containerDied(pod.key, reason: .failedLiveness(container: "app"), grid: &rig.grid, &rig.context)
            #expect(rig.context.pods[pod.key]?.statusText == "CrashLoopBackOff")
            // The restart is the next event; the application starts after it.
            guard let restarted = rig.runNext() else { break }
            restarts.append(restarted - died)
            #expect(rig.context.pods[pod.key]?.stage == .starting)
            _ = rig.runNext()
        }
        #expect(restarts.map(\.milliseconds) == [10, 20, 40, 80, 160, 300, 300].map { $0 * 1000 })
        #expect(rig.context.pods[pod.key]?.restartCount == 7)
        // Without a readiness probe a restarted container is Ready at once, and not Ready
        // when it dies again: its StatefulSet hears of each change.
        #expect(rig.context.readinessChanges == Array(repeating: "default/web", count: 14))
    }

    @Test func aPodDeletedWithAGracePeriodIsTerminatingAndStopsWhenItsApplicationHasShutDown() throws {
        var rig = Rig()
        let pod = rig.runningPod()
        try rig.api.create(StoreFixtures.pod(onNode: "node-1", grace: 30), name: "web-0", at: .zero)
        _ = try rig.api.delete(ObjectKey(.pod, namespace: "default", "web-0"), gracePeriodSeconds: 30, at: .zero)
        for event in rig.api.changes(for: rig.kubelet.changes) { rig.kubelet.observe(event, grid: &rig.grid, &rig.context) }
        #expect(rig.context.pods[pod.key]?.statusText == "Terminating")
        #expect(rig.context.pods[pod.key]?.ready == false)
        #expect(rig.context.timeline.events.last?.message == "Stopping container \(pod.spec.containers[0].name)")
        let due = try #require(rig.context.timeline.nextTime)
        #expect(due == min(SimulationOptions().timings.shutdown, .seconds(30)))
        let event = rig.context.timeline.popEvent(at: due)
        guard case .terminationDone(let uid, let generation) = event else {
            Issue.record("expected the end of the termination")
            return
        }
        #expect(rig.kubelet.terminationDone(uid: uid, generation: generation, &rig.context)?.key == pod.key)
        #expect(rig.context.pods[pod.key] == nil)
    }
}
