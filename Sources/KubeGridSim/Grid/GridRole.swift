import KubeGridCore

/// What a pod is to the grid, recognised the way the GigaSpaces image's entrypoint does:
/// from the container's `key=value` arguments (`component=manager`, `component=pu`,
/// `partitions=`, `partitionId=`, `ha=`, `lrmi.port=`, …), with the pod's `component`
/// label as a fallback.
public enum GridRole: Sendable, Hashable {
    /// A Management Pod: Lookup Service, REST Manager, ZooKeeper member.
    case manager(ManagerRole)
    /// A Space instance (one primary or backup of one partition).
    case spaceInstance(SpaceRole)
    /// Anything else; it runs, but the grid does not know it.
    case other

    /// The role of the pods of `statefulSet`.
    static func of(_ statefulSet: StatefulSet) -> GridRole {
        let template = statefulSet.spec.template
        let labels = template.metadata.labels
        let name = statefulSet.metadata.name
        for container in template.spec.containers {
            let args = Arguments(container.args)
            switch args["component"] {
            case "manager":
                return .manager(ManagerRole(args: args, statefulSet: statefulSet))
            case "pu":
                return .spaceInstance(SpaceRole(args: args, statefulSetName: name, container: container))
            default:
                continue
            }
        }
        switch labels["component"] {
        case "manager": return .manager(ManagerRole(args: Arguments([]), statefulSet: statefulSet))
        case "space":
            let container = template.spec.containers.first ?? Container(name: "")
            return .spaceInstance(SpaceRole(args: Arguments(container.args), statefulSetName: name, container: container))
        default: return .other
        }
    }
}

/// A Management Pod's settings.
public struct ManagerRole: Sendable, Hashable {
    /// The manager's full name (`full.name=`), which Spaces find it by (`manager.name=`).
    public var fullName: String
    /// The ZooKeeper ensemble size (`managerReplicas=`, else the StatefulSet's replicas).
    public var ensembleSize: Int

    init(args: Arguments, statefulSet: StatefulSet) {
        fullName = args["full.name"] ?? statefulSet.metadata.name
        ensembleSize = args["managerReplicas"].flatMap { Int($0) } ?? statefulSet.spec.effectiveReplicas
    }
}

/// A Space instance's settings.
public struct SpaceRole: Sendable, Hashable {
    /// The Space's name: the PU's full name (the StatefulSet name without the partition).
    public var spaceName: String
    /// The manager it registers with (`manager.name=`).
    public var managerName: String?
    /// The number of partitions (`partitions=`); nil for a non-partitioned Space.
    public var partitions: Int?
    /// This StatefulSet's partition, 1-based (`partitionId=`).
    public var partitionId: Int?
    /// Whether each partition has a backup (`ha=`).
    public var ha: Bool
    /// The port LRMI (remote calls) listens on (`lrmi.port=`, default 8200).
    public var lrmiPort: Int
    /// Whether the instance registers an externally reachable address (`external.lrmi.enabled=true`).
    public var externalLRMI: Bool

    init(args: Arguments, statefulSetName: String, container: Container) {
        partitions = args["partitions"].flatMap { Int($0) }
        partitionId = args["partitionId"].flatMap { Int($0) }
        ha = args["ha"] == "true"
        managerName = args["manager.name"]
        let containerPort = container.ports.first { $0.name == "lrmi" }?.containerPort
        lrmiPort = args["lrmi.port"].flatMap { Int($0) } ?? containerPort ?? 8200
        externalLRMI = args["external.lrmi.enabled"] == "true"
        if let partitionId, statefulSetName.hasSuffix("-\(partitionId)") {
            spaceName = String(statefulSetName.dropLast("-\(partitionId)".count))
        } else {
            spaceName = statefulSetName
        }
    }
}

/// The `check-manager-ready` init container: waits for the manager's REST API.
public struct ManagerCheck: Sendable, Hashable {
    /// The manager's full name (`manager.name=`).
    public var managerName: String
    /// The REST API port (`manager.ports.api=`, default 8090).
    public var apiPort: Int
    /// How long it waits before it gives up and exits (`manager.discoveryTimeoutSeconds=`, default 60).
    public var timeoutSeconds: Int

    /// The check an init container performs, or nil when it is not one.
    static func of(_ container: Container) -> ManagerCheck? {
        let args = Arguments(container.args)
        guard args["component"] == "init" || container.name == "check-manager-ready",
            let managerName = args["manager.name"]
        else { return nil }
        return ManagerCheck(
            managerName: managerName, apiPort: args["manager.ports.api"].flatMap { Int($0) } ?? 8090,
            timeoutSeconds: args["manager.discoveryTimeoutSeconds"].flatMap { Int($0) } ?? 60)
    }
}

/// A container's `key=value` arguments; the first value of a key wins.
struct Arguments: Sendable {
    private var values: [String: String] = [:]

    init(_ args: [String]) {
        for argument in args {
            guard let equals = argument.firstIndex(of: "=") else { continue }
            let key = String(argument[..<equals])
            if values[key] == nil { values[key] = String(argument[argument.index(after: equals)...]) }
        }
    }

    subscript(key: String) -> String? { values[key] }
}
