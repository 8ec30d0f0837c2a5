import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct ChangeFeedTests {
    typealias F = StoreFixtures

    @Test func consumersSeeAddedModifiedDeletedInOrderWithTheirVersions() throws {
        var store = ObjectStore()
        let consumer = store.feed.subscribe()
        let created = try store.create(.statefulSet(F.statefulSet("a")), name: "a", at: .zero)
        try store.update(created.key, at: .zero) { (o: inout StoredObject) throws(APIError) in
            o.body = .statefulSet(F.statefulSet("a", replicas: 5))
        }
        try store.delete(created.key, at: .zero)
        let events = Array(store.feed.read(consumer))
        #expect(events.map(\.type) == [.added, .modified, .deleted])
        #expect(events.map(\.resourceVersion) == [created.metadata.resourceVersion + 0, created.metadata.resourceVersion + 1, created.metadata.resourceVersion + 2])
        #expect(events.last?.object.metadata.name == "a")
        #expect(store.feed.read(consumer).isEmpty)
    }

    @Test func aConsumerSeesOnlyChangesAfterItSubscribed() throws {
        var store = ObjectStore()
        try store.create(.statefulSet(F.statefulSet("early")), name: "early", at: .zero)
        let consumer = store.feed.subscribe()
        try store.create(.statefulSet(F.statefulSet("late")), name: "late", at: .zero)
        #expect(store.feed.read(consumer).map(\.object.metadata.name) == ["late"])
    }

    @Test func whatEveryConsumerReadIsDropped() throws {
        var store = ObjectStore()
        // Without consumers nothing is kept.
        for index in 0..<100 { try store.create(.statefulSet(F.statefulSet("s\(index)")), name: "s\(index)", at: .zero) }
        #expect(store.feed.retainedCount == 0)
        let fast = store.feed.subscribe()
        let slow = store.feed.subscribe()
        for index in 0..<100 { try store.create(.statefulSet(F.statefulSet("t\(index)")), name: "t\(index)", at: .zero) }
        #expect(store.feed.read(fast).count == 100)
        #expect(store.feed.retainedCount == 100)
        #expect(store.feed.read(slow).count == 100)
        #expect(store.feed.retainedCount == 0)
        // A reader that keeps up keeps the feed small however many writes there are.
        for index in 0..<10_000 {
            try store.create(.statefulSet(F.statefulSet("u\(index)")), name: "u\(index)", at: .zero)
            _ = store.feed.read(fast)
            _ = store.feed.read(slow)
            #expect(store.feed.retainedCount <= 1)
        }
        store.feed.unsubscribe(slow)
        try store.create(.statefulSet(F.statefulSet("v")), name: "v", at: .zero)
        #expect(store.feed.read(fast).map(\.object.metadata.name) == ["v"])
    }
}
