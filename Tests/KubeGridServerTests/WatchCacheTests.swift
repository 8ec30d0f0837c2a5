import KubeGridCore
@testable import KubeGridSim
import Testing

@testable import KubeGridServer

/// The window of recent changes watches read from, and what falls out of it.
@Suite struct WatchCacheTests {
    /// Changes at resourceVersions 2, 3, … (one namespace created each).
    func changes(_ count: Int) throws -> [LiveChange] {
        var store = ObjectStore()
        return try (0..<count).map { index in
            LiveChange(type: .added, object: try store.create(.namespace, name: "c\(index)", at: .zero))
        }
    }

    func versions(_ cache: WatchCache, _ positions: [Int]) -> [Int] {
        positions.map { cache[$0].object.metadata.resourceVersion }
    }

    @Test func aWatchReadsTheChangesAfterItsResourceVersionUpToALimit() throws {
        let all = try changes(6)
        let first = all[0].object.metadata.resourceVersion
        var cache = WatchCache(capacity: 10, startingAt: first - 1)
        for change in all { cache.append(change) }
        guard case .changes(let positions) = cache.positions(after: first + 1, limit: 3) else {
            Issue.record("a watch inside the window expired"); return
        }
        #expect(versions(cache, positions) == [first + 2, first + 3, first + 4])
        guard case .changes(let none) = cache.positions(after: first + 5, limit: 3) else { Issue.record("expired"); return }
        #expect(none.isEmpty)
    }

    @Test func aFullWindowDropsTheOldestAndAnOlderWatchExpires() throws {
        let all = try changes(8)
        let first = all[0].object.metadata.resourceVersion
        var cache = WatchCache(capacity: 5, startingAt: first - 1)
        for change in all { cache.append(change) }
        #expect(cache.count == 5)
        // The window holds the last five: first+3 … first+7.
        guard case .expired(let horizon) = cache.positions(after: first, limit: 10) else {
            Issue.record("a watch behind the window was served"); return
        }
        #expect(horizon == first + 2)
        guard case .changes(let positions) = cache.positions(after: first + 2, limit: 10) else { Issue.record("expired"); return }
        #expect(versions(cache, positions) == Array((first + 3)...(first + 7)))
    }
}
