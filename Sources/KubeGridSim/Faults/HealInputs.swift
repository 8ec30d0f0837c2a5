/// What the heal check reads of the world, as counters that move whenever it changes:
/// the nodes, the StatefulSets' records, the pods' settled revisions, the grid's
/// partitions, instances and managers. While none has moved, its verdict stands (a
/// client's operation moves none of them).
struct HealInputs: Sendable, Equatable {
    private var nodes = -1
    private var statefulSets = -1
    private var pods = -1
    private var gridProgress = -1
    private var gridLayout = -1

    /// Reads the counters of `world`; true when any differs from the last read.
    mutating func update(from world: World) -> Bool {
        let read = HealInputs(
            nodes: world.nodes.changes, statefulSets: world.statefulSetController.recordChanges,
            pods: world.pods.settleChanges, gridProgress: world.grid.progress, gridLayout: world.grid.layoutChanges)
        guard read != self else { return false }
        self = read
        return true
    }
}
