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
    /// The template's pod spec, shared by the stored pods of this revision.
    var podSpec: PodSpecBox
    /// Why the API server refused its last pod (quota, Pod Security, limits), until one is created.
    var createRefusal: APIError?

    var name: String { statefulSet.metadata.name }
    var namespace: String { statefulSet.metadata.namespace ?? "default" }
    var replicas: Int { statefulSet.spec.effectiveReplicas }
    var policy: PodManagementPolicy { statefulSet.spec.effectivePodManagementPolicy }

    /// The ordinals a rolling update replaces: from `rollingUpdate.partition` up.
    var rolledOrdinals: Range<Int> {
        let partition = statefulSet.spec.updateStrategy?.rollingUpdate?.partition ?? 0
        return min(max(partition, 0), replicas)..<replicas
    }
}

/// The StatefulSet controller: pods `<name>-<ordinal>` with stable names, created in
/// ordinal order and each only once the one before is Running and Ready (OrderedReady),
/// or all at once (Parallel); a pod that disappears is created again with the same name;
/// pods above `replicas` go, highest first. A changed template is a new revision, rolled
/// out (RollingUpdate) from the highest ordinal down, one pod at a time, each only once
/// every pod above it is Running and Ready at the new revision; ordinals below
/// `rollingUpdate.partition` keep the old one. With `OnDelete`, pods take the new
/// template only when something deletes them.
///
/// It watches StatefulSets and the pods they own, and reconciles one StatefulSet per
/// `syncStatefulSet` event.
struct StatefulSetController: Sendable {
    let changes: ChangeFeed.Consumer
    /// StatefulSets by `namespace/name`, in the order they were created.
    private(set) var records: OrderedDictionary<String, StatefulSetRecord> = [:] { didSet { recordChanges &+= 1 } }
    /// Bumped by every change to a record, so the heal check reads them again only then.
    private(set) var recordChanges = 0

    init(changes: ChangeFeed.Consumer) {
        self.changes = changes
    }

    /// A change it watches: a StatefulSet, or a pod it owns going away. True when a pod of
    /// a StatefulSet went (something a scenario may wait for).
    mutating func observe(_ event: WatchEvent, timeline: inout Timeline) -> Bool {
        let metadata = event.object.metadata
        let key = "\(metadata.namespace ?? "default")/\(metadata.name)"
        switch (event.object.body, event.type) {
        case (.statefulSet(let statefulSet), .added):
            records[key] = StatefulSetRecord(
                key: key, statefulSet: statefulSet, role: GridRole.of(statefulSet), uid: metadata.uid,
                podSpec: PodSpecBox(statefulSet.spec.template.spec))
            timeline.schedule(.syncStatefulSet(key))
        case (.statefulSet(let statefulSet), .modified):
            guard var entry = records[key], entry.statefulSet != statefulSet else { return false }
            let templateChanged = entry.statefulSet.spec.template != statefulSet.spec.template
            entry.statefulSet = statefulSet
            if templateChanged {
                entry.revision += 1
                entry.podSpec = PodSpecBox(statefulSet.spec.template.spec)
            }
            records[key] = entry
            if templateChanged { Self.recordNewRevision(entry, timeline: &timeline) }
            timeline.schedule(.syncStatefulSet(key))
        case (.statefulSet, .deleted):
            records[key] = nil
        case (.pod, .deleted):
            guard let owner = metadata.ownerReferences.first(where: { $0.controller && $0.kind == .statefulSet }) else { return false }
            ownerChanged("\(metadata.namespace ?? "default")/\(owner.name)", timeline: &timeline)
            return true
        default:
            break
        }
        return false
    }

    /// Reconciles the StatefulSet `owner` soon (one of its pods changed).
    func ownerChanged(_ owner: String, timeline: inout Timeline) {
        timeline.schedule(.syncStatefulSet(owner))
    }

    /// One reconciliation: create what is missing, delete what is above `replicas`, then
    /// one step of the rollout.
    mutating func sync(_ key: String, pods: inout PodTable, api: inout APIServer, timeline: inout Timeline) {
        guard let entry = records[key] else { return }
        for ordinal in 0..<entry.replicas {
            if let existing = pods["\(entry.namespace)/\(entry.name)-\(ordinal)"] {
                if entry.policy == .orderedReady && !existing.isRunningAndReady { return }
                continue
            }
            let refusal = createPod(of: entry, ordinal: ordinal, pods: &pods, api: &api, timeline: &timeline)
            records[key]?.createRefusal = refusal
            if entry.policy == .orderedReady { return }
        }
        if scaleDown(entry, pods: pods, api: &api, timeline: &timeline) { rollOut(entry, pods: pods, api: &api, timeline: &timeline) }
    }

    /// Creates the pod, or records `FailedCreate` and returns the refusal.
    private func createPod(
        of entry: StatefulSetRecord, ordinal: Int, pods: inout PodTable, api: inout APIServer, timeline: inout Timeline
    ) -> APIError? {
        let template = entry.statefulSet.spec.template
        let name = "\(entry.name)-\(ordinal)"
        var labels = template.metadata.labels
        labels["controller-revision-hash"] = "\(entry.name)-rev\(entry.revision)"
        labels[GridLabels.podName] = name
        labels[GridLabels.podIndex] = String(ordinal)
        let owner = OwnerReference(kind: .statefulSet, name: entry.name, uid: entry.uid)
        do {
            try api.create(
                .pod(PodObject(sharing: entry.podSpec)), name: name, namespace: entry.namespace, owners: [owner], labels: labels,
                at: timeline.now)
        } catch {
            timeline.record(
                "statefulset/\(entry.name)", "FailedCreate", "create Pod \(name) in StatefulSet \(entry.name) failed error: \(error)",
                type: .warning)
            return error
        }
        // The kubelets' table holds the pod from the start (the simulation's shortcut for
        // the pod a kubelet will be handed once it is bound).
        let pod = Pod(
            uid: pods.newUID(), name: name, namespace: entry.namespace, labels: labels, spec: template.spec,
            owner: entry.key, ordinal: ordinal, revision: entry.revision, role: entry.role, createdAt: timeline.now)
        pods[pod.key] = pod
        timeline.record("statefulset/\(entry.name)", "SuccessfulCreate", "create Pod \(name) in StatefulSet \(entry.name) successful")
        return nil
    }

    /// Deletes the pods above `replicas`, highest ordinal first (OrderedReady: one at a
    /// time, each once the one above is gone); false while some are still going.
    private func scaleDown(_ entry: StatefulSetRecord, pods: PodTable, api: inout APIServer, timeline: inout Timeline) -> Bool {
        var condemned: [Pod] = []
        while let pod = pods["\(entry.namespace)/\(entry.name)-\(entry.replicas + condemned.count)"] { condemned.append(pod) }
        for pod in condemned.reversed() {
            if pod.stage != .terminating {
                timeline.record(
                    "statefulset/\(entry.name)", "SuccessfulDelete", "delete Pod \(pod.name) in StatefulSet \(entry.name) successful")
                _ = try? api.delete(ObjectKey(.pod, namespace: pod.namespace, pod.name), at: timeline.now)
            }
            if entry.policy == .orderedReady { return false }
        }
        return condemned.isEmpty
    }

    /// One step of the rollout: delete the highest pod at an old revision with its grace
    /// period (as kube-controller-manager does, with default delete options: the pod gets
    /// SIGTERM and its `terminationGracePeriodSeconds`), unless a pod above it is not
    /// Running and Ready yet; a pod still terminating is waited for.
    private func rollOut(_ entry: StatefulSetRecord, pods: PodTable, api: inout APIServer, timeline: inout Timeline) {
        guard entry.statefulSet.spec.updateStrategy?.effectiveType ?? .rollingUpdate == .rollingUpdate else { return }
        for ordinal in entry.rolledOrdinals.reversed() {
            guard let pod = pods["\(entry.namespace)/\(entry.name)-\(ordinal)"] else { return }
            if pod.stage == .terminating { return }
            if pod.revision != entry.revision {
                timeline.record(
                    "statefulset/\(entry.name)", "SuccessfulDelete",
                    "delete Pod \(pod.name) in StatefulSet \(entry.name) successful (rolling update to revision \(entry.revision))")
                _ = try? api.delete(ObjectKey(.pod, namespace: pod.namespace, pod.name), at: timeline.now)
                return
            }
            if !pod.isRunningAndReady { return }
        }
    }

    /// The controller saw a new template: a new revision.
    private static func recordNewRevision(_ entry: StatefulSetRecord, timeline: inout Timeline) {
        let image = entry.statefulSet.spec.template.spec.containers.first?.image ?? "none"
        var message = "update StatefulSet \(entry.name) to revision \(entry.name)-rev\(entry.revision) (image \(image))"
        if entry.statefulSet.spec.updateStrategy?.effectiveType == .onDelete {
            message += "; updateStrategy OnDelete: pods take it only when deleted"
        }
        timeline.record("statefulset/\(entry.name)", "Updated", message)
    }
}
