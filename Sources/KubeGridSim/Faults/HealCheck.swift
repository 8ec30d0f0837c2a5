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
    /// Where each item's record was last found in its table: a key compared there is much
    /// cheaper than one hashed (``OrderedDictionary/index(forKey:hint:)``).
    private var hints: [Int]
    private let scope: HealScope
    private var cursor = 0
    private var inputs = HealInputs()
    /// The verdict at `inputs`, once there is one.
    private var verdict: Bool?

    init(_ scope: HealScope) {
        self.scope = scope
        items = scope.nodes.map(Item.node) + scope.statefulSets.map(Item.statefulSet)
            + scope.partitions.map(Item.partition) + scope.ensembles.map(Item.ensemble)
        hints = Array(repeating: -1, count: items.count)
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
        while cursor < items.count, Self.isWhole(items[cursor], in: world, hint: &hints[cursor]) { cursor += 1 }
        guard cursor == items.count else { return false }
        if let regressed = items.indices.first(where: { !Self.isWhole(items[$0], in: world, hint: &hints[$0]) }) {
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
        var hint = -1
        for item in items where !Self.isWhole(item, in: world, hint: &hint) {
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

    /// Reads records in place (through their tables' buffers): a record holds a whole
    /// StatefulSet or Space, and copying one out was most of the check.
    private static func isWhole(_ item: Item, in world: World, hint: inout Int) -> Bool {
        switch item {
        case .node(let name):
            guard let node = world.node(named: name) else { return true }
            return node.condition == .ready && !node.removed
        case .statefulSet(let key):
            let records = world.statefulSetController.records
            guard let index = records.index(forKey: key, hint: &hint) else { return true }
            return records.values.withUnsafeBufferPointer { records in
                podsSettled(
                    records[index].key, replicas: records[index].replicas, revision: records[index].revision,
                    rolled: records[index].rolledOrdinals,
                    replacedOnDelete: records[index].statefulSet.spec.updateStrategy?.effectiveType == .onDelete, pods: world.pods)
            }
        case .partition(let ref):
            let spaces = world.grid.spaces
            guard let index = spaces.index(forKey: ref.space, hint: &hint) else { return true }
            return spaces.values.withUnsafeBufferPointer { spaces in
                spaces[index].partitions.withUnsafeBufferPointer {
                    partitionServes($0, ref.partition - 1, ha: spaces[index].ha, grid: world.grid)
                }
            }
        case .ensemble(let key):
            let ensembles = world.grid.ensembles
            guard let index = ensembles.index(forKey: key, hint: &hint) else { return true }
            return ensembles.values[index].upMembers.count >= ensembles.values[index].size
        }
    }

    /// The partition at `index` (if any) has a primary and no instance waiting for an
    /// election, every backup has recovered, and with ha there is at least one.
    private static func partitionServes(
        _ partitions: UnsafeBufferPointer<PartitionState>, _ index: Int, ha: Bool, grid: GridController
    ) -> Bool {
        guard partitions.indices.contains(index) else { return true }
        guard partitions[index].primary != nil, partitions[index].awaitingElection.isEmpty else { return false }
        return partitions[index].backups.allSatisfy { grid.state(of: $0) == .backup } && (!ha || !partitions[index].backups.isEmpty)
    }

    /// Every pod of the StatefulSet `key` is Running and Ready with its containers running,
    /// at the current revision where a rolling update replaces it (the `rolled` ordinals,
    /// unless pods are replaced only on delete).
    private static func podsSettled(
        _ key: String, replicas: Int, revision: Int, rolled: Range<Int>, replacedOnDelete: Bool, pods: PodTable
    ) -> Bool {
        // By ordinal: the pods' keys are not made one by one.
        let settled = pods.settledRevisions(ofStatefulSet: key)
        guard settled.count >= replicas else { return false }
        for ordinal in 0..<replicas {
            guard let settledRevision = settled[ordinal] else { return false }
            if rolled.contains(ordinal) && settledRevision != revision && !replacedOnDelete { return false }
        }
        return true
    }
}
