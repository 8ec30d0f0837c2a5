/// A call from a client's proxy to the primary it knows: refused at once (the pod is gone
/// or no longer primary), hung (its node is lost), or applied with synchronous replication.
extension GridClients {
    /// Why a call to `target` cannot succeed now, and whether it hangs (a dead node) rather
    /// than being refused at once; nil when the primary is there and reachable.
    func callRefusal(_ target: ProxyTarget, grid: GridController, _ context: RuntimeContext) -> (reason: String, hangs: Bool)? {
        let pods = context.pods
        var hangs: Bool {
            pods[target.podKey].flatMap { context.cluster.node(named: $0.nodeName) }.map { $0.condition != .ready } ?? false
        }
        if target.reachableAt != context.changesSoFar,
            let why = unreachableReason(target.address, pod: target.podKey, pods: pods, cluster: context.cluster)
        {
            return (why, hangs)
        }
        // Read in place: a copy of the instance would hold its store, and the write that
        // follows would then copy the whole store.
        guard let index = grid.instances.index(forKey: target.podKey), grid.instances.values[index].uid == target.uid else {
            return ("the primary \(pods[target.podKey]?.name ?? target.podKey) is gone", hangs)
        }
        if let isolation = context.faultLog.isolation, isolation.suspended.contains(target.podKey) {
            return ("\(grid.instances.values[index].podName) is suspended: it is cut off from the ZooKeeper majority", false)
        }
        if let until = grid.instances.values[index].pausedUntil, context.now < until {
            return ("\(grid.instances.values[index].podName) does not answer (paused)", true)
        }
        guard grid.instances.values[index].state == .primary else {
            return ("\(grid.instances.values[index].podName) is no longer primary", false)
        }
        return nil
    }

    /// Applies an operation on the primary it was sent to: a write is acknowledged once
    /// every backup has it (synchronous replication).
    func apply(_ operation: Operation, on target: ProxyTarget, grid: inout GridController, _ context: inout RuntimeContext) -> Applied {
        // The instance and its partition are read and written in place, by index: a copy
        // of either (its store, the partition list) would be copied again on the write.
        guard let index = grid.instances.index(forKey: target.podKey), grid.instances.values[index].uid == target.uid,
            grid.instances.values[index].state == .primary
        else {
            return .primaryGone
        }
        switch operation.function {
        case .read:
            return .applied(grid.instances.values[index].store[operation.key])
        case .write:
            let space = grid.spaces.index(forKey: operation.space)
            let current = space.flatMap { grid.spaces.values[$0].partitions[operation.partition - 1].primary }
            if current != target.podKey {
                // Fenced: a former primary cannot replicate to a backup that is primary now.
                if grid.fencing { return .primaryGone }
                // Cut off and unfenced, it acknowledges what it can replicate to nobody; once
                // another instance is primary, two primaries acknowledge writes at once.
                if let other = current.flatMap({ grid.instances[$0]?.podName }) {
                    context.faultLog.splitBrainAcks.append(
                        SplitBrainAck(
                            spaceKey: operation.space, partition: operation.partition, podName: grid.instances.values[index].podName,
                            primaryName: other, time: context.now))
                }
                grid.instances.values[index].store[operation.key] = operation.value
                return .applied(operation.value)
            }
            grid.instances.values[index].store[operation.key] = operation.value
            if !brokenReplication, let space {
                for backup in grid.spaces.values[space].partitions[operation.partition - 1].backups {
                    grid.instances[backup]?.store[operation.key] = operation.value
                }
            }
            return .applied(operation.value)
        }
    }

    /// What became of an operation that reached a primary.
    enum Applied {
        /// Done; the value written or read.
        case applied(String?)
        /// The primary had gone by the time the call arrived.
        case primaryGone
    }
}
