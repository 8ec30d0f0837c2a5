/// An address the grid hands out (an instance's LRMI endpoint, a lookup locator), and
/// what kind of address it is, which decides who can reach it.
public struct GridAddress: Sendable, Hashable, CustomStringConvertible {
    /// What sort of address it is.
    public enum Kind: String, Sendable {
        /// A LoadBalancer Service's external IP: reachable from anywhere.
        case loadBalancer = "LoadBalancer"
        /// A node's IP and a NodePort: reachable from the nodes' network.
        case nodePort = "NodePort"
        /// A Service's cluster IP: only inside the cluster.
        case clusterIP = "ClusterIP"
        /// A pod's own IP: only inside the cluster.
        case podIP = "pod IP"
    }

    public var kind: Kind
    public var host: IPv4Address
    public var port: Int
    /// The Service behind it (`namespace/name`), except for a pod IP.
    public var service: String?

    /// True when a client outside the cluster can open a connection to it.
    public var reachableFromOutside: Bool { kind == .loadBalancer || kind == .nodePort }

    /// `host:port`.
    public var description: String { "\(host):\(port)" }
}
