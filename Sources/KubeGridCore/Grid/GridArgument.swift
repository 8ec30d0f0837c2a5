/// The `key=value` arguments the entrypoint of the `gigaspaces/insightedge-enterprise`
/// image understands (`tools/kubernetes/entrypoint.sh`), with the type of each value.
public enum GridArgument: String, Sendable, CaseIterable {
    /// Which process the container runs: `manager`, `pu`, `init` or `zeppelin`.
    case component
    /// The manager's ZooKeeper ensemble size.
    case managerReplicas
    /// The JVM heap: a size or `limit-<quantity>`.
    case javaHeap = "java.heap"
    /// The namespace the release is installed in.
    case releaseNamespace = "release.namespace"
    /// The manager's full name, which Spaces find it by.
    case fullName = "full.name"
    /// The release (the Space's deployment name).
    case name
    /// The number of partitions of a partitioned Space.
    case partitions
    /// Whether each partition has a backup.
    case ha
    /// This StatefulSet's partition, 1-based.
    case partitionId
    /// The instances of a non-partitioned Space.
    case instances
    /// The GigaSpaces license key.
    case license
    /// The Space schema (`partitioned`, `sync_replicated`, …).
    case schema
    /// The manager a Space registers with, or the init container waits for.
    case managerName = "manager.name"
    /// Where the processing unit's jar is fetched from.
    case resourceURL = "pu.resourceUrl"
    /// Properties of the processing unit.
    case properties = "pu.properties"
    /// Whether the instance registers an externally reachable address.
    case externalLRMIEnabled = "external.lrmi.enabled"
    /// The port LRMI listens on.
    case lrmiPort = "lrmi.port"
    /// The manager's REST API port, for the init container.
    case managerAPIPort = "manager.ports.api"
    /// How long the init container waits for the manager.
    case managerDiscoveryTimeoutSeconds = "manager.discoveryTimeoutSeconds"

    /// What a value must look like.
    public enum ValueType: Sendable {
        case text
        case integer
        case boolean
    }

    /// The type of this argument's value.
    public var valueType: ValueType {
        switch self {
        case .managerReplicas, .partitions, .partitionId, .instances, .lrmiPort, .managerAPIPort,
            .managerDiscoveryTimeoutSeconds:
            .integer
        case .ha, .externalLRMIEnabled:
            .boolean
        default:
            .text
        }
    }

    /// The values of ``component``.
    public enum Component: String, Sendable, CaseIterable {
        /// A Management Pod.
        case manager
        /// A Space instance (processing unit).
        case pu
        /// The `check-manager-ready` init container.
        case `init`
        /// The InsightEdge Zeppelin notebook server (`insightedge-zeppelin` chart).
        case zeppelin
    }
}
