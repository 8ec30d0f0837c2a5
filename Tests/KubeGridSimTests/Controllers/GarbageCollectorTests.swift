import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct GarbageCollectorTests {
    typealias F = StoreFixtures

    /// A StatefulSet and two pods it owns, through the API server.
    func cluster() throws -> (APIServer, StoredObject) {
        var api = F.api()
        let owner = try api.create(.statefulSet(F.statefulSet("web")), name: "web", namespace: "default", at: .zero)
        let reference = KubeGridSim.OwnerReference(kind: .statefulSet, name: "web", uid: owner.metadata.uid)
        for ordinal in 0..<2 {
            try api.create(F.pod(onNode: nil), name: "web-\(ordinal)", namespace: "default", owners: [reference], at: .zero)
        }
        return (api, owner)
    }

    @Test func deletingAStatefulSetDeletesItsPods() throws {
        var (api, owner) = try cluster()
        #expect(api.store.dependents(of: owner.metadata.uid).count == 2)
        try api.delete(owner.key, at: .seconds(1))
        #expect(api.store.list(.pod).isEmpty)
        #expect(api.store.get(owner.key) == nil)
    }

    @Test func orphanKeepsThePodsWithoutTheirOwner() throws {
        var (api, owner) = try cluster()
        try api.delete(owner.key, propagation: .orphan, at: .seconds(1))
        #expect(api.store.get(owner.key) == nil)
        let pods = api.store.list(.pod)
        #expect(pods.map(\.metadata.name) == ["web-0", "web-1"])
        #expect(pods.allSatisfy { $0.metadata.ownerReferences.isEmpty })
    }

    @Test func foregroundDeletesThePodsBeforeTheOwner() throws {
        var api = F.api()
        let owner = try api.create(.statefulSet(F.statefulSet("web")), name: "web", at: .zero)
        let reference = KubeGridSim.OwnerReference(kind: .statefulSet, name: "web", uid: owner.metadata.uid)
        // A running pod waits for its grace period, so the owner waits with it.
        try api.create(F.pod(grace: 30), name: "web-0", owners: [reference], at: .zero)
        try api.delete(owner.key, propagation: .foreground, at: .seconds(1))
        #expect(api.store.get(owner.key)?.metadata.finalizers == [Finalizer.foregroundDeletion])
        #expect(api.store.get(ObjectKey(.pod, "web-0"))?.metadata.isTerminating == true)
        try api.delete(ObjectKey(.pod, "web-0"), gracePeriodSeconds: 0, at: .seconds(31))
        #expect(api.store.get(owner.key) == nil)
    }

    @Test func aPodWithAnotherLiveOwnerOnlyLosesTheDanglingReference() throws {
        var api = F.api()
        let first = try api.create(.statefulSet(F.statefulSet("a")), name: "a", at: .zero)
        let second = try api.create(.statefulSet(F.statefulSet("b")), name: "b", at: .zero)
        let owners = [first, second].map { KubeGridSim.OwnerReference(kind: .statefulSet, name: $0.metadata.name, uid: $0.metadata.uid) }
        try api.create(F.pod(onNode: nil), name: "shared", owners: owners, at: .zero)
        try api.delete(first.key, at: .zero)
        #expect(api.store.get(ObjectKey(.pod, "shared"))?.metadata.ownerReferences.map(\.name) == ["b"])
    }
}
