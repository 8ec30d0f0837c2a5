import KubeGridCore

/// A Service the simulated API server accepted, with what it allocated for it.
public struct ServiceRecord: Sendable {
    /// `namespace/name`.
    public var key: String
    /// The Service as applied.
    public var service: Service
    /// Its cluster IP; nil for a headless Service (`clusterIP: None`).
    public var clusterIP: IPv4Address?
    /// The node port of each of `spec.ports`, nil where the type opens none.
    public var nodePorts: [Int?]
    /// The load balancer's external IP; nil for other types, or while the pool has none left.
    public var loadBalancerIP: IPv4Address?

    /// The Service's name.
    public var name: String { service.metadata.name }
    /// Its namespace.
    public var namespace: String { service.metadata.namespace ?? "default" }
    /// `ClusterIP`, `NodePort`, `LoadBalancer` or `ExternalName`.
    public var type: ServiceType { service.spec.effectiveType }

    /// The index of the port named `name`, or of the only port when `name` is nil.
    func portIndex(named name: String?) -> Int? {
        let ports = service.spec.ports
        guard let name else { return ports.count == 1 ? 0 : nil }
        return ports.firstIndex { $0.name == name }
    }
}
