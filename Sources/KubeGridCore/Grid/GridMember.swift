import OrderedCollections

/// What a workload's pods are to the grid: the one recognition lint and the simulator share.
///
/// The rule, in order:
/// 1. the container arguments, as the image's entrypoint reads them: the first (non-init)
///    container with `component=manager`, `component=pu` or `component=zeppelin` decides,
///    and its arguments are the role's settings;
/// 2. else a container whose arguments are a `spark-submit` command (``SparkSubmit``): a
///    Spark driver;
/// 3. else the `spark-role` label (`driver` or `executor`), which Spark puts on its pods;
/// 4. else the `app.kubernetes.io/component` label (`manager`, `space` or `zeppelin`);
/// 5. else the legacy `component` label.
///
/// With a label deciding, the first container's arguments are the settings (a hand-written
/// manifest may label its pods and still pass `partitions=`). The arguments come first
/// because they are what the grid acts on: a pod labelled `space` that starts a manager is
/// a manager.
public enum GridMember: Sendable, Hashable {
    /// Management Pods: Lookup Service, REST Manager, ZooKeeper.
    case manager(ManagerArguments)
    /// Space instances (primaries and backups).
    case spaceInstance(SpaceInstanceArguments)
    /// The Zeppelin notebook server: a client of the grid, which the grid does not run.
    case zeppelin
    /// A Spark driver: its command line, or nil when it is labelled one but its arguments
    /// do not read as a `spark-submit` command (``SparkSubmit/init(parsing:)`` says why).
    case sparkDriver(SparkSubmit?)
    /// A Spark executor, with the labels Spark gave it.
    case sparkExecutor(SparkPodLabels)
    /// Anything else; it runs, but the grid does not know it.
    case other

    /// The member a pod template describes, with the index of the container whose
    /// arguments were read (nil for ``other``).
    ///
    /// - Parameters:
    ///   - containerArgs: the `args` of each of the template's (non-init) containers, in order.
    ///   - labels: the template's labels.
    public static func recognise(
        containerArgs: [[String]], labels: OrderedDictionary<String, String>
    ) -> (member: GridMember, container: Int?) {
        for (index, args) in containerArgs.enumerated() {
            let arguments = EntrypointArguments(parsing: args)
            switch arguments.component {
            case .manager: return (.manager(ManagerArguments(arguments)), index)
            case .pu: return (.spaceInstance(SpaceInstanceArguments(arguments)), index)
            case .zeppelin: return (.zeppelin, index)
            case .`init`, nil: continue
            }
        }
        if let index = containerArgs.firstIndex(where: SparkSubmit.looksLikeSubmit) {
            return (.sparkDriver(try? SparkSubmit(parsing: containerArgs[index])), index)
        }
        if let spark = SparkPodLabels(labels: labels) {
            switch spark.role {
            case .driver: return (.sparkDriver(nil), nil)
            case .executor: return (.sparkExecutor(spark), nil)
            }
        }
        if (labels[GridLabels.component] ?? labels[GridLabels.legacyComponent]) == GridLabels.zeppelinComponent {
            return (.zeppelin, containerArgs.isEmpty ? nil : 0)
        }
        guard let component = labelComponent(labels) else { return (.other, nil) }
        let arguments = EntrypointArguments(parsing: containerArgs.first ?? [])
        let container = containerArgs.isEmpty ? nil : 0
        switch component {
        case .manager: return (.manager(ManagerArguments(arguments)), container)
        case .space: return (.spaceInstance(SpaceInstanceArguments(arguments)), container)
        }
    }

    /// The component the labels name: `app.kubernetes.io/component`, else `component`.
    public static func labelComponent(_ labels: OrderedDictionary<String, String>) -> GridLabels.Component? {
        (labels[GridLabels.component] ?? labels[GridLabels.legacyComponent]).flatMap(GridLabels.Component.init)
    }
}
