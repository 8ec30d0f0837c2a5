/// A call from a client's proxy to the primary it knows: refused at once (the pod is gone
/// or no longer primary), hung (its node is lost), or applied with synchronous replication.
extension World {
    /// Why a call to `target` cannot succeed now, and whether it hangs (a dead node) rather
    /// than being refused at once; nil when the primary is there and reachable.
    func callRefusal(_ target: ProxyTarget) -> (reason: String, hangs: Bool)? {
        var hangs: Bool {
            pods[target.podKey].flatMap { node(named: $0.nodeName) }.map { $0.condition != .ready } ?? false
        }
        if target.reachableAt != progress, let why = unreachableReason(target.address, pod: target.podKey) {
            return (why, hangs)
        }
        guard let instance = grid.instances[target.podKey], instance.uid == target.uid else {
            return ("the primary \(pods[target.podKey]?.name ?? target.podKey) is gone", hangs)
        }
        if faultLog.isolation?.suspended.contains(target.podKey) == true {
            return ("\(instance.podName) is suspended: it is cut off from the ZooKeeper majority", false)
        }
        if let until = instance.pausedUntil, now < until { return ("\(instance.podName) does not answer (paused)", true) }
        guard instance.state == .primary else { return ("\(instance.podName) is no longer primary", false) }
        return nil
    }

    /// Applies an operation on the primary it was sent to: a write is acknowledged once
    /// every backup has it (synchronous replication).
    mutating func apply(_ operation: Operation, on target: ProxyTarget) -> Applied {
        guard let primary = grid.instances[target.podKey], primary.uid == target.uid, primary.state == .primary else {
            return .primaryGone
        }
        switch operation.function {
        case .read:
            return .applied(primary.store[operation.key])
        case .write:
            let current = grid.spaces[operation.space]?.partitions[operation.partition - 1].primary
            if current != target.podKey {
                // Fenced: a former primary cannot replicate to a backup that is primary now.
                if grid.fencing { return .primaryGone }
                // Cut off and unfenced, it acknowledges what it can replicate to nobody; once
                // another instance is primary, two primaries acknowledge writes at once.
                if let other = current.flatMap({ grid.instances[$0]?.podName }) {
                    faultLog.splitBrainAcks.append(
                        SplitBrainAck(
                            spaceKey: operation.space, partition: operation.partition, podName: primary.podName,
                            primaryName: other, time: now))
                }
                grid.instances[target.podKey]?.store[operation.key] = operation.value
                return .applied(operation.value)
            }
            // In place: copying the instance out and back would copy its whole store.
            grid.instances[target.podKey]?.store[operation.key] = operation.value
            if !brokenReplication {
                let backups = grid.spaces[operation.space]?.partitions[operation.partition - 1].backups ?? []
                for backup in backups { grid.instances[backup]?.store[operation.key] = operation.value }
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
