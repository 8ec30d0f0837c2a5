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
            let error = world.history.entries.first { $0.process == -1 && $0.type == .fail }?.error ?? "no primary answered"
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

/// What stops working while managers are down, and for how long: the lookup service and
/// REST manager (no lookups, new Space pods wait in `check-manager-ready`) and the
/// ZooKeeper quorum (no election, no promotion).
struct ManagerLossDiagnosis {
    let world: World

    var reasons: [String] {
        var reasons: [String] = []
        for ensemble in world.grid.ensembles.values {
            let outages = world.faultLog.managerOutages.filter { $0.ensembleKey == ensemble.key }
            guard !outages.isEmpty else { continue }
            let killed = world.faultLog.records.first { $0.kind == .killLeadingManager || $0.kind == .loseQuorum }
            var parts: [String] = []
            if let lookup = outages.first(where: { $0.service == .lookupService }) {
                parts.append(
                    "the lookup service and the REST manager were down for \(duration(lookup)): clients could not look up "
                        + "a primary and new Space pods waited in check-manager-ready")
            }
            if let quorum = outages.first(where: { $0.service == .quorum }) {
                parts.append(
                    "ZooKeeper had no quorum for \(duration(quorum)) (it needs \(ensemble.quorumSize) of its \(ensemble.size) members): "
                        + "no primary could be elected or promoted")
                parts += waitingPartitions(during: quorum)
            }
            var reason = "\(killed?.message ?? "managers went down"): " + parts.joined(separator: "; ")
            if ensemble.size < 3 {
                reason += "; run 3 managers (manager.ha=true in the insightedge chart) so that losing one keeps the lookup "
                    + "service and a quorum"
            }
            reasons.append(reason)
        }
        return reasons
    }

    /// Partitions that lost their primary while there was no quorum, and how long they
    /// had none (failure detection alone would have taken `failureDetection`).
    private func waitingPartitions(during quorum: ManagerOutage) -> [String] {
        let detection = world.timings.failureDetection
        return world.faultLog.outages.compactMap { outage in
            guard outage.start >= quorum.start, quorum.end.map({ outage.start < $0 }) ?? true else { return nil }
            let back = outage.primaryBack ?? world.now
            let held = back - outage.start
            guard held > detection else { return nil }
            return "partition \(outage.partition) had no primary for \(held)\(outage.primaryBack == nil ? " (to the end)" : "") "
                + "instead of the \(detection) failure detection takes"
        }
    }

    private func duration(_ outage: ManagerOutage) -> String {
        guard let end = outage.end else { return "\(world.now - outage.start) (to the end of the run)" }
        return "\(end - outage.start)"
    }
}
