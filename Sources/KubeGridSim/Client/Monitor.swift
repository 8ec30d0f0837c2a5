/// Monitors: when a partition loses its primary during a fault scenario, a client is
/// started that reads one of its keys until a read succeeds. The first success ends the
/// partition's unavailability window, even when the workload happens not to touch the
/// partition for a while.
extension GridClients {
    /// Starts a monitor of `ref` unless one is still reading it; it retries every `interval`.
    mutating func startMonitor(_ ref: PartitionRef, interval: SimTime, timeline: inout Timeline) {
        if let existing = monitors[ref], !clients[existing].monitorDone { return }
        let id = clients.count
        clients.append(ClientState(id: id, interval: interval, monitor: ref))
        monitors[ref] = id
        timeline.schedule(.clientInvoke(client: id))
    }

    /// The key a monitor of `ref` reads: the first `key-n` that routes to the partition.
    mutating func monitorKey(_ ref: PartitionRef, grid: GridController) -> String? {
        if coveringKeys[ref.space] == nil {
            let partitions = grid.spaces[ref.space]?.partitionCount ?? 1
            coveringKeys[ref.space] = Workload.keysCoveringPartitions(partitions)
        }
        let keys = coveringKeys[ref.space] ?? []
        return keys.indices.contains(ref.partition - 1) ? keys[ref.partition - 1] : nil
    }

    /// Stops every monitor (the scenario is over).
    mutating func stopMonitors() {
        for index in clients.indices where clients[index].monitor != nil { clients[index].monitorDone = true }
        monitoring = false
    }
}
