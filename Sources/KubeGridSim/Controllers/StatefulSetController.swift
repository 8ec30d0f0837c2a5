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
    var uid: String
    /// Bumped when the template changes (a rolling update).
    var revision = 1

    var name: String { statefulSet.metadata.name }
    var namespace: String { statefulSet.metadata.namespace ?? "default" }
    var replicas: Int { statefulSet.spec.effectiveReplicas }
    var policy: PodManagementPolicy { statefulSet.spec.effectivePodManagementPolicy }
}

/// The StatefulSet controller: pods `<name>-<ordinal>` with stable names, created in
/// ordinal order and each only once the one before is Running and Ready (OrderedReady),
/// or all at once (Parallel); a pod that disappears is created again with the same name.
extension World {
    mutating func applyStatefulSet(_ statefulSet: StatefulSet) {
        let namespace = statefulSet.metadata.namespace ?? "default"
        let name = statefulSet.metadata.name
        let key = "\(namespace)/\(name)"
        let stored: StoredObject
        do {
            stored = try apply(.statefulSet(statefulSet), name: name, namespace: namespace)
        } catch {
            rejections.append(error)
            record("statefulset/\(name)", "FailedCreate", error.description, type: .warning)
            return
        }
        guard case .statefulSet(let admitted) = stored.body else { return }
        let entry = StatefulSetRecord(key: key, statefulSet: admitted, role: GridRole.of(admitted), uid: stored.metadata.uid)
        statefulSets[key] = entry
        registerGridRole(of: entry)
        schedule(.syncStatefulSet(key))
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
        rollOut(entry)
    }

    /// Reconciles the StatefulSet owning `pod` (its readiness changed, or it went away).
    mutating func podChanged(_ pod: Pod) {
        progress += 1
        schedule(.syncStatefulSet(pod.owner))
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
        let owner = OwnerReference(kind: .statefulSet, name: entry.name, uid: entry.uid)
        do {
            try api.create(.pod(PodObject(spec: template.spec)), name: name, namespace: entry.namespace, owners: [owner], at: now)
        } catch {
            record("statefulset/\(entry.name)", "FailedCreate", "create Pod \(name) in StatefulSet \(entry.name) failed error: \(error)", type: .warning)
            return
        }
        pods[pod.key] = pod
        record("statefulset/\(entry.name)", "SuccessfulCreate", "create Pod \(name) in StatefulSet \(entry.name) successful")
        enqueueForScheduling(pod.key)
    }

    /// Deletes a pod at once (a kill: `kubectl delete pod --grace-period=0 --force`, or its
    /// container and sandbox gone); the StatefulSet controller then creates it again.
    mutating func deletePod(_ key: String, reason: String, eventReason: String = "Killing") {
        guard let pod = pods.remove(key) else { return }
        _ = try? api.delete(ObjectKey(.pod, namespace: pod.namespace, pod.name), gracePeriodSeconds: 0, at: now)
        scheduling.forget(key, wasBound: pod.nodeName != nil)
        record("pod/\(pod.name)", eventReason, reason)
        applicationStopped(pod)
        podChanged(pod)
        clusterChanged()
    }
}
