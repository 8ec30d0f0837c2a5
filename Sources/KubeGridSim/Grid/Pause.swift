/// A Space instance that stops responding for a while (a long GC pause) and resumes
/// believing nothing changed. While it is silent its ZooKeeper session expires and its
/// backups miss its heartbeats: after the failure detection delay the backup is promoted.
/// Fenced, as GigaSpaces is (a primary acts only while it holds the leader's lock, and
/// acknowledges a write only once its backup has it), the resumed instance finds another
/// leader, stops acting as primary, drops its objects and rejoins as backup. Without
/// fencing (a test-only switch) it goes on acknowledging writes as primary.
extension GridController {
    mutating func pauseInstance(_ podKey: String, for duration: SimTime, _ context: inout RuntimeContext) {
        guard var instance = instances[podKey], instance.state == .primary, let space = spaces[instance.spaceKey] else {
            return
        }
        instance.pausedUntil = context.now + duration
        instances[podKey] = instance
        var partition = space.partitions[instance.partition - 1]
        if partition.primary == podKey {
            primaryLost(&partition, spaceKey: space.key, detecting: true, &context)
        }
        spaces[space.key]!.partitions[partition.id - 1] = partition
        progress += 1
        context.record("space/\(space.name)", "InstancePaused", "\(instance.podName) stopped responding (a long GC pause) for \(duration)")
        context.schedule(.instanceResumed(uid: instance.uid), after: duration)
        context.primaryLost(space: space.key, partition: partition.id, retryInterval: timings.clientRetryInterval)
    }

    mutating func instanceResumed(uid: Int, _ context: inout RuntimeContext) {
        // The pod with that uid names the instance; a search of every instance (8,192 on
        // 4,096 partitions, once per resume) only when the pod is gone.
        let byPod = context.pods.pod(uid: uid).flatMap { pod in instances[pod.key].map { (key: pod.key, value: $0) } }
        guard let (podKey, found) = byPod?.value.uid == uid ? byPod : instances.first(where: { $0.value.uid == uid }),
            found.pausedUntil != nil, let space = spaces[found.spaceKey]
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
            instances[podKey] = instance
            spaces[space.key]!.partitions[id - 1] = partition
            if let index = context.faultLog.outages.lastIndex(where: { $0.spaceKey == space.key && $0.partition == id }),
                context.faultLog.outages[index].primaryBack == nil
            {
                context.faultLog.outages[index].primaryBack = context.now
            }
            context.record(object, "InstanceResumed", "\(instance.podName) answers again and is still primary of partition \(id)")
            return
        }
        let leader = partition.primary.flatMap { instances[$0]?.podName } ?? "another instance"
        guard fencing else {
            instances[podKey] = instance
            partition.claimant = podKey
            spaces[space.key]!.partitions[id - 1] = partition
            // It announces itself as primary in the lookup service, which notifies the
            // proxies: they drop the primary they knew and look the partition up again.
            let ref = PartitionRef(space: space.key, partition: id)
            for client in context.clients.clients.indices { context.clients.clients[client].primaries[ref] = nil }
            context.record(
                object, "InstanceResumed",
                "\(instance.podName) answers again believing it is still primary of partition \(id), while \(leader) is (no fencing)",
                type: .warning)
            return
        }
        context.record(
            object, "PrimaryFenced",
            "\(instance.podName) answers again, finds that \(leader) is primary of partition \(id), "
                + "stops acting as primary and rejoins as backup")
        instance.state = .starting
        instance.store = [:]
        instances[podKey] = instance
        if let managerKey = space.managerKey { ensembles[managerKey]?.registrations[podKey] = nil }
        registerInstance(podKey, &context)
    }
}
