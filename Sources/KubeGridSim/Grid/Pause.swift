/// A Space instance that stops responding for a while (a long GC pause) and resumes
/// believing nothing changed. While it is silent its ZooKeeper session expires and its
/// backups miss its heartbeats: after the failure detection delay the backup is promoted.
/// Fenced, as GigaSpaces is (a primary acts only while it holds the leader's lock, and
/// acknowledges a write only once its backup has it), the resumed instance finds another
/// leader, stops acting as primary, drops its objects and rejoins as backup. Without
/// fencing (a test-only switch) it goes on acknowledging writes as primary.
extension World {
    mutating func pauseInstance(_ podKey: String, for duration: SimTime) {
        guard var instance = grid.instances[podKey], instance.state == .primary, let space = grid.spaces[instance.spaceKey] else {
            return
        }
        instance.pausedUntil = now + duration
        grid.instances[podKey] = instance
        var partition = space.partitions[instance.partition - 1]
        if partition.primary == podKey {
            partition.primary = nil
            partition.epoch += 1
            partition.detectionPending = true
            partition.primaryLostAt = now
            faultLog.outages.append(PartitionOutage(spaceKey: space.key, partition: partition.id, start: now))
            schedule(
                .primaryLossDetected(space: space.key, partition: partition.id, epoch: partition.epoch),
                after: timings.failureDetection)
        }
        grid.spaces[space.key]!.partitions[partition.id - 1] = partition
        progress += 1
        record("space/\(space.name)", "InstancePaused", "\(instance.podName) stopped responding (a long GC pause) for \(duration)")
        schedule(.instanceResumed(uid: instance.uid), after: duration)
        if clientRun.monitoring { startMonitor(space: space.key, partition: partition.id) }
    }

    mutating func instanceResumed(uid: Int) {
        guard let (podKey, found) = grid.instances.first(where: { $0.value.uid == uid }), found.pausedUntil != nil,
            let space = grid.spaces[found.spaceKey]
        else { return }
        var instance = found
        instance.pausedUntil = nil
        let id = instance.partition
        var partition = space.partitions[id - 1]
        let object = "space/\(space.name)"
        progress += 1
        if partition.primary == nil {
            // Nobody took over: it is still the leader.
            partition.primary = podKey
            partition.epoch += 1
            partition.detectionPending = false
            grid.instances[podKey] = instance
            grid.spaces[space.key]!.partitions[id - 1] = partition
            if let index = faultLog.outages.lastIndex(where: { $0.spaceKey == space.key && $0.partition == id }),
                faultLog.outages[index].primaryBack == nil
            {
                faultLog.outages[index].primaryBack = now
            }
            record(object, "InstanceResumed", "\(instance.podName) answers again and is still primary of partition \(id)")
            return
        }
        let leader = partition.primary.flatMap { grid.instances[$0]?.podName } ?? "another instance"
        guard fencing else {
            grid.instances[podKey] = instance
            partition.claimant = podKey
            grid.spaces[space.key]!.partitions[id - 1] = partition
            // It announces itself as primary in the lookup service, which notifies the
            // proxies: they drop the primary they knew and look the partition up again.
            let ref = PartitionRef(space: space.key, partition: id)
            for client in clientRun.clients.indices { clientRun.clients[client].primaries[ref] = nil }
            record(
                object, "InstanceResumed",
                "\(instance.podName) answers again believing it is still primary of partition \(id), while \(leader) is (no fencing)",
                type: .warning)
            return
        }
        record(
            object, "PrimaryFenced",
            "\(instance.podName) answers again, finds that \(leader) is primary of partition \(id), "
                + "stops acting as primary and rejoins as backup")
        instance.state = .starting
        instance.store = [:]
        grid.instances[podKey] = instance
        if let managerKey = space.managerKey { grid.ensembles[managerKey]?.registrations[podKey] = nil }
        registerInstance(podKey)
    }
}
