import KubeGridCore
import Testing

@testable import KubeGridSim

/// The namespace controller, through the API server it follows: a deleted namespace is
/// Terminating while its content goes, and goes itself once nothing is left.
@Suite struct NamespaceControllerTests {
    typealias F = StoreFixtures

    /// Namespace `x` with a StatefulSet, a running pod with a 30 s grace period and a
    /// pending pod.
    func cluster() throws -> APIServer {
        var api = F.api()
        try api.create(.namespace, name: "x", at: .zero)
        try api.create(.statefulSet(F.statefulSet("web")), name: "web", namespace: "x", at: .zero)
        try api.create(F.pod(grace: 30), name: "running", namespace: "x", at: .zero)
        try api.create(F.pod(onNode: nil), name: "pending", namespace: "x", at: .zero)
        try api.create(.statefulSet(F.statefulSet("other")), name: "other", namespace: "default", at: .zero)
        return api
    }

    @Test func anEmptyNamespaceGoesAtOnce() throws {
        var api = F.api()
        try api.create(.namespace, name: "x", at: .zero)
        let deletion = try api.delete(ObjectKey(.namespace, "x"), at: .seconds(1))
        guard case .marked(let marked) = deletion else { Issue.record("an empty namespace was not marked first"); return }
        #expect(marked.metadata.finalizers == [Finalizer.namespaceContent])
        #expect(api.store.get(ObjectKey(.namespace, "x")) == nil)
    }

    @Test func aNamespaceWithContentIsTerminatingUntilItsPodsHaveStopped() throws {
        var api = try cluster()
        try api.delete(ObjectKey(.namespace, "x"), at: .seconds(1))
        let namespace = try #require(api.store.get(ObjectKey(.namespace, "x")))
        #expect(namespace.metadata.isTerminating)
        #expect(namespace.metadata.finalizers == [Finalizer.namespaceContent])
        // What can go at once went; the running pod has its grace period.
        #expect(api.store.get(ObjectKey(.statefulSet, namespace: "x", "web")) == nil)
        #expect(api.store.get(ObjectKey(.pod, namespace: "x", "pending")) == nil)
        let running = try #require(api.store.get(ObjectKey(.pod, namespace: "x", "running")))
        #expect(running.metadata.deletionTimestamp == .seconds(31))
        // Another namespace's objects are untouched.
        #expect(api.store.get(ObjectKey(.statefulSet, namespace: "default", "other"))?.metadata.isTerminating == false)
        // The kubelet deletes the pod once stopped: the namespace is empty, and goes.
        try api.delete(ObjectKey(.pod, namespace: "x", "running"), gracePeriodSeconds: 0, at: .seconds(5))
        #expect(api.store.get(ObjectKey(.namespace, "x")) == nil)
        #expect(api.store.contents(of: "x").isEmpty)
    }

    @Test func newContentIsRefusedWhileTerminating() throws {
        var api = try cluster()
        try api.delete(ObjectKey(.namespace, "x"), at: .seconds(1))
        #expect(throws: APIError.self) {
            try api.create(.statefulSet(F.statefulSet("late")), name: "late", namespace: "x", at: .seconds(2))
        }
        #expect(api.store.get(ObjectKey(.statefulSet, namespace: "x", "late")) == nil)
    }

    @Test func anObjectsOwnFinalizerHoldsTheNamespaceUntilRemoved() throws {
        var api = F.api()
        try api.create(.namespace, name: "x", at: .zero)
        try api.create(.statefulSet(F.statefulSet("held")), name: "held", namespace: "x", finalizers: ["example.com/hold"], at: .zero)
        try api.delete(ObjectKey(.namespace, "x"), at: .seconds(1))
        let held = ObjectKey(.statefulSet, namespace: "x", "held")
        #expect(api.store.get(held)?.metadata.isTerminating == true)
        #expect(api.store.get(ObjectKey(.namespace, "x"))?.metadata.isTerminating == true)
        try api.update(held, at: .seconds(2), metadata: { $0.finalizers = [] }) { _ in }
        #expect(api.store.get(held) == nil)
        #expect(api.store.get(ObjectKey(.namespace, "x")) == nil)
    }

    @Test func deletingTheNamespaceWritesTheSameEventsEachTime() throws {
        func feed() throws -> [String] {
            var api = try cluster()
            let consumer = api.watch()
            try api.delete(ObjectKey(.namespace, "x"), at: .seconds(1))
            try api.delete(ObjectKey(.pod, namespace: "x", "running"), gracePeriodSeconds: 0, at: .seconds(5))
            return api.changes(for: consumer).map { "\($0.type.rawValue) \($0.object.key) \($0.object.metadata.resourceVersion)" }
        }
        let first = try feed()
        #expect(first == (try feed()))
        // The namespace is the last to go, after its content.
        #expect(first.last?.hasPrefix("DELETED Namespace x ") == true)
        #expect(first.filter { $0.hasPrefix("DELETED") }.count == 4)
    }
}
