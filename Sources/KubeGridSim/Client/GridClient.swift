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
extension World {
    /// Starts clients that share `plan` round-robin; operations from `pacedFrom` on are
    /// `interval` apart, the ones before at the usual pace.
    mutating func startClients(count: Int, plan: WorkloadPlan, interval: SimTime? = nil, pacedFrom: Int = 0) {
        let count = max(count, 1)
        clientRun.plan = plan
        // The checker's state for every key the plan can use, made now (before anything is recorded).
        if clientRun.recorded == 0 { clientRun.checker = StreamingChecker(plan: plan) }
        grid.reserveObjects(for: plan)
        let cursor = plan.cursor()
        clientRun.clients = (0..<count).map { id in
            var client = ClientState(
                id: id, cursor: cursor, stride: count, planned: max(plan.count - id + count - 1, 0) / count,
                interval: interval ?? timings.operationInterval)
            // Operation `pacedFrom` of the plan is this client's number `pacedFrom / count` (rounded up).
            client.pacedFrom = (pacedFrom + count - 1 - id) / count
            return client
        }
        for id in clientRun.clients.indices { schedule(.clientInvoke(client: id)) }
    }

    /// The workload clients have run every operation (monitors aside).
    var clientsDone: Bool { clientRun.clients.allSatisfy { $0.monitor != nil || $0.isDone } }

    mutating func clientInvoke(_ id: Int) {
        guard clientRun.clients.indices.contains(id), clientRun.clients[id].inFlight == nil else { return }
        let planned: PlannedOperation
        if let monitor = clientRun.clients[id].monitor {
            guard !clientRun.clients[id].monitorDone, let key = monitorKey(monitor) else { return }
            planned = PlannedOperation(function: .read, spaceKey: monitor.space, key: key, value: nil)
        } else {
            guard let next = clientRun.clients[id].nextPlanned() else { return }
            planned = next
        }
        let partitions = grid.spaces[planned.spaceKey]?.partitionCount ?? 1
        let operation = Operation(
            process: id, type: .invoke, function: planned.function, key: planned.key, value: planned.value,
            partition: Routing.partition(of: planned.key, partitions: partitions), space: planned.spaceKey, time: now)
        recordOperation(operation)
        clientRun.clients[id].inFlight = InFlightOperation(operation: operation, deadline: now + timings.clientRetryTimeout)
        clientAttempt(id)
    }

    /// One attempt: call the primary the proxy knows, or look one up in the lookup service.
    mutating func clientAttempt(_ id: Int) {
        guard clientRun.clients.indices.contains(id), var inFlight = clientRun.clients[id].inFlight, inFlight.target == nil else { return }
        let ref = PartitionRef(space: inFlight.operation.space, partition: inFlight.operation.partition)
        if var known = clientRun.clients[id].primaries[ref] {
            if let refusal = callRefusal(known) {
                clientRun.clients[id].primaries[ref] = nil
                inFlight.problem = refusal.reason
                clientRun.clients[id].inFlight = inFlight
                // A dead node never answers: the call hangs until the connect timeout.
                return retryOrGiveUp(id, after: refusal.hangs ? timings.connectTimeout : .zero)
            }
            if known.reachableAt != progress {
                known.reachableAt = progress
                clientRun.clients[id].primaries[ref] = known
            }
            inFlight.target = known
            clientRun.clients[id].inFlight = inFlight
            return schedule(.clientComplete(client: id), after: timings.operationLatency)
        }
        switch primaryConnection(space: ref.space, partition: ref.partition) {
        case .success(var target):
            target.reachableAt = progress
            clientRun.clients[id].primaries[ref] = target
            inFlight.target = target
            clientRun.clients[id].inFlight = inFlight
            // A lookup, then the call.
            schedule(.clientComplete(client: id), after: timings.operationLatency * 2)
        case .failure(let problem):
            inFlight.problem = problem.reason
            clientRun.clients[id].inFlight = inFlight
            retryOrGiveUp(id, after: timings.clientRetryInterval)
        }
    }

    /// The call reaches the primary: applied, or the primary went away while it travelled.
    mutating func clientComplete(_ id: Int) {
        guard clientRun.clients.indices.contains(id), var inFlight = clientRun.clients[id].inFlight, let target = inFlight.target else { return }
        let operation = inFlight.operation
        if callRefusal(target) == nil, case .applied(let value) = apply(operation, on: target) {
            var completion = operation
            completion.type = .ok
            completion.time = now
            completion.value = value
            return finish(id, completion)
        }
        clientRun.clients[id].primaries[PartitionRef(space: operation.space, partition: operation.partition)] = nil
        inFlight.target = nil
        inFlight.problem = "the primary of partition \(operation.partition) went away during the call"
        if operation.function == .write { inFlight.maybeApplied = true }
        clientRun.clients[id].inFlight = inFlight
        retryOrGiveUp(id, after: .zero)
    }

    /// Tries again after `delay` if the proxy's timeout allows; otherwise the operation
    /// ends: `fail` when it certainly did nothing, `info` when a write may have landed.
    private mutating func retryOrGiveUp(_ id: Int, after delay: SimTime) {
        guard let inFlight = clientRun.clients[id].inFlight else { return }
        if now + delay <= inFlight.deadline {
            return schedule(.clientRetry(client: id), after: delay)
        }
        var completion = inFlight.operation
        completion.time = now
        completion.type = inFlight.maybeApplied ? .info : .fail
        completion.error = inFlight.problem ?? "the operation timed out"
        if completion.function == .read { completion.value = nil }
        finish(id, completion)
    }

    private mutating func finish(_ id: Int, _ completion: Operation) {
        clientRun.clients[id].inFlight = nil
        recordOperation(completion)
        clientRun.progress += 1
        if clientRun.clients[id].monitor != nil {
            if completion.type == .ok {
                clientRun.clients[id].monitorDone = true
                return
            }
            return schedule(.clientInvoke(client: id), after: timings.clientRetryInterval)
        }
        if clientRun.clients[id].next < clientRun.clients[id].planned {
            let paced = clientRun.clients[id].next >= clientRun.clients[id].pacedFrom
            schedule(.clientInvoke(client: id), after: paced ? clientRun.clients[id].interval : timings.operationInterval)
        }
    }
}
