/// What the checker found in a history.
public struct CheckResult: Sendable, Hashable {
    /// Writes the Space acknowledged.
    public var acknowledgedWrites = 0
    /// Keys whose last acknowledged write the final read does not find.
    public var lostWrites = 0
    /// Values the final read found that no client ever wrote.
    public var phantomValues = 0
    /// Keys the final read could not read at all.
    public var unreadKeys = 0
    /// The lost writes, for the reasons.
    public var lost: [LostWrite] = []

    /// A write that was acknowledged and is gone.
    public struct LostWrite: Sendable, Hashable {
        public var space: String
        public var partition: Int
        public var key: String
        public var value: String
    }
}

/// Jepsen's way, small: each key is a register, and a final read (process -1) after the
/// run gives its value. That value must be the last acknowledged write, or a write that
/// could have landed after it — one not acknowledged before the last acknowledged write
/// was invoked, and not a certain failure. An acknowledged write that is not there is
/// lost; a value no client ever wrote is a phantom.
public enum Checker {
    private struct WriteState {
        var invokedAt: Int
        /// Position of the acknowledgement; nil while in flight or of unknown outcome.
        var acknowledgedAt: Int?
        var failed = false
    }

    private struct KeyState {
        var space: String
        var key: String
        var partition: Int
        var writes: [String: WriteState] = [:]
        /// The value of the acknowledged write invoked last.
        var lastAcknowledged: String?
        /// The final read's value; `.some(nil)` when it found nothing.
        var finalRead: String??
    }

    public static func check(_ history: History) -> CheckResult {
        var result = CheckResult()
        var keys: [String: KeyState] = [:]
        var order: [String] = []
        for (position, entry) in history.entries.enumerated() {
            let id = "\(entry.space)\u{0}\(entry.key)"
            if keys[id] == nil {
                keys[id] = KeyState(space: entry.space, key: entry.key, partition: entry.partition)
                order.append(id)
            }
            switch (entry.function, entry.type) {
            case (.write, .invoke):
                if let value = entry.value { keys[id]!.writes[value] = WriteState(invokedAt: position) }
            case (.write, .ok):
                result.acknowledgedWrites += 1
                guard let value = entry.value, var write = keys[id]!.writes[value] else { break }
                write.acknowledgedAt = position
                keys[id]!.writes[value] = write
                let current = keys[id]!.lastAcknowledged.flatMap { keys[id]!.writes[$0]?.invokedAt } ?? -1
                if write.invokedAt > current { keys[id]!.lastAcknowledged = value }
            case (.write, .fail):
                if let value = entry.value { keys[id]!.writes[value]?.failed = true }
            case (.read, .ok) where entry.process == -1:
                keys[id]!.finalRead = .some(entry.value)
            case (.read, .fail) where entry.process == -1:
                result.unreadKeys += 1
            default:
                break
            }
        }
        for id in order {
            guard let state = keys[id], case .some(let found) = state.finalRead else { continue }
            if let found, state.writes[found] == nil { result.phantomValues += 1 }
            guard let last = state.lastAcknowledged, let lastWrite = state.writes[last] else { continue }
            if let found, found == last || isLater(state.writes[found], than: lastWrite) { continue }
            result.lostWrites += 1
            result.lost.append(
                CheckResult.LostWrite(space: state.space, partition: state.partition, key: state.key, value: last))
        }
        return result
    }

    /// True when `write` may have taken effect after `last`: it did not certainly fail and
    /// was not acknowledged before `last` was invoked.
    private static func isLater(_ write: WriteState?, than last: WriteState) -> Bool {
        guard let write, !write.failed else { return false }
        guard let acknowledgedAt = write.acknowledgedAt else { return true }
        return acknowledgedAt > last.invokedAt
    }
}
