import KubeGridCore
import Testing

@testable import KubeGridSim

/// Space instances register in the LUS with the address a remote client would use.
@Suite struct RegistrationTests {
    func registrations(_ fixture: GridFixture, client: ClientPlacement = .external) throws -> [InstanceReport] {
        let report = try simulate(fixture, client: client, operations: 0)
        return report.scenarios[0].instances
    }

    @Test func loadBalancerInstancesRegisterTheirExternalIP() throws {
        let instances = try registrations(GridFixture(partitions: 1))
        #expect(instances.map(\.addressKind) == ["LoadBalancer", "LoadBalancer"])
        // The manager's client Service took 203.0.113.1; the instances' follow.
        #expect(instances.map(\.address) == ["203.0.113.2:8200", "203.0.113.3:8200"])
        #expect(instances.allSatisfy { $0.reachable })
    }

    @Test func nodePortInstancesRegisterTheirNodesAddressAndPort() throws {
        var fixture = GridFixture(partitions: 2, spaceServiceType: .nodePort)
        fixture.initialNodePort = 31000
        let report = try simulate(fixture, operations: 0)
        let nodeAddress = Dictionary(uniqueKeysWithValues: report.nodes.map { ($0.name, $0.address) })
        let nodeOfPod = Dictionary(uniqueKeysWithValues: report.nodes.flatMap { node in node.pods.map { ($0.name, node.name) } })
        // initialNodePort + k, in creation order: partition 1 primary, its backup, partition 2 …
        let expectedPorts = ["test-insightedge-pu-1-0": 31000, "test-insightedge-pu-1-1": 31001, "test-insightedge-pu-2-0": 31002, "test-insightedge-pu-2-1": 31003]
        for instance in report.scenarios[0].instances {
            let node = try #require(nodeOfPod[instance.name])
            #expect(instance.addressKind == "NodePort")
            #expect(instance.address == "\(nodeAddress[node]!):\(expectedPorts[instance.name]!)")
        }
        #expect(report.passed)
    }

    @Test func clusterIPInstancesRegisterTheClusterIPThatOnlyPodsReach() throws {
        let fixture = GridFixture(partitions: 1, spaceServiceType: .clusterIP)
        let external = try registrations(fixture)
        #expect(external.allSatisfy { $0.addressKind == "ClusterIP" && $0.address?.hasPrefix("10.") == true })
        #expect(external.allSatisfy { !$0.reachable })
        #expect(try registrations(fixture, client: .internal).allSatisfy { $0.reachable })
    }

    @Test func withoutLRMIServicesInstancesRegisterPodIPs() throws {
        let fixture = GridFixture(partitions: 1, lrmiEnabled: false)
        let instances = try registrations(fixture)
        #expect(instances.allSatisfy { $0.addressKind == "pod IP" && $0.address?.hasPrefix("10.244.") == true })
        #expect(instances.allSatisfy { !$0.reachable })
        #expect(try registrations(fixture, client: .internal).allSatisfy { $0.reachable })
    }

    @Test func primaryAndBackupPerPartition() throws {
        let instances = try registrations(GridFixture(partitions: 2))
        #expect(instances.map(\.role) == ["primary", "backup", "primary", "backup"])
        #expect(instances.map(\.partition) == [1, 1, 2, 2])
    }
}

@Suite struct RoutingTests {
    /// Java's String.hashCode, which GigaSpaces routes by.
    @Test(arguments: [("", 0), ("a", 97), ("hello", 99_162_322), ("key-1", 101_943_363), ("polygenelubricants", Int32.min)])
    func javaHashCode(text: String, expected: Int32) {
        #expect(Routing.javaHashCode(text) == expected)
    }

    @Test func partitionsAreOneBasedAndStable() {
        #expect(Routing.partition(of: "hello", partitions: 4) == 99_162_322 % 4 + 1)
        // Int32.min has no positive counterpart in 32 bits; it still routes.
        #expect(Routing.partition(of: "polygenelubricants", partitions: 3) == Int(2_147_483_648 % 3) + 1)
        #expect((0..<1000).allSatisfy { (1...7).contains(Routing.partition(of: "key-\($0)", partitions: 7)) })
    }

    @Test func theWorkloadTriesEveryPartition() {
        let keys = Workload.keysCoveringPartitions(16)
        #expect(keys.count == 16)
        #expect(keys.map { Routing.partition(of: $0, partitions: 16) } == Array(1...16))
    }
}
