import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct ObjectStoreTests {
    typealias F = StoreFixtures

    @Test func everyWriteGetsAHigherResourceVersionClusterWide() throws {
        var store = ObjectStore()
        var versions = [store.resourceVersion]
        let first = try store.create(.statefulSet(F.statefulSet("a")), name: "a", namespace: "default", at: .zero)
        versions.append(first.metadata.resourceVersion)
        let node = try store.create(.node(NodeObject()), name: "node-1", at: .zero)
        versions.append(node.metadata.resourceVersion)
        let updated = try store.update(first.key, at: .seconds(1)) { (object: inout StoredObject) throws(APIError) in
            object.metadata.labels["x"] = "y"
        }
        versions.append(updated.metadata.resourceVersion)
        guard case .deleted(let gone) = try store.delete(node.key, at: .seconds(2)) else {
            Issue.record("a node without finalizers goes at once")
            return
        }
        versions.append(gone.metadata.resourceVersion)
        #expect(versions == versions.sorted() && Set(versions).count == versions.count)
        #expect(store.resourceVersion == gone.metadata.resourceVersion)
    }

    @Test func objectsGetUIDsAndTheCreationTimeFromTheVirtualClock() throws {
        var store = ObjectStore()
        let a = try store.create(.statefulSet(F.statefulSet("a")), name: "a", at: .seconds(7))
        try store.delete(a.key, at: .seconds(8))
        let again = try store.create(.statefulSet(F.statefulSet("a")), name: "a", at: .seconds(9))
        #expect(a.metadata.creationTimestamp == .seconds(7))
        #expect(again.metadata.uid != a.metadata.uid)
        #expect(again.metadata.namespace == "default")
    }

    @Test func generationChangesWithTheSpecOnly() throws {
        var store = ObjectStore()
        let created = try store.create(.statefulSet(F.statefulSet("a")), name: "a", at: .zero)
        #expect(created.metadata.generation == 1)
        let relabelled = try store.update(created.key, at: .zero) { (object: inout StoredObject) throws(APIError) in
            object.metadata.labels["team"] = "grid"
        }
        #expect(relabelled.metadata.generation == 1)
        #expect(relabelled.metadata.resourceVersion > created.metadata.resourceVersion)
        let scaled = try store.update(created.key, at: .zero) { (object: inout StoredObject) throws(APIError) in
            object.body = .statefulSet(F.statefulSet("a", replicas: 3))
        }
        #expect(scaled.metadata.generation == 2)
        // Writing the same object again is no write at all.
        let same = try store.update(created.key, at: .zero) { (_: inout StoredObject) throws(APIError) in }
        #expect(same == scaled)
    }

    @Test func creatingTwiceIsAlreadyExistsAndMissingObjectsAreNotFound() throws {
        var store = ObjectStore()
        try store.create(.statefulSet(F.statefulSet("a")), name: "a", at: .zero)
        #expect(throws: APIError(.alreadyExists, kind: .statefulSet, name: "a")) {
            try store.create(.statefulSet(F.statefulSet("a")), name: "a", at: .zero)
        }
        #expect(APIError(.alreadyExists, kind: .statefulSet, name: "a").description == "statefulsets.apps \"a\" already exists")
        #expect(throws: APIError(.notFound, kind: .pod, name: "p")) { try store.delete(ObjectKey(.pod, "p"), at: .zero) }
        #expect(APIError(.notFound, kind: .pod, name: "p").description == "pods \"p\" not found")
    }

    @Test func aPodOnANodeIsOnlyMarkedForItsGracePeriodThenGoesWhenDeletedWithZero() throws {
        var store = ObjectStore()
        let pod = try store.create(F.pod(grace: 45), name: "p", at: .zero)
        guard case .marked(let marked) = try store.delete(pod.key, at: .seconds(10)) else {
            Issue.record("a running pod is given its grace period")
            return
        }
        #expect(marked.metadata.deletionTimestamp == .seconds(55))
        #expect(marked.metadata.deletionGracePeriodSeconds == 45)
        // A shorter grace period shortens the wait; it never grows again.
        guard case .marked(let shorter) = try store.delete(pod.key, gracePeriodSeconds: 5, at: .seconds(11)) else {
            Issue.record("still marked")
            return
        }
        #expect(shorter.metadata.deletionTimestamp == .seconds(16))
        guard case .deleted = try store.delete(pod.key, gracePeriodSeconds: 0, at: .seconds(12)) else {
            Issue.record("the kubelet's delete with 0 removes it")
            return
        }
        #expect(store.get(pod.key) == nil)
    }

    @Test func aPodNoNodeRunsGoesAtOnce() throws {
        var store = ObjectStore()
        let pod = try store.create(F.pod(onNode: nil), name: "p", at: .zero)
        guard case .deleted = try store.delete(pod.key, at: .zero) else {
            Issue.record("an unscheduled pod has nothing to stop")
            return
        }
    }

    @Test func anObjectWithFinalizersIsMarkedUntilTheLastOneIsRemoved() throws {
        var store = ObjectStore()
        let object = try store.create(
            .statefulSet(F.statefulSet("a")), name: "a", finalizers: ["example.com/a", "example.com/b"], at: .zero)
        guard case .marked(let marked) = try store.delete(object.key, at: .seconds(3)) else {
            Issue.record("finalizers hold the object")
            return
        }
        #expect(marked.metadata.deletionTimestamp == .seconds(3))
        try store.update(object.key, at: .seconds(4)) { (o: inout StoredObject) throws(APIError) in o.metadata.finalizers.removeFirst() }
        #expect(store.get(object.key)?.metadata.finalizers == ["example.com/b"])
        try store.update(object.key, at: .seconds(5)) { (o: inout StoredObject) throws(APIError) in o.metadata.finalizers.removeFirst() }
        #expect(store.get(object.key) == nil)
    }

    @Test func theClusterStartsWithItsNamespaces() {
        let store = ObjectStore()
        #expect(store.list(.namespace).map(\.metadata.name) == ["default", "kube-node-lease", "kube-public", "kube-system"])
    }
}
