/// Space instances: on start-up each registers in its manager's lookup service, with the
/// address a client would use; per partition, ZooKeeper elects the first registered
/// instance primary (given a quorum) and the others become backups, which copy every
/// object from the primary before they count as ready.
extension GridController {
    mutating func spaceInstanceStarted(_ pod: Pod, _ role: SpaceRole, _ context: inout RuntimeContext) {
        let spaceKey = "\(pod.namespace)/\(role.spaceName)"
        instances[pod.key] = SpaceInstance(
            podKey: pod.key, podName: pod.name, uid: pod.uid, spaceKey: spaceKey, partition: role.partitionId ?? 1)
        registerInstance(pod.key, &context)
    }

    /// Registers the instance in `pod` in the lookup service, or retries later when the
    /// lookup service is not up or the instance's external address is not known yet.
    mutating func registerInstance(_ podKey: String, _ context: inout RuntimeContext) {
        guard let pod = context.pods[podKey], case .spaceInstance(let role) = pod.role,
            var instance = instances[podKey], instance.uid == pod.uid, instance.state == .starting,
            // What it needs of the Space, not the Space: a copy held while its partitions
            // change below would make the change copy every partition.
            let space = spaces[instance.spaceKey].map({ (key: $0.key, name: $0.name, managerKey: $0.managerKey) })
        else { return }
        let retry = { (grid: inout GridController, context: inout RuntimeContext, why: String) in
            instance.waitingFor = why
            grid.instances[podKey] = instance
            context.schedule(.retryRegistration(uid: pod.uid, generation: pod.generation), after: grid.timings.registrationRetry)
        }
        guard let managerKey = space.managerKey, let ensemble = ensembles[managerKey] else {
            let name = role.managerName ?? "(none: the pod has no manager.name argument)"
            return retry(&self, &context, "the manager \(name) is not among the manifests")
        }
        guard ensemble.lookupServiceUp else {
            return retry(&self, &context, "no lookup service of manager \(ensemble.fullName) is running")
        }
        if let blocked = lookupServiceBlock(pod, ensemble, context) { return retry(&self, &context, blocked) }
        let address: GridAddress
        switch registrationAddress(of: pod, role, in: context.cluster) {
        case .success(let found): address = found
        case .failure(let waiting): return retry(&self, &context, waiting.reason)
        }
        instance.address = address
        instance.waitingFor = nil
        instance.state = .awaitingElection
        instances[podKey] = instance
        // In place: copying the ensemble out and back would copy every registration.
        ensembles[managerKey]!.registrations[podKey] = Registration(
            podKey: podKey, podName: pod.name, spaceKey: space.key, partition: instance.partition, address: address,
            registeredAt: context.now)
        let described = address.kind == .podIP ? "pod IP \(address)" : "\(address) (\(address.kind.rawValue))"
        context.record(
            "space/\(space.name)", "Registered",
            "\(pod.name) (partition \(instance.partition)) registered in the lookup service as \(described)", pod: podKey)
        var partition = spaces[space.key]!.partitions[instance.partition - 1]
        partition.awaitingElection.append(podKey)
        spaces[space.key]!.partitions[instance.partition - 1] = partition
        elect(spaceKey: space.key, partition: instance.partition, &context)
    }

    /// A new backup copies the primary's objects; the copy takes longer the more there are.
    mutating func startRecovery(_ podKey: String, spaceKey: String, partition id: Int, _ context: inout RuntimeContext) {
        guard var instance = instances[podKey], let pod = context.pods[podKey],
            let primary = primary(of: spaceKey, partition: id)
        else { return }
        instance.state = .recovering
        instance.recoveryAttempt += 1
        // The snapshot is taken now; writes from here on reach the backup by replication.
        // Until the copy is done the backup's objects do not count (see `abandonRecoveries`).
        instance.store = primary.store
        instances[podKey] = instance
        spaces[spaceKey]!.partitions[id - 1].backups.append(podKey)
        let duration = timings.recoveryBase + timings.recoveryPerThousandObjects * ((primary.store.count + 999) / 1000)
        context.record(
            "space/\(spaces[spaceKey]!.name)", "BackupRecovering",
            "\(instance.podName) is backup of partition \(id), copying \(primary.store.count) object\(primary.store.count == 1 ? "" : "s") from \(primary.podName)",
            pod: podKey)
        context.schedule(
            .recoveryDone(uid: pod.uid, generation: pod.generation, attempt: instance.recoveryAttempt), after: duration)
    }

    mutating func recoveryDone(uid: Int, generation: Int, attempt: Int, _ context: inout RuntimeContext) {
        guard let pod = context.pods.pod(uid: uid, generation: generation), var instance = instances[pod.key],
            instance.uid == uid, instance.state == .recovering, instance.recoveryAttempt == attempt
        else { return }
        instance.state = .backup
        instances[pod.key] = instance
        progress += 1
        let space = spaces[instance.spaceKey]?.name ?? instance.spaceKey
        context.record("space/\(space)", "BackupRecovered", "\(instance.podName) recovered partition \(instance.partition) and is ready", pod: pod.key)
        context.applicationStatusChanged(pod.key)
        planFailback(instance, &context)
    }

    /// The instance in `pod` is gone: it leaves the lookup service and its partition. When
    /// it was the primary, its backups notice after the failure detection delay.
    mutating func spaceInstanceStopped(_ pod: Pod, _ context: inout RuntimeContext) {
        guard let instance = instances[pod.key], instance.uid == pod.uid else { return }
        if let space = spaces[instance.spaceKey] {
            noteIfDataIsLost(
                space: space, partition: space.partitions[instance.partition - 1], stopping: pod, state: instance.state, &context)
        }
        instances[pod.key] = nil
        progress += 1
        // Changed in place: a Space copied out and back would copy every partition.
        guard let space = spaces[instance.spaceKey].map({ (key: $0.key, name: $0.name, managerKey: $0.managerKey) }) else {
            return
        }
        if let managerKey = space.managerKey { ensembles[managerKey]?.registrations[pod.key] = nil }
        var partition = spaces[instance.spaceKey]!.partitions[instance.partition - 1]
        partition.awaitingElection.removeAll { $0 == pod.key }
        partition.backups.removeAll { $0 == pod.key }
        let wasPrimary = partition.primary == pod.key
        if wasPrimary {
            primaryLost(&partition, spaceKey: space.key, detecting: true, &context)
        }
        spaces[instance.spaceKey]!.partitions[instance.partition - 1] = partition
        context.record(
            "space/\(space.name)", "InstanceLeft", "\(pod.name) left partition \(instance.partition)\(wasPrimary ? " (it was primary)" : "")")
        if wasPrimary { context.primaryLost(space: space.key, partition: partition.id, retryInterval: timings.clientRetryInterval) }
    }
}
