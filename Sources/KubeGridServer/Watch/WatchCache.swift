import KubeGridCore
import KubeGridSim

/// The recent changes every watch reads from, as kube-apiserver's watch cache keeps them: a
/// window of the last `capacity` changes in resourceVersion order. A watch that starts (or
/// falls) behind the window is told 410 Gone and starts again from a list, so a slow
/// client costs the server nothing beyond the window.
public struct WatchCache: Sendable {
    /// One change, its JSON line written once for every watch that delivers it.
    struct Entry: Sendable {
        let type: WatchEvent.EventType
        let object: StoredObject
        var line: String?
        var values: Values?
    }

    /// kube-apiserver sizes its cache per resource (100 to 100 Ki events); one window of
    /// this many covers the HA example's whole rollout many times over.
    public static let defaultCapacity = 4096

    let capacity: Int
    private var entries: [Entry] = []
    /// Index of the oldest entry in `entries` (a ring once full).
    private var head = 0
    /// Every change after this resourceVersion is in the window.
    private(set) var horizon: Int

    init(capacity: Int, startingAt resourceVersion: Int) {
        self.capacity = capacity
        horizon = resourceVersion
    }

    var count: Int { entries.count }

    mutating func append(_ change: LiveChange) {
        let entry = Entry(type: change.type, object: change.object)
        if entries.count < capacity {
            entries.append(entry)
        } else {
            horizon = entries[head].object.metadata.resourceVersion
            entries[head] = entry
            head = (head + 1) % capacity
        }
    }

    /// What a watch that has seen everything up to `resourceVersion` reads next.
    enum Read {
        /// The changes after it (at most `limit`), by position in the window.
        case changes([Int])
        /// It is older than the window, which starts after `horizon`.
        case expired(horizon: Int)
    }

    func positions(after resourceVersion: Int, limit: Int) -> Read {
        if resourceVersion < horizon { return .expired(horizon: horizon) }
        // Entries are in resourceVersion order: find the first newer one by bisection.
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].object.metadata.resourceVersion <= resourceVersion { low = middle + 1 } else { high = middle }
        }
        return .changes(Array(low..<min(entries.count, low + limit)))
    }

    /// The entry at `position` (0 is the oldest).
    subscript(position: Int) -> Entry {
        get { entries[(head + position) % entries.count] }
        set { entries[(head + position) % entries.count] = newValue }
    }
}
