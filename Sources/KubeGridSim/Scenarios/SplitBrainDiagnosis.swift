import OrderedCollections

/// Any moment with two primaries acknowledging writes for one partition, in plain words:
/// a former primary that went on acknowledging after another was promoted.
struct SplitBrainDiagnosis {
    let reasons: [String]

    init(world: World) {
        var acks: OrderedDictionary<PartitionRef, [SplitBrainAck]> = [:]
        for ack in world.faultLog.splitBrainAcks {
            acks[PartitionRef(space: ack.spaceKey, partition: ack.partition), default: []].append(ack)
        }
        let spaces = world.grid.spaces.count
        reasons = acks.map { ref, acks in
            let first = acks[0]
            let last = acks[acks.count - 1]
            let label = spaces == 1 ? "partition \(ref.partition)" : "\(world.grid.spaces[ref.space]?.name ?? ref.space)/\(ref.partition)"
            let count = acks.count == 1 ? "1 write" : "\(acks.count) writes"
            return "\(label): two primaries acknowledged writes at once: \(first.podName) acknowledged \(count) "
                + "from \(first.time) to \(last.time) while \(first.primaryName) was primary"
        }
    }
}
