import Foundation
import KubeGridCore
import KubeGridSim

/// What one watch asks for: a resource, maybe one namespace, and the selectors.
struct WatchFilter: Sendable {
    let resource: APIResource
    let namespace: String?
    let selection: Selection

    func admits(_ object: StoredObject) -> Bool {
        object.kind == resource.kind && (namespace == nil || object.metadata.namespace == namespace)
    }
}

/// A watch waiting for the next change it admits, the heartbeat or the stop.
struct WaitingWatch {
    let filter: WatchFilter
    /// The resourceVersion it has seen up to.
    let seen: Int
    let continuation: CheckedContinuation<Void, Never>
}

/// What a watch reads next from the host.
enum WatchRead: Sendable {
    /// Event lines to send, and the resourceVersion the watch has now seen up to.
    case events([String], seen: Int)
    /// Nothing new before a heartbeat or the stop; the watch has seen up to `seen`.
    case idle(seen: Int)
    /// The watch fell behind the window: the ERROR event to send before closing.
    case expired(String)
}

extension ClusterHost {
    /// How often a waiting watch wakes to look at its deadline and bookmarks.
    static let heartbeat = Duration.seconds(1)
    /// How often at most the pods' reported status is compared (a walk over every pod): a
    /// status change reaches watches this much later at worst, as a kubelet's status
    /// update does, and a busy server does not walk 10,000 pods per request.
    static let statusComparisonInterval = Duration.milliseconds(20)

    /// Moves the cluster's changes into the watch cache and wakes the waiting watches.
    func publishChanges() {
        let now = ContinuousClock.now
        let comparingStatus = now - lastStatusComparison >= Self.statusComparisonInterval
        if comparingStatus { lastStatusComparison = now }
        let new = cluster.takeChanges(comparingStatus: comparingStatus)
        for change in new { changes.append(change) }
        readCache.record(new)
        if ContinuousClock.now - lastWake >= Self.heartbeat {
            wakeWatches()
        } else if !new.isEmpty {
            wakeWatches(concernedBy: new)
        }
    }

    /// Wakes the watches that admit one of `new`, and those the window would soon leave
    /// behind (one that falls behind is told 410 Gone, though it missed nothing it
    /// admits); the others sleep on. A PodDisruptionBudget watch no longer takes a turn
    /// for each turn that changed pods.
    private func wakeWatches(concernedBy new: [LiveChange]) {
        let kinds = Set(new.map(\.object.kind))
        let soonBehind = cluster.resourceVersion - changes.capacity / 2
        var sleeping: [WaitingWatch] = []
        for watch in waiting {
            let concerned = kinds.contains(watch.filter.resource.kind) && new.contains { watch.filter.admits($0.object) }
            if concerned || watch.seen <= soonBehind {
                watch.continuation.resume()
            } else {
                sleeping.append(watch)
            }
        }
        waiting = sleeping
    }

    /// Wakes every waiting watch (a change, a heartbeat, the stop).
    func wakeWatches() {
        lastWake = ContinuousClock.now
        let woken = waiting
        waiting.removeAll()
        for watch in woken { watch.continuation.resume() }
    }

    /// The objects the watch selects now, as ADDED events, and the resourceVersion they
    /// stand at (a watch from "0" or without a resourceVersion starts with them).
    func initialEvents(_ filter: WatchFilter) -> (lines: [String], seen: Int) {
        sync()
        let encoding = ObjectEncoding(cluster: cluster, clock: clock)
        let objects = cluster.store.list(filter.resource.kind, namespace: filter.namespace)
        let lines = filter.selection.filter(objects, encoding: encoding).map { WatchLine.event("ADDED", $0.values) }
        return (lines, cluster.resourceVersion)
    }

    /// The next events after `seen` for `filter`; when there are none, waits for a change
    /// or the next heartbeat first.
    func nextEvents(_ filter: WatchFilter, after seen: Int) async -> WatchRead {
        let read = readEvents(filter, after: seen)
        guard case .idle(let upTo) = read, !stopping else { return read }
        await withCheckedContinuation { waiting.append(WaitingWatch(filter: filter, seen: upTo, continuation: $0)) }
        return readEvents(filter, after: seen)
    }

    private func readEvents(_ filter: WatchFilter, after seen: Int) -> WatchRead {
        switch changes.positions(after: seen, limit: 512) {
        case .expired(let horizon):
            let status = StatusBody(
                code: 410, reason: "Expired", message: "too old resource version: \(seen) (\(horizon))")
            return .expired(WatchLine.event("ERROR", status.values))
        case .changes(let positions):
            guard let last = positions.last else { return .idle(seen: max(seen, cluster.resourceVersion)) }
            let encoding = ObjectEncoding(cluster: cluster, clock: clock)
            var lines: [String] = []
            for position in positions where filter.admits(changes[position].object) {
                var entry = changes[position]
                let encode = {
                    if entry.values == nil { entry.values = encoding.encode(entry.object) }
                    return entry.values!
                }
                guard filter.selection.matches(entry.object, encoded: encode) else { continue }
                if entry.line == nil { entry.line = WatchLine.event(entry.type.rawValue, encode()) }
                lines.append(entry.line!)
                changes[position] = entry
            }
            return .events(lines, seen: changes[last].object.metadata.resourceVersion)
        }
    }
}

/// The lines of a watch stream: `{"type":…,"object":…}` and a newline.
enum WatchLine {
    static func event(_ type: String, _ object: Values) -> String {
        KubeResponder.compact(.map(["type": .string(type), "object": object])) + "\n"
    }

    /// A BOOKMARK: only the kind and the resourceVersion the watch has seen up to; after
    /// the initial events of `sendInitialEvents=true`, annotated as their end.
    static func bookmark(_ resource: APIResource, resourceVersion: Int, endsInitialEvents: Bool = false) -> String {
        var metadata: Values.Map = ["resourceVersion": .string(String(resourceVersion)), "creationTimestamp": .null]
        if endsInitialEvents { metadata["annotations"] = .map(["k8s.io/initial-events-end": "true"]) }
        return event("BOOKMARK", .map([
            "kind": .string(resource.kind.rawValue), "apiVersion": .string(resource.groupVersion), "metadata": .map(metadata),
        ]))
    }
}
