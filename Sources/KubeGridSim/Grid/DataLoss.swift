/// Notes, at the moment it happens, how a partition loses every complete copy of its
/// objects: the checker later finds the lost writes, and these notes say why in plain
/// words ("primary and backup were both on node-1").
extension GridController {
    /// Called as an instance stops, before it leaves its partition: when it is the primary,
    /// or a recovered backup of a partition whose primary is already gone, and no other
    /// recovered backup survives it, the partition's objects are gone.
    func noteIfDataIsLost(
        space: SpaceState, partition: PartitionState, stopping pod: Pod, state: SpaceInstance.State, _ context: inout RuntimeContext
    ) {
        let isPrimary = state == .primary
        guard isPrimary || (state == .backup && partition.primary == nil) else { return }
        // Copies going down together (a node, several pods) are noted once, with the primary.
        if let last = context.faultLog.lossNotes.last(where: { $0.spaceKey == space.key && $0.partition == partition.id }),
            last.time == context.now
        {
            return
        }
        let dying = context.faultLog.current?.dyingPods ?? []
        let survivors = partition.backups.filter {
            $0 != pod.key && instances[$0]?.state == .backup && !dying.contains($0)
        }
        guard survivors.isEmpty else { return }
        var note = LossNote(spaceKey: space.key, partition: partition.id, time: context.now, text: "")
        let how = howItStopped(pod, context)
        let siblings = context.pods.values.filter { $0.owner == pod.owner && $0.key != pod.key }
        let companion = partition.backups.first { $0 != pod.key && instances[$0]?.state == .backup && dying.contains($0) }
        if !space.ha {
            note.text = "its only instance \(pod.name) \(how), and with ha=false there is no backup"
            note.hint = "set ha=true so every partition has a backup (pu.ha=true in the insightedge chart)"
        } else if let companion = companion.flatMap({ context.pods[$0] }) {
            if let node = context.faultLog.current?.node {
                note.text = "primary \(pod.name) and backup \(companion.name) were both on \(node), which was lost at \(context.now)"
                note.hint = "require anti-affinity (antiAffinity.enabled=true) so a primary and its backup never share a node"
            } else {
                note.text = "primary \(pod.name) and backup \(companion.name) went down together at \(context.now)"
            }
        } else if !isPrimary {
            let left = partition.primaryLostAt.map { " at \($0)" } ?? ""
            note.text = "its primary left\(left), and backup \(pod.name), which was to take over, \(how) before it did"
        } else if let backup = siblings.first {
            note.text = "primary \(pod.name) \(how) while its backup \(backup.name) \(backupState(backup))"
        } else {
            note.text = "primary \(pod.name) \(how) while the partition had no backup running"
        }
        if space.ha, companion == nil, context.faultLog.current?.kind == .rollingUpdate,
            let other = siblings.first, !other.spec.containers.contains(where: { $0.readinessProbe != nil })
        {
            note.explanation = "without a readiness probe a restarted Space pod counts as Ready as soon as its container "
                + "starts, so the rolling update moves on before the backup has the objects"
            note.hint = "enable the readiness probe (readinessProbe.enabled=true) so a rolling update waits for the backup to recover"
        }
        if space.ha, context.faultLog.current?.kind == .drainNodes, note.explanation == nil, !context.cluster.api.isGuarded(pod.name, namespace: pod.namespace) {
            note.explanation = "no PodDisruptionBudget covers the pod, so the drain evicts it before its partition's "
                + "other instance is back"
            note.hint = "enable the PodDisruptionBudget (podDisruptionBudget.enabled=true) so a drain waits for the backup to recover"
        }
        context.faultLog.lossNotes.append(note)
    }

    private func howItStopped(_ pod: Pod, _ context: RuntimeContext) -> String {
        switch context.faultLog.current?.kind {
        case .loseNode: return "was on \(context.faultLog.current?.node ?? pod.nodeName ?? "a node"), which was lost at \(context.now)"
        case .rollingUpdate: return "was taken down by the rolling update at \(context.now)"
        case .pause: return "was paused at \(context.now)"
        case .networkPartition: return "was cut off by the network partition at \(context.now)"
        case .drainNodes: return "was evicted by the drain of \(pod.nodeName ?? "its node") at \(context.now)"
        case .killPod, .killLeadingManager, .loseQuorum: return "was killed at \(context.now)"
        case nil: return "stopped at \(context.now) (\(pod.lastTermination.map(String.init(describing:)) ?? "its container exited"))"
        }
    }

    /// Where a backup pod is, in words that fit "while its backup X …".
    private func backupState(_ pod: Pod) -> String {
        if let instance = instances[pod.key], instance.uid == pod.uid {
            switch instance.state {
            case .recovering: return "was still recovering its objects"
            case .starting, .awaitingElection: return "had only just registered"
            case .backup, .primary: return "was down too"
            }
        }
        switch pod.stage {
        case .unscheduled: return "was Pending"
        case .lost: return "was on a lost node"
        case .terminating: return "was being deleted"
        case .creating, .initializing, .initBackOff, .starting: return "was still starting (its Space instance was not up)"
        case .running, .crashBackOff, .exited: return "had no Space instance running"
        }
    }
}
