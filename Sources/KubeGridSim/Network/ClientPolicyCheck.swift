import KubeGridCore
import OrderedCollections

/// Where a grid client's connections come from, as the NetworkPolicies see them.
///
/// An internal client is a pod in a namespace (labelled `app.kubernetes.io/name:
/// kubegrid-client`, an IP from the end of the pod range). An external client comes from
/// ``externalClientIP`` through a LoadBalancer or a NodePort. With the Service's
/// `externalTrafficPolicy: Cluster` (the default) kube-proxy rewrites the source to the IP
/// of the node the connection came in on, so the policies see that node: a NodePort
/// address's own node, and for a load balancer, which spreads connections over every
/// node, each Ready node but the pod's own (whose traffic is always admitted) — all of
/// them must be admitted. With `Local` the client's own address reaches the pod.
enum ClientSource: Sendable, Hashable {
    case `internal`(namespace: String, index: Int)
    case external
    /// A process in a pod of its own (a Spark executor): the policies see that pod's labels.
    case inPod(PolicyPod)

    /// Where an external client connects from (TEST-NET-2; the load balancers take TEST-NET-3).
    static let externalClientIP = IPv4Address("198.51.100.10")!
    static let internalLabels: OrderedDictionary<String, String> = ["app.kubernetes.io/name": "kubegrid-client"]

    /// The client pod, for an internal client.
    var pod: PolicyPod? {
        if case .inPod(let pod) = self { return pod }
        guard case .internal(let namespace, let index) = self else { return nil }
        return PolicyPod(
            name: "kubegrid-client", namespace: namespace, labels: Self.internalLabels,
            ip: IPv4Range("10.247.255.0/24")!.address(at: 1 + index % 254))
    }
}

extension GridClients {
    /// The client source a scenario's own clients use: `--client external`, or a pod in the
    /// namespace of what they connect to.
    func defaultClientSource(for address: GridAddress, pod podKey: String?, pods: PodTable) -> ClientSource {
        guard placement == .internal else { return .external }
        let namespace = podKey.map { String($0.split(separator: "/").first ?? "") }
            ?? address.service.map { String($0.split(separator: "/").first ?? "") }
            ?? pods.pod(at: address.host)?.namespace ?? "default"
        return .internal(namespace: namespace, index: 0)
    }

    /// Nil when the NetworkPolicies let `source` connect to `address` (and, through a
    /// Service, to the pod `podKey`, else to any of its endpoints); otherwise the policies
    /// that refuse it, naming the connection.
    func policyBlockReason(
        _ address: GridAddress, pod podKey: String?, from source: ClientSource? = nil, pods: PodTable, cluster view: ClusterView
    ) -> String? {
        let rules = view.networkPolicies
        guard !rules.isEmpty else { return nil }
        let source = source ?? defaultClientSource(for: address, pod: podKey, pods: pods)
        let targets: [Pod]
        var targetPort: IntOrString = .int(address.port)
        var snat = false
        switch address.kind {
        case .podIP:
            targets = pods.pod(at: address.host).map { [$0] } ?? []
        case .clusterIP, .loadBalancer, .nodePort:
            guard let key = address.service, let record = view.services[key], let index = Self.portIndex(of: address, in: record) else {
                return nil
            }
            let port = record.service.spec.ports[index]
            targetPort = port.targetPort ?? .int(port.port)
            snat = source == .external && (record.service.spec.externalTrafficPolicy ?? "Cluster") == "Cluster"
            if let podKey {
                targets = pods[podKey].map { [$0] } ?? []
            } else {
                targets = view.endpoints.readyPods(of: record.key).compactMap { pods[$0] }
            }
        }
        var first: String?
        for target in targets where target.stage == .running {
            let destination = view.policyPod(target)
            let number: Int
            switch targetPort {
            case .int(let value): number = value
            case .string(let name):
                guard let found = destination.ports.first(where: { $0.name == name })?.containerPort else { continue }
                number = found
            }
            var sources = Self.sources(source, address: address, snat: snat, destination: destination, nodes: view.nodes)
            // Without an ipBlock every node's address gets the same verdict: one will do.
            if sources.count > 1 && !rules.tellsAddressesApart(into: destination) { sources = [sources[0]] }
            let blocked = sources.lazy.compactMap { from in
                rules.block(from: from.source, to: destination, port: number).map { (from, $0) }
            }.first
            guard let (from, block) = blocked else { return nil }
            if first == nil { first = "\(block) (\(Self.label(source, from)) → \(target.name) TCP \(number) through \(address))" }
        }
        return first
    }

    /// What the policies see as the source: the client pod, the client's address, or after
    /// kube-proxy's rewrite the nodes a connection may come in on.
    private static func sources(
        _ source: ClientSource, address: GridAddress, snat: Bool, destination: PolicyPod, nodes: NodeTable
    ) -> [(node: String?, source: PolicySource)] {
        if let pod = source.pod { return [(nil, .pod(pod))] }
        guard snat else { return [(nil, .address(ClientSource.externalClientIP))] }
        let entering = address.kind == .nodePort
            ? nodes.filter { $0.clientAddress == address.host }
            : nodes.filter { $0.condition == .ready && $0.internalIP != destination.nodeIP }
        return entering.map { ($0.name, .address($0.internalIP)) }
    }

    /// Who the connection came from, in words (only written for a refusal).
    private static func label(_ client: ClientSource, _ from: (node: String?, source: PolicySource)) -> String {
        if let pod = client.pod { return "a client in namespace \(pod.namespace)" }
        guard let node = from.node, let address = from.source.ip else { return "a client at \(ClientSource.externalClientIP)" }
        return "a client at \(ClientSource.externalClientIP) SNATed by kube-proxy to node \(node) \(address)"
    }
}
