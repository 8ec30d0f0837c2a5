/// What a fault touched, and so what must be whole again before the next fault.
struct HealScope: Sendable {
    var nodes: [String] = []
    var statefulSets: [String] = []
    var partitions: [PartitionRef] = []
    var ensembles: [String] = []
    /// Paused instances, whole once they answer again.
    var pausedInstances: [String] = []
    /// A network partition, whole once it has healed.
    var isolation = false

    mutating func merge(_ other: HealScope) {
        Self.append(other.nodes, to: &nodes)
        Self.append(other.statefulSets, to: &statefulSets)
        Self.append(other.partitions, to: &partitions)
        Self.append(other.ensembles, to: &ensembles)
        Self.append(other.pausedInstances, to: &pausedInstances)
        isolation = isolation || other.isolation
    }

    /// Appends the items `list` does not hold yet, in their order. A set answers "held?":
    /// a scope of everything on 4,096 partitions has 8,000 items, and a linear search
    /// for each made merging it quadratic.
    private static func append<Item: Hashable>(_ items: [Item], to list: inout [Item]) {
        var held = Set(list)
        for item in items where held.insert(item).inserted { list.append(item) }
    }

    /// Everything: every StatefulSet, partition and manager ensemble of `world`.
    static func everything(in world: World) -> HealScope {
        var scope = HealScope()
        scope.statefulSets = Array(world.statefulSets.keys)
        for space in world.grid.spaces.values {
            scope.partitions += space.partitions.map { PartitionRef(space: space.key, partition: $0.id) }
        }
        scope.ensembles = Array(world.grid.ensembles.keys)
        return scope
    }
}

/// Whether everything in a scope is whole: nodes up, every pod of the StatefulSets
/// Running and Ready at the current revision with its application up, every partition
/// with a primary and recovered backups, every manager up.
///
/// It is asked after every change, so it keeps a cursor: items found whole are not looked
/// at again until the cursor reaches the end, when one full pass confirms the verdict.
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
            guard let entry = world.statefulSets[key] else { return true }
            let rolled = entry.rolledOrdinals
            for ordinal in 0..<entry.replicas {
                guard let revision = world.pods.settledRevision("\(entry.namespace)/\(entry.name)-\(ordinal)") else {
                    return false
                }
                if rolled.contains(ordinal) && revision != entry.revision
                    && entry.statefulSet.spec.updateStrategy?.effectiveType != .onDelete
                {
                    return false
                }
            }
            return true
        case .partition(let ref):
            guard let space = world.grid.spaces[ref.space], space.partitions.indices.contains(ref.partition - 1) else {
                return true
            }
            let partition = space.partitions[ref.partition - 1]
            guard partition.primary != nil, partition.awaitingElection.isEmpty else { return false }
            let recovered = partition.backups.filter { world.grid.state(of: $0) == .backup }.count
            return recovered == partition.backups.count && (!space.ha || recovered >= 1)
        case .ensemble(let key):
            guard let ensemble = world.grid.ensembles[key] else { return true }
            return ensemble.upMembers.count >= ensemble.size
        }
    }
}
