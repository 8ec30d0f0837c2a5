/// What the reports need from the client operations, counted as they complete so the
/// history itself need not be kept: how many ended each way, which partitions answered,
/// the first error per Space, when each partition last answered (for unavailability
/// windows), a histogram of completion times, and the final read's outcome per partition.
struct OperationTally: Sendable {
    /// Client completions (the final read aside).
    var ok = 0
    var failed = 0
    var unknown = 0
    /// Client completions so far.
    var completedOperations: Int { ok + failed + unknown }
    /// Partitions a client operation succeeded on.
    var reached: Set<PartitionRef> { Set(lastSuccess.keys) }
    /// The error of the first client operation that failed, per Space.
    var firstFailure: [String: String?] = [:]
    /// When a client operation on a partition last succeeded (its keys are the partitions reached).
    var lastSuccess: [PartitionRef: SimTime] = [:]
    /// Client completions over time.
    var completions = CompletionHistogram()
    /// Partitions the final read read, and those it could not read every key of.
    var finalReadPartitions = Set<PartitionRef>()
    var finalReadUnserved = Set<PartitionRef>()
    /// The error of the final read's first failure.
    var finalReadFirstError: String?
    /// For each partition outage in the fault log (same order): when a client operation
    /// first succeeded on the partition at or after its start; nil while none has.
    var outageEnds: [SimTime?] = []
    /// Outages still waiting for a success, per partition (indexes into `outageEnds`).
    private var openOutages: [PartitionRef: [Int]] = [:]

    /// Takes a completed client operation (process >= 0, not an invoke).
    mutating func completed(_ entry: Operation) {
        let ref = PartitionRef(space: entry.space, partition: entry.partition)
        completions.add(at: entry.time, ok: entry.type == .ok)
        switch entry.type {
        case .ok:
            ok += 1
            lastSuccess[ref] = entry.time
            // Most successes end no outage: no lookup then.
            if !openOutages.isEmpty, let open = openOutages.removeValue(forKey: ref) {
                for index in open { outageEnds[index] = entry.time }
            }
        case .fail:
            failed += 1
            if firstFailure[entry.space] == nil { firstFailure[entry.space] = .some(entry.error) }
        case .info:
            unknown += 1
        case .invoke:
            break
        }
    }

    /// Takes a completion of the final read (process -1).
    mutating func finalRead(_ entry: Operation) {
        let ref = PartitionRef(space: entry.space, partition: entry.partition)
        finalReadPartitions.insert(ref)
        guard entry.type != .ok else { return }
        finalReadUnserved.insert(ref)
        if finalReadFirstError == nil { finalReadFirstError = entry.error ?? "no primary answered" }
    }

    /// Starts windows for the outages the fault log has gained. Called before each success
    /// is counted, so a new outage has seen no success after its start except one at the
    /// very moment it began.
    mutating func noteOutages(_ outages: [PartitionOutage]) {
        while outageEnds.count < outages.count {
            let outage = outages[outageEnds.count]
            let ref = PartitionRef(space: outage.spaceKey, partition: outage.partition)
            if let last = lastSuccess[ref], last >= outage.start {
                outageEnds.append(last)
            } else {
                openOutages[ref, default: []].append(outageEnds.count)
                outageEnds.append(nil)
            }
        }
    }
}
