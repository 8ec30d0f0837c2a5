import Hummingbird
import KubeGridCore
import KubeGridSim
import NIOConcurrencyHelpers

/// The resourceVersion of every stored object, and the JSON of those already asked for,
/// readable from any thread: a GET of one object is answered here without waiting for
/// the cluster's turn (the actor runs the simulation, and writes, one at a time).
///
/// The host records every change it publishes (writes and reported status changes both
/// get a new resourceVersion), so an object's encoding stays valid until its next
/// change, as an object at a resourceVersion never changes in kube-apiserver. A reported
/// status change reaches readers as it reaches watches: at the next comparison.
final class ObjectReadCache: Sendable {
    /// An object as served: its fields (for Table output) and its JSON.
    struct Encoded: Sendable {
        let values: Values
        let json: ByteBuffer
    }

    struct Entry: Sendable {
        var resourceVersion: Int
        var encoded: Encoded?
    }

    private let entries: NIOLockedValueBox<[ObjectKey: Entry]>

    /// Knows every object `store` holds, none encoded yet.
    init(_ store: ObjectStore) {
        var entries: [ObjectKey: Entry] = [:]
        for kind in ObjectKind.allCases {
            for object in store.list(kind) { entries[object.key] = Entry(resourceVersion: object.metadata.resourceVersion) }
        }
        self.entries = NIOLockedValueBox(entries)
    }

    /// What is known of `key`: nil when no such object is stored.
    func entry(_ key: ObjectKey) -> Entry? {
        entries.withLockedValue { $0[key] }
    }

    /// The fields of `object` as a GET encoded them at its resourceVersion, if one did
    /// (a list reuses them instead of encoding the object again).
    func values(of object: StoredObject) -> Values? {
        entries.withLockedValue { entries in
            guard let entry = entries[object.key], entry.resourceVersion == object.metadata.resourceVersion else { return nil }
            return entry.encoded?.values
        }
    }

    /// The host's changes, in order: a deleted object is forgotten, any other change
    /// drops the encoding it replaces.
    func record(_ changes: [LiveChange]) {
        guard !changes.isEmpty else { return }
        entries.withLockedValue { entries in
            for change in changes {
                let key = change.object.key
                if change.type == .deleted {
                    entries[key] = nil
                } else {
                    entries[key] = Entry(resourceVersion: change.object.metadata.resourceVersion)
                }
            }
        }
    }

    /// Keeps the encoding of `key` at `resourceVersion`, unless it changed meanwhile.
    func keep(_ encoded: Encoded, for key: ObjectKey, at resourceVersion: Int) {
        entries.withLockedValue { entries in
            guard entries[key]?.resourceVersion == resourceVersion else { return }
            entries[key]?.encoded = encoded
        }
    }
}
