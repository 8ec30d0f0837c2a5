import KubeGridCore
import OrderedCollections

/// A node of the simulated cluster: its labels, what pods may request of it, its addresses
/// and whether it is reachable.
public struct ClusterNode: Sendable {
    /// The label kube-scheduler and the charts' anti-affinity use for one node.
    public static let hostnameLabel = KubernetesLimits.hostnameTopologyKey
    /// The label for a node's zone.
    public static let zoneLabel = KubernetesLimits.zoneTopologyKey

    /// Whether the node's kubelet is talking to the control plane.
    public enum Condition: String, Sendable {
        /// The node is up.
        case ready = "Ready"
        /// The node stopped reporting (lost): its pods are `Unknown` until it comes back or is removed.
        case unreachable = "Unreachable"
    }

    /// The node's name.
    public var name: String
    /// Its labels, `kubernetes.io/hostname` and (when zoned) `topology.kubernetes.io/zone` among them.
    public var labels: OrderedDictionary<String, String>
    /// What pods may request in total.
    public var allocatable: ResourceAmounts
    /// The address pods and NodePorts are reached at inside the cluster's network.
    public var internalIP: IPv4Address
    /// The address clients outside reach NodePorts at, when the node has one.
    public var externalIP: IPv4Address?
    /// True when the node is cordoned: no new pods are placed on it.
    public var unschedulable: Bool
    /// Whether it is up.
    public var condition: Condition
    /// Counts the node's losses, so the steps of an earlier loss are not taken for a later one's.
    var incarnation = 0
    /// True while the `Node` object is deleted (after a loss, until a replacement joins).
    var removed = false

    public init(
        name: String, labels: OrderedDictionary<String, String>, allocatable: ResourceAmounts,
        internalIP: IPv4Address, externalIP: IPv4Address? = nil, unschedulable: Bool = false
    ) {
        self.name = name
        self.labels = labels
        self.allocatable = allocatable
        self.internalIP = internalIP
        self.externalIP = externalIP
        self.unschedulable = unschedulable
        self.condition = .ready
    }

    /// The node's zone, or empty when it has no zone label.
    public var zone: String { labels[Self.zoneLabel] ?? "" }

    /// The address a client outside the cluster uses for the node's NodePorts: the
    /// external IP when there is one, else the internal IP (the client is then on the
    /// nodes' network, as with NodePort Services on premises).
    public var clientAddress: IPv4Address { externalIP ?? internalIP }
}
