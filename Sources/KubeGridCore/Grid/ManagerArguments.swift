/// The arguments of a Management Pod's container (`component=manager`).
public struct ManagerArguments: EntrypointRole, Hashable {
    /// The ZooKeeper ensemble size (`managerReplicas=`).
    public var replicas: Int?
    /// The JVM heap (`java.heap=`).
    public var javaHeap: String?
    /// The release's namespace (`release.namespace=`).
    public var releaseNamespace: String?
    /// The manager's full name (`full.name=`), which Spaces find it by (`manager.name=`).
    public var fullName: String?

    public static let unset = ManagerArguments()
    public static let component = GridArgument.Component.manager

    public static var fields: [GridArgumentField<Self>] {
        [
            .integer(.managerReplicas, \.replicas), .text(.javaHeap, \.javaHeap),
            .text(.releaseNamespace, \.releaseNamespace), .text(.fullName, \.fullName),
        ]
    }
}
