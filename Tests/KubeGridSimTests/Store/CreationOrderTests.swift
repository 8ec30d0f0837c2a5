import KubeGridCore
import Testing

@testable import KubeGridSim

/// Reading a kind's objects from any point of their creation order, as a paged list does.
@Suite struct CreationOrderTests {
    typealias F = StoreFixtures

    func names(_ objects: some Sequence<StoredObject>) -> [String] { objects.map(\.metadata.name) }

    func store(pods count: Int) throws -> ObjectStore {
        var store = ObjectStore()
        for number in 0..<count {
            try store.create(F.pod(onNode: nil), name: "p\(number)", namespace: number % 3 == 0 ? "other" : "default", at: .zero)
        }
        return store
    }

    @Test func readingFromTheStartIsTheListInCreationOrder() throws {
        let store = try store(pods: 12)
        #expect(names(store.objects(.pod, createdAfter: nil)) == names(store.list(.pod)))
        #expect(names(store.objects(.pod, namespace: "other", createdAfter: nil)) == ["p0", "p3", "p6", "p9"])
        #expect(names(store.objects(.service, createdAfter: nil)).isEmpty)
    }

    @Test func readingAfterAnObjectStartsWithTheNextOneCreated() throws {
        let store = try store(pods: 12)
        let p4 = store.get(ObjectKey(.pod, namespace: "default", "p4"))!.metadata.uid
        #expect(names(store.objects(.pod, createdAfter: p4)) == ["p5", "p6", "p7", "p8", "p9", "p10", "p11"])
        #expect(names(store.objects(.pod, namespace: "default", createdAfter: p4)) == ["p5", "p7", "p8", "p10", "p11"])
        #expect(store.count(.pod, createdAfter: p4) == 7)
        #expect(store.count(.pod, namespace: "other", createdAfter: p4) == 2)
    }

    @Test func deletionsAndCreationsAfterAPageShiftNothingBeforeOrAfterIt() throws {
        var store = try store(pods: 12)
        let p4 = store.get(ObjectKey(.pod, namespace: "default", "p4"))!.metadata.uid
        // The object a page ended with may go too: reading resumes after its uid.
        for name in ["p1", "p4", "p5", "p9"] { try store.delete(ObjectKey(.pod, namespace: name == "p9" ? "other" : "default", name), at: .zero) }
        try store.create(F.pod(onNode: nil), name: "p1", namespace: "default", at: .zero)
        #expect(names(store.objects(.pod, createdAfter: p4)) == ["p6", "p7", "p8", "p10", "p11", "p1"])
        #expect(store.count(.pod, createdAfter: p4) == 6)
        #expect(names(store.objects(.pod, createdAfter: nil)) == names(store.list(.pod)))
    }

    @Test func gapsLeftByManyDeletionsCloseWithTheOrderKept() throws {
        var store = try store(pods: 30)
        for number in 0..<30 where number % 5 != 0 {
            try store.delete(ObjectKey(.pod, namespace: number % 3 == 0 ? "other" : "default", "p\(number)"), at: .zero)
        }
        #expect(names(store.objects(.pod, createdAfter: nil)) == ["p0", "p5", "p10", "p15", "p20", "p25"])
        let p10 = store.get(ObjectKey(.pod, namespace: "default", "p10"))!.metadata.uid
        #expect(names(store.objects(.pod, createdAfter: p10)) == ["p15", "p20", "p25"])
        #expect(names(store.objects(.pod, createdAfter: nil)) == names(store.list(.pod)))
    }
}
