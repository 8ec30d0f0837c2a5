import Testing
@testable import KubeGridSim

@Suite struct SimulationFlagsTests {
    static func flags(
        nodes: Int? = nil, zones: Int? = nil, cluster: Bool = false, scenarios: [String] = [], seed: Int = 1,
        client: String = "external", clients: Int = 1, operations: Int = 100, pool: String = "203.0.113.0/24",
        detectionDelay: Double? = nil
    ) -> SimulationFlags {
        SimulationFlags(
            nodes: nodes, zones: zones, usesClusterFile: cluster, scenarios: scenarios, seed: seed, client: client,
            clients: clients, operations: operations, loadBalancerPool: pool, failback: false,
            detectionDelay: detectionDelay)
    }

    static let problems: [(SimulationFlags, String)] = [
        (flags(nodes: 3, cluster: true), "--cluster gives the nodes; leave out --nodes and --zones"),
        (flags(nodes: 0), "--nodes must be at least 1, got 0"),
        (flags(nodes: 2, zones: 3), "--zones 3 is more than --nodes 2; each zone needs a node"),
        (flags(seed: -1), "--seed must not be negative, got -1"),
        (flags(client: "outside"), "--client must be external or internal, got \"outside\""),
        (flags(clients: 0), "--clients must be at least 1, got 0"),
        (flags(clients: 10_001), "--clients must be at most 10000, got 10001"),
        (flags(operations: -5), "--ops must not be negative, got -5"),
        (flags(operations: 1_000_000_001), "--ops must be at most 1000000000, got 1000000001"),
        (flags(pool: "nope"), "--load-balancer-pool must be an IPv4 range such as 203.0.113.0/24, got \"nope\""),
        (flags(scenarios: ["chaos"]), "--scenario chaos is not one of deploy, failover, node-loss, rolling-upgrade, manager-loss, drain, pause, partition, isolation, spark, all"),
        (flags(detectionDelay: 4000), "--detection-delay must be between 0 and 3600 seconds, got 4000"),
    ]

    @Test(arguments: problems)
    func wrongFlagsAreNamed(flags: SimulationFlags, message: String) {
        #expect(throws: SimulationFlags.Problem.self) { try flags.options() }
        do {
            _ = try flags.options()
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func allExpandsOnceInOrder() throws {
        let options = try Self.flags(scenarios: ["failover", "all"], detectionDelay: 2.5).options()
        #expect(options.scenarios == [.failover, .deploy, .nodeLoss, .rollingUpgrade, .managerLoss, .drain, .pause, .partition])
        #expect(options.timings.failureDetection == .milliseconds(2500))
        #expect(try Self.flags().options().scenarios == [.deploy])
        // `all` runs spark too when the manifests hold a driver (decided once they are read).
        #expect(options.sparkWhenPresent)
        #expect(try !Self.flags(scenarios: ["failover,spark"]).options().sparkWhenPresent)
        #expect(try Self.flags(scenarios: ["isolation,all"]).options().sparkWhenPresent)
    }
}
