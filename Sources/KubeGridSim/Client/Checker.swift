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
///
/// It checks as the history streams by (`observe`), keeping per key only the writes that
/// can still decide the verdict: the last acknowledged one and those that may land after
/// it. A write that can no longer win is dropped; whether a value the final read finds
/// among those was written at all is asked of the caller at the end (`result(written:)`),
/// who can replay the workload instead of remembering it.
struct StreamingChecker: Sendable {
    private struct WriteState: Sendable {
        var value: String
        var invokedAt: Int
        /// Position of the acknowledgement; nil while in flight or of unknown outcome.
        var acknowledgedAt: Int?
        var failed = false
    }

    private struct KeyState: Sendable {
        var id: KeyID
        var partition: Int
        /// Position of the first write invoked, for the final read's order.
        var firstWriteAt: Int?
        /// The writes that may still matter; a key has few at a time, so a list beats a dictionary.
        var writes: [WriteState] = []
        /// The value of the acknowledged write invoked last.
        var lastAcknowledged: String?
        /// The final read's value; `.some(nil)` when it found nothing.
        var finalRead: String??

        func write(_ value: String) -> WriteState? { writes.first { $0.value == value } }
        func index(of value: String) -> Int? { writes.firstIndex { $0.value == value } }
    }

    private var result = CheckResult()
    /// Keys numbered in order of first appearance: one hash lookup per entry.
    private var index: [KeyID: Int] = [:]
    private var keys: [KeyState] = []
    private var position = 0

    init() {}

    /// Takes the next entry of the history.
    mutating func observe(_ entry: Operation) {
        defer { position += 1 }
        let id = KeyID(space: entry.space, key: entry.key)
        let number: Int
        if let known = index[id] {
            number = known
        } else {
            number = keys.count
            index[id] = number
            keys.append(KeyState(id: id, partition: entry.partition))
        }
        switch (entry.function, entry.type) {
        case (.write, .invoke):
            guard let value = entry.value else { break }
            if keys[number].firstWriteAt == nil { keys[number].firstWriteAt = position }
            if let existing = keys[number].index(of: value) {
                keys[number].writes[existing] = WriteState(value: value, invokedAt: position)
            } else {
                keys[number].writes.append(WriteState(value: value, invokedAt: position))
            }
        case (.write, .ok):
            result.acknowledgedWrites += 1
            guard let value = entry.value, let at = keys[number].index(of: value) else { break }
            keys[number].writes[at].acknowledgedAt = position
            let write = keys[number].writes[at]
            let current = keys[number].lastAcknowledged.flatMap { keys[number].write($0)?.invokedAt } ?? -1
            if write.invokedAt > current {
                keys[number].lastAcknowledged = value
                forgetOutrun(number)
            }
        case (.write, .fail):
            // A certain failure can never be the value that wins: only its value is left to know.
            guard let value = entry.value, let at = keys[number].index(of: value) else { break }
            if keys[number].lastAcknowledged == value {
                keys[number].writes[at].failed = true
            } else {
                keys[number].writes.remove(at: at)
            }
        case (.read, .ok) where entry.process == -1:
            keys[number].finalRead = .some(entry.value)
        case (.read, .fail) where entry.process == -1:
            result.unreadKeys += 1
        default:
            break
        }
    }

    /// Drops the writes acknowledged before the last acknowledged write was invoked: the
    /// last one's invocation only moves later, so they can never win again.
    private mutating func forgetOutrun(_ number: Int) {
        guard let last = keys[number].lastAcknowledged, let lastWrite = keys[number].write(last) else { return }
        keys[number].writes.removeAll { write in
            guard write.value != last, let acknowledgedAt = write.acknowledgedAt else { return false }
            return acknowledgedAt < lastWrite.invokedAt
        }
    }

    /// How many writes it keeps, over all keys (for tests: it must not grow with the history).
    var writesKept: Int { keys.reduce(0) { $0 + $1.writes.count } }

    /// Every key written, in the order of its first write: what the final read reads.
    var writtenKeys: [(id: KeyID, partition: Int)] {
        keys.filter { $0.firstWriteAt != nil }.sorted { $0.firstWriteAt! < $1.firstWriteAt! }.map { ($0.id, $0.partition) }
    }

    /// The final read's values that are none of the writes kept: each was either written
    /// earlier and outrun, or never written (a phantom). The caller says which.
    var unexplainedReads: [KeyID: String] {
        var found: [KeyID: String] = [:]
        for state in keys {
            guard case .some(.some(let value)) = state.finalRead, state.write(value) == nil else { continue }
            found[state.id] = value
        }
        return found
    }

    /// The verdict. `written` holds those of `unexplainedReads` that some client did write
    /// to their key.
    func result(written: Set<KeyID>) -> CheckResult {
        var result = result
        for state in keys {
            guard case .some(let found) = state.finalRead else { continue }
            if let found, state.write(found) == nil, !written.contains(state.id) { result.phantomValues += 1 }
            guard let last = state.lastAcknowledged, let lastWrite = state.write(last) else { continue }
            if let found, found == last || Self.isLater(state.write(found), than: lastWrite) { continue }
            result.lostWrites += 1
            result.lost.append(
                CheckResult.LostWrite(space: state.id.space, partition: state.partition, key: state.id.key, value: last))
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

/// The checker over a whole recorded history (tests, and histories kept with `--history`).
public enum Checker {
    public static func check(_ history: History) -> CheckResult {
        var checker = StreamingChecker()
        for entry in history.entries { checker.observe(entry) }
        let unexplained = checker.unexplainedReads
        var written = Set<KeyID>()
        if !unexplained.isEmpty {
            for entry in history.entries where entry.function == .write && entry.type == .invoke {
                let id = KeyID(space: entry.space, key: entry.key)
                if let value = unexplained[id], value == entry.value { written.insert(id) }
            }
        }
        return checker.result(written: written)
    }
}
