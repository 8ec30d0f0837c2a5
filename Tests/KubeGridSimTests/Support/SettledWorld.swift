import KubeGridCore

@testable import KubeGridSim

/// A world with `fixture` deployed and settled, to break by hand.
func settledWorld(_ fixture: GridFixture, nodes: Int = 3, options: SimulationOptions = SimulationOptions()) throws -> World {
    var world = World.deployed(fixture.bundle, nodes: try ClusterShape.generated(count: nodes, zones: 1).build(), options: options)
    world.run(until: options.deployTimeout) { $0.isSettled }
    return world
}

extension World {
    /// Runs the clock `span` further.
    mutating func run(for span: SimTime) {
        run(until: now + span)
    }

    /// The pod named `name` in the default namespace.
    func pod(named name: String) -> KubeGridSim.Pod? {
        pods["default/\(name)"]
    }

    /// The primary's pod name of `partition` of the first Space.
    func primaryName(_ partition: Int) -> String? {
        grid.spaces.values.first?.partitions[partition - 1].primary.flatMap { grid.instances[$0]?.podName }
    }
}
