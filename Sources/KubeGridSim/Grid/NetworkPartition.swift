/// A network partition: the pod network between some nodes (one node, or a zone) and the
/// rest is cut for a while, then heals. The grid follows GigaSpaces' consistency-biased
/// leader election (ZooKeeper in the managers): the side without the ZooKeeper majority
/// holds no leadership — a primary there "relinquishes it and suspends itself until it
/// rejoins the majority", and so acknowledges no write, while the majority side promotes
/// a backup once the primary's session has expired (the failure detection delay). A
/// backup cut off from the majority can neither take over nor receive replication; when
/// the network heals it copies the partition again. A suspended primary that finds
/// another leader when it rejoins drops its objects and comes back as backup; one that
/// finds none is primary again.
///
/// Without fencing (the test-only switch) the cut-off primary goes on acknowledging writes
/// it can replicate to nobody, and still answers lookups, so two primaries acknowledge
/// writes at once; when the network heals GigaSpaces' split-brain resolution keeps the
/// ZooKeeper leader and the other drops its objects, losing what it acknowledged.
extension GridController {
    /// Cuts `isolated` nodes off from the rest until `until`.
    mutating func networkPartitioned(isolated: Set<String>, until: SimTime, _ context: inout RuntimeContext) {
        var isolation = NetworkIsolation(nodes: isolated, until: until, start: context.now)
        let pods = context.pods
        func nodeOf(_ podKey: String) -> String? { pods.nodeName(of: podKey) }
        func inside(_ podKey: String) -> Bool { nodeOf(podKey).map(isolated.contains) ?? false }
        // By index, holding no copy of a Space: a write to one of its partitions would then
        // copy all of them.
        for spaceIndex in spaces.values.indices {
            let spaceKey = spaces.keys[spaceIndex]
            let space = (name: spaces.values[spaceIndex].name, managerKey: spaces.values[spaceIndex].managerKey)
            let ensemble = space.managerKey.flatMap { ensembles[$0] }
            let membersInside = ensemble?.upMembers.values.filter(inside).count ?? 0
            let membersOutside = (ensemble?.upMembers.count ?? 0) - membersInside
            let quorum = ensemble?.quorumSize ?? 1
            // Which side can reach a ZooKeeper majority: true inside, false outside, nil neither.
            let quorumInside: Bool? = membersOutside >= quorum ? false : membersInside >= quorum ? true : nil
            let object = "space/\(space.name)"
            // With the majority outside, only the partitions with an instance inside change.
            let affected =
                quorumInside == false
                ? partitionsWithInstances(of: spaceKey, on: isolated, pods: pods)
                : Array(spaces.values[spaceIndex].partitions.indices)
            for partitionIndex in affected {
                var partition = spaces.values[spaceIndex].partitions[partitionIndex]
                let hadBackups = !partition.backups.isEmpty
                let backupBesidePrimary = partition.primary.map { primary in
                    partition.backups.contains { nodeOf($0) == nodeOf(primary) }
                } ?? false
                for backup in partition.backups where quorumInside.map({ inside(backup) != $0 }) ?? true {
                    partition.backups.removeAll { $0 == backup }
                    isolation.detachedBackups.append(backup)
                    context.record(
                        object, "BackupCutOff",
                        "\(instances[backup]?.podName ?? backup) is cut off from the ZooKeeper majority: it leaves partition "
                            + "\(partition.id) until the network heals, then copies it again", type: .warning)
                }
                guard let primaryKey = partition.primary, let primary = instances[primaryKey],
                    quorumInside.map({ inside(primaryKey) != $0 }) ?? true
                else {
                    if partition.backups.count != spaces.values[spaceIndex].partitions[partitionIndex].backups.count {
                        spaces[spaceKey]!.partitions[partition.id - 1] = partition
                    }
                    continue
                }
                // The primary is on the side without the majority: its ZooKeeper session will expire.
                let successor = !partition.backups.isEmpty
                primaryLost(&partition, spaceKey: spaceKey, detecting: successor, &context)
                if !successor {
                    let cause: PartitionNote.Cause = quorumInside == nil ? .noQuorum : hadBackups ? .backupCutOff(sameNode: backupBesidePrimary) : .noBackup
                    isolation.unserved.append(
                        PartitionNote(spaceKey: spaceKey, partition: partition.id, start: context.now, end: until, cause: cause))
                }
                if fencing {
                    instances[primaryKey]?.pausedUntil = until
                    isolation.suspended.append(primaryKey)
                    context.record(
                        object, "PrimarySuspended",
                        "\(primary.podName) is cut off from the ZooKeeper majority: it relinquishes leadership of partition "
                            + "\(partition.id), acknowledges no write and suspends until the network heals", type: .warning)
                } else {
                    partition.claimant = primaryKey
                    isolation.claimants.append(primaryKey)
                    context.record(
                        object, "PrimaryCutOff",
                        "\(primary.podName) is cut off from the ZooKeeper majority and goes on acting as primary of partition "
                            + "\(partition.id) (no fencing)", type: .warning)
                }
                spaces[spaceKey]!.partitions[partition.id - 1] = partition
                progress += 1
                context.primaryLost(space: spaceKey, partition: partition.id, retryInterval: timings.clientRetryInterval)
            }
        }
        context.faultLog.isolation = isolation
    }

    /// The indices of the Space's partitions that have an instance on one of `nodes`, in order.
    private func partitionsWithInstances(of spaceKey: String, on nodes: Set<String>, pods: PodTable) -> [Int] {
        var found: Set<Int> = []
        for node in nodes {
            for podKey in pods.keys(on: node) {
                guard let index = instances.index(forKey: podKey), instances.values[index].spaceKey == spaceKey else { continue }
                found.insert(instances.values[index].partition - 1)
            }
        }
        let count = spaces[spaceKey]?.partitions.count ?? 0
        return found.filter { (0..<count).contains($0) }.sorted()
    }

    /// The network heals: suspended primaries rejoin (as primary if nobody took over, else
    /// as backup), a primary that went on without fencing is resolved against the leader,
    /// and cut-off backups copy their partition again.
    mutating func networkHealed(_ context: inout RuntimeContext) {
        guard let isolation = context.faultLog.isolation else { return }
        context.faultLog.isolation = nil
        for var note in isolation.unserved where spaces[note.spaceKey]?.partitions[note.partition - 1].primary == nil {
            note.end = context.now
            context.faultLog.partitionNotes.append(note)
        }
        for podKey in isolation.suspended {
            if let uid = instances[podKey]?.uid { instanceResumed(uid: uid, &context) }
        }
        for podKey in isolation.claimants { resolveSplitBrain(podKey, &context) }
        for podKey in isolation.detachedBackups { rejoin(podKey, &context) }
        progress += 1
    }

    /// A primary that acted without fencing meets the leader: if another instance was
    /// promoted, it is demoted and drops its objects; otherwise it is simply primary again.
    private mutating func resolveSplitBrain(_ podKey: String, _ context: inout RuntimeContext) {
        guard let instance = instances[podKey], let space = spaces[instance.spaceKey].map({ (key: $0.key, name: $0.name) }),
            var partition = spaces[instance.spaceKey]?.partitions[instance.partition - 1]
        else { return }
        guard partition.claimant == podKey else { return }
        partition.claimant = nil
        guard let leader = partition.primary.flatMap({ instances[$0] }) else {
            partition.primary = podKey
            partition.epoch += 1
            partition.detectionPending = false
            spaces[space.key]!.partitions[instance.partition - 1] = partition
            return
        }
        spaces[space.key]!.partitions[instance.partition - 1] = partition
        context.faultLog.lossNotes.append(
            LossNote(
                spaceKey: space.key, partition: instance.partition, time: context.now,
                text: "\(instance.podName) went on acknowledging writes while cut off from the ZooKeeper majority (no fencing) "
                    + "and dropped them when the network healed and \(leader.podName) stayed primary"))
        context.record(
            "space/\(space.name)", "SplitBrainResolved",
            "\(instance.podName) and \(leader.podName) were both primary of partition \(instance.partition); \(leader.podName) "
                + "holds the ZooKeeper leadership and stays, \(instance.podName) drops its objects and rejoins as backup",
            type: .warning)
        rejoin(podKey, &context)
    }

    /// An instance starts over as a newcomer: it registers again and recovers from the primary.
    private mutating func rejoin(_ podKey: String, _ context: inout RuntimeContext) {
        guard var instance = instances[podKey],
            let space = spaces[instance.spaceKey].map({ (key: $0.key, managerKey: $0.managerKey) }),
            var partition = spaces[instance.spaceKey]?.partitions[instance.partition - 1]
        else { return }
        partition.backups.removeAll { $0 == podKey }
        spaces[space.key]!.partitions[instance.partition - 1] = partition
        instance.state = .starting
        instance.store = [:]
        instances[podKey] = instance
        if let managerKey = space.managerKey { ensembles[managerKey]?.registrations[podKey] = nil }
        registerInstance(podKey, &context)
    }
}

/// The network partition in force: which nodes are cut off, until when, and what the grid
/// did about it (so the heal can undo it).
struct NetworkIsolation: Sendable {
    var nodes: Set<String>
    var until: SimTime
    var start = SimTime.zero
    /// Primaries that suspended themselves (fenced).
    var suspended: [String] = []
    /// Primaries that went on acting as primary (no fencing).
    var claimants: [String] = []
    /// Backups that left their partition.
    var detachedBackups: [String] = []
    /// Partitions whose primary was cut off with no backup on the majority side to take over.
    var unserved: [PartitionNote] = []
}

/// A partition that had no primary for a whole network partition: nobody on the majority
/// side could take over.
struct PartitionNote: Sendable {
    /// Why no backup could take over.
    enum Cause: Sendable {
        /// The partition had no backup (ha=false, or none recovered yet).
        case noBackup
        /// Its backups were on the primary's side of the cut: on its node (no anti-affinity
        /// between them), or on another node of the zone that was cut off.
        case backupCutOff(sameNode: Bool)
        /// Neither side had a ZooKeeper majority.
        case noQuorum
    }

    var spaceKey: String
    var partition: Int
    var start: SimTime
    var end: SimTime
    var cause: Cause
}
