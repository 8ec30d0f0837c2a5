import KubeGridCore

/// One change a watch of `kubegrid serve` delivers: a write to the store, or a change of
/// what the kubelets and controllers report of an object (a pod turning Ready, a
/// StatefulSet's ready replicas, a node's Ready condition), which the simulation keeps
/// beside the store and which gets a resourceVersion of its own, as a status write does.
public struct LiveChange: Sendable {
    public let type: WatchEvent.EventType
    public let object: StoredObject
}

/// The status of an object as last reported, to notice a change.
enum ReportedStatus: Hashable {
    case pod(phase: PodPhase, ready: Bool, address: IPv4Address?, node: String?)
    case statefulSet(ready: Int)
    case node(ready: Bool)
    case quota(used: [String: Int])
}

extension LiveCluster {
    /// The resourceVersion of the last change.
    public var resourceVersion: Int { store.resourceVersion }

    /// The changes since the last call, in resourceVersion order: the store's writes, then,
    /// with `comparingStatus`, the status changes the events since caused. Status is
    /// compared only after events ran (``advance(to:)``), so a quiet cluster costs nothing
    /// per request, and the caller compares it at most every few milliseconds (it walks
    /// every pod); a client's write shows its effect in the write's own change.
    public mutating func takeChanges(comparingStatus: Bool = true) -> [LiveChange] {
        var result: [LiveChange] = []
        if world.api.hasChanges(for: changes) {
            for event in world.api.changes(for: changes) {
                result.append(LiveChange(type: event.type, object: event.object))
                if event.type == .deleted {
                    reportedStatus[event.object.key] = nil
                    if event.object.kind == .pod { world.timeline.dropLog(of: "\(event.object.metadata.namespace ?? "default")/\(event.object.metadata.name)") }
                }
            }
        }
        guard comparingStatus || statusChangedByClient else { return result }
        let walksPods = statusMayHaveChanged
        guard walksPods || quotaUsageMayHaveChanged else { return result }
        statusMayHaveChanged = false
        statusChangedByClient = false
        quotaUsageMayHaveChanged = false
        var changed: [ObjectKey] = []
        // Only events and a lost node change what the kubelets and controllers report; a
        // client's create or delete changes only quota usage, so it walks no pods.
        let current = walksPods ? currentStatus() : quotaStatus()
        for (key, status) in current where reportedStatus[key] != status {
            // The first report of an object is part of its creation, not a change.
            if reportedStatus.updateValue(status, forKey: key) != nil { changed.append(key) }
        }
        changed.sort { ($0.kind.rawValue, $0.namespace ?? "", $0.name) < ($1.kind.rawValue, $1.namespace ?? "", $1.name) }
        for key in changed {
            if let object = world.api.recordStatusChange(key) { result.append(LiveChange(type: .modified, object: object)) }
        }
        return result
    }

    /// The reported status of every pod a kubelet knows, every StatefulSet, every node and
    /// every ResourceQuota's usage.
    private func currentStatus() -> [(ObjectKey, ReportedStatus)] {
        var result: [(ObjectKey, ReportedStatus)] = []
        var readyByOwner: [String: Int] = [:]
        result.reserveCapacity(world.pods.values.count)
        // Read in place: a copy of each Pod (spec, labels, …) was most of the walk's time.
        let pods = world.pods.values
        for index in pods.indices {
            result.append((
                ObjectKey(.pod, namespace: pods[index].namespace, pods[index].name),
                .pod(phase: pods[index].phase, ready: pods[index].ready, address: pods[index].podIP, node: pods[index].nodeName)))
            if pods[index].isRunningAndReady { readyByOwner[pods[index].owner, default: 0] += 1 }
        }
        for object in store.list(.statefulSet) {
            let key = "\(object.metadata.namespace ?? "default")/\(object.metadata.name)"
            result.append((object.key, .statefulSet(ready: readyByOwner[key] ?? 0)))
        }
        for node in world.nodes where !node.removed {
            result.append((ObjectKey(.node, node.name), .node(ready: node.condition == .ready)))
        }
        return result + quotaStatus()
    }

    /// Every ResourceQuota's usage.
    private func quotaStatus() -> [(ObjectKey, ReportedStatus)] {
        ResourceQuotaAdmission.usedByQuota(store).map { ($0.key, .quota(used: $0.value)) }
    }
}
