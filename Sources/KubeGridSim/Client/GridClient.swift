/// One client operation to run.
struct PlannedOperation: Sendable {
    var function: Operation.Function
    var spaceKey: String
    var key: String
    /// The value to write; nil for reads.
    var value: String?
}

/// A client process: its operations, one at a time, as a Jepsen client runs them.
struct ClientState: Sendable {
    var id: Int
    var plan: [PlannedOperation]
    var next = 0
    /// The operation in flight, its invoke entry, and where it went (nil: it never connected).
    var inFlight: (operation: Operation, target: (podKey: String, uid: Int)?, failure: String?)?

    var isDone: Bool { next >= plan.count && inFlight == nil }
}

/// Clients of the Space, in the manner of a GigaSpaces space proxy: find the lookup
/// service, learn each partition's primary there, route every operation by
/// `abs(hash(key)) % partitions` to that primary, and record every operation as invoke
/// then ok, fail or info.
extension World {
    /// Starts clients that share `plan` round-robin.
    mutating func startClients(count: Int, plan: [PlannedOperation]) {
        let count = max(count, 1)
        clients = (0..<count).map { id in
            ClientState(id: id, plan: plan.enumerated().filter { $0.offset % count == id }.map(\.element))
        }
        for id in clients.indices { schedule(.clientInvoke(client: id)) }
    }

    var clientsDone: Bool { clients.allSatisfy(\.isDone) }

    mutating func clientInvoke(_ id: Int) {
        guard clients.indices.contains(id), clients[id].inFlight == nil, clients[id].next < clients[id].plan.count else {
            return
        }
        let planned = clients[id].plan[clients[id].next]
        clients[id].next += 1
        let partitions = grid.spaces[planned.spaceKey]?.partitionCount ?? 1
        let operation = Operation(
            process: id, type: .invoke, function: planned.function, key: planned.key, value: planned.value,
            partition: Routing.partition(of: planned.key, partitions: partitions), space: planned.spaceKey, time: now)
        history.record(operation)
        switch primaryConnection(space: planned.spaceKey, partition: operation.partition) {
        case .success(let target):
            clients[id].inFlight = (operation, target, nil)
            schedule(.clientComplete(client: id), after: timings.operationLatency)
        case .failure(let problem):
            clients[id].inFlight = (operation, nil, problem.reason)
            schedule(.clientComplete(client: id), after: timings.connectTimeout)
        }
    }

    mutating func clientComplete(_ id: Int) {
        guard clients.indices.contains(id), let (invoked, target, failure) = clients[id].inFlight else { return }
        clients[id].inFlight = nil
        var completion = invoked
        completion.time = now
        if let target, case .applied(let value) = apply(invoked, on: target) {
            completion.type = .ok
            completion.value = value
        } else {
            // A connection that never opened certainly did nothing; one whose primary went
            // away mid-call may or may not have written.
            completion.type = target != nil && invoked.function == .write ? .info : .fail
            completion.error = failure ?? "the primary of partition \(invoked.partition) went away during the call"
            if invoked.function == .read { completion.value = nil }
        }
        history.record(completion)
        progress += 1
        if clients[id].next < clients[id].plan.count {
            schedule(.clientInvoke(client: id), after: timings.operationInterval)
        }
    }

    /// Applies an operation on the primary it was sent to, if that primary is still there:
    /// a write is acknowledged once every backup has it (synchronous replication).
    private mutating func apply(_ operation: Operation, on target: (podKey: String, uid: Int)) -> Applied {
        guard var primary = grid.instances[target.podKey], primary.uid == target.uid, primary.state == .primary else {
            return .primaryGone
        }
        switch operation.function {
        case .read:
            return .applied(primary.store[operation.key])
        case .write:
            primary.store[operation.key] = operation.value
            grid.instances[target.podKey] = primary
            let backups = grid.spaces[operation.space]?.partitions[operation.partition - 1].backups ?? []
            for backup in backups { grid.instances[backup]?.store[operation.key] = operation.value }
            return .applied(operation.value)
        }
    }

    /// What became of an operation that reached a primary.
    private enum Applied {
        /// Done; the value written or read.
        case applied(String?)
        /// The primary had gone by the time the call arrived.
        case primaryGone
    }

    /// The primary of a partition as the client's proxy reaches it: through the lookup
    /// service, to the address the primary registered.
    func primaryConnection(space spaceKey: String, partition: Int) -> Result<(podKey: String, uid: Int), AddressPending> {
        guard let space = grid.spaces[spaceKey] else {
            return .failure(AddressPending(reason: "there is no Space \(spaceKey)"))
        }
        guard let managerKey = space.managerKey, let ensemble = grid.ensembles[managerKey] else {
            return .failure(AddressPending(reason: "Space \(space.name) names no manager the manifests hold"))
        }
        let locator: GridAddress
        switch lookupLocator(of: ensemble) {
        case .success(let found): locator = found
        case .failure(let problem): return .failure(problem)
        }
        if !ensemble.lookupServiceUp || unreachableReason(locator, pod: nil) != nil {
            let why = unreachableReason(locator, pod: nil) ?? "no lookup service is running"
            return .failure(AddressPending(reason: "cannot reach the lookup service at \(locator): \(why)"))
        }
        guard let primary = grid.primary(of: spaceKey, partition: partition),
            let registration = ensemble.registrations[primary.podKey]
        else {
            return .failure(AddressPending(reason: "partition \(partition) of Space \(space.name) has no primary"))
        }
        if let why = unreachableReason(registration.address, pod: primary.podKey) {
            return .failure(AddressPending(reason: "cannot reach the primary \(primary.podName) at \(registration.address): \(why)"))
        }
        return .success((primary.podKey, primary.uid))
    }

    /// Reads every key ever written, as a last client would after the scenario, and
    /// records the reads in the history (process -1).
    mutating func finalRead() {
        var seen = Set<String>()
        let writes = history.entries.filter { $0.type == .invoke && $0.function == .write }
        for write in writes where seen.insert("\(write.space)\u{0}\(write.key)").inserted {
            var operation = write
            operation.process = -1
            operation.function = .read
            operation.value = nil
            operation.time = now
            history.record(operation)
            var completion = operation
            switch primaryConnection(space: write.space, partition: write.partition) {
            case .success(let target):
                completion.type = .ok
                completion.value = grid.instances[target.podKey]?.store[write.key]
            case .failure(let problem):
                completion.type = .fail
                completion.error = problem.reason
            }
            history.record(completion)
        }
    }
}
