/// The `spark` scenario's check: the job read every write acknowledged before it started.
/// For each key whose last write acknowledged before the job's start holds value v, the job
/// must have read the key with v, or with a value a write invoked after the start wrote (it
/// may rightly see that newer value). Anything else — the key missing, an older value — is a
/// write the job did not see.
struct SparkReadCheck: Sendable {
    /// Keys acknowledged before the start, with the last value acknowledged.
    private(set) var acknowledged: [KeyID: String] = [:]
    /// Values written by writes invoked at or after the start, by key.
    private var later: [KeyID: Set<String>] = [:]

    /// A key the job missed or read stale.
    struct Miss: Sendable, Hashable {
        var key: KeyID
        var expected: String
        /// What the job read; nil when it did not read the key at all.
        var read: String?
    }

    init(history: History, start: SimTime) {
        for entry in history.entries where entry.function == .write && entry.process >= 0 {
            guard let value = entry.value else { continue }
            let key = KeyID(space: entry.space, key: entry.key)
            switch entry.type {
            case .invoke:
                if entry.time >= start { later[key, default: []].insert(value) }
            case .ok where entry.time < start:
                acknowledged[key] = value
            default:
                break
            }
        }
    }

    /// The acknowledged writes the read set lacks, in key order.
    func misses(in readSet: [KeyID: String]) -> [Miss] {
        var misses: [Miss] = []
        for (key, value) in acknowledged {
            let read = readSet[key]
            if read == value { continue }
            if let read, later[key]?.contains(read) == true { continue }
            misses.append(Miss(key: key, expected: value, read: read))
        }
        return misses.sorted { ($0.key.space, $0.key.key) < ($1.key.space, $1.key.key) }
    }
}
