/// Who is primary of a partition. ZooKeeper elects the first registered instance when the
/// partition has none; when a primary dies, its backups notice after the failure
/// detection delay and a recovered backup is promoted — both only with a quorum. A backup
/// still copying the primary's objects cannot take over: its copy is incomplete, so it
/// starts again empty and the partition's objects are gone.
extension GridController {
    /// Runs the elections and promotions that were waiting for a quorum of `ensembleKey`.
    mutating func runPendingElections(ensembleKey: String, _ context: inout RuntimeContext) {
        for (key, space) in spaces where space.managerKey == ensembleKey {
            for partition in space.partitions where partition.primary == nil || !partition.awaitingElection.isEmpty {
                elect(spaceKey: key, partition: partition.id, &context)
            }
        }
    }

    /// Gives the partition a primary if it has none and may get one (a quorum, and the
    /// backups have noticed the old one is gone): a recovered backup first, else the first
    /// instance waiting. Then every instance waiting becomes a backup and recovers.
    mutating func elect(spaceKey: String, partition id: Int, _ context: inout RuntimeContext) {
        // What it needs of the Space, not the Space: a copy held while its partitions
        // change would make each change copy every partition.
        guard let space = spaces[spaceKey].map({ (name: $0.name, managerKey: $0.managerKey) }),
            var partition = spaces[spaceKey]?.partitions[id - 1]
        else { return }
        let ensemble = space.managerKey.flatMap { ensembles[$0] }
        let object = "space/\(space.name)"
        if partition.primary == nil {
            // Until the backups notice, nobody takes over; a newcomer waits too.
            if partition.detectionPending { return }
            let hasCandidate = !partition.awaitingElection.isEmpty || !partition.backups.isEmpty
            guard ensemble?.hasQuorum == true, hasCandidate else {
                if hasCandidate, !partition.electionBlockedReported, let ensemble {
                    partition.electionBlockedReported = true
                    context.record(
                        object, "ElectionBlocked",
                        "partition \(id) cannot elect a primary: ZooKeeper of \(ensemble.fullName) has \(ensemble.upMembers.count) "
                            + "of \(ensemble.size) members up and needs \(ensemble.quorumSize)", type: .warning)
                }
                spaces[spaceKey]!.partitions[id - 1] = partition
                return
            }
            partition.electionBlockedReported = false
            if let backup = partition.backups.first(where: { instances[$0]?.state == .backup }) {
                partition.backups.removeAll { $0 == backup }
                partition.primary = backup
                partition.failovers += 1
                instances[backup]?.state = .primary
                let lost = partition.primaryLostAt.map { " \(context.now - $0) after the primary left" } ?? ""
                context.record(object, "PrimaryPromoted", "\(instances[backup]?.podName ?? backup) (backup) is primary of partition \(id)\(lost)", pod: backup)
            } else {
                partition = abandonRecoveries(partition, spaceName: space.name, &context)
                guard !partition.awaitingElection.isEmpty else {
                    spaces[spaceKey]!.partitions[id - 1] = partition
                    return
                }
                let chosen = partition.awaitingElection.removeFirst()
                partition.primary = chosen
                instances[chosen]?.state = .primary
                if partition.originalPrimary == nil { partition.originalPrimary = chosen }
                let empty = partition.primaryLostAt != nil ? " with no objects: the partition starts empty" : ""
                context.record(object, "PrimaryElected", "\(instances[chosen]?.podName ?? chosen) is primary of partition \(id)\(empty)", pod: chosen)
            }
            partition.epoch += 1
            progress += 1
            if let index = context.faultLog.outages.lastIndex(where: { $0.spaceKey == spaceKey && $0.partition == id }),
                context.faultLog.outages[index].primaryBack == nil
            {
                context.faultLog.outages[index].primaryBack = context.now
            }
            if let primary = partition.primary { context.applicationStatusChanged(primary) }
        }
        let joining = partition.awaitingElection
        partition.awaitingElection = []
        spaces[spaceKey]!.partitions[id - 1] = partition
        for podKey in joining { startRecovery(podKey, spaceKey: spaceKey, partition: id, &context) }
    }

    /// Backups still copying from a primary that is gone drop their partial copy and wait
    /// to be elected like a new instance.
    private mutating func abandonRecoveries(
        _ partition: PartitionState, spaceName: String, _ context: inout RuntimeContext
    ) -> PartitionState {
        var partition = partition
        for key in partition.backups {
            guard var instance = instances[key], instance.state == .recovering else { continue }
            instance.state = .awaitingElection
            instance.store = [:]
            instances[key] = instance
            partition.awaitingElection.insert(key, at: 0)
            context.record(
                "space/\(spaceName)", "RecoveryAbandoned",
                "\(instance.podName) lost its primary before it had recovered partition \(partition.id); it starts again empty",
                type: .warning)
        }
        partition.backups = []
        return partition
    }
    /// A partition's primary is gone (it left, paused or was cut off): the partition has no
    /// primary from now, its outage starts, and a new epoch fences whatever the old primary
    /// still does. With `detecting`, the backups notice after the failure detection delay.
    func primaryLost(_ partition: inout PartitionState, spaceKey: String, detecting: Bool, _ context: inout RuntimeContext) {
        partition.primary = nil
        partition.epoch += 1
        partition.detectionPending = detecting
        partition.primaryLostAt = context.now
        context.faultLog.outages.append(PartitionOutage(spaceKey: spaceKey, partition: partition.id, start: context.now))
        if detecting {
            context.schedule(
                .primaryLossDetected(space: spaceKey, partition: partition.id, epoch: partition.epoch),
                after: timings.failureDetection)
        }
    }


    /// The backups of a partition notice that its primary is gone.
    mutating func primaryLossDetected(spaceKey: String, partition id: Int, epoch: Int, _ context: inout RuntimeContext) {
        guard let partition = spaces[spaceKey]?.partitions[id - 1], partition.epoch == epoch,
            partition.primary == nil, partition.detectionPending
        else { return }
        spaces[spaceKey]!.partitions[id - 1].detectionPending = false
        elect(spaceKey: spaceKey, partition: id, &context)
    }

    /// With `--failback`, plans the original primary's return once it has recovered.
    func planFailback(_ instance: SpaceInstance, _ context: inout RuntimeContext) {
        guard failback, let partition = spaces[instance.spaceKey]?.partitions[instance.partition - 1],
            partition.originalPrimary == instance.podKey, partition.primary != nil
        else { return }
        context.schedule(
            .failback(space: instance.spaceKey, partition: instance.partition, epoch: partition.epoch),
            after: timings.failbackDelay)
    }

    /// The original primary and the current one swap roles, given a quorum. Both hold
    /// every object (replication is synchronous), so nothing is copied.
    mutating func failBack(spaceKey: String, partition id: Int, epoch: Int, _ context: inout RuntimeContext) {
        guard let space = spaces[spaceKey], var partition = Optional(space.partitions[id - 1]),
            partition.epoch == epoch, let current = partition.primary, let original = partition.originalPrimary,
            instances[original]?.state == .backup,
            space.managerKey.flatMap({ ensembles[$0] })?.hasQuorum == true
        else { return }
        partition.backups.removeAll { $0 == original }
        partition.backups.insert(current, at: 0)
        partition.primary = original
        partition.failovers += 1
        partition.epoch += 1
        instances[original]?.state = .primary
        instances[current]?.state = .backup
        spaces[spaceKey]!.partitions[id - 1] = partition
        progress += 1
        context.record(
            "space/\(space.name)", "PrimaryRestored",
            "\(instances[original]?.podName ?? original) is primary of partition \(id) again (failback); "
                + "\(instances[current]?.podName ?? current) is backup")
    }
}
