import Testing

@testable import KubeGridSim

@Suite struct PodLogsTests {
    @Test func aPodKeepsItsLastThousandLinesInOrder() {
        var logs = PodLogs()
        for index in 0..<2500 { logs.append("default/a", uid: 7, at: .milliseconds(index), "line \(index)") }
        let lines = logs.lines("default/a", uid: 7)
        #expect(lines.count == PodLogs.limit)
        #expect(lines.first?.text == "line 1500")
        #expect(lines.last?.text == "line 2499")
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0.number < $1.number })
    }

    @Test func aPodMadeAgainUnderItsNameStartsAnEmptyLog() {
        var logs = PodLogs()
        logs.append("default/a", uid: 1, at: .zero, "old")
        logs.append("default/a", uid: 2, at: .zero, "new")
        #expect(logs.lines("default/a", uid: 2).map(\.text) == ["new"])
        #expect(logs.lines("default/a", uid: 1).isEmpty)
        logs.remove("default/a")
        #expect(logs.lines("default/a", uid: 2).isEmpty)
    }
}

@Suite struct StatusChangeTests {
    @Test func aStatusChangeGetsANewResourceVersionAndStaysOutOfTheFeed() throws {
        var store = ObjectStore()
        let consumer = store.feed.subscribe()
        let created = try store.create(.namespace, name: "n", at: .zero)
        _ = store.feed.read(consumer)
        let changed = store.recordStatusChange(created.key)
        #expect(changed?.metadata.resourceVersion == created.metadata.resourceVersion + 1)
        #expect(store.resourceVersion == created.metadata.resourceVersion + 1)
        #expect(store.get(created.key)?.metadata.resourceVersion == created.metadata.resourceVersion + 1)
        #expect(store.feed.read(consumer).isEmpty)
        #expect(store.recordStatusChange(ObjectKey(.namespace, "gone")) == nil)
    }
}
