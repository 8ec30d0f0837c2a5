import Foundation
import KubeGridCore
import KubeGridSim

/// Owns the live cluster: every request first moves its clock to now (wall time × speed),
/// then reads or writes it. An actor, so requests on NIO's threads take turns.
actor ClusterHost {
    private(set) var cluster: LiveCluster
    nonisolated let clock: ServeClock
    let options: SimulationOptions
    /// Set once the server stopped: the clock stays where it was.
    private var stopped = false
    /// Set when SIGINT or SIGTERM arrived: open watches end so the server can stop.
    private(set) var stopping = false

    func beginStopping() {
        stopping = true
    }

    init(cluster: LiveCluster, clock: ServeClock, options: SimulationOptions) {
        self.cluster = cluster
        self.clock = clock
        self.options = options
    }

    /// Runs the cluster up to the present.
    func sync() {
        guard !stopped else { return }
        cluster.advance(to: clock.virtualTime())
    }

    /// Reads the cluster at the present.
    func read<T: Sendable>(_ body: (LiveCluster, ObjectEncoding) throws -> T) rethrows -> T {
        sync()
        return try body(cluster, ObjectEncoding(cluster: cluster, clock: clock))
    }

    /// Writes to the cluster at the present.
    func write<T: Sendable>(_ body: (inout LiveCluster) throws -> T) rethrows -> T {
        sync()
        return try body(&cluster)
    }

    /// Stops the clock and runs the checker.
    func finish() -> SimulationReport {
        sync()
        stopped = true
        return cluster.finish(options: options)
    }
}
