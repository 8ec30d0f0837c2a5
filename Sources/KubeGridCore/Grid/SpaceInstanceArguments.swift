/// The arguments of a Space instance's container (`component=pu`).
///
/// A partitioned Space's StatefulSet has `partitions=`, `ha=` and `partitionId=`; a
/// non-partitioned one has `instances=`.
public struct SpaceInstanceArguments: EntrypointRole, Hashable {
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
    public var externalLRMI = false
    /// The port LRMI listens on (`lrmi.port=`), when given.
    public var lrmiPort: Int?

    public static let unset = SpaceInstanceArguments()
    public static let component = GridArgument.Component.pu

    public static var fields: [GridArgumentField<Self>] {
        [
            .text(.name, \.name), .integer(.partitions, \.partitions), .boolean(.ha, \.ha),
            .integer(.partitionId, \.partitionId), .integer(.instances, \.instances), .text(.license, \.license),
            .text(.schema, \.schema), .text(.javaHeap, \.javaHeap), .text(.managerName, \.managerName),
            .text(.resourceURL, \.resourceURL), .text(.properties, \.properties),
            .flag(.externalLRMIEnabled, \.externalLRMI), .integer(.lrmiPort, \.lrmiPort),
        ]
    }

    /// Whether each partition has a backup; `ha=` absent means none.
    public var hasBackups: Bool { ha ?? false }

    /// The LRMI port: `lrmi.port=`, else the container's port named `lrmi`, else the image's default.
    public func lrmiPort(containerPort: Int?) -> Int {
        lrmiPort ?? containerPort ?? GridDefaults.lrmiPort
    }
}
