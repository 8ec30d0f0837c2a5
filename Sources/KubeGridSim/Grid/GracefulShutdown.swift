/// SIGTERM to a grid process (a pod deleted with a grace period: a rolling update,
/// `kubectl delete pod`, an eviction). GigaSpaces' shutdown hook closes the Space instance
/// cleanly: a primary whose backup holds every object hands its role over first — the
/// backup is promoted through ZooKeeper at once, without waiting out the failure
/// detection delay — and then leaves the lookup service. A primary with no backup in sync
/// cannot hand over (the demote operation refuses for the same reason): it leaves as if it
/// had crashed, and the partition waits for its backups to notice.
extension GridController {
    mutating func handOverIfPrimary(_ pod: Pod, _ context: inout RuntimeContext) {
        // Only what is needed is read out of the Space: a copy of it kept alive across the
        // write below would make that write copy all its partitions (4,096 of them).
        guard let instance = instances[pod.key], instance.uid == pod.uid, instance.state == .primary,
            let found = spaces[instance.spaceKey].map({
                (key: $0.key, name: $0.name, managerKey: $0.managerKey, partition: $0.partitions[instance.partition - 1])
            })
        else { return }
        let space = (key: found.key, name: found.name)
        var partition = found.partition
        guard partition.primary == pod.key else { return }
        let object = "space/\(space.name)"
        let quorum = found.managerKey.flatMap { ensembles[$0] }?.hasQuorum == true
        guard quorum, let backup = partition.backups.first(where: { instances[$0]?.state == .backup }) else {
            let why = quorum ? "no backup holds every object" : "ZooKeeper has no quorum to elect its backup"
            context.record(
                object, "HandOffImpossible",
                "\(pod.name) is shutting down as primary of partition \(partition.id) but cannot hand over: \(why); "
                    + "it leaves as if it had crashed", type: .warning)
            return
        }
        partition.backups.removeAll { $0 == backup }
        partition.backups.insert(pod.key, at: 0)
        partition.primary = backup
        partition.failovers += 1
        partition.epoch += 1
        instances[backup]?.state = .primary
        instances[pod.key]?.state = .backup
        spaces[space.key]!.partitions[partition.id - 1] = partition
        progress += 1
        // Clients still call the old primary until they look it up again: the window
        // closes at the first call that succeeds, and a monitor makes sure one is tried.
        context.faultLog.outages.append(PartitionOutage(spaceKey: space.key, partition: partition.id, start: context.now, primaryBack: context.now))
        context.record(
            object, "PrimaryHandedOver",
            "\(pod.name) is shutting down and handed partition \(partition.id) to its backup "
                + "\(instances[backup]?.podName ?? backup), which is primary now", pod: backup)
        context.applicationStatusChanged(backup)
        context.primaryLost(space: space.key, partition: partition.id, retryInterval: timings.clientRetryInterval)
    }
}
