/// One client operation to run.
struct PlannedOperation: Sendable {
    var function: Operation.Function
    var spaceKey: String
    var key: String
    /// The value to write; nil for reads.
    var value: String?
}

/// A partition of a Space.
struct PartitionRef: Sendable, Hashable {
    var space: String
    var partition: Int

    /// The partition number and the length of the Space's key, not its text: a run has a
    /// Space or two, and every operation looks its partition up in the proxy's cache and
    /// the tally. Equality still compares the key.
    func hash(into hasher: inout Hasher) {
        hasher.combine(partition)
        hasher.combine(space.utf8.count)
    }
}

/// A key of a Space.
struct KeyID: Sendable, Hashable {
    var space: String
    var key: String
}

/// A primary as a client's proxy knows it: the pod, and the address it registered.
struct ProxyTarget: Sendable {
    var podKey: String
    var uid: Int
    var address: GridAddress
    /// The world's `progress` when the address was last found reachable. Whatever can
    /// make a reachable address unreachable (a pod deleted or not Ready, a node lost)
    /// bumps `progress`, so while it is unchanged the check need not run again.
    var reachableAt = -1
}

/// The operation a client has in flight, across the proxy's retries.
struct InFlightOperation: Sendable {
    /// The invoke entry.
    var operation: Operation
    /// When the proxy gives up.
    var deadline: SimTime
    /// The primary the current call went to; nil between attempts.
    var target: ProxyTarget?
    /// Why the last attempt failed.
    var problem: String?
    /// True once a write reached a primary that went away during the call: from the
    /// client's side it may have landed, so giving up is `info`, not `fail`.
    var maybeApplied = false
}

/// A client process: its operations, one at a time, as a Jepsen client runs them.
struct ClientState: Sendable {
    var id: Int
    /// Where the client is in the shared plan; nil for a monitor.
    var cursor: PlanCursor?
    /// How many clients share the plan: this one runs operations `id`, `id + stride`, ….
    var stride = 1
    /// How many operations of the plan are this client's.
    var planned = 0
    /// How many of them it has invoked.
    var next = 0
    var inFlight: InFlightOperation?
    /// Time between operations from `pacedFrom` on; before it, the usual interval.
    var interval: SimTime
    /// The first operation paced at `interval`.
    var pacedFrom = 0
    /// The proxy's cache: each partition's primary as last looked up.
    var primaries: [PartitionRef: ProxyTarget] = [:]
    /// For a monitor: the partition it reads until the read succeeds.
    var monitor: PartitionRef?
    /// A monitor is done once one of its reads succeeded.
    var monitorDone = false

    var isDone: Bool { monitor != nil ? monitorDone : next >= planned && inFlight == nil }

    /// The client's next operation of the plan, skipping the other clients' share.
    mutating func nextPlanned() -> PlannedOperation? {
        guard next < planned, var cursor else { return nil }
        let target = id + next * stride
        while cursor.index < target { cursor.skip() }
        let operation = cursor.next()
        self.cursor = cursor
        next += 1
        return operation
    }
}

/// Clients of the Space, in the manner of a GigaSpaces space proxy: find the lookup
/// service, learn each partition's primary there and remember it, route every operation
/// by `abs(hash(key)) % partitions` to that primary, and record every operation as invoke
/// then ok, fail or info. When the primary it knows is gone or no longer primary, the
/// proxy asks the lookup service again, every `clientRetryInterval`, until the operation
/// succeeds or `clientRetryTimeout` has passed.
extension GridClients {
    /// Starts clients that share `plan` round-robin; operations from `pacedFrom` on are
    /// `interval` apart, the ones before at the usual pace.
    mutating func start(
        count: Int, plan: WorkloadPlan, interval: SimTime? = nil, pacedFrom: Int = 0,
        grid: inout GridController, _ context: inout RuntimeContext
    ) {
        let count = max(count, 1)
        self.plan = plan
        // The checker's state for every key the plan can use, made now (before anything is recorded).
        if recorded == 0 { checker = StreamingChecker(plan: plan) }
        // Room in the grid's instances for the plan's keys, so memory follows the key space.
        grid.reserveObjects(for: plan)
        let cursor = plan.cursor()
        clients = (0..<count).map { id in
            var client = ClientState(
                id: id, cursor: cursor, stride: count, planned: max(plan.count - id + count - 1, 0) / count,
                interval: interval ?? timings.operationInterval)
            // Operation `pacedFrom` of the plan is this client's number `pacedFrom / count` (rounded up).
            client.pacedFrom = (pacedFrom + count - 1 - id) / count
            return client
        }
        for id in clients.indices { context.schedule(.clientInvoke(client: id)) }
    }

    /// The workload clients have run every operation (monitors aside).
    var isDone: Bool { clients.allSatisfy { $0.monitor != nil || $0.isDone } }

    /// Client `id` starts its next operation (`SimEvent.clientInvoke`).
    mutating func invoke(_ id: Int, grid: inout GridController, _ context: inout RuntimeContext) {
        guard clients.indices.contains(id), clients[id].inFlight == nil else { return }
        let planned: PlannedOperation
        if let monitor = clients[id].monitor {
            guard !clients[id].monitorDone, let key = monitorKey(monitor, grid: grid) else { return }
            planned = PlannedOperation(function: .read, spaceKey: monitor.space, key: key, value: nil)
        } else {
            guard let next = clients[id].nextPlanned() else { return }
            planned = next
        }
        let partitions = Self.partitionCount(of: planned.spaceKey, in: &grid)
        let operation = Operation(
            process: id, type: .invoke, function: planned.function, key: planned.key, value: planned.value,
            partition: Routing.partition(of: planned.key, partitions: partitions), space: planned.spaceKey, time: context.now)
        recordOperation(operation, faultLog: context.faultLog)
        clients[id].inFlight = InFlightOperation(operation: operation, deadline: context.now + timings.clientRetryTimeout)
        attempt(id, grid: &grid, &context)
    }

    /// The partitions of the Space `spaceKey` (1 when it is gone), read where the Space is
    /// stored: the dictionary's getter would copy its whole state for every operation.
    private static func partitionCount(of spaceKey: String, in grid: inout GridController) -> Int {
        guard let index = grid.spaces.index(forKey: spaceKey) else { return 1 }
        return partitionCount(of: &grid.spaces.values[index])
    }

    private static func partitionCount(of space: inout SpaceState) -> Int { space.partitionCount }

    /// One attempt (`SimEvent.clientRetry`): call the primary the proxy knows, or look one
    /// up in the lookup service. The operation in flight is changed in place, not copied
    /// out and back.
    mutating func attempt(_ id: Int, grid: inout GridController, _ context: inout RuntimeContext) {
        guard clients.indices.contains(id), let inFlight = clients[id].inFlight, inFlight.target == nil else { return }
        let ref = PartitionRef(space: inFlight.operation.space, partition: inFlight.operation.partition)
        if var known = clients[id].primaries[ref] {
            if let refusal = callRefusal(known, grid: &grid, context) {
                clients[id].primaries[ref] = nil
                clients[id].inFlight?.problem = refusal.reason
                // A dead node never answers: the call hangs until the connect timeout.
                return retryOrGiveUp(id, after: refusal.hangs ? timings.connectTimeout : .zero, &context)
            }
            if known.reachableAt != context.changesSoFar {
                known.reachableAt = context.changesSoFar
                clients[id].primaries[ref]?.reachableAt = context.changesSoFar
            }
            clients[id].inFlight?.target = known
            return context.schedule(.clientComplete(client: id), after: timings.operationLatency)
        }
        switch primaryConnection(space: ref.space, partition: ref.partition, grid: grid, pods: context.pods, cluster: context.cluster) {
        case .success(var target):
            target.reachableAt = context.changesSoFar
            clients[id].primaries[ref] = target
            clients[id].inFlight?.target = target
            // A lookup, then the call.
            context.schedule(.clientComplete(client: id), after: timings.operationLatency * 2)
        case .failure(let problem):
            clients[id].inFlight?.problem = problem.reason
            retryOrGiveUp(id, after: timings.clientRetryInterval, &context)
        }
    }

    /// The call reaches the primary (`SimEvent.clientComplete`): applied, or the primary
    /// went away while it travelled.
    mutating func complete(_ id: Int, grid: inout GridController, _ context: inout RuntimeContext) {
        guard clients.indices.contains(id), var inFlight = clients[id].inFlight, let target = inFlight.target else { return }
        let operation = inFlight.operation
        if case .primary(let index) = reach(target, grid: &grid, context),
            case .applied(let value) = apply(operation, at: index, target: target, grid: &grid, &context)
        {
            var completion = operation
            completion.type = .ok
            completion.time = context.now
            completion.value = value
            return finish(id, completion, &context)
        }
        clients[id].primaries[PartitionRef(space: operation.space, partition: operation.partition)] = nil
        inFlight.target = nil
        inFlight.problem = "the primary of partition \(operation.partition) went away during the call"
        if operation.function == .write { inFlight.maybeApplied = true }
        clients[id].inFlight = inFlight
        retryOrGiveUp(id, after: .zero, &context)
    }

    /// Tries again after `delay` if the proxy's timeout allows; otherwise the operation
    /// ends: `fail` when it certainly did nothing, `info` when a write may have landed.
    private mutating func retryOrGiveUp(_ id: Int, after delay: SimTime, _ context: inout RuntimeContext) {
        guard let inFlight = clients[id].inFlight else { return }
        if context.now + delay <= inFlight.deadline {
            return context.schedule(.clientRetry(client: id), after: delay)
        }
        var completion = inFlight.operation
        completion.time = context.now
        completion.type = inFlight.maybeApplied ? .info : .fail
        completion.error = inFlight.problem ?? "the operation timed out"
        if completion.function == .read { completion.value = nil }
        finish(id, completion, &context)
    }

    private mutating func finish(_ id: Int, _ completion: Operation, _ context: inout RuntimeContext) {
        clients[id].inFlight = nil
        recordOperation(completion, faultLog: context.faultLog)
        progress += 1
        if clients[id].monitor != nil {
            if completion.type == .ok {
                clients[id].monitorDone = true
                return
            }
            return context.schedule(.clientInvoke(client: id), after: timings.clientRetryInterval)
        }
        if clients[id].next < clients[id].planned {
            let paced = clients[id].next >= clients[id].pacedFrom
            context.schedule(.clientInvoke(client: id), after: paced ? clients[id].interval : timings.operationInterval)
        }
    }
}
