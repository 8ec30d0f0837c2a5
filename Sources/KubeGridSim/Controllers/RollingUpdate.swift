import KubeGridCore

/// A StatefulSet's RollingUpdate: when its template changes, pods are replaced from the
/// highest ordinal down, one at a time, each only once every pod above it is Running and
/// Ready at the new revision; ordinals below `rollingUpdate.partition` keep the old one.
/// With `OnDelete`, pods take the new template only when something deletes them.
extension World {
    /// Gives every container of the StatefulSet's template a new image tag (a
    /// `helm upgrade` with another `image.tag`, as a patch through the API server): a new
    /// revision, which the controller rolls out.
    mutating func changeImageTag(_ key: String, to tag: String) {
        guard let entry = statefulSets[key] else { return }
        var template = entry.statefulSet.spec.template
        for index in template.spec.containers.indices {
            template.spec.containers[index].image = Self.image(template.spec.containers[index].image, withTag: tag)
        }
        for index in template.spec.initContainers.indices {
            template.spec.initContainers[index].image = Self.image(template.spec.initContainers[index].image, withTag: tag)
        }
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.update(ObjectKey(.statefulSet, namespace: entry.namespace, entry.name), at: now) { body in
                if case .statefulSet(var statefulSet) = body {
                    statefulSet.spec.template = template
                    body = .statefulSet(statefulSet)
                }
            }
        }
    }

    /// The controller saw a new template: a new revision.
    mutating func recordNewRevision(_ entry: StatefulSetRecord) {
        let image = entry.statefulSet.spec.template.spec.containers.first?.image ?? "none"
        var message = "update StatefulSet \(entry.name) to revision \(entry.name)-rev\(entry.revision) (image \(image))"
        if entry.statefulSet.spec.updateStrategy?.effectiveType == .onDelete {
            message += "; updateStrategy OnDelete: pods take it only when deleted"
        }
        record("statefulset/\(entry.name)", "Updated", message)
    }

    /// `repo/name:tag` with the tag replaced (or added); the registry's port is not a tag.
    static func image(_ image: String?, withTag tag: String) -> String? {
        guard let image else { return nil }
        let lastSlash = image.lastIndex(of: "/")
        if let colon = image.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            return String(image[..<colon]) + ":" + tag
        }
        return image + ":" + tag
    }

    /// The ordinals a rolling update replaces: from `rollingUpdate.partition` up.
    func rolledOrdinals(_ entry: StatefulSetRecord) -> Range<Int> {
        let partition = entry.statefulSet.spec.updateStrategy?.rollingUpdate?.partition ?? 0
        return min(max(partition, 0), entry.replicas)..<entry.replicas
    }

    /// One step of the rollout: delete the highest pod at an old revision, unless a pod
    /// above it is not Running and Ready yet.
    mutating func rollOut(_ entry: StatefulSetRecord) {
        guard entry.statefulSet.spec.updateStrategy?.effectiveType ?? .rollingUpdate == .rollingUpdate else { return }
        for ordinal in rolledOrdinals(entry).reversed() {
            guard let pod = pods["\(entry.namespace)/\(entry.name)-\(ordinal)"] else { return }
            if pod.revision != entry.revision {
                record(
                    "statefulset/\(entry.name)", "SuccessfulDelete",
                    "delete Pod \(pod.name) in StatefulSet \(entry.name) successful (rolling update to revision \(entry.revision))")
                let container = pod.spec.containers.first?.name ?? "container"
                deletePod(pod.key, reason: "Stopping container \(container)")
                return
            }
            if !pod.isRunningAndReady { return }
        }
    }
}
