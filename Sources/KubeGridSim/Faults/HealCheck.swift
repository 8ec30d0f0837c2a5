/// Whether everything in a scope is whole: nodes up, every pod of the StatefulSets
/// Running and Ready at the current revision with its application up, every partition
/// with a primary and recovered backups, every manager up.
///
/// It is asked after every change, client operations included, so it does only what the
/// change calls for. While nothing it reads has moved (``HealInputs``) its last verdict
/// stands. Otherwise it walks a cursor: items found whole are not looked at again until the
/// cursor reaches the end, when one full pass confirms the verdict.
struct HealCheck: Sendable {
    private enum Item: Sendable {
        case node(String)
        case statefulSet(String)
        case partition(PartitionRef)
        case ensemble(String)
    }

    private let items: [Item]
    private let scope: HealScope
    private var cursor = 0
    private var inputs = HealInputs()
    /// The verdict at `inputs`, once there is one.
    private var verdict: Bool?

    init(_ scope: HealScope) {
        self.scope = scope
        items = scope.nodes.map(Item.node) + scope.statefulSets.map(Item.statefulSet)
            + scope.partitions.map(Item.partition) + scope.ensembles.map(Item.ensemble)
    }

    mutating func healed(_ world: World) -> Bool {
        // A drain is whole only once its last node is empty and back.
        guard world.faultLog.draining.isEmpty else { return false }
        guard scope.pausedInstances.allSatisfy({ world.grid.instances[$0]?.pausedUntil == nil }) else { return false }
        if scope.isolation, world.faultLog.isolation != nil { return false }
        // A walk over what has not moved would find what the last one found.
        if !inputs.update(from: world), let verdict { return verdict }
        let whole = walk(world)
        verdict = whole
        return whole
    }

    private mutating func walk(_ world: World) -> Bool {
        while cursor < items.count, Self.isWhole(items[cursor], in: world) { cursor += 1 }
        guard cursor == items.count else { return false }
        if let regressed = items.firstIndex(where: { !Self.isWhole($0, in: world) }) {
            cursor = regressed
            return false
        }
        return true
    }

    /// The first item that is not whole, in words, for a fault that never healed.
    func firstProblem(_ world: World) -> String? {
        if let node = world.faultLog.draining.first {
            let waiting = world.faultLog.draining.count - 1
            return "the drain has not emptied \(node) yet"
                + (waiting > 0 ? " (\(waiting) more node\(waiting == 1 ? "" : "s") to drain)" : "")
        }
        for item in items where !Self.isWhole(item, in: world) {
            switch item {
            case .node(let name): return "node \(name) has not come back"
            case .statefulSet(let key): return "StatefulSet \(world.statefulSets[key]?.name ?? key) is not fully Running and Ready"
            case .partition(let ref):
                let name = world.grid.spaces[ref.space]?.name ?? ref.space
                return "partition \(ref.partition) of Space \(name) has no primary with a recovered backup"
            case .ensemble(let key):
                return "manager \(world.grid.ensembles[key]?.fullName ?? key) does not have every member up"
            }
        }
        return nil
    }

    private static func isWhole(_ item: Item, in world: World) -> Bool {
        switch item {
        case .node(let name):
            guard let node = world.node(named: name) else { return true }
            return node.condition == .ready && !node.removed
        case .statefulSet(let key):
            // Read in place: a record holds its whole StatefulSet, and a copy was most of this check.
            let records = world.statefulSetController.records
            guard let index = records.index(forKey: key) else { return true }
            return podsSettled(of: records.values[index], pods: world.pods)
        case .partition(let ref):
            let spaces = world.grid.spaces
            guard let index = spaces.index(forKey: ref.space) else { return true }
            return partitionServes(ref.partition - 1, of: spaces.values[index], grid: world.grid)
        case .ensemble(let key):
            let ensembles = world.grid.ensembles
            guard let index = ensembles.index(forKey: key) else { return true }
            return ensembles.values[index].upMembers.count >= ensembles.values[index].size
        }
    }

    /// The partition at `index` (if any) has a primary and no instance waiting for an
    /// election, every backup has recovered, and with ha there is at least one. Read in
    /// place: a copy of the partition was much of this check.
    private static func partitionServes(_ index: Int, of space: SpaceState, grid: GridController) -> Bool {
        guard space.partitions.indices.contains(index) else { return true }
        guard space.partitions[index].primary != nil, space.partitions[index].awaitingElection.isEmpty else { return false }
        return space.partitions[index].backups.allSatisfy { grid.state(of: $0) == .backup }
            && (!space.ha || !space.partitions[index].backups.isEmpty)
    }

    /// Every pod of `entry` is Running and Ready with its containers running, at the
    /// current revision where a rolling update replaces it.
    private static func podsSettled(of entry: StatefulSetRecord, pods: PodTable) -> Bool {
        // By ordinal: the pods' keys are not made one by one.
        let settled = pods.settledRevisions(ofStatefulSet: "\(entry.namespace)/\(entry.name)")
        guard settled.count >= entry.replicas else { return false }
        let rolled = entry.rolledOrdinals
        for ordinal in 0..<entry.replicas {
            guard let revision = settled[ordinal] else { return false }
            if rolled.contains(ordinal) && revision != entry.revision
                && entry.statefulSet.spec.updateStrategy?.effectiveType != .onDelete
            {
                return false
            }
        }
        return true
    }
}
