import KubeGridCore
import OrderedCollections

/// A StatefulSet as the controller tracks it.
struct StatefulSetRecord: Sendable {
    /// `namespace/name`.
    var key: String
    var statefulSet: StatefulSet
    /// What its pods are to the grid.
    var role: GridRole
    /// The StatefulSet's uid in the store: its pods' owner reference.
    var uid: UID
    /// Bumped when the template changes (a rolling update).
    var revision = 1

    var name: String { statefulSet.metadata.name }
    var namespace: String { statefulSet.metadata.namespace ?? "default" }
    var replicas: Int { statefulSet.spec.effectiveReplicas }
    var policy: PodManagementPolicy { statefulSet.spec.effectivePodManagementPolicy }
}

/// The StatefulSet controller's own state: what it knows of each StatefulSet, and its watch.
struct StatefulSetController: Sendable {
    let changes: ChangeFeed.Consumer
    /// StatefulSets by `namespace/name`, in the order they were created.
    var records: OrderedDictionary<String, StatefulSetRecord> = [:]
}

/// The StatefulSet controller: pods `<name>-<ordinal>` with stable names, created in
/// ordinal order and each only once the one before is Running and Ready (OrderedReady),
/// or all at once (Parallel); a pod that disappears is created again with the same name.
/// It reacts to StatefulSets created or changed and to its pods deleted, and reconciles
/// one StatefulSet per `syncStatefulSet` event.
extension World {
    var statefulSets: OrderedDictionary<String, StatefulSetRecord> { statefulSetController.records }

    /// A change the controller watches: a StatefulSet, or a pod it owns going away.
    mutating func statefulSetObserved(_ event: WatchEvent) {
        let metadata = event.object.metadata
        let key = "\(metadata.namespace ?? "default")/\(metadata.name)"
        switch (event.object.body, event.type) {
        case (.statefulSet(let statefulSet), .added):
            let entry = StatefulSetRecord(key: key, statefulSet: statefulSet, role: GridRole.of(statefulSet), uid: metadata.uid)
            statefulSetController.records[key] = entry
            schedule(.syncStatefulSet(key))
        case (.statefulSet(let statefulSet), .modified):
            guard var entry = statefulSets[key], entry.statefulSet != statefulSet else { return }
            let templateChanged = entry.statefulSet.spec.template != statefulSet.spec.template
            entry.statefulSet = statefulSet
            if templateChanged { entry.revision += 1 }
            statefulSetController.records[key] = entry
            if templateChanged { recordNewRevision(entry) }
            schedule(.syncStatefulSet(key))
        case (.statefulSet, .deleted):
            statefulSetController.records[key] = nil
        case (.pod, .deleted):
            guard let owner = metadata.ownerReferences.first(where: { $0.controller && $0.kind == .statefulSet }) else { return }
            ownerChanged("\(metadata.namespace ?? "default")/\(owner.name)")
        default:
            break
        }
    }

    mutating func syncStatefulSet(_ key: String) {
        guard let entry = statefulSets[key] else { return }
        for ordinal in 0..<entry.replicas {
            let name = "\(entry.name)-\(ordinal)"
            if let existing = pods["\(entry.namespace)/\(name)"] {
                if entry.policy == .orderedReady && !existing.isRunningAndReady { return }
                continue
            }
            createPod(of: entry, ordinal: ordinal)
            if entry.policy == .orderedReady { return }
        }
        if scaleDown(entry) { rollOut(entry) }
    }

    /// Deletes the pods above `replicas`, highest ordinal first (OrderedReady: one at a
    /// time, each once the one above is gone); false while some are still going.
    private mutating func scaleDown(_ entry: StatefulSetRecord) -> Bool {
        var condemned: [Pod] = []
        while let pod = pods["\(entry.namespace)/\(entry.name)-\(entry.replicas + condemned.count)"] { condemned.append(pod) }
        for pod in condemned.reversed() {
            if pod.stage != .terminating {
                record(
                    "statefulset/\(entry.name)", "SuccessfulDelete", "delete Pod \(pod.name) in StatefulSet \(entry.name) successful")
                _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
                    _ = try api.delete(ObjectKey(.pod, namespace: pod.namespace, pod.name), at: now)
                }
            }
            if entry.policy == .orderedReady { return false }
        }
        return condemned.isEmpty
    }

    /// Reconciles the StatefulSet owning `pod` (its readiness changed).
    mutating func podChanged(_ pod: Pod) {
        ownerChanged(pod.owner)
    }

    private mutating func ownerChanged(_ owner: String) {
        progress += 1
        schedule(.syncStatefulSet(owner))
    }

    private mutating func createPod(of entry: StatefulSetRecord, ordinal: Int) {
        let template = entry.statefulSet.spec.template
        let name = "\(entry.name)-\(ordinal)"
        var labels = template.metadata.labels
        labels["controller-revision-hash"] = "\(entry.name)-rev\(entry.revision)"
        labels[GridLabels.podName] = name
        labels[GridLabels.podIndex] = String(ordinal)
        let pod = Pod(
            uid: pods.newUID(), name: name, namespace: entry.namespace, labels: labels, spec: template.spec,
            owner: entry.key, ordinal: ordinal, revision: entry.revision, role: entry.role, createdAt: now)
        // The kubelet's table holds the pod before the scheduler hears of it.
        pods[pod.key] = pod
        let owner = OwnerReference(kind: .statefulSet, name: entry.name, uid: entry.uid)
        do {
            try write { (api: inout APIServer, now: SimTime) throws(APIError) in
                try api.create(.pod(PodObject(spec: template.spec)), name: name, namespace: entry.namespace, owners: [owner], at: now)
            }
        } catch {
            _ = pods.remove(pod.key)
            record(
                "statefulset/\(entry.name)", "FailedCreate", "create Pod \(name) in StatefulSet \(entry.name) failed error: \(error)",
                type: .warning)
            return
        }
        record("statefulset/\(entry.name)", "SuccessfulCreate", "create Pod \(name) in StatefulSet \(entry.name) successful")
    }

    /// Deletes a pod at once (a kill: `kubectl delete pod --grace-period=0 --force`, or its
    /// container and sandbox gone); the StatefulSet controller then creates it again.
    mutating func deletePod(_ key: String, reason: String, eventReason: String = "Killing") {
        guard let pod = pods.remove(key) else { return }
        record("pod/\(pod.name)", eventReason, reason)
        applicationStopped(pod)
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.delete(ObjectKey(.pod, namespace: pod.namespace, pod.name), gracePeriodSeconds: 0, at: now)
        }
    }
}
