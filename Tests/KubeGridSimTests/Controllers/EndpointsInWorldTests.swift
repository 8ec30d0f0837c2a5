import KubeGridCore
import Testing

@testable import KubeGridSim

/// The endpoints controller in a running world: after every step, what it says a Service
/// routes to is what a scan of the pods says (the rule the simulator routed by before it
/// had the controller), and the stored Endpoints hold the same pods.
@Suite struct EndpointsInWorldTests {
    /// The pods `record` sends traffic to, by scanning every pod: selected, Running with an
    /// IP, and Ready unless the Service publishes pods that are not.
    static func scanned(_ record: ServiceRecord, _ pods: PodTable) -> [String] {
        let spec = record.service.spec
        guard !spec.selector.isEmpty else { return [] }
        return pods.values.filter { pod in
            pod.namespace == record.namespace && pod.podIP != nil && pod.phase == .running
                && (pod.ready || spec.publishNotReadyAddresses == true) && spec.selector.allSatisfy { pod.labels[$0.key] == $0.value }
        }.map(\.key).sorted()
    }

    /// Every Service's routing and stored Endpoints against the scan; the number of checks.
    static func check(_ world: World) -> Int {
        var checks = 0
        for record in world.services.values where !record.service.spec.selector.isEmpty {
            let expected = scanned(record, world.pods)
            #expect(world.endpointsController.readyPods(of: record.key) == expected, "\(record.key) at \(world.now)")
            #expect(world.endpointsController.hasReadyAddress(record.key) == !expected.isEmpty)
            for pod in world.pods.values {
                #expect(world.endpointsController.routes(record.key, to: pod.key) == expected.contains(pod.key))
            }
            if case .endpoints(let stored)? = world.api.store.get(ObjectKey(.endpoints, namespace: record.namespace, record.name))?.body {
                let ready = stored.addresses.filter(\.ready).map { "\(record.namespace)/\($0.podName)" }.sorted()
                #expect(ready == expected, "stored Endpoints of \(record.key) at \(world.now)")
            } else {
                Issue.record("no Endpoints stored for \(record.key)")
            }
            checks += 1
        }
        return checks
    }

    @Test func routingMatchesAScanOfThePodsThroughDeployAndFaults() throws {
        var world = World.deployed(GridFixture.haExample.bundle, nodes: try ClusterShape.generated(count: 3, zones: 1).build(), options: SimulationOptions())
        var checks = 0
        // Step the deployment a second at a time, then break it in three ways.
        for _ in 0..<120 {
            world.run(for: .seconds(1))
            checks += Self.check(world)
        }
        for fault in [Fault.killPrimary(partition: 1), .killLeadingManager, .loseNode("node-2")] {
            _ = world.inject(fault)
            for _ in 0..<60 {
                world.run(for: .seconds(1))
                checks += Self.check(world)
            }
        }
        #expect(checks > 1000)
        // The Space's pods reached Ready and back: the Endpoints were rewritten along the way.
        #expect(world.api.store.count(.endpoints) == world.services.values.filter { !$0.service.spec.selector.isEmpty }.count)
        #expect(world.api.store.count(.endpointSlice) == world.api.store.count(.endpoints))
    }
}
