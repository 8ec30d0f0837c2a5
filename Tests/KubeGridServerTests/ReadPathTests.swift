import Foundation
import KubeGridCore
@testable import KubeGridSim
import NIOCore
import Testing

@testable import KubeGridServer

/// A GET of one object through the live cluster's host: encoded in the cluster's turn
/// once, then answered from the read cache until the object changes or goes.
@Suite struct ReadPathTests {
    func host() throws -> ClusterHost {
        ClusterHost(cluster: try LiveCluster(options: SimulationOptions()), clock: ServeClock(speed: 1), options: SimulationOptions())
    }

    func configMap(_ value: String) throws -> Values {
        try JSONReader.parse(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default"},"data":{"a":"\#(value)"}}"#)
    }

    @Test func aGetIsEncodedOnceThenServedFromTheCacheUntilTheObjectChanges() async throws {
        let host = try host()
        let responder = KubeResponder(host: host, authentication: ServeAuthentication(adminToken: "t", users: []))
        let key = ObjectKey(.configMap, namespace: "default", "c")
        let manifest = try configMap("1")
        _ = try await host.write { cluster in try cluster.create(manifest) }
        #expect(host.readCache.entry(key) != nil)
        #expect(host.readCache.entry(key)?.encoded == nil)
        let first = try await responder.encoded(key)
        #expect(String(buffer: first.json).contains(#""data":{"a":"1"}"#))
        #expect(host.readCache.entry(key)?.encoded?.json == first.json)

        let changed = try configMap("2")
        _ = try await host.write { cluster in try cluster.replace(changed, resourceVersion: nil) }
        #expect(host.readCache.entry(key)?.encoded == nil)
        let second = try await responder.encoded(key)
        #expect(String(buffer: second.json).contains(#""data":{"a":"2"}"#))
        #expect(second.values["metadata"]?["resourceVersion"] != first.values["metadata"]?["resourceVersion"])

        _ = try await host.write { cluster in try cluster.delete(key, gracePeriodSeconds: nil, propagation: .background) }
        #expect(host.readCache.entry(key) == nil)
        do {
            _ = try await responder.encoded(key)
            Issue.record("a deleted object was served")
        } catch let status as StatusBody {
            #expect(status.code == 404 && status.message == #"configmaps "c" not found"#)
        }
    }

    @Test func theClusterTakesItsTurnsOnAThreadOfItsOwn() async throws {
        let host = try host()
        let onItsThread = await host.read { _, _ in host.thread.isCurrent }
        #expect(onItsThread)
        #expect(!host.thread.isCurrent)
    }

    @Test func concurrentGetsAllSeeTheSameBytes() async throws {
        let host = try host()
        let responder = KubeResponder(host: host, authentication: ServeAuthentication(adminToken: "t", users: []))
        let manifest = try configMap("x")
        _ = try await host.write { cluster in try cluster.create(manifest) }
        let key = ObjectKey(.configMap, namespace: "default", "c")
        let answers = try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            for _ in 0..<64 { group.addTask { try await responder.encoded(key).json } }
            return try await group.reduce(into: [ByteBuffer]()) { $0.append($1) }
        }
        #expect(answers.count == 64)
        #expect(Set(answers.map { String(buffer: $0) }).count == 1)
    }
}
