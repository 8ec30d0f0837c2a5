import Testing

@testable import KubeGridSim

/// What a step's faults touched, merged: each item once, in the order first seen.
@Suite struct HealScopeTests {
    @Test func mergingKeepsTheFirstOrderAndDropsRepeats() {
        var scope = HealScope()
        scope.nodes = ["node-2"]
        var other = HealScope()
        other.nodes = ["node-1", "node-2", "node-3", "node-1"]
        other.statefulSets = ["default/b", "default/a", "default/b"]
        other.partitions = [PartitionRef(space: "s", partition: 2), PartitionRef(space: "s", partition: 1), PartitionRef(space: "s", partition: 2)]
        other.pausedInstances = ["default/p-1-0"]
        scope.merge(other)
        var third = HealScope()
        third.statefulSets = ["default/a", "default/c"]
        third.isolation = true
        scope.merge(third)
        #expect(scope.nodes == ["node-2", "node-1", "node-3"])
        #expect(scope.statefulSets == ["default/b", "default/a", "default/c"])
        #expect(scope.partitions == [PartitionRef(space: "s", partition: 2), PartitionRef(space: "s", partition: 1)])
        #expect(scope.pausedInstances == ["default/p-1-0"])
        #expect(scope.ensembles.isEmpty)
        #expect(scope.isolation)
    }
}
