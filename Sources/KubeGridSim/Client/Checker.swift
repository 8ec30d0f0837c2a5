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
        /// Writes by value; a key has few, so a list beats a dictionary per key.
        var writes = SmallMap()
        /// The value of the acknowledged write invoked last.
        var lastAcknowledged: String?
        /// The final read's value; `.some(nil)` when it found nothing.
        var finalRead: String??
    }

    /// A few values and their writes, searched in order.
    private struct SmallMap {
        private var entries: [(value: String, state: WriteState)] = []

        subscript(value: String) -> WriteState? {
            get { entries.first { $0.value == value }?.state }
            set {
                if let index = entries.firstIndex(where: { $0.value == value }) {
                    if let newValue { entries[index].state = newValue } else { entries.remove(at: index) }
                } else if let newValue {
                    entries.append((value, newValue))
                }
            }
        }
    }

    public static func check(_ history: History) -> CheckResult {
        var result = CheckResult()
        // One hash lookup per entry: keys are numbered in order of first appearance.
        var index: [KeyID: Int] = [:]
        var keys: [KeyState] = []
        for (position, entry) in history.entries.enumerated() {
            let id = KeyID(space: entry.space, key: entry.key)
            let number: Int
            if let known = index[id] {
                number = known
            } else {
                number = keys.count
                index[id] = number
                keys.append(KeyState(space: entry.space, key: entry.key, partition: entry.partition))
            }
            switch (entry.function, entry.type) {
            case (.write, .invoke):
                if let value = entry.value { keys[number].writes[value] = WriteState(invokedAt: position) }
            case (.write, .ok):
                result.acknowledgedWrites += 1
                guard let value = entry.value, var write = keys[number].writes[value] else { break }
                write.acknowledgedAt = position
                keys[number].writes[value] = write
                let current = keys[number].lastAcknowledged.flatMap { keys[number].writes[$0]?.invokedAt } ?? -1
                if write.invokedAt > current { keys[number].lastAcknowledged = value }
            case (.write, .fail):
                if let value = entry.value, var write = keys[number].writes[value] {
                    write.failed = true
                    keys[number].writes[value] = write
                }
            case (.read, .ok) where entry.process == -1:
                keys[number].finalRead = .some(entry.value)
            case (.read, .fail) where entry.process == -1:
                result.unreadKeys += 1
            default:
                break
            }
        }
        for state in keys {
            guard case .some(let found) = state.finalRead else { continue }
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
