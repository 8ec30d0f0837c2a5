/// The simulated grid's figures at one moment, for `kubegrid serve`'s `/metrics`: each
/// Space's partitions with their primaries, the failovers so far, and the grid clients'
/// operations and acknowledged and lost writes.
public struct GridFigures: Sendable, Hashable {
    public struct Partition: Sendable, Hashable {
        public var id: Int
        /// The primary's pod and the node it runs on; nil while the partition has none.
        public var primaryPod: String?
        public var primaryNode: String?
        public var failovers: Int
    }

    public struct Space: Sendable, Hashable {
        public var namespace: String
        public var name: String
        public var partitions: [Partition]
    }

    /// In the order they were applied.
    public var spaces: [Space] = []
    /// The grid clients' completed operations (`--clients`), by outcome.
    public var operationsSucceeded = 0
    public var operationsFailed = 0
    public var operationsUnknown = 0
    public var acknowledgedWrites = 0
    /// Acknowledged writes the final read did not find (known once it has run).
    public var lostWrites = 0
    /// The simulated clock.
    public var now: SimTime = .zero
    /// Spark applications (one per driver pod), in the order their drivers appeared.
    public var sparkApplications: [SparkApplication] = []

    /// A Spark application as its driver runs it.
    public struct SparkApplication: Sendable, Hashable {
        public var namespace: String
        public var name: String
        /// `Pending`, `Running`, `Succeeded` or `Failed`.
        public var state: String
        /// Its executor pods that are running.
        public var executorsRunning: Int
        /// Objects its executors have read so far.
        public var objectsRead: Int
    }
}

extension LiveCluster {
    /// The grid's figures now.
    public var gridFigures: GridFigures {
        let grid = world.grid
        var figures = GridFigures()
        figures.now = world.now
        for space in grid.spaces.values {
            let partitions = space.partitions.map { partition in
                let primary = partition.primary.flatMap { grid.instances[$0] }
                return GridFigures.Partition(
                    id: partition.id, primaryPod: primary?.podName,
                    primaryNode: partition.primary.flatMap { world.pods[$0]?.nodeName }, failovers: partition.failovers)
            }
            figures.spaces.append(GridFigures.Space(namespace: space.namespace, name: space.name, partitions: partitions))
        }
        let tally = world.clients.tally
        figures.operationsSucceeded = tally.ok
        figures.operationsFailed = tally.failed
        figures.operationsUnknown = tally.unknown
        let check = world.clients.check()
        figures.acknowledgedWrites = check.acknowledgedWrites
        figures.lostWrites = check.lostWrites
        for run in world.spark.applications.values {
            let running = run.state.isActive ? run.executors.keys.filter { world.pods[$0]?.stage == .running }.count : 0
            figures.sparkApplications.append(
                GridFigures.SparkApplication(
                    namespace: run.spec.namespace, name: run.spec.appName, state: run.state.word, executorsRunning: running,
                    objectsRead: run.readSet.count))
        }
        return figures
    }
}
