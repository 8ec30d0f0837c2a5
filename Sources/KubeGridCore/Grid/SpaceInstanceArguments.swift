/// The arguments of a Space instance's container (`component=pu`).
///
/// A partitioned Space's StatefulSet has `partitions=`, `ha=` and `partitionId=`; a
/// non-partitioned one has `instances=`.
public struct SpaceInstanceArguments: Sendable, Hashable {
    /// The release (`name=`).
    public var name: String?
    /// The number of partitions (`partitions=`); nil for a non-partitioned Space.
    public var partitions: Int?
    /// Whether each partition has a backup (`ha=`).
    public var ha: Bool?
    /// This StatefulSet's partition, 1-based (`partitionId=`).
    public var partitionId: Int?
    /// The instances of a non-partitioned Space (`instances=`).
    public var instances: Int?
    /// The license key (`license=`).
    public var license: String?
    /// The Space schema (`schema=`).
    public var schema: String?
    /// The JVM heap (`java.heap=`).
    public var javaHeap: String?
    /// The manager it registers with (`manager.name=`).
    public var managerName: String?
    /// Where the processing unit comes from (`pu.resourceUrl=`).
    public var resourceURL: String?
    /// The processing unit's properties (`pu.properties=`).
    public var properties: String?
    /// Whether the instance registers an externally reachable address (`external.lrmi.enabled=true`).
    public var externalLRMI: Bool
    /// The port LRMI listens on (`lrmi.port=`), when given.
    public var lrmiPort: Int?

    /// The keys a Space instance reads.
    public static let keys: Set<GridArgument> = [
        .component, .name, .partitions, .ha, .partitionId, .instances, .license, .schema, .javaHeap, .managerName,
        .resourceURL, .properties, .externalLRMIEnabled, .lrmiPort,
    ]

    public init(
        name: String? = nil, partitions: Int? = nil, ha: Bool? = nil, partitionId: Int? = nil, instances: Int? = nil,
        license: String? = nil, schema: String? = nil, javaHeap: String? = nil, managerName: String? = nil,
        resourceURL: String? = nil, properties: String? = nil, externalLRMI: Bool = false, lrmiPort: Int? = nil
    ) {
        self.name = name
        self.partitions = partitions
        self.ha = ha
        self.partitionId = partitionId
        self.instances = instances
        self.license = license
        self.schema = schema
        self.javaHeap = javaHeap
        self.managerName = managerName
        self.resourceURL = resourceURL
        self.properties = properties
        self.externalLRMI = externalLRMI
        self.lrmiPort = lrmiPort
    }

    /// Reads the settings of parsed arguments; absent or unreadable values stay nil.
    public init(_ arguments: EntrypointArguments) {
        self.init(
            name: arguments[.name], partitions: arguments.integer(.partitions), ha: arguments.boolean(.ha),
            partitionId: arguments.integer(.partitionId), instances: arguments.integer(.instances),
            license: arguments[.license], schema: arguments[.schema], javaHeap: arguments[.javaHeap],
            managerName: arguments[.managerName], resourceURL: arguments[.resourceURL],
            properties: arguments[.properties], externalLRMI: arguments.boolean(.externalLRMIEnabled) ?? false,
            lrmiPort: arguments.integer(.lrmiPort))
    }

    /// Whether each partition has a backup; `ha=` absent means none.
    public var hasBackups: Bool { ha ?? false }

    /// The LRMI port: `lrmi.port=`, else the container's port named `lrmi`, else the image's default.
    public func lrmiPort(containerPort: Int?) -> Int {
        lrmiPort ?? containerPort ?? GridDefaults.lrmiPort
    }

    /// The arguments, in the order the chart writes them.
    public var arguments: EntrypointArguments {
        var arguments = EntrypointArguments()
        arguments.append(.component, GridArgument.Component.pu.rawValue)
        arguments.append(.name, name)
        arguments.append(.partitions, partitions)
        arguments.append(.ha, ha)
        arguments.append(.partitionId, partitionId)
        arguments.append(.instances, instances)
        arguments.append(.license, license)
        arguments.append(.schema, schema)
        arguments.append(.javaHeap, javaHeap)
        arguments.append(.managerName, managerName)
        arguments.append(.resourceURL, resourceURL)
        arguments.append(.properties, properties)
        if externalLRMI { arguments.append(.externalLRMIEnabled, true) }
        arguments.append(.lrmiPort, lrmiPort)
        return arguments
    }
}
