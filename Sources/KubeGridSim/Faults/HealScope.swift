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
