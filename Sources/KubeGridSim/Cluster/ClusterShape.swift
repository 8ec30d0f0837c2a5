import KubeGridCore
import OrderedCollections

/// The nodes of a simulated cluster: generated (`--nodes`, `--zones`) or read (`--cluster`).
public enum ClusterShape: Sendable {
    /// `count` identical nodes spread round-robin over `zones` zones.
    case generated(count: Int, zones: Int, allocatable: ResourceAmounts)
    /// Nodes as Kubernetes `Node` objects.
    case nodes([Node])

    /// The default node: 8 CPUs, 32Gi of memory, 110 pods (kubelet's default pod limit).
    public static let defaultAllocatable = ResourceAmounts(milliCPU: 8000, memory: 32 * 1024 * 1024 * 1024, pods: 110)

    /// `--nodes N --zones Z` with the default node size.
    public static func generated(count: Int, zones: Int) -> ClusterShape {
        .generated(count: count, zones: zones, allocatable: defaultAllocatable)
    }

    /// The nodes, in order.
    public func build() throws(SimulationInputError) -> [ClusterNode] {
        switch self {
        case .generated(let count, let zones, let allocatable):
            return (0..<count).map { Self.generatedNode($0, zones: zones, allocatable: allocatable) }
        case .nodes(let nodes):
            var built: [ClusterNode] = []
            for (index, node) in nodes.enumerated() {
                built.append(try Self.node(from: node, index: index))
            }
            return built
        }
    }

    /// The zone name of the k-th zone: `zone-a`, `zone-b`, …, then `zone-27`, ….
    static func zoneName(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < letters.count ? "zone-\(letters[index])" : "zone-\(index + 1)"
    }

    /// A node address in 172.18.0.0/16, the way kind numbers its nodes.
    static func nodeAddress(_ index: Int) -> IPv4Address {
        IPv4Address(UInt32(172 << 24 | 18 << 16) + UInt32(index / 253) << 8 + UInt32(index % 253 + 2))
    }

    private static func generatedNode(_ index: Int, zones: Int, allocatable: ResourceAmounts) -> ClusterNode {
        let name = "node-\(index + 1)"
        var labels: OrderedDictionary<String, String> = [
            "kubernetes.io/arch": "amd64",
            ClusterNode.hostnameLabel: name,
            "kubernetes.io/os": "linux",
        ]
        labels[ClusterNode.zoneLabel] = zoneName(index % max(zones, 1))
        return ClusterNode(name: name, labels: labels, allocatable: allocatable, internalIP: nodeAddress(index))
    }

    /// A node from a `Node` object. Kubernetes' kubelet labels every node with its hostname,
    /// so a missing `kubernetes.io/hostname` label is filled in; a node without
    /// `status.allocatable` gets its capacity, or the default node size.
    private static func node(from node: Node, index: Int) throws(SimulationInputError) -> ClusterNode {
        var labels = node.metadata.labels
        if labels[ClusterNode.hostnameLabel] == nil { labels[ClusterNode.hostnameLabel] = node.metadata.name }
        let status = node.status
        let list = status.allocatable.isEmpty ? status.capacity : status.allocatable
        var allocatable = defaultAllocatable
        if let cpu = list["cpu"] { allocatable.milliCPU = cpu.milliValue }
        if let memory = list["memory"] { allocatable.memory = memory.value }
        if let pods = list["pods"] { allocatable.pods = pods.value }
        if allocatable.milliCPU < 0 || allocatable.memory < 0 || allocatable.pods < 0 {
            throw .invalidNode(name: node.metadata.name, reason: "allocatable resources must not be negative")
        }
        var internalAddress: IPv4Address?
        var externalAddress: IPv4Address?
        for address in status.addresses {
            if address.type == "InternalIP", internalAddress == nil { internalAddress = IPv4Address(address.address) }
            if address.type == "ExternalIP", externalAddress == nil { externalAddress = IPv4Address(address.address) }
        }
        return ClusterNode(
            name: node.metadata.name, labels: labels, allocatable: allocatable,
            internalIP: internalAddress ?? nodeAddress(index), externalIP: externalAddress,
            unschedulable: node.spec.unschedulable ?? false)
    }
}
