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
