import KubeGridCore

/// What a pod is to the grid, as ``GridMember/recognise(containerArgs:labels:)`` reads its
/// StatefulSet's template (the arguments first, then the component labels), with the
/// settings the simulation needs filled in from the StatefulSet where an argument is absent.
public enum GridRole: Sendable, Hashable {
    /// A Management Pod: Lookup Service, REST Manager, ZooKeeper member.
    case manager(ManagerRole)
    /// A Space instance (one primary or backup of one partition).
    case spaceInstance(SpaceRole)
    /// The Zeppelin notebook server: a client of the grid; it runs, the grid does not manage it.
    case zeppelin
    /// Anything else; it runs, but the grid does not know it.
    case other

    /// The role of the pods of `statefulSet`.
    static func of(_ statefulSet: StatefulSet) -> GridRole {
        let template = statefulSet.spec.template
        let containers = template.spec.containers
        let recognised = GridMember.recognise(containerArgs: containers.map(\.args), labels: template.metadata.labels)
        switch recognised.member {
        case .manager(let arguments):
            return .manager(ManagerRole(arguments, statefulSet: statefulSet))
        case .spaceInstance(let arguments):
            let container = recognised.container.map { containers[$0] } ?? Container(name: "")
            return .spaceInstance(SpaceRole(arguments, statefulSetName: statefulSet.metadata.name, container: container))
        case .zeppelin:
            return .zeppelin
        case .sparkDriver, .sparkExecutor, .other:
            return .other
        }
    }
}

/// A Management Pod's settings.
public struct ManagerRole: Sendable, Hashable {
    /// The manager's full name (`full.name=`), which Spaces find it by (`manager.name=`).
    public var fullName: String
    /// The ZooKeeper ensemble size (`managerReplicas=`, else the StatefulSet's replicas).
    public var ensembleSize: Int

    init(_ arguments: ManagerArguments, statefulSet: StatefulSet) {
        fullName = arguments.fullName ?? statefulSet.metadata.name
        ensembleSize = arguments.replicas ?? statefulSet.spec.effectiveReplicas
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
    /// The port LRMI (remote calls) listens on (`lrmi.port=`, else the `lrmi` container port,
    /// else the image's default).
    public var lrmiPort: Int
    /// Whether the instance registers an externally reachable address (`external.lrmi.enabled=true`).
    public var externalLRMI: Bool

    init(_ arguments: SpaceInstanceArguments, statefulSetName: String, container: Container) {
        partitions = arguments.partitions
        partitionId = arguments.partitionId
        ha = arguments.hasBackups
        managerName = arguments.managerName
        lrmiPort = arguments.lrmiPort(containerPort: container.ports.first { $0.name == "lrmi" }?.containerPort)
        externalLRMI = arguments.externalLRMI
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
    /// The REST API port (`manager.ports.api=`, else the image's default).
    public var apiPort: Int
    /// How long it waits before it gives up and exits (`manager.discoveryTimeoutSeconds=`,
    /// else the image's default).
    public var timeoutSeconds: Int

    /// The check an init container performs, or nil when it is not one.
    static func of(_ container: Container) -> ManagerCheck? {
        guard let check = ManagerCheckArguments.of(containerName: container.name, args: container.args),
            let managerName = check.managerName
        else { return nil }
        return ManagerCheck(
            managerName: managerName, apiPort: check.effectiveAPIPort, timeoutSeconds: check.effectiveTimeoutSeconds)
    }
}
