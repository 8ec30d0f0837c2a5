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
///
/// Its memory does not grow with the operations: a key's state is a few numbers in a slot
/// the workload plan fixes (``KeySlots``), made when the run starts; values (`vn`) are kept
/// as their numbers; the writes still in play live in one pool whose records are reused;
/// the orders the verdict and the final read walk the keys in are lists of slots made as
/// long as the plan's keys up front, filled as keys are first seen and first written.
struct StreamingChecker: Sendable {
    /// A write that may still matter, linked to the next of its key.
    private struct WriteState: Sendable {
        var value: Int
        var invokedAt: Int
        /// Position of the acknowledgement; -1 while in flight or of unknown outcome.
        var acknowledgedAt = -1
        var failed = false
        /// The next write of the same key (or of the free list); -1 ends it.
        var next: Int32 = -1
    }

    private struct KeyState: Sendable {
        var seen = false
        var partition: Int32 = 0
        /// Position of the first entry about the key, for the verdict's order.
        var firstSeenAt = -1
        /// Position of the first write invoked, for the final read's order; -1 when none.
        var firstWriteAt = -1
        /// The value of the acknowledged write invoked last, or `ValueNumbers.none`.
        var lastAcknowledged = ValueNumbers.none
        /// The final read's value, `ValueNumbers.none` when it found nothing, `notRead` before it.
        var finalRead = ValueNumbers.notRead
        /// The first of the key's writes in the pool; -1 when none.
        var writes: Int32 = -1
    }

    private var result = CheckResult()
    private var slots: KeySlots
    private var keys: [KeyState]
    private var pool: [WriteState]
    private var free: Int32 = -1
    private var values = ValueNumbers()
    private var position = 0
    /// Slots in the order their key was first seen (the verdict's order).
    private var seenOrder: [Int32] = []
    /// Slots and partitions in the order their key was first written (the final read's order).
    private var writeOrder: [(slot: Int32, partition: Int32)] = []

    /// A checker for any keys, each given its state when first seen.
    init() {
        self.init(slots: KeySlots())
    }

    /// A checker for the keys of `plan`, with the state of every one made now.
    init(plan: WorkloadPlan) {
        self.init(slots: KeySlots(plan: plan))
    }

    private init(slots: KeySlots) {
        self.slots = slots
        keys = Array(repeating: KeyState(), count: slots.planned)
        // A write per key in play at once is the usual most; more grow the pool.
        pool = (0..<slots.planned).map { WriteState(value: 0, invokedAt: 0, next: Int32($0 + 1 < slots.planned ? $0 + 1 : -1)) }
        free = slots.planned > 0 ? 0 : -1
        seenOrder.reserveCapacity(slots.planned)
        writeOrder.reserveCapacity(slots.planned)
    }

    /// Takes the next entry of the history.
    mutating func observe(_ entry: Operation) {
        defer { position += 1 }
        let (number, new) = slots.slot(space: entry.space, key: entry.key)
        if new { keys.append(KeyState()) }
        if !keys[number].seen {
            keys[number].seen = true
            keys[number].partition = Int32(truncatingIfNeeded: entry.partition)
            keys[number].firstSeenAt = position
            seenOrder.append(Int32(number))
        }
        switch (entry.function, entry.type) {
        case (.write, .invoke):
            guard let text = entry.value else { break }
            let value = values.number(text)
            if keys[number].firstWriteAt < 0 {
                keys[number].firstWriteAt = position
                writeOrder.append((Int32(number), keys[number].partition))
            }
            if let existing = find(value, of: number) {
                pool[existing].invokedAt = position
                pool[existing].acknowledgedAt = -1
                pool[existing].failed = false
            } else {
                add(WriteState(value: value, invokedAt: position), to: number)
            }
        case (.write, .ok):
            result.acknowledgedWrites += 1
            guard let text = entry.value, let value = values.existingNumber(text), let at = find(value, of: number) else {
                break
            }
            pool[at].acknowledgedAt = position
            let last = keys[number].lastAcknowledged
            let current = last == ValueNumbers.none ? -1 : find(last, of: number).map { pool[$0].invokedAt } ?? -1
            if pool[at].invokedAt > current {
                keys[number].lastAcknowledged = value
                forgetOutrun(number)
            }
        case (.write, .fail):
            // A certain failure can never be the value that wins: only its value is left to know.
            guard let text = entry.value, let value = values.existingNumber(text), let at = find(value, of: number) else {
                break
            }
            if keys[number].lastAcknowledged == value {
                pool[at].failed = true
            } else {
                remove(number) { index, _ in index == at }
            }
        case (.read, .ok) where entry.process == -1:
            keys[number].finalRead = entry.value.map { values.number($0) } ?? ValueNumbers.none
        case (.read, .fail) where entry.process == -1:
            result.unreadKeys += 1
        default:
            break
        }
    }

    /// Drops the writes acknowledged before the last acknowledged write was invoked: the
    /// last one's invocation only moves later, so they can never win again.
    private mutating func forgetOutrun(_ number: Int) {
        let last = keys[number].lastAcknowledged
        guard last != ValueNumbers.none, let lastWrite = find(last, of: number) else { return }
        let invokedAt = pool[lastWrite].invokedAt
        remove(number) { _, write in
            write.value != last && write.acknowledgedAt >= 0 && write.acknowledgedAt < invokedAt
        }
    }

    // MARK: The pool of writes

    /// The pool index of the write of `value` to key `number`.
    private func find(_ value: Int, of number: Int) -> Int? {
        var index = keys[number].writes
        while index >= 0 {
            if pool[Int(index)].value == value { return Int(index) }
            index = pool[Int(index)].next
        }
        return nil
    }

    private mutating func add(_ write: WriteState, to number: Int) {
        var write = write
        write.next = keys[number].writes
        let index: Int32
        if free >= 0 {
            index = free
            free = pool[Int(index)].next
            pool[Int(index)] = write
        } else {
            index = Int32(pool.count)
            pool.append(write)
        }
        keys[number].writes = index
    }

    /// Unlinks the writes of key `number` for which `drop` holds (given the pool index and
    /// the write) and frees them.
    private mutating func remove(_ number: Int, where drop: (Int, WriteState) -> Bool) {
        var previous: Int32 = -1
        var index = keys[number].writes
        while index >= 0 {
            let next = pool[Int(index)].next
            if drop(Int(index), pool[Int(index)]) {
                if previous >= 0 { pool[Int(previous)].next = next } else { keys[number].writes = next }
                pool[Int(index)].next = free
                free = index
            } else {
                previous = index
            }
            index = next
        }
    }

    // MARK: Reading the verdict

    /// How many writes it keeps, over all keys (for tests: it must not grow with the history).
    var writesKept: Int {
        keys.indices.reduce(0) { sum, number in
            var count = 0
            var index = keys[number].writes
            while index >= 0 {
                count += 1
                index = pool[Int(index)].next
            }
            return sum + count
        }
    }

    /// Key states and write records it holds (for tests: fixed by the plan, not by the history).
    var statesHeld: (keys: Int, writes: Int) { (keys.count, pool.count) }

    /// Room the key orders hold (for tests: made for the plan's keys up front).
    var orderCapacity: (seen: Int, written: Int) { (seenOrder.capacity, writeOrder.capacity) }

    /// Every key written, in the order of its first write: what the final read reads. A
    /// list of slot numbers, spelled out as it is walked.
    var writtenKeys: LazyMapSequence<[(slot: Int32, partition: Int32)], (id: KeyID, partition: Int)> {
        let slots = slots
        return writeOrder.lazy.map { (slots.id(of: Int($0.slot)), Int($0.partition)) }
    }

    /// The final read's values that are none of the writes kept: each was either written
    /// earlier and outrun, or never written (a phantom). The caller says which.
    var unexplainedReads: [KeyID: String] {
        var found: [KeyID: String] = [:]
        for number in keys.indices {
            let value = keys[number].finalRead
            guard value != ValueNumbers.notRead, value != ValueNumbers.none, find(value, of: number) == nil else { continue }
            found[slots.id(of: number)] = values.text(value)
        }
        return found
    }

    /// The verdict. `written` holds those of `unexplainedReads` that some client did write
    /// to their key.
    func result(written: Set<KeyID>) -> CheckResult {
        var result = result
        for slot in seenOrder {
            let number = Int(slot)
            let state = keys[number]
            guard state.finalRead != ValueNumbers.notRead else { continue }
            let found = state.finalRead == ValueNumbers.none ? nil : state.finalRead
            if let found, find(found, of: number) == nil, !written.contains(slots.id(of: number)) { result.phantomValues += 1 }
            guard state.lastAcknowledged != ValueNumbers.none, let lastWrite = find(state.lastAcknowledged, of: number) else {
                continue
            }
            if let found, found == state.lastAcknowledged || isLater(find(found, of: number), than: pool[lastWrite]) {
                continue
            }
            let id = slots.id(of: number)
            result.lostWrites += 1
            result.lost.append(
                CheckResult.LostWrite(
                    space: id.space, partition: Int(state.partition), key: id.key, value: values.text(state.lastAcknowledged)))
        }
        return result
    }

    /// True when the write at `index` may have taken effect after `last`: it did not
    /// certainly fail and was not acknowledged before `last` was invoked.
    private func isLater(_ index: Int?, than last: WriteState) -> Bool {
        guard let index, !pool[index].failed else { return false }
        let acknowledgedAt = pool[index].acknowledgedAt
        guard acknowledgedAt >= 0 else { return true }
        return acknowledgedAt > last.invokedAt
    }
}

/// Values as numbers: the workload's `vn` as n, any other text (a test's, a phantom) as a
/// negative number of its own, so a key's state holds no strings.
struct ValueNumbers: Sendable {
    /// No value.
    static let none = Int.min
    /// Not read yet (the final read's state).
    static let notRead = Int.min + 1

    private var others: [String: Int] = [:]
    private var otherTexts: [String] = []

    /// The number of `text`, giving one to a text not seen before.
    mutating func number(_ text: String) -> Int {
        if let number = existingNumber(text) { return number }
        otherTexts.append(text)
        others[text] = -otherTexts.count
        return -otherTexts.count
    }

    /// The number of `text` if it has one.
    func existingNumber(_ text: String) -> Int? {
        KeySlots.number(text, prefix: "v") ?? others[text]
    }

    /// The text a number stands for.
    func text(_ number: Int) -> String {
        number >= 0 ? "v\(number)" : otherTexts[-number - 1]
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
