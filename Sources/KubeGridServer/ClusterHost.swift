import Foundation
import KubeGridCore
import KubeGridSim
import NIOConcurrencyHelpers

/// Owns the live cluster: every request first moves its clock to now (wall time × speed),
/// then reads or writes it. An actor on a thread of its own (``ClusterThread``), so
/// requests take turns; a GET of one object already encoded takes no turn (``readCache``).
actor ClusterHost {
    nonisolated let thread = ClusterThread(name: "kubegrid-cluster")
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    var cluster: LiveCluster
    nonisolated let clock: ServeClock
    let options: SimulationOptions
    /// Set once the server stopped: the clock stays where it was.
    private var stopped = false
    /// Set when SIGINT or SIGTERM arrived: open watches end so the server can stop. Read
    /// off the actor, so a woken watch takes one turn of the cluster, not two.
    nonisolated var stopping: Bool { stopSignal.withLockedValue { $0 } }
    private nonisolated let stopSignal = NIOLockedValueBox(false)
    /// The recent changes, for watches.
    var changes: WatchCache
    /// Every object's resourceVersion and the JSON of those read, for GETs off the actor.
    nonisolated let readCache: ObjectReadCache
    /// Watches waiting for a change they admit (``nextEvents(_:after:)``).
    var waiting: [WaitingWatch] = []
    /// When the waiting watches were last woken (they wake at least every heartbeat).
    var lastWake = ContinuousClock.now
    /// When the reported status was last compared (``publishChanges()``).
    var lastStatusComparison = ContinuousClock.now

    func beginStopping() {
        stopSignal.withLockedValue { $0 = true }
        wakeWatches()
    }

    init(cluster: LiveCluster, clock: ServeClock, options: SimulationOptions, watchCacheSize: Int = WatchCache.defaultCapacity) {
        self.cluster = cluster
        self.clock = clock
        self.options = options
        changes = WatchCache(capacity: watchCacheSize, startingAt: cluster.resourceVersion)
        readCache = ObjectReadCache(cluster.store)
    }

    deinit { thread.stop() }

    /// Runs the cluster up to the present, and hands its changes to the watches.
    func sync() {
        guard !stopped else { return }
        cluster.advance(to: clock.virtualTime())
        publishChanges()
    }

    /// Reads the cluster at the present.
    func read<T: Sendable>(_ body: (LiveCluster, ObjectEncoding) throws -> T) rethrows -> T {
        sync()
        return try body(cluster, ObjectEncoding(cluster: cluster, clock: clock))
    }

    /// Writes to the cluster at the present.
    func write<T: Sendable>(_ body: (inout LiveCluster) throws -> T) rethrows -> T {
        sync()
        defer { publishChanges() }
        return try body(&cluster)
    }

    /// Stops the clock and runs the checker.
    func finish() -> SimulationReport {
        sync()
        stopped = true
        return cluster.finish(options: options)
    }
}
