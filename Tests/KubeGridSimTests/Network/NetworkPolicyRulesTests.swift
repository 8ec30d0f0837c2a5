import KubeGridCore
import OrderedCollections
import Testing

@testable import KubeGridSim

/// NetworkPolicy semantics as the API documents them (networking.k8s.io/v1
/// NetworkPolicySpec, NetworkPolicyPeer, NetworkPolicyPort), one connection per row.
@Suite struct NetworkPolicyRulesTests {
    static let server = PolicyPod(
        name: "server", namespace: "team-a", labels: ["app": "space"], ip: IPv4Address("10.244.0.10"),
        ports: [ContainerPort(name: "lrmi", containerPort: 8200), ContainerPort(name: "dns", containerPort: 53, protocol: .udp)],
        nodeIP: IPv4Address("172.18.0.2"))
    static let neighbour = PolicyPod(name: "client", namespace: "team-a", labels: ["app": "client"], ip: IPv4Address("10.244.0.11"))
    static let stranger = PolicyPod(name: "client", namespace: "team-b", labels: ["app": "client"], ip: IPv4Address("10.244.1.11"))
    static let outsider = IPv4Address("198.51.100.10")!

    static func policy(
        _ name: String, namespace: String = "team-a", selecting: LabelSelector = LabelSelector(), types: [String] = [],
        ingress: [NetworkPolicyIngressRule] = [], egress: [NetworkPolicyEgressRule] = []
    ) -> NetworkPolicy {
        var policy = NetworkPolicy(
            metadata: ObjectMeta(name: name, namespace: namespace),
            spec: NetworkPolicySpec(podSelector: selecting, policyTypes: types))
        policy.spec.ingress = ingress
        policy.spec.egress = egress
        return policy
    }

    static let denyIngress = policy("deny", types: ["Ingress"])
    static func from(_ peers: [NetworkPolicyPeer], ports: [NetworkPolicyPort] = []) -> NetworkPolicyIngressRule {
        NetworkPolicyIngressRule(from: peers, ports: ports)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var policies: [NetworkPolicy]
        var source: PolicySource
        var destination = NetworkPolicyRulesTests.server
        var port = 8200
        var `protocol`: PortProtocol = .tcp
        /// nil when allowed; else the direction and the policies named.
        var blocked: (PolicyBlock.Direction, [String])?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no policy: everything is allowed", policies: [], source: .pod(stranger)),
        Case(
            name: "a policy selecting other pods does not isolate this one",
            policies: [policy("other", selecting: LabelSelector(matchLabels: ["app": "db"]), types: ["Ingress"])],
            source: .pod(stranger)),
        Case(name: "default deny ingress", policies: [denyIngress], source: .pod(neighbour), blocked: (.ingress, ["deny"])),
        Case(
            name: "a policy in another namespace does not isolate this pod",
            policies: [policy("deny", namespace: "team-b", types: ["Ingress"])], source: .pod(neighbour)),
        Case(
            name: "policyTypes unset, no egress rules: ingress only, egress open",
            policies: [policy("ingress-only", namespace: "team-b", ingress: [from([])])], source: .pod(stranger)),
        Case(
            name: "policyTypes unset with egress rules: egress isolated too",
            policies: [policy("egress", namespace: "team-b", egress: [NetworkPolicyEgressRule(ports: [NetworkPolicyPort(port: 53)])])],
            source: .pod(stranger), blocked: (.egress, ["egress"])),
        Case(
            name: "podSelector peer admits matching pods of the policy's namespace",
            policies: [denyIngress, policy("clients", ingress: [from([NetworkPolicyPeer(podSelector: LabelSelector(matchLabels: ["app": "client"]))])])],
            source: .pod(neighbour)),
        Case(
            name: "podSelector peer alone does not admit the same labels in another namespace",
            policies: [denyIngress, policy("clients", ingress: [from([NetworkPolicyPeer(podSelector: LabelSelector(matchLabels: ["app": "client"]))])])],
            source: .pod(stranger), blocked: (.ingress, ["deny", "clients"])),
        Case(
            name: "namespaceSelector alone admits every pod of the namespaces it selects",
            policies: [policy("from-b", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["team": "b"]))])])],
            source: .pod(stranger)),
        Case(
            name: "namespaceSelector does not select namespaces without the label",
            policies: [policy("from-c", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["team": "c"]))])])],
            source: .pod(stranger), blocked: (.ingress, ["from-c"])),
        Case(
            name: "namespaceSelector and podSelector in one peer must both match",
            policies: [policy("both", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(
                namespaceSelector: LabelSelector(matchLabels: ["team": "b"]), podSelector: LabelSelector(matchLabels: ["app": "db"]))])])],
            source: .pod(stranger), blocked: (.ingress, ["both"])),
        Case(
            name: "namespaceSelector and podSelector both matching admit",
            policies: [policy("both", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(
                namespaceSelector: LabelSelector(matchLabels: ["team": "b"]), podSelector: LabelSelector(matchLabels: ["app": "client"]))])])],
            source: .pod(stranger)),
        Case(
            name: "every namespace has kubernetes.io/metadata.name",
            policies: [policy("by-name", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(
                namespaceSelector: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "team-b"]))])])],
            source: .pod(stranger)),
        Case(
            name: "an empty namespaceSelector selects every namespace",
            policies: [policy("any-ns", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(namespaceSelector: LabelSelector())])])],
            source: .pod(stranger)),
        Case(
            name: "namespace selectors never match an address outside the pod network",
            policies: [policy("any-ns", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(namespaceSelector: LabelSelector())])])],
            source: .address(outsider), blocked: (.ingress, ["any-ns"])),
        Case(
            name: "ipBlock admits an external address in its CIDR",
            policies: [policy("cidr", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(ipBlock: IPBlock(cidr: "198.51.100.0/24"))])])],
            source: .address(outsider)),
        Case(
            name: "ipBlock except carves an address out",
            policies: [policy("cidr", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(ipBlock: IPBlock(cidr: "198.51.100.0/24", except: ["198.51.100.0/28"]))])])],
            source: .address(outsider), blocked: (.ingress, ["cidr"])),
        Case(
            name: "ipBlock matches a pod's IP too",
            policies: [policy("pods", types: ["Ingress"], ingress: [from([NetworkPolicyPeer(ipBlock: IPBlock(cidr: "10.244.1.0/24"))])])],
            source: .pod(stranger)),
        Case(
            name: "a rule with no peers admits every source on its ports",
            policies: [policy("port", types: ["Ingress"], ingress: [from([], ports: [NetworkPolicyPort(port: 8200)])])],
            source: .address(outsider)),
        Case(
            name: "a numeric port admits only that port",
            policies: [policy("port", types: ["Ingress"], ingress: [from([], ports: [NetworkPolicyPort(port: 8201)])])],
            source: .pod(neighbour), blocked: (.ingress, ["port"])),
        Case(
            name: "endPort makes a range",
            policies: [policy("range", types: ["Ingress"], ingress: [from([], ports: [NetworkPolicyPort(endPort: 8300, port: 8000)])])],
            source: .pod(neighbour)),
        Case(
            name: "a port's protocol is TCP unless given",
            policies: [policy("udp", types: ["Ingress"], ingress: [from([], ports: [NetworkPolicyPort(port: 8200, protocol: .udp)])])],
            source: .pod(neighbour), blocked: (.ingress, ["udp"])),
        Case(
            name: "a named port resolves to the destination's container port",
            policies: [policy("named", types: ["Ingress"], ingress: [from([], ports: [NetworkPolicyPort(port: "lrmi")])])],
            source: .pod(neighbour)),
        Case(
            name: "a named port the connection's port does not carry does not match",
            policies: [policy("named", types: ["Ingress"], ingress: [from([], ports: [NetworkPolicyPort(port: "lrmi")])])],
            source: .pod(neighbour), port: 8201, blocked: (.ingress, ["named"])),
        Case(
            name: "a named port matches with its protocol",
            policies: [policy("dns", types: ["Ingress"], ingress: [from([], ports: [NetworkPolicyPort(port: "dns", protocol: .udp)])])],
            source: .pod(neighbour), port: 53, protocol: .udp),
        Case(
            name: "policies add up: any one admitting is enough",
            policies: [denyIngress, policy("open", types: ["Ingress"], ingress: [from([])])], source: .pod(stranger)),
        Case(
            name: "egress: isolated source may reach only what its rules admit",
            policies: [policy("egress-own", namespace: "team-b", types: ["Egress"], egress: [NetworkPolicyEgressRule(to: [NetworkPolicyPeer(podSelector: LabelSelector())])])],
            source: .pod(stranger), blocked: (.egress, ["egress-own"])),
        Case(
            name: "egress to the namespace's own pods",
            policies: [policy("egress-own", types: ["Egress"], egress: [NetworkPolicyEgressRule(to: [NetworkPolicyPeer(podSelector: LabelSelector())])])],
            source: .pod(neighbour)),
        Case(
            name: "egress named port resolves on the destination",
            policies: [policy("egress-lrmi", types: ["Egress"], egress: [NetworkPolicyEgressRule(ports: [NetworkPolicyPort(port: "lrmi")])])],
            source: .pod(neighbour)),
        Case(
            name: "both sides must admit: egress open, ingress closed",
            policies: [policy("egress-any", namespace: "team-b", types: ["Egress"], egress: [NetworkPolicyEgressRule()]), denyIngress],
            source: .pod(stranger), blocked: (.ingress, ["deny"])),
        Case(
            name: "traffic from the pod's own node is always admitted",
            policies: [denyIngress], source: .address(IPv4Address("172.18.0.2")!)),
        Case(
            name: "another node's address is not",
            policies: [denyIngress], source: .address(IPv4Address("172.18.0.3")!), blocked: (.ingress, ["deny"])),
    ]

    @Test(arguments: cases) func connection(_ test: Case) {
        var rules = NetworkPolicyRules()
        rules.setNamespace("team-a", labels: ["team": "a"])
        rules.setNamespace("team-b", labels: ["team": "b"])
        for policy in test.policies {
            let namespace = policy.metadata.namespace!
            rules.policies["\(namespace)/\(policy.metadata.name)"] = .init(namespace: namespace, policy: policy)
        }
        let block = rules.block(from: test.source, to: test.destination, port: test.port, protocol: test.protocol)
        if let (direction, names) = test.blocked {
            #expect(block?.direction == direction)
            #expect(block?.policies == names)
        } else {
            #expect(block == nil, "\(block?.description ?? "")")
        }
    }

    @Test func aBlockNamesThePoliciesAndThePod() {
        let block = PolicyBlock(direction: .egress, pod: "team-b/client", policies: ["team-b-default-deny", "team-b-grid-egress"], namespace: "team-b")
        #expect(
            block.description
                == "NetworkPolicies team-b/team-b-default-deny, team-b/team-b-grid-egress isolate team-b/client for egress and admit no such connection")
    }
}
