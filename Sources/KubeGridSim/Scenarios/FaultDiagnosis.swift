/// Why a fault scenario lost data, in plain words: the checker's numbers, then for each
/// partition that lost acknowledged writes what happened to its copies — noted by the
/// grid as it happened — and the setting that would have prevented it.
struct FaultDiagnosis {
    let world: World
    let check: CheckResult

    /// Partitions explained one by one before the rest are summed up.
    static let partitionsShown = 8

    var reasons: [String] {
        var reasons = DeployScenario.dataReasons(check)
        reasons += partitionExplanations
        if check.unreadKeys > 0 {
            let error = world.clients.tally.finalReadFirstError ?? "no primary answered"
            reasons.append("the final read could not read \(check.unreadKeys) key(s) after the faults healed: \(error)")
        }
        return reasons
    }

    private var partitionExplanations: [String] {
        var order: [PartitionRef] = []
        var counts: [PartitionRef: Int] = [:]
        for lost in check.lost {
            let ref = PartitionRef(space: lost.space, partition: lost.partition)
            if counts[ref] == nil { order.append(ref) }
            counts[ref, default: 0] += 1
        }
        var reasons: [String] = []
        var said = Set<String>()
        for ref in order.prefix(Self.partitionsShown) {
            let count = counts[ref] ?? 0
            let writes = count == 1 ? "1 acknowledged write" : "\(count) acknowledged writes"
            var reason = "\(label(ref)): "
            if let note = world.faultLog.lossNotes.last(where: { $0.spaceKey == ref.space && $0.partition == ref.partition }) {
                reason += "\(note.text), so \(writes) \(count == 1 ? "was" : "were") lost"
                if let explanation = note.explanation, said.insert(explanation).inserted { reason += ": \(explanation)" }
                if let hint = note.hint, said.insert(hint).inserted { reason += "; \(hint)" }
            } else {
                reason += "\(writes) missing although a recovered backup took over: the backup did not have them, "
                    + "so replication to the backups lost writes"
            }
            reasons.append(reason)
        }
        if order.count > Self.partitionsShown {
            reasons.append("\(order.count - Self.partitionsShown) more partitions lost acknowledged writes")
        }
        return reasons
    }

    private func label(_ ref: PartitionRef) -> String {
        world.grid.spaces.count == 1
            ? "partition \(ref.partition)" : "Space \(world.grid.spaces[ref.space]?.name ?? ref.space) partition \(ref.partition)"
    }
}
