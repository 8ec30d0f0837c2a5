/// Where the clients run (`--client`).
public enum ClientPlacement: String, Sendable, CaseIterable {
    /// Outside the cluster, as with Space-Based Remoting: only LoadBalancer IPs and
    /// NodePorts are reachable.
    case external
    /// In a pod (a Spark executor, say): cluster DNS, cluster IPs and pod IPs are reachable.
    case `internal`
}
