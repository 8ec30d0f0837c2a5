/// Per-partition unavailability, from the operations as they were counted: a window opens when a partition loses
/// its primary and closes at the first client operation on it that succeeds afterwards
/// (monitors make sure one is tried). A partition no client ever reached was unavailable
/// for the whole client phase.
struct Unavailability {
    var windows: [UnavailabilityWindow] = []
    var seconds: [(partition: String, seconds: Double)] = []

    /// `tally` has seen every outage of `world`'s fault log.
    init(world: World, tally: OperationTally, clientStart: SimTime) {
        let spaces = Array(world.grid.spaces.values)
        func label(_ space: SpaceState, _ partition: Int) -> String {
            spaces.count == 1 ? "\(partition)" : "\(space.name)/\(partition)"
        }
        var totals: [PartitionRef: Int] = [:]
        for (outage, end) in zip(world.faultLog.outages, tally.outageEnds) {
            guard let space = world.grid.spaces[outage.spaceKey] else { continue }
            let ref = PartitionRef(space: outage.spaceKey, partition: outage.partition)
            let window = UnavailabilityWindow(
                partition: label(space, outage.partition), start: outage.start, end: end ?? world.now, ended: end != nil)
            windows.append(window)
            totals[ref, default: 0] += window.duration.milliseconds
        }
        let clientMilliseconds = (world.now - clientStart).milliseconds
        // Made once: the tally derives the set from its last successes at each read.
        let reached = tally.reached
        for space in spaces {
            for partition in 1...max(space.partitionCount, 1) {
                let ref = PartitionRef(space: space.key, partition: partition)
                let milliseconds = reached.contains(ref) ? totals[ref] ?? 0 : clientMilliseconds
                seconds.append((label(space, partition), SimTime(milliseconds: milliseconds).seconds))
            }
        }
    }
}
