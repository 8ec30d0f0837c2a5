/// A call from a client's proxy to the primary it knows: refused at once (the pod is gone
/// or no longer primary), hung (its node is lost), or applied with synchronous replication.
extension GridClients {
    /// Why a call to `target` cannot succeed now, and whether it hangs (a dead node) rather
    /// than being refused at once; nil when the primary is there and reachable.
    func callRefusal(_ target: ProxyTarget, grid: inout GridController, _ context: RuntimeContext) -> Refusal? {
        if case .refused(let refusal) = reach(target, grid: &grid, context) { return refusal }
        return nil
    }

    /// Why a call cannot succeed, and whether it hangs until the connect timeout.
    typealias Refusal = (reason: String, hangs: Bool)

    /// What a call to a primary finds.
    enum Reach {
        /// The instance answers as primary; where it is in `GridController.instances`.
        case primary(Dictionary<String, SpaceInstance>.Index)
        case refused(Refusal)
    }

    /// The primary instance a call to `target` reaches, or why it reaches none.
    ///
    /// The grid is `inout` only so the instance is read where it is stored: the
    /// dictionary's getter copies a whole instance (names, address, objects) for every
    /// field read, and a copy alive while a write follows would make the write copy its
    /// objects.
    func reach(_ target: ProxyTarget, grid: inout GridController, _ context: RuntimeContext) -> Reach {
        let pods = context.pods
        var hangs: Bool {
            pods[target.podKey].flatMap { context.cluster.node(named: $0.nodeName) }.map { $0.condition != .ready } ?? false
        }
        if target.reachableAt != context.changesSoFar,
            let why = unreachableReason(target.address, pod: target.podKey, pods: pods, cluster: context.cluster)
        {
            return .refused((why, hangs))
        }
        if let index = grid.instances.index(forKey: target.podKey) {
            switch Self.answer(of: &grid.instances.values[index], target: target, context) {
            case .primary: return .primary(index)
            case .refused(let refusal): return .refused(refusal)
            case .gone: break
            }
        }
        return .refused(("the primary \(pods[target.podKey]?.name ?? target.podKey) is gone", hangs))
    }

    /// How the instance a call arrives at answers it.
    private enum InstanceAnswer {
        case primary
        /// Another instance of the same pod key (the pod was replaced).
        case gone
        case refused(Refusal)
    }

    /// How the instance a call to `target` arrives at answers it.
    private static func answer(of instance: inout SpaceInstance, target: ProxyTarget, _ context: RuntimeContext) -> InstanceAnswer {
        guard instance.uid == target.uid else { return .gone }
        if let isolation = context.faultLog.isolation, isolation.suspended.contains(target.podKey) {
            return .refused(("\(instance.podName) is suspended: it is cut off from the ZooKeeper majority", false))
        }
        if let until = instance.pausedUntil, context.now < until {
            return .refused(("\(instance.podName) does not answer (paused)", true))
        }
        guard instance.state == .primary else {
            return .refused(("\(instance.podName) is no longer primary", false))
        }
        return .primary
    }

    /// Applies an operation on the primary instance at `index` (as `reach` found it, in the
    /// same step): a write is acknowledged once every backup has it (synchronous replication).
    func apply(
        _ operation: Operation, at index: Dictionary<String, SpaceInstance>.Index, target: ProxyTarget,
        grid: inout GridController, _ context: inout RuntimeContext
    ) -> Applied {
        // The instance and its partition are read and written in place, by index: a copy
        // of either (its store, the partition list) would be copied again on the write.
        switch operation.function {
        case .read:
            return .applied(Self.read(operation.key, in: &grid.instances.values[index]))
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
                    // By index: the optional a key's subscript yields would copy the instance.
                    if let backupIndex = grid.instances.index(forKey: backup) {
                        grid.instances.values[backupIndex].store[operation.key] = operation.value
                    }
                }
            }
            return .applied(operation.value)
        }
    }

    /// The value of `key` in `instance`, read where the instance is stored (see `reach`).
    private static func read(_ key: String, in instance: inout SpaceInstance) -> String? {
        instance.store[key]
    }

    /// What became of an operation that reached a primary.
    enum Applied {
        /// Done; the value written or read.
        case applied(String?)
        /// The primary had gone by the time the call arrived.
        case primaryGone
    }
}
