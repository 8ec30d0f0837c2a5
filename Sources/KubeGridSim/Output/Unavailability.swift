/// Per-partition unavailability, from the history: a window opens when a partition loses
/// its primary and closes at the first client operation on it that succeeds afterwards
/// (monitors make sure one is tried). A partition no client ever reached was unavailable
/// for the whole client phase.
struct Unavailability {
    var windows: [UnavailabilityWindow] = []
    var seconds: [(partition: String, seconds: Double)] = []

    init(world: World, clientStart: SimTime) {
        let spaces = Array(world.grid.spaces.values)
        func label(_ space: SpaceState, _ partition: Int) -> String {
            spaces.count == 1 ? "\(partition)" : "\(space.name)/\(partition)"
        }
        // Successful client operations per partition, in time order.
        var successes: [PartitionRef: [SimTime]] = [:]
        for entry in world.clientRun.history.entries where entry.process >= 0 && entry.type == .ok {
            successes[PartitionRef(space: entry.space, partition: entry.partition), default: []].append(entry.time)
        }
        var totals: [PartitionRef: Int] = [:]
        for outage in world.faultLog.outages {
            guard let space = world.grid.spaces[outage.spaceKey] else { continue }
            let ref = PartitionRef(space: outage.spaceKey, partition: outage.partition)
            let times = successes[ref] ?? []
            let end = Self.first(in: times, atOrAfter: outage.start)
            let window = UnavailabilityWindow(
                partition: label(space, outage.partition), start: outage.start, end: end ?? world.now, ended: end != nil)
            windows.append(window)
            totals[ref, default: 0] += window.duration.milliseconds
        }
        let clientMilliseconds = (world.now - clientStart).milliseconds
        for space in spaces {
            for partition in 1...max(space.partitionCount, 1) {
                let ref = PartitionRef(space: space.key, partition: partition)
                let milliseconds = successes[ref] == nil ? clientMilliseconds : totals[ref] ?? 0
                seconds.append((label(space, partition), SimTime(milliseconds: milliseconds).seconds))
            }
        }
    }

    /// The first time in sorted `times` at or after `start`.
    private static func first(in times: [SimTime], atOrAfter start: SimTime) -> SimTime? {
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < times.count ? times[low] : nil
    }
}
