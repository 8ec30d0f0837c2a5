import KubeGridCore

/// What a client can open a connection to, from where it runs.
///
/// An external client reaches LoadBalancer IPs and NodePorts only; an internal client
/// (in a pod) reaches those and cluster IPs and pod IPs too. Either way a Service only
/// answers when its endpoints (``EndpointsController``) have a pod that receives traffic.
extension GridClients {
    /// Nil when the client can reach `address` (and, through a Service, the pod `podKey`);
    /// otherwise why not, in plain words. `source` is a client other than the scenario's
    /// own (a Spark executor in its pod), which is inside the cluster whatever `--client` says.
    func unreachableReason(
        _ address: GridAddress, pod podKey: String?, from source: ClientSource? = nil, pods: PodTable, cluster: ClusterView
    ) -> String? {
        if source == nil && placement == .external && !address.reachableFromOutside {
            return "\(address) is a \(address.kind.rawValue) address, which a client outside the cluster cannot reach"
        }
        if let blocked = policyBlockReason(address, pod: podKey, from: source, pods: pods, cluster: cluster) { return blocked }
        switch address.kind {
        case .podIP:
            let target = pods.pod(at: address.host)
            guard let target, target.stage == .running else { return "nothing answers at pod IP \(address)" }
            if let podKey, target.key != podKey { return "pod IP \(address) now belongs to another pod" }
            return nil
        case .clusterIP, .loadBalancer, .nodePort:
            // The record is read where the API server keeps it (`key` is its key), by index:
            // the dictionary's getter copies a whole record, and a client asks after every change.
            let services = cluster.api.services
            guard let key = address.service, let index = services.index(forKey: key) else {
                return "the Service behind \(address) no longer exists"
            }
            if address.kind == .nodePort {
                guard cluster.nodes.contains(where: { $0.clientAddress == address.host && $0.condition == .ready }) else {
                    return "node \(address.host) does not answer"
                }
            }
            guard Self.portIndex(of: address, in: services.values[index]) != nil else {
                return "Service \(services.values[index].name) has no such port"
            }
            assert(pods.endpointChanges.isEmpty, "the endpoints controller has not seen every pod change")
            if let podKey, cluster.endpoints.routes(key, to: podKey) { return nil }
            if !cluster.endpoints.hasReadyAddress(key) { return "Service \(services.values[index].name) has no ready endpoints" }
            if let podKey { return "Service \(services.values[index].name) does not route to \(pods[podKey]?.name ?? podKey)" }
            return nil
        }
    }

    /// The port of `record` that `address` connects to: a node port, or the Service's port.
    static func portIndex(of address: GridAddress, in record: ServiceRecord) -> Int? {
        switch address.kind {
        case .nodePort: return record.nodePorts.firstIndex { $0 == address.port }
        default: return record.service.spec.ports.firstIndex { $0.port == address.port }
        }
    }
}
