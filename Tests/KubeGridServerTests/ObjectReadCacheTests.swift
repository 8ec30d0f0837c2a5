import KubeGridCore
@testable import KubeGridSim
import NIOCore
import Testing

@testable import KubeGridServer

/// The read cache GETs are answered from: an encoding is kept only for the
/// resourceVersion it was made at, and every change drops it.
@Suite struct ObjectReadCacheTests {
    func encoded(_ text: String) -> ObjectReadCache.Encoded {
        ObjectReadCache.Encoded(values: .string(text), json: ByteBuffer(string: text))
    }

    @Test func itKnowsTheStoresObjectsAndFollowsTheirChanges() throws {
        var store = ObjectStore()
        let cache = ObjectReadCache(store)
        let key = ObjectKey(.namespace, "default")
        #expect(cache.entry(key)?.resourceVersion == store.get(key)?.metadata.resourceVersion)
        #expect(cache.entry(ObjectKey(.namespace, "grid")) == nil)
        let created = try store.create(.namespace, name: "grid", at: .zero)
        cache.record([LiveChange(type: .added, object: created)])
        #expect(cache.entry(created.key)?.resourceVersion == created.metadata.resourceVersion)
        #expect(cache.entry(created.key)?.encoded == nil)
        cache.record([LiveChange(type: .deleted, object: created)])
        #expect(cache.entry(created.key) == nil)
    }

    @Test func anEncodingIsKeptForItsResourceVersionAndDroppedByTheNextChange() throws {
        var store = ObjectStore()
        let object = try store.create(.namespace, name: "c", at: .zero)
        let cache = ObjectReadCache(store)
        cache.keep(encoded("v1"), for: object.key, at: object.metadata.resourceVersion)
        #expect(cache.entry(object.key)?.encoded?.json == ByteBuffer(string: "v1"))
        let recorded = store.recordStatusChange(object.key)
        let changed = try #require(recorded)
        cache.record([LiveChange(type: .modified, object: changed)])
        #expect(cache.entry(object.key)?.encoded == nil)
        // An encoding made at the old version arrives late: it is not kept.
        cache.keep(encoded("stale"), for: object.key, at: object.metadata.resourceVersion)
        #expect(cache.entry(object.key)?.encoded == nil)
        cache.keep(encoded("v2"), for: object.key, at: changed.metadata.resourceVersion)
        #expect(cache.entry(object.key)?.encoded?.json == ByteBuffer(string: "v2"))
    }

    @Test func aListReusesAnEncodingOnlyAtItsResourceVersion() throws {
        var store = ObjectStore()
        let object = try store.create(.namespace, name: "l", at: .zero)
        let cache = ObjectReadCache(store)
        #expect(cache.values(of: object) == nil)
        cache.keep(encoded("v1"), for: object.key, at: object.metadata.resourceVersion)
        #expect(cache.values(of: object) == .string("v1"))
        let recorded = store.recordStatusChange(object.key)
        let changed = try #require(recorded)
        // The list's object is newer than the encoding (its change not yet recorded).
        #expect(cache.values(of: changed) == nil)
        cache.record([LiveChange(type: .modified, object: changed)])
        #expect(cache.values(of: object) == nil)
    }
}
