import KubeGridCore

/// The eviction subresource (`POST /api/v1/namespaces/NS/pods/NAME/eviction`), as
/// kube-apiserver's eviction REST handler does it: every PodDisruptionBudget whose selector
/// matches the pod must allow one more disruption, else the request is refused with 429
/// TooManyRequests and the client is to retry; an allowed eviction deletes the pod with its
/// grace period.
///
/// The budget's figures are the disruption controller's: `expected` pods (the replicas of
/// the controllers owning the pods its selector matches, so a pod being recreated still
/// counts), `desiredHealthy` from minAvailable or maxUnavailable, `currentHealthy`
/// the matched pods that are Ready and not being deleted; `disruptionsAllowed` is their
/// difference. A pod that is not healthy itself may go while the budget holds
/// (`unhealthyPodEvictionPolicy: IfHealthyBudget`, the default).
extension APIServer {
    /// `healthy` says whether a pod (by `namespace/name`) is Ready, as its kubelet reports.
    public mutating func evict(
        _ key: ObjectKey, healthy: (String) -> Bool, at now: SimTime
    ) throws(APIError) {
        guard key.kind == .pod, let pod = store.get(key) else { throw APIError(.notFound, kind: .pod, name: key.name) }
        if pod.metadata.isTerminating { return }
        let namespace = key.namespace ?? "default"
        for budget in store.disruptionBudgets(selecting: pod) {
            let matched = budget.pods.compactMap { store.get($0) }
            let expected = expectedPods(matched, namespace: namespace)
            let currentHealthy = matched.filter { !$0.metadata.isTerminating && healthy("\(namespace)/\($0.metadata.name)") }.count
            let desiredHealthy = Self.desiredHealthy(budget.spec, expected: expected)
            let podIsHealthy = healthy("\(namespace)/\(key.name)")
            let allowed = podIsHealthy ? currentHealthy - desiredHealthy > 0 : currentHealthy >= desiredHealthy
            if !allowed {
                throw APIError(
                    .tooManyRequests, kind: .pod, name: key.name,
                    detail: "Cannot evict pod as it would violate the pod's disruption budget. The disruption budget "
                        + "\(budget.name) needs \(desiredHealthy) healthy pods and has \(currentHealthy) currently")
            }
        }
        _ = try delete(key, at: now)
    }

    /// Whether some PodDisruptionBudget selects the pod.
    public func isGuarded(_ name: String, namespace: String) -> Bool {
        guard let pod = store.get(ObjectKey(.pod, namespace: namespace, name)) else { return false }
        return store.list(.podDisruptionBudget, namespace: namespace).contains { stored in
            guard case .podDisruptionBudget(let budget) = stored.body else { return false }
            return budget.spec.selector?.matches(pod.metadata.labels) == true
        }
    }

    /// The disruption controller's expected count: each owning controller's replicas once,
    /// and each pod without one.
    private func expectedPods(_ matched: [StoredObject], namespace: String) -> Int {
        var owners: Set<UID> = []
        var expected = 0
        for pod in matched {
            guard let reference = pod.metadata.ownerReferences.first(where: \.controller),
                let owner = store.get(reference, namespace: namespace), case .statefulSet(let statefulSet) = owner.body
            else {
                expected += 1
                continue
            }
            if owners.insert(reference.uid).inserted { expected += statefulSet.spec.replicas ?? 1 }
        }
        return expected
    }

    /// How many of `expected` pods the budget wants healthy.
    static func desiredHealthy(_ spec: PodDisruptionBudgetSpec, expected: Int) -> Int {
        if let minAvailable = spec.minAvailable {
            return minAvailable.scaledValue(total: expected, roundUp: true) ?? expected
        }
        if let maxUnavailable = spec.maxUnavailable {
            return max(0, expected - (maxUnavailable.scaledValue(total: expected, roundUp: true) ?? 0))
        }
        return expected
    }
}
