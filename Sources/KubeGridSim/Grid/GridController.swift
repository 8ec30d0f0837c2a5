import OrderedCollections

/// The grid running in the cluster, as a controller: manager ensembles (lookup service,
/// REST Manager, ZooKeeper), Spaces and their instances, and the rules by which they
/// register, elect primaries, recover backups and hand over. It learns of manager and
/// Space StatefulSets from its watch, of processes starting and stopping from the kubelet
/// (`applicationUp`, `applicationStopped`, `applicationTerminating`), and of time from the
/// `SimEvent`s it schedules. It owns its state and reaches nothing else: each step is
/// handed a `RuntimeContext` (the clock, the pods, the fault log, the clients).
///
/// Its rules live beside it: `ManagerController.swift` (ensembles and quorum),
/// `SpaceController.swift` (registration and recovery), `Election.swift`,
/// `GracefulShutdown.swift`, `Pause.swift`, `DataLoss.swift`, `RegistrationAddress.swift`.
struct GridController: Sendable {
    /// The grid's watch: it learns of manager and Space StatefulSets as they are created.
    let changes: ChangeFeed.Consumer
    let timings: Timings
    /// `--failback`: the original primary takes its role back once it has recovered.
    let failback: Bool
    /// Whether an instance checks its leadership before acting as primary (see ``SimulationOptions``).
    let fencing: Bool
    /// Manager ensembles by `namespace/fullName`, in the order their StatefulSets were applied.
    var ensembles: OrderedDictionary<String, ManagerEnsemble> = [:] { didSet { layoutChanges &+= 1 } }
    /// Spaces by `namespace/name`, in the order their StatefulSets were applied.
    var spaces: OrderedDictionary<String, SpaceState> = [:] { didSet { layoutChanges &+= 1 } }
    /// Bumped by every change to an ensemble or a Space's partitions (unlike ``progress``,
    /// also those that wait, such as a registration without a quorum), so the heal check
    /// knows for certain when to look at them again.
    private(set) var layoutChanges = 0
    /// Running Space instances by pod key.
    var instances: [String: SpaceInstance] = [:]
    /// Bumped whenever a partition's primary or backups, an instance or a manager changes,
    /// so a scenario waiting on the grid looks again only then.
    var progress = 0

    init(changes: ChangeFeed.Consumer, options: SimulationOptions) {
        self.changes = changes
        timings = options.timings
        failback = options.failback
        fencing = !options.unfenced
    }

    /// The instance that is primary of a partition, if any.
    /// The state of the instance in `podKey`, read in place (a copy would hold its store).
    func state(of podKey: String) -> SpaceInstance.State? {
        instances.index(forKey: podKey).map { instances.values[$0].state }
    }

    func primary(of spaceKey: String, partition: Int) -> SpaceInstance? {
        guard let key = spaces[spaceKey]?.partitions[partition - 1].primary else { return nil }
        return instances[key]
    }

    /// Makes the grid aware of a StatefulSet's role when it is created.
    mutating func observe(_ event: WatchEvent) {
        guard event.type == .added, case .statefulSet(let statefulSet) = event.object.body else { return }
        let namespace = event.object.metadata.namespace ?? "default"
        switch GridRole.of(statefulSet) {
        case .manager(let role):
            let key = "\(namespace)/\(role.fullName)"
            if ensembles[key] == nil {
                ensembles[key] = ManagerEnsemble(key: key, fullName: role.fullName, namespace: namespace, size: role.ensembleSize)
            }
        case .spaceInstance(let role):
            let key = "\(namespace)/\(role.spaceName)"
            if spaces[key] == nil {
                spaces[key] = SpaceState(
                    key: key, name: role.spaceName, namespace: namespace,
                    managerKey: role.managerName.map { "\(namespace)/\($0)" },
                    partitionCount: role.partitions ?? 1, ha: role.ha)
            }
        case .zeppelin, .other:
            break
        }
    }

    // MARK: What the kubelet tells the grid

    /// A pod's application finished starting.
    mutating func applicationUp(_ pod: Pod, _ context: inout RuntimeContext) {
        switch pod.role {
        case .manager(let role): managerUp(pod, role, &context)
        case .spaceInstance(let role): spaceInstanceStarted(pod, role, &context)
        case .zeppelin, .other: break
        }
    }

    /// A pod's application stopped (its container died or the pod went away).
    mutating func applicationStopped(_ pod: Pod, _ context: inout RuntimeContext) {
        switch pod.role {
        case .manager(let role): managerDown(pod, role, &context)
        case .spaceInstance: spaceInstanceStopped(pod, &context)
        case .zeppelin, .other: break
        }
    }

    /// A pod's containers got SIGTERM: a primary hands over if it can, then the process stops.
    mutating func applicationTerminating(_ pod: Pod, _ context: inout RuntimeContext) {
        if case .spaceInstance = pod.role { handOverIfPrimary(pod, &context) }
        applicationStopped(pod, &context)
    }

    /// What the pod's application would answer its probes.
    func applicationStatus(_ pod: Pod) -> ApplicationStatus {
        let alive = pod.stage == .running
        switch pod.role {
        case .manager, .zeppelin, .other:
            return ApplicationStatus(alive: alive, ready: alive)
        case .spaceInstance:
            let instance = instances[pod.key]
            return ApplicationStatus(alive: alive, ready: alive && instance?.uid == pod.uid && instance?.isReady == true)
        }
    }
}
