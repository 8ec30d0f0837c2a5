import Foundation
import KubeGridCore
@testable import KubeGridSim
import Testing

@testable import KubeGridServer

/// Lists read a page at a time (`limit`, `continue`): every object that stays is listed
/// once across the pages, whatever is created or deleted between them.
@Suite struct ListPagingTests {
    let host: ClusterHost
    let responder: KubeResponder

    init() throws {
        host = ClusterHost(cluster: try LiveCluster(options: SimulationOptions()), clock: ServeClock(speed: 1), options: SimulationOptions())
        responder = KubeResponder(host: host, authentication: ServeAuthentication(adminToken: "t", users: []))
    }

    func create(_ name: String, team: String = "a") async throws {
        let manifest = try JSONReader.parse(
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\#(name)","namespace":"default","labels":{"team":"\#(team)"}}}"#)
        _ = try await host.write { cluster in try cluster.create(manifest) }
    }

    func delete(_ name: String) async throws {
        _ = try await host.write { cluster in
            try cluster.delete(ObjectKey(.configMap, namespace: "default", name), gracePeriodSeconds: nil, propagation: .background)
        }
    }

    /// The names a page lists, its continue token and its remainingItemCount.
    func page(_ query: String) async throws -> (names: [String], next: String?, remaining: Int?) {
        let target = try #require(try ResourcePath.parse(["api", "v1", "namespaces", "default", "configmaps"]))
        let list = try await responder.listValues(target, query: Query(query))
        let names = (list["items"]?.listValue ?? []).compactMap { $0["metadata"]?["name"]?.stringValue }
        let metadata = list["metadata"]
        var remaining: Int?
        if case .int(let count) = metadata?["remainingItemCount"] { remaining = count }
        return (names, metadata?["continue"]?.stringValue, remaining)
    }

    @Test func pagesFollowCreationOrderAndCountWhatIsLeft() async throws {
        for name in ["e", "d", "c", "b", "a"] { try await create(name) }
        let first = try await page("limit=2")
        #expect(first.names == ["e", "d"] && first.remaining == 3)
        let second = try await page("limit=2&continue=\(try #require(first.next))")
        #expect(second.names == ["c", "b"] && second.remaining == 1)
        let last = try await page("limit=2&continue=\(try #require(second.next))")
        #expect(last.names == ["a"] && last.next == nil && last.remaining == nil)
        #expect(try await page("").names == ["e", "d", "c", "b", "a"])
        #expect(try await page("limit=5").next == nil)
    }

    @Test func writesBetweenPagesNeitherSkipNorRepeatWhatStays() async throws {
        for name in ["o1", "o2", "o3", "o4", "o5", "o6"] { try await create(name) }
        let first = try await page("limit=2")
        #expect(first.names == ["o1", "o2"])
        // The page's last object and the next page's first go; a new object comes last.
        try await delete("o2")
        try await delete("o3")
        try await create("o7")
        let second = try await page("limit=2&continue=\(try #require(first.next))")
        #expect(second.names == ["o4", "o5"] && second.remaining == 2)
        let last = try await page("limit=2&continue=\(try #require(second.next))")
        #expect(last.names == ["o6", "o7"] && last.next == nil)
    }

    @Test func aSelectedPageFindsItsObjectsPastOthersAndGivesNoRemainingCount() async throws {
        for number in 1...6 { try await create("m\(number)", team: number % 2 == 0 ? "even" : "odd") }
        let first = try await page("limit=2&labelSelector=team%3Deven")
        #expect(first.names == ["m2", "m4"] && first.remaining == nil)
        let last = try await page("limit=2&labelSelector=team%3Deven&continue=\(try #require(first.next))")
        #expect(last.names == ["m6"] && last.next == nil)
    }
}
