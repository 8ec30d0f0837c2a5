/// Room in every Space instance for the objects a workload plan can write, made when the
/// clients start: a run's memory is then set by the plan's key space, not by how many of
/// its keys the run happened to reach.
extension WorkloadPlan {
    /// The objects a partition of each Space can expect to hold, by Space key: its share of
    /// the plan's keys, plus four standard deviations of how routing spreads them.
    var objectsPerPartition: [String: Int] {
        var room: [String: Int] = [:]
        for space in spaces {
            let share = Double(space.firstRandomKey + space.keys) / Double(max(space.partitions, 1))
            room[space.key] = Int((share + 4 * share.squareRoot()).rounded(.up)) + 16
        }
        return room
    }
}

extension GridController {
    /// Makes room in each running instance of the plan's Spaces (a backup recovering later
    /// copies its primary's table, room and all).
    mutating func reserveObjects(for plan: WorkloadPlan) {
        let room = plan.objectsPerPartition
        for index in instances.indices {
            guard let count = room[instances.values[index].spaceKey] else { continue }
            instances.values[index].store.reserveCapacity(count)
        }
    }
}
