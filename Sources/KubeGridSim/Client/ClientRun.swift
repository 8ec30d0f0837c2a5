/// The simulation's clients of the grid (space proxies and monitors) and what they saw:
/// state of the workload, not of the cluster.
struct ClientRun: Sendable {
    var clients: [ClientState] = []
    var history = History()
    /// When true, a partition that loses its primary gets a monitor client that reads it
    /// until it answers, so its unavailability window is measured.
    var monitoring = false
    /// The monitor client of each partition that has one.
    var monitors: [PartitionRef: Int] = [:]
    /// For each Space, a key routing to each partition, for monitors.
    var coveringKeys: [String: [String]] = [:]
    /// Bumped when a client operation completes.
    var progress = 0
}
