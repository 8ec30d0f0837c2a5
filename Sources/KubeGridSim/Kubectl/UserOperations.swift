import KubeGridCore

/// What a user (or a fault scenario acting as one) can do to the running cluster, each
/// an API request the controllers then react to.
extension World {
    /// `kubectl delete pod NAME [--grace-period=N]`: the pod becomes Terminating for its
    /// grace period; with 0 (`--force`) it goes at once and its containers are killed
    /// (the `Killing` event says `reason`).
    mutating func deletePod(
        named name: String, namespace: String = "default", gracePeriodSeconds: Int? = nil, reason: String? = nil
    ) throws(APIError) {
        let key = ObjectKey(.pod, namespace: namespace, name)
        if gracePeriodSeconds == 0 {
            guard pods["\(namespace)/\(name)"] != nil else { throw APIError(.notFound, kind: .pod, name: name) }
            deletePod("\(namespace)/\(name)", reason: reason ?? "Killing pod \(name) (deleted with --grace-period=0 --force)")
            return
        }
        try write { (api: inout APIServer, now: SimTime) throws(APIError) in
            _ = try api.delete(key, gracePeriodSeconds: gracePeriodSeconds, at: now)
        }
    }

    /// Kills a pod's containers at once and deletes its object with no grace period (a
    /// forced delete, a fault, or the pod garbage collector after its node went):
    /// `eventReason`/`reason` say who and why.
    mutating func deletePod(_ key: String, reason: String, eventReason: String = "Killing") {
        guard let pod = withKubelet({ $0.kill(key, reason: reason, eventReason: eventReason, grid: &$1, &$2) }) else { return }
        deletePodObject(pod)
    }

    /// The kubelet has stopped `pod`: its API object goes for good.
    mutating func deletePodObject(_ pod: Pod) {
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.delete(ObjectKey(.pod, namespace: pod.namespace, pod.name), gracePeriodSeconds: 0, at: now)
        }
    }

    /// `kubectl patch statefulset NAME` giving every container of the template a new
    /// image tag (a `helm upgrade` with another `image.tag`): a new revision, which the
    /// StatefulSet controller rolls out.
    mutating func patchImage(statefulSet name: String, namespace: String = "default", tag: String) throws(APIError) {
        try write { (api: inout APIServer, now: SimTime) throws(APIError) in
            _ = try api.update(ObjectKey(.statefulSet, namespace: namespace, name), at: now) { body in
                guard case .statefulSet(var statefulSet) = body else { return }
                var spec = statefulSet.spec.template.spec
                for index in spec.containers.indices {
                    spec.containers[index].image = Self.image(spec.containers[index].image, withTag: tag)
                }
                for index in spec.initContainers.indices {
                    spec.initContainers[index].image = Self.image(spec.initContainers[index].image, withTag: tag)
                }
                statefulSet.spec.template.spec = spec
                body = .statefulSet(statefulSet)
            }
        }
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

    /// The machine stops reporting (a network partition or a crash): the node lifecycle
    /// controller notices after its grace period.
    mutating func makeNodeUnreachable(_ name: String) throws(APIError) {
        guard nodes[name] != nil else { throw APIError(.notFound, kind: .node, name: name) }
        withNodeLifecycle { $0.loseNode(name, grid: &$1, &$2) }
    }

    /// `kubectl delete node NAME`: the `Node` object goes, and the pod garbage collector
    /// deletes the pods bound to it; their StatefulSets create them elsewhere.
    mutating func deleteNode(_ name: String) throws(APIError) {
        try write { (api: inout APIServer, now: SimTime) throws(APIError) in _ = try api.delete(ObjectKey(.node, name), at: now) }
        nodeLifecycle.forget(name)
        for pod in pods.pods(on: name) {
            deletePod(pod.key, reason: "Deleting pod bound to removed node \(name)", eventReason: "PodGC")
        }
    }
}
