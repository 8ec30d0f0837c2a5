/// The steps of each fault scenario, from the deployed world.
enum FaultSchedules {
    static func steps(for scenario: ScenarioName, in world: World) -> [FaultStep] {
        switch scenario {
        case .deploy, .isolation, .spark:
            return []
        case .failover:
            // Kill each primary in turn, Space by Space.
            return world.grid.spaces.values.flatMap { space in
                space.partitions.map { FaultStep.single(.killPrimary(space: space.key, partition: $0.id)) }
            }
        case .nodeLoss:
            return world.nodes.map { FaultStep.single(.loseNode($0.name)) }
        case .pause:
            return world.grid.spaces.values.flatMap { space in
                space.partitions.map { FaultStep.single(.pausePrimary(space: space.key, partition: $0.id)) }
            }
        case .partition:
            let zones = world.nodes.reduce(into: [String]()) { if !$0.contains($1.zone) { $0.append($1.zone) } }
            if zones.count > 1 {
                return zones.map { zone in
                    FaultStep.single(.isolate(nodes: world.nodes.filter { $0.zone == zone }.map(\.name), label: "zone \(zone)"))
                }
            }
            return world.nodes.map { FaultStep.single(.isolate(nodes: [$0.name], label: $0.name)) }
        case .drain:
            return [.single(.drainNodes(world.nodes.map(\.name)))]
        case .rollingUpgrade:
            return [.single(.rollingUpdate)]
        case .managerLoss:
            // Kill the leader; while it is away, kill a primary: an election must still happen.
            let partition = world.grid.spaces.values.first.map { _ in Fault.killPrimary(partition: 1) }
            return [FaultStep([(.zero, .killLeadingManager)] + (partition.map { [(.seconds(2), $0)] } ?? []))]
        }
    }
}
