/// Partitions that nobody served for a whole network partition, in plain words with the
/// setting that would have let the majority side take over. GigaSpaces' promise under a
/// network partition is that the side with the ZooKeeper majority keeps serving every
/// partition: a backup there takes over once the cut-off primary's session expires.
struct NetworkPartitionDiagnosis {
    let reasons: [String]

    init(world: World) {
        let spaces = world.grid.spaces.count
        reasons = world.faultLog.partitionNotes.map { note in
            let space = world.grid.spaces[note.spaceKey]
            let label = spaces == 1 ? "partition \(note.partition)" : "\(space?.name ?? note.spaceKey)/\(note.partition)"
            let cause: String
            switch note.cause {
            case .noBackup:
                cause = space?.ha == false
                    ? "its primary was cut off from the ZooKeeper majority and, with ha=false, it has no backup to take over; "
                        + "set ha=true (pu.ha=true in the insightedge chart)"
                    : "its primary was cut off from the ZooKeeper majority while it had no recovered backup to take over"
            case .backupCutOff(sameNode: true):
                cause = "its primary and backup were cut off together from the ZooKeeper majority, so no backup could take "
                    + "over; keep them on different nodes (antiAffinity.enabled=true)"
            case .backupCutOff(sameNode: false):
                cause = "its primary and backup ran on different nodes of the zone that was cut off, so no backup could take "
                    + "over; spread them over zones (antiAffinity.topology=topology.kubernetes.io/zone, "
                    + "pu.antiAffinity.topology in the insightedge chart)"
            case .noQuorum:
                cause = "no side of the cut had a ZooKeeper majority, so no backup could be promoted; run 3 managers "
                    + "(manager.ha=true) spread over the nodes so a majority survives a cut"
            }
            return "\(label) had no primary for the whole network partition (\(note.end - note.start) from \(note.start)): \(cause)"
        }
    }
}
