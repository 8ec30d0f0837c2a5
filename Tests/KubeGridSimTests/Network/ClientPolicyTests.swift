import KubeGridCore
import Testing

@testable import KubeGridSim

/// Grid clients through the NetworkPolicies: an external client's address is rewritten to a
/// node's under `externalTrafficPolicy: Cluster`, so a policy must admit the nodes, not the
/// client's network; an internal client is a pod in the namespace it works in.
@Suite struct ClientPolicyTests {
    /// The fixture's grid with one policy selecting every pod of its namespace: the grid's
    /// own pods admitted, and `cidr` on every port.
    func simulate(admitting cidr: String, client: ClientPlacement = .external) throws -> ScenarioReport {
        let fixture = GridFixture(partitions: 2)
        var bundle = fixture.bundle
        let policy: Values = [
            "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": ["name": "clients", "namespace": "default"],
            "spec": [
                "podSelector": [:], "policyTypes": ["Ingress"],
                "ingress": [
                    ["from": [["podSelector": ["matchExpressions": [["key": "app.kubernetes.io/component", "operator": "Exists"]]]]]],
                    ["from": [["ipBlock": ["cidr": .string(cidr)]]]],
                ],
            ],
        ]
        bundle.add(.other(policy), source: "policy.yaml")
        var options = SimulationOptions()
        options.cluster = .generated(count: 3, zones: 1)
        options.client = client
        options.operations = 20
        return try Simulation.run(bundle, options: options).scenarios[0]
    }

    @Test func theClientsNetworkIsNotWhatThePolicySeesThroughALoadBalancer() throws {
        let deploy = try simulate(admitting: "198.51.100.0/24")
        #expect(!deploy.passed)
        #expect(deploy.partitionsReached == 0)
        let reason = try #require(deploy.reasons.first { $0.contains("lookup service") })
        #expect(reason.contains("NetworkPolicy default/clients isolates default/test-insightedge-manager-0 for ingress"))
        #expect(reason.contains("a client at 198.51.100.10 SNATed by kube-proxy to node"))
    }

    @Test func admittingTheNodesLetsExternalClientsIn() throws {
        let deploy = try simulate(admitting: "172.16.0.0/12")
        #expect(deploy.passed, "\(deploy.reasons)")
        #expect(deploy.partitionsReached == 2)
    }

    @Test func anInternalClientIsAPodOfTheNamespaceAndMatchesNoIPBlockOfTheNodes() throws {
        // The client pod is no grid component and its IP is not in the nodes' range.
        let blocked = try simulate(admitting: "172.16.0.0/12", client: .internal)
        #expect(!blocked.passed)
        #expect(blocked.reasons.contains { $0.contains("a client in namespace default → test-insightedge-manager-0") })
        #expect(try simulate(admitting: "10.244.0.0/14", client: .internal).passed)
    }
}
