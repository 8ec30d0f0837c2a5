import KubeGridCore
import Testing

@testable import KubeGridSim

/// Kubernetes events as `Event` objects in the store: who reported them, about which
/// object (uid included, as kubectl describe selects them), counted when they repeat, and
/// gone an hour after they last happened.
@Suite struct EventRecorderTests {
    func storedEvents(_ world: World) -> [(name: String, record: EventRecord)] {
        world.api.store.list(.event).compactMap {
            if case .event(let record) = $0.body { return ($0.metadata.name, record) }
            return nil
        }
    }

    @Test func aSettledGridHasTheSchedulersAndKubeletsEventsForEachPod() throws {
        let world = try settledWorld(GridFixture())
        let events = storedEvents(world)
        let pod = try #require(world.api.store.list(.pod).first)
        let about = events.filter { $0.record.involvedName == pod.metadata.name }
        let scheduled = try #require(about.first { $0.record.reason == "Scheduled" })
        #expect(scheduled.record.component == "default-scheduler")
        #expect(scheduled.record.involvedUID == pod.metadata.uid)
        #expect(scheduled.record.message.hasPrefix("Successfully assigned default/\(pod.metadata.name) to node-"))
        #expect(scheduled.name.hasPrefix("\(pod.metadata.name)."))
        let started = try #require(about.first { $0.record.reason == "Started" })
        #expect(started.record.component == "kubelet")
        #expect(started.record.host != nil)
        #expect(events.contains { $0.record.involvedKind == .statefulSet && $0.record.reason == "SuccessfulCreate" })
        // Grid events are about no Kubernetes object: they stay on the timeline.
        #expect(!events.contains { $0.record.reason == "PrimaryElected" })
        #expect(world.events.contains { $0.reason == "PrimaryElected" })
    }

    @Test func anEventIsTheSameEventOnlyWhenEveryPartOfItsCorrelationIs() {
        let event = ClusterEvent(time: .zero, object: "pod/a-0", type: .normal, reason: "Started", message: "Started container a")
        let same = EventCorrelation(event, uid: UID(number: 7), component: "kubelet")
        #expect(EventCorrelation(event, uid: UID(number: 7), component: "kubelet") == same)
        #expect(EventCorrelation(event, uid: UID(number: 7), component: "kubelet").hashValue == same.hashValue)
        var other = event
        other.message = "Started container b"
        #expect(EventCorrelation(other, uid: UID(number: 7), component: "kubelet") != same)
        other = event
        other.type = .warning
        #expect(EventCorrelation(other, uid: UID(number: 7), component: "kubelet") != same)
        #expect(EventCorrelation(event, uid: UID(number: 8), component: "kubelet") != same)
        #expect(EventCorrelation(event, uid: UID(number: 7), component: "node-controller") != same)
        other = event
        other.object = "pod/a-1"
        #expect(EventCorrelation(other, uid: UID(number: 7), component: "kubelet") != same)
    }

    @Test func aRepeatedEventIsCountedOnOneObject() throws {
        let world = try settledWorld(GridFixture())
        let events = storedEvents(world)
        // The managers fail their readiness probe while they start, several times each.
        let unhealthy = events.filter { $0.record.reason == "Unhealthy" }
        let timelineCount = world.events.filter { $0.reason == "Unhealthy" }.count
        #expect(unhealthy.map(\.record.count).reduce(0, +) == timelineCount)
        #expect(unhealthy.count < timelineCount)
        #expect(unhealthy.allSatisfy { $0.record.count == 1 || $0.record.lastTimestamp > $0.record.firstTimestamp })
    }

    @Test func eventsExpireAnHourAfterTheyLastHappened() throws {
        var world = try settledWorld(GridFixture())
        let before = storedEvents(world)
        #expect(!before.isEmpty)
        let lastSeen = before.map(\.record.lastTimestamp).max()!
        world.run(until: lastSeen + EventRecorder.timeToLive - .seconds(1))
        #expect(storedEvents(world).count == before.count - before.filter { world.now - $0.record.lastTimestamp >= EventRecorder.timeToLive }.count)
        world.run(until: lastSeen + EventRecorder.timeToLive)
        #expect(storedEvents(world).isEmpty)
    }
}

extension EventRecorderTests {
    @Test func theStoreKeepsAtMostTheRecordersCapacityOfEvents() throws {
        var api = StoreFixtures.api()
        var recorder = EventRecorder(changes: api.watch())
        try api.create(StoreFixtures.pod(), name: "web-0", at: .zero)
        for event in api.changes(for: recorder.changes) { recorder.observe(event) }
        var timeline = Timeline()
        for index in 0..<(EventRecorder.capacity + 10) {
            timeline.record("pod/web-0", "Unhealthy", "Readiness probe failed: attempt \(index)", type: .warning)
        }
        recorder.record(timeline, api: &api)
        let stored = api.store.list(.event)
        #expect(stored.count == EventRecorder.capacity)
        // The oldest went first.
        let messages = stored.compactMap { object -> String? in
            if case .event(let record) = object.body { return record.message }
            return nil
        }
        #expect(!messages.contains("Readiness probe failed: attempt 0"))
        #expect(messages.contains("Readiness probe failed: attempt \(EventRecorder.capacity + 9)"))
    }
}
