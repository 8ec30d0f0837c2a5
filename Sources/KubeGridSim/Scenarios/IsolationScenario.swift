/// Scenario `isolation`: with one or more releases in tenant namespaces, a client in each
/// namespace that holds a Space tries every Space — its lookup service and every instance's
/// registered address — through the NetworkPolicies the cluster stores. Its own
/// namespace's Spaces must answer and every other namespace's must be blocked; external
/// clients reach what the policies open (counted, not judged). It also checks the grid's
/// own traffic (registration, ZooKeeper, replication) against the policies.
///
/// It fails with the reason when a policy lets a client into another tenant's Space,
/// keeps a client from its own, or blocks the grid's own traffic.
enum IsolationScenario {
    static func run(_ world: inout World, options: SimulationOptions) -> ScenarioReport {
        world.run(until: options.deployTimeout) { $0.isSettled }
        var reasons: [String] = []
        var figures = IsolationFigures()
        let spaces = Array(world.grid.spaces.values)
        var namespaces: [String] = []
        for space in spaces where !namespaces.contains(space.namespace) { namespaces.append(space.namespace) }
        figures.namespaces = namespaces.count
        figures.spaces = spaces.count
        for (index, namespace) in namespaces.enumerated() {
            let client = ClientSource.internal(namespace: namespace, index: index)
            for space in spaces {
                let blocked = firstBlock(world, space: space, from: client, placement: .internal)
                let own = space.namespace == namespace
                switch (own, blocked) {
                case (true, nil): figures.ownReached += 1
                case (true, let why?):
                    reasons.append("a client in namespace \(namespace) cannot reach its own Space \(space.name): \(why)")
                case (false, nil):
                    reasons.append(
                        "a client in namespace \(namespace) reaches Space \(space.name) of namespace \(space.namespace): no "
                            + "NetworkPolicy keeps it out; give every tenant's namespace the insightedge-tenant chart's "
                            + "default-deny policies (networkPolicy.enabled=true), and no policy that admits other namespaces")
                case (false, _?): figures.othersBlocked += 1
                }
                figures.othersExpected += own ? 0 : 1
            }
        }
        for space in spaces where firstBlock(world, space: space, from: .external, placement: .external) == nil {
            figures.externalReach.append(space.name)
        }
        let traffic = world.gridTraffic
        figures.gridConnections = traffic.connections.count
        figures.gridBlocked = traffic.blocked.count
        reasons += GridTraffic.reasons(traffic.blocked)
        if !world.isSettled { reasons += DeployDiagnosis(world: world).reasons }
        var report = ScenarioReport.build(
            name: ScenarioName.isolation.rawValue, world: world, reasons: reasons, check: CheckResult(), clientStart: world.now)
        report.isolation = figures
        return report
    }

    /// Nil when a client at `source` reaches the Space's lookup service and every instance
    /// it registered; otherwise the first thing in its way.
    private static func firstBlock(_ world: World, space: SpaceState, from source: ClientSource, placement: ClientPlacement) -> String? {
        guard let ensemble = space.managerKey.flatMap({ world.grid.ensembles[$0] }) else {
            return "Space \(space.name) names no manager the manifests hold"
        }
        switch world.clients.lookupLocator(of: ensemble, placement: placement, pods: world.pods, cluster: world.clusterView) {
        case .failure(let problem): return problem.reason
        case .success(let locator):
            if placement == .external && !locator.reachableFromOutside {
                return "its lookup service at \(locator) is not reachable from outside the cluster"
            }
            if let why = world.clients.policyBlockReason(locator, pod: nil, from: source, pods: world.pods, cluster: world.clusterView) {
                return "its lookup service at \(locator): \(why)"
            }
        }
        for registration in ensemble.registrations.values.sorted(by: { $0.podName < $1.podName })
        where registration.spaceKey == space.key {
            if placement == .external && !registration.address.reachableFromOutside {
                return "\(registration.podName) registered \(registration.address), a \(registration.address.kind.rawValue) "
                    + "address a client outside the cluster cannot reach"
            }
            if let why = world.clients.policyBlockReason(registration.address, pod: registration.podKey, from: source, pods: world.pods, cluster: world.clusterView) {
                return "\(registration.podName) at \(registration.address): \(why)"
            }
        }
        return nil
    }
}

/// What the isolation scenario found: how many Spaces each side reached.
public struct IsolationFigures: Sendable, Hashable {
    /// Namespaces holding a Space (each has an internal client) and Spaces.
    public var namespaces = 0
    public var spaces = 0
    /// Internal clients that reached their own namespace's Spaces.
    public var ownReached = 0
    /// Internal clients kept out of another namespace's Space, of how many tries.
    public var othersBlocked = 0
    public var othersExpected = 0
    /// The Spaces an external client reaches (lookup service and every instance).
    public var externalReach: [String] = []
    /// The grid's own connections checked, and how many the policies block.
    public var gridConnections = 0
    public var gridBlocked = 0

    /// `own Spaces reached 2/2, other tenants' Spaces blocked 2/2, …`.
    public var summary: String {
        "\(namespaces) namespace(s) × \(spaces) Space(s): own Spaces reached \(ownReached)/\(spaces), "
            + "other tenants' Spaces blocked \(othersBlocked)/\(othersExpected), external clients reach "
            + "\(externalReach.count)/\(spaces)\(externalReach.isEmpty ? "" : " (\(externalReach.joined(separator: ", ")))"), "
            + "grid connections admitted \(gridConnections - gridBlocked)/\(gridConnections)"
    }
}
