/// One change of the store, as a watch delivers it. Immutable and shared: every consumer
/// gets the same event, not a copy of the object.
public final class WatchEvent: Sendable {
    public enum EventType: String, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    public let type: EventType
    /// The object after the change (for DELETED, its last state, at the deletion's version).
    public let object: StoredObject

    init(type: EventType, object: StoredObject) {
        self.type = type
        self.object = object
    }

    public var resourceVersion: Int { object.metadata.resourceVersion }
}

/// The store's changes in order, read by consumers (controllers, later watches) that each
/// keep a cursor. What every consumer has read is dropped, so the feed holds only the
/// changes some consumer has yet to see; with no consumers it holds nothing.
public struct ChangeFeed: Sendable {
    /// A registered reader.
    public struct Consumer: Sendable, Hashable {
        let id: Int
    }

    private var events: [WatchEvent] = []
    /// The sequence number of `events[0]`.
    private var base = 0
    /// The next sequence number each consumer reads.
    private var cursors: [Int: Int] = [:]
    private var nextConsumer = 0

    public init() {}

    /// The sequence number the next event gets.
    private var end: Int { base + events.count }

    /// The events kept for consumers that have not read them.
    public var retainedCount: Int { events.count }

    /// A new consumer, which sees the changes from now on.
    public mutating func subscribe() -> Consumer {
        defer { nextConsumer += 1 }
        cursors[nextConsumer] = end
        return Consumer(id: nextConsumer)
    }

    /// Stops keeping events for `consumer`.
    public mutating func unsubscribe(_ consumer: Consumer) {
        cursors[consumer.id] = nil
        compact()
    }

    mutating func append(_ event: WatchEvent) {
        guard !cursors.isEmpty else {
            base += 1
            return
        }
        events.append(event)
    }

    /// The events `consumer` has not read yet, oldest first; they count as read.
    public mutating func read(_ consumer: Consumer) -> ArraySlice<WatchEvent> {
        guard let cursor = cursors[consumer.id], cursor < end else { return [] }
        let unread = events[(cursor - base)...]
        cursors[consumer.id] = end
        compact()
        return unread
    }

    /// True when `consumer` has events to read.
    public func hasUnread(_ consumer: Consumer) -> Bool {
        (cursors[consumer.id] ?? end) < end
    }

    /// Drops what every consumer has read; done when at least half the buffer can go, so
    /// each event is moved at most a constant number of times.
    private mutating func compact() {
        let oldest = cursors.values.min() ?? end
        let readByAll = oldest - base
        guard readByAll > 0, readByAll * 2 >= events.count else { return }
        events.removeFirst(readByAll)
        base = oldest
    }
}
