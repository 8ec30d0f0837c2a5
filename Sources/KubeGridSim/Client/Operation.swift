/// One entry of the operation history, as Jepsen records them: a client's `invoke`, then
/// its completion — `ok`, `fail` (certainly not applied) or `info` (outcome unknown).
public struct Operation: Sendable, Hashable {
    /// Which half of an operation the entry is.
    public enum EntryType: String, Sendable {
        case invoke, ok, fail, info
    }

    /// What the operation does.
    public enum Function: String, Sendable {
        /// Writes `value` under `key`.
        case write
        /// Reads `key`; the completion carries the value read (nil: not found).
        case read
    }

    /// The client (Jepsen's process); the final read after a scenario uses -1.
    public var process: Int
    public var type: EntryType
    public var function: Function
    public var key: String
    public var value: String?
    /// The partition the key routes to.
    public var partition: Int
    /// The Space, `namespace/name`.
    public var space: String
    public var time: SimTime
    /// Why it failed, for `fail` and `info`.
    public var error: String?
}

/// Every operation of a run, in the order they happened.
public struct History: Sendable {
    public private(set) var entries: [Operation] = []

    public init() {}

    mutating func record(_ operation: Operation) {
        entries.append(operation)
    }

    /// Counts of each entry type.
    public func count(_ type: Operation.EntryType) -> Int {
        entries.reduce(0) { $0 + ($1.type == type ? 1 : 0) }
    }
}
