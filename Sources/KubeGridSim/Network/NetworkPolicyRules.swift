import KubeGridCore
import OrderedCollections

/// A pod as NetworkPolicy sees it: its namespace and labels (what selectors match), its IP
/// (what an ipBlock matches) and its container ports (what a named port resolves to).
struct PolicyPod: Sendable, Hashable {
    var name: String
    var namespace: String
    var labels: OrderedDictionary<String, String>
    var ip: IPv4Address?
    var ports: [ContainerPort] = []
    /// The node it runs on: traffic from that node's IP is always admitted.
    var nodeIP: IPv4Address?

    var key: String { "\(namespace)/\(name)" }
}

/// Where a connection comes from: a pod, or an address outside the pod network (a client
/// outside the cluster, or a node after kube-proxy rewrote the source).
enum PolicySource: Sendable, Hashable {
    case pod(PolicyPod)
    case address(IPv4Address)

    var ip: IPv4Address? {
        switch self {
        case .pod(let pod): return pod.ip
        case .address(let address): return address
        }
    }
}

/// The NetworkPolicies of a cluster and its namespaces' labels, and the verdict Kubernetes'
/// network plugins give a connection from them (the API's documented semantics):
///
/// - a pod is isolated for ingress (egress) once any policy of its namespace selects it and
///   has that policy type (`policyTypes`, defaulting to Ingress, plus Egress when the policy
///   has egress rules);
/// - an isolated pod admits a connection when any rule of any of those policies does: a
///   rule with no peers admits every peer, with no ports every port;
/// - a peer's podSelector alone means pods of the policy's namespace, a namespaceSelector
///   alone every pod of the namespaces it selects, both the pods it selects in those
///   namespaces; an ipBlock matches addresses in its CIDR but not in an `except`;
/// - a port matches by number (a range up to `endPort`) or by the destination pod's
///   container port of that name, with its protocol (TCP unless given);
/// - a connection needs both: the source's egress and the destination's ingress;
/// - traffic from the node a pod runs on is always admitted.
///
/// Decided where the API leaves it to the network plugin: an ipBlock matches pod IPs too
/// (as the upstream network policy conformance tests expect).
struct NetworkPolicyRules: Sendable {
    /// Policies by `namespace/name`, in the order they were stored.
    var policies: OrderedDictionary<String, NamespacedPolicy> = [:]
    /// Each namespace's labels, with the `kubernetes.io/metadata.name` label the API
    /// server gives every namespace.
    var namespaceLabels: [String: OrderedDictionary<String, String>] = [:]

    struct NamespacedPolicy: Sendable {
        var namespace: String
        var policy: NetworkPolicy

        var name: String { policy.metadata.name }

        /// `policyTypes`, or what the API server defaults it to.
        var types: (ingress: Bool, egress: Bool) {
            let types = policy.spec.policyTypes
            if types.isEmpty { return (true, !policy.spec.egress.isEmpty) }
            return (types.contains("Ingress"), types.contains("Egress"))
        }
    }

    static let namespaceNameLabel = "kubernetes.io/metadata.name"

    var isEmpty: Bool { policies.isEmpty }

    mutating func setNamespace(_ name: String, labels: OrderedDictionary<String, String>) {
        var labels = labels
        labels[Self.namespaceNameLabel] = name
        namespaceLabels[name] = labels
    }

    func labels(ofNamespace name: String) -> OrderedDictionary<String, String> {
        namespaceLabels[name] ?? [Self.namespaceNameLabel: name]
    }

    /// Nil when `source` may open a connection to `destination` on `port`; otherwise which
    /// side's policies refuse it.
    func block(from source: PolicySource, to destination: PolicyPod, port: Int, protocol: PortProtocol = .tcp) -> PolicyBlock? {
        guard !policies.isEmpty else { return nil }
        if case .pod(let pod) = source {
            let isolating = selecting(pod, egress: true)
            if !isolating.isEmpty, !isolating.contains(where: { admitsEgress($0, to: destination, port: port, protocol: `protocol`) }) {
                return PolicyBlock(direction: .egress, pod: pod.key, policies: isolating.map(\.name), namespace: pod.namespace)
            }
        }
        if let nodeIP = destination.nodeIP, source.ip == nodeIP { return nil }
        let isolating = selecting(destination, egress: false)
        if !isolating.isEmpty, !isolating.contains(where: { admitsIngress($0, from: source, to: destination, port: port, protocol: `protocol`) }) {
            return PolicyBlock(
                direction: .ingress, pod: destination.key, policies: isolating.map(\.name), namespace: destination.namespace)
        }
        return nil
    }

    /// True when some policy isolating `pod` for ingress has an ipBlock, so connections from
    /// different addresses outside the pod network may get different verdicts.
    func tellsAddressesApart(into pod: PolicyPod) -> Bool {
        selecting(pod, egress: false).contains { entry in
            entry.policy.spec.ingress.contains { rule in rule.from.contains { $0.ipBlock != nil } }
        }
    }

    /// The policies that isolate `pod` for egress (or ingress).
    func selecting(_ pod: PolicyPod, egress: Bool) -> [NamespacedPolicy] {
        policies.values.filter { entry in
            entry.namespace == pod.namespace && (egress ? entry.types.egress : entry.types.ingress)
                && entry.policy.spec.podSelector.matches(pod.labels)
        }
    }

    private func admitsIngress(
        _ entry: NamespacedPolicy, from source: PolicySource, to destination: PolicyPod, port: Int, protocol: PortProtocol
    ) -> Bool {
        entry.policy.spec.ingress.contains { rule in
            (rule.from.isEmpty || rule.from.contains { matches($0, source, policyNamespace: entry.namespace) })
                && (rule.ports.isEmpty || rule.ports.contains { matches($0, port: port, protocol: `protocol`, on: destination) })
        }
    }

    private func admitsEgress(_ entry: NamespacedPolicy, to destination: PolicyPod, port: Int, protocol: PortProtocol) -> Bool {
        entry.policy.spec.egress.contains { rule in
            (rule.to.isEmpty || rule.to.contains { matches($0, .pod(destination), policyNamespace: entry.namespace) })
                && (rule.ports.isEmpty || rule.ports.contains { matches($0, port: port, protocol: `protocol`, on: destination) })
        }
    }

    private func matches(_ peer: NetworkPolicyPeer, _ endpoint: PolicySource, policyNamespace: String) -> Bool {
        if let block = peer.ipBlock {
            guard let ip = endpoint.ip, let range = IPv4Range(block.cidr), range.contains(ip) else { return false }
            return !block.except.contains { IPv4Range($0)?.contains(ip) ?? false }
        }
        guard case .pod(let pod) = endpoint else { return false }
        if let namespaceSelector = peer.namespaceSelector {
            guard namespaceSelector.matches(labels(ofNamespace: pod.namespace)) else { return false }
        } else if pod.namespace != policyNamespace {
            return false
        }
        return peer.podSelector?.matches(pod.labels) ?? true
    }

    private func matches(_ rule: NetworkPolicyPort, port: Int, protocol: PortProtocol, on destination: PolicyPod) -> Bool {
        guard (rule.protocol ?? .tcp) == `protocol` else { return false }
        switch rule.port {
        case nil: return true
        case .int(let number): return (number...max(number, rule.endPort ?? number)).contains(port)
        case .string(let name):
            return destination.ports.contains { $0.name == name && $0.containerPort == port && ($0.protocol ?? .tcp) == `protocol` }
        }
    }
}

/// Why a connection is refused: the side whose policies isolate a pod and admit nothing
/// that matches, and those policies.
struct PolicyBlock: Sendable, Hashable, CustomStringConvertible {
    enum Direction: String, Sendable { case ingress, egress }

    var direction: Direction
    /// The isolated pod (`namespace/name`): the source for egress, the destination for ingress.
    var pod: String
    /// The policies selecting it for that direction, none of which admits the connection.
    var policies: [String]
    var namespace: String

    /// `NetworkPolicy team-a/team-a-default-deny isolates team-a/x for egress and admits no such connection`.
    var description: String { description(pods: [pod]) }

    /// The same for several pods the same policies isolate.
    func description(pods: [String]) -> String {
        let names = policies.map { "\(namespace)/\($0)" }
        let which = names.count == 1 ? "NetworkPolicy \(names[0]) isolates" : "NetworkPolicies \(names.joined(separator: ", ")) isolate"
        return "\(which) \(pods.joined(separator: ", ")) for \(direction.rawValue) and admit\(names.count == 1 ? "s" : "") no such connection"
    }

    /// The same verdict for another pod: the policies and the direction.
    var verdict: PolicyBlock { PolicyBlock(direction: direction, pod: "", policies: policies, namespace: namespace) }
}
