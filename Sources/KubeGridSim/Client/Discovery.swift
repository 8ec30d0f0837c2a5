/// Finding a partition's primary the way a new space proxy does: through the lookup
/// service, to the address the primary registered — for each call that needs it, and for
/// the checker's final read.
extension GridClients {
    /// The primary of a partition as the client's proxy reaches it: through the lookup
    /// service, to the address the primary registered.
    func primaryConnection(
        space spaceKey: String, partition: Int, grid: GridController, pods: PodTable, cluster: ClusterView
    ) -> Result<ProxyTarget, AddressPending> {
        guard let space = grid.spaces[spaceKey] else {
            return .failure(AddressPending(reason: "there is no Space \(spaceKey)"))
        }
        guard let managerKey = space.managerKey, let ensemble = grid.ensembles[managerKey] else {
            return .failure(AddressPending(reason: "Space \(space.name) names no manager the manifests hold"))
        }
        let locator: GridAddress
        switch lookupLocator(of: ensemble, pods: pods, cluster: cluster) {
        case .success(let found): locator = found
        case .failure(let problem): return .failure(problem)
        }
        if !ensemble.lookupServiceUp || unreachableReason(locator, pod: nil, pods: pods, cluster: cluster) != nil {
            let why = unreachableReason(locator, pod: nil, pods: pods, cluster: cluster) ?? "no lookup service is running"
            return .failure(AddressPending(reason: "cannot reach the lookup service at \(locator): \(why)"))
        }
        // A resumed former primary that announced itself again answers lookups too (no fencing).
        let claimant = space.partitions[partition - 1].claimant.flatMap { grid.instances[$0] }
        guard let primary = claimant ?? grid.primary(of: spaceKey, partition: partition),
            let registration = ensemble.registrations[primary.podKey]
        else {
            return .failure(AddressPending(reason: "partition \(partition) of Space \(space.name) has no primary"))
        }
        if let why = unreachableReason(registration.address, pod: primary.podKey, pods: pods, cluster: cluster) {
            return .failure(AddressPending(reason: "cannot reach the primary \(primary.podName) at \(registration.address): \(why)"))
        }
        return .success(ProxyTarget(podKey: primary.podKey, uid: primary.uid, address: registration.address))
    }

    /// Reads every key ever written, in the order of its first write, as a new client would
    /// after the scenario — through the lookup service, with no proxy cache — and records
    /// the reads (process -1).
    mutating func finalRead(grid: GridController, _ context: RuntimeContext) {
        // Nothing changes while it reads, so each partition is looked up once.
        var connections: [PartitionRef: Result<ProxyTarget, AddressPending>] = [:]
        for (id, partition) in checker.writtenKeys {
            let operation = Operation(
                process: -1, type: .invoke, function: .read, key: id.key, value: nil, partition: partition,
                space: id.space, time: context.now)
            recordOperation(operation, faultLog: context.faultLog)
            var completion = operation
            let ref = PartitionRef(space: id.space, partition: partition)
            let connection = connections[ref]
                ?? primaryConnection(space: id.space, partition: partition, grid: grid, pods: context.pods, cluster: context.cluster)
            connections[ref] = connection
            switch connection {
            case .success(let target):
                completion.type = .ok
                completion.value = grid.instances[target.podKey]?.store[id.key]
            case .failure(let problem):
                completion.type = .fail
                completion.error = problem.reason
            }
            recordOperation(completion, faultLog: context.faultLog)
        }
    }
}
