import Testing

@testable import KubeGridSim

/// The heal check keeps its last verdict while nothing it reads has moved; every change
/// it reads must move something, or a scenario would take a regressed grid for healed.
@Suite struct HealCheckTests {
    @Test func aChangeTheGridCountsNoProgressForStillRegressesTheVerdict() throws {
        var world = try settledWorld(.haExample)
        var check = HealCheck(.everything(in: world))
        var healed = check.healed(world)
        #expect(healed)
        // An instance waiting for an election (registered without a quorum): the grid
        // counts no progress for it, but the partition is not whole.
        let space = try #require(world.grid.spaces.keys.first)
        world.grid.spaces[space]!.partitions[0].awaitingElection.append("default/newcomer")
        healed = check.healed(world)
        #expect(!healed)
        #expect(check.firstProblem(world)?.hasPrefix("partition 1 of Space") == true)
        world.grid.spaces[space]!.partitions[0].awaitingElection = []
        healed = check.healed(world)
        #expect(healed)
    }

    @Test func aPodLeavingReadyRegressesTheVerdictUntilItIsBack() throws {
        var world = try settledWorld(.haExample)
        var check = HealCheck(.everything(in: world))
        var healed = check.healed(world)
        #expect(healed)
        let key = try #require(world.pods.values.first { $0.owner == world.statefulSets.keys.last }?.key)
        world.pods[key]?.ready = false
        healed = check.healed(world)
        #expect(!healed)
        #expect(check.firstProblem(world)?.hasPrefix("StatefulSet") == true)
        world.pods[key]?.ready = true
        healed = check.healed(world)
        #expect(healed)
    }
}
