/// The arguments of a Management Pod's container (`component=manager`).
public struct ManagerArguments: Sendable, Hashable {
    /// The ZooKeeper ensemble size (`managerReplicas=`).
    public var replicas: Int?
    /// The JVM heap (`java.heap=`).
    public var javaHeap: String?
    /// The release's namespace (`release.namespace=`).
    public var releaseNamespace: String?
    /// The manager's full name (`full.name=`), which Spaces find it by (`manager.name=`).
    public var fullName: String?

    /// The keys a manager reads.
    public static let keys: Set<GridArgument> = [.component, .managerReplicas, .javaHeap, .releaseNamespace, .fullName]

    public init(replicas: Int? = nil, javaHeap: String? = nil, releaseNamespace: String? = nil, fullName: String? = nil) {
        self.replicas = replicas
        self.javaHeap = javaHeap
        self.releaseNamespace = releaseNamespace
        self.fullName = fullName
    }

    /// Reads the settings of parsed arguments; absent or unreadable values stay nil.
    public init(_ arguments: EntrypointArguments) {
        self.init(
            replicas: arguments.integer(.managerReplicas), javaHeap: arguments[.javaHeap],
            releaseNamespace: arguments[.releaseNamespace], fullName: arguments[.fullName])
    }

    /// The arguments, in the order the chart writes them.
    public var arguments: EntrypointArguments {
        var arguments = EntrypointArguments()
        arguments.append(.component, GridArgument.Component.manager.rawValue)
        arguments.append(.managerReplicas, replicas)
        arguments.append(.javaHeap, javaHeap)
        arguments.append(.releaseNamespace, releaseNamespace)
        arguments.append(.fullName, fullName)
        return arguments
    }
}
