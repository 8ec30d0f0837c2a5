import KubeGridCore

/// What each namespace's pods and Services use of a ResourceQuota's resources, kept by
/// every write as the quota controller's informers keep it, so quota admission does not
/// recount a whole namespace for each pod it admits: a 512-partition Space in a tenant's
/// namespace spent two thirds of its simulation there.
///
/// Claims are not kept here: a StatefulSet pod's claims come from its owner's templates,
/// so the ledger only counts the StatefulSets that have templates, and admission looks at
/// pods' claims only in the namespaces where there are some.
struct QuotaUsageLedger: Sendable {
    /// A resource's total, and how many objects contribute to it: a resource no object
    /// charges any more leaves the usage, as it does when the usage is counted afresh.
    private struct Amount: Sendable {
        var total = 0
        var contributors = 0
    }

    private var usageByNamespace: [String: [String: Amount]] = [:]
    private var statefulSetsWithClaimTemplates: [String: Int] = [:]

    /// Follows a write: `old` as it was (nil for a create), `new` as it is (nil for a removal).
    mutating func replace(_ old: StoredObject?, with new: StoredObject?) {
        guard let kind = (old ?? new)?.key.kind, kind == .pod || kind == .service || kind == .statefulSet else { return }
        if let old, let new, old.body.hasSameSpec(as: new.body) { return }
        if let old { charge(old, sign: -1) }
        if let new { charge(new, sign: 1) }
    }

    /// What the namespace's pods and Services use, in thousandths.
    func usage(in namespace: String) -> [String: Int] {
        usageByNamespace[namespace]?.mapValues(\.total) ?? [:]
    }

    /// Whether a StatefulSet of the namespace makes claims for its pods.
    func hasClaimTemplates(in namespace: String) -> Bool {
        (statefulSetsWithClaimTemplates[namespace] ?? 0) > 0
    }

    private mutating func charge(_ object: StoredObject, sign: Int) {
        let namespace = object.key.namespace ?? "default"
        let usage: [(key: String, value: Int)]
        switch object.body {
        case .pod(let pod): usage = Array(QuotaUsage.pod(pod.spec))
        case .service(let service): usage = Array(QuotaUsage.service(service.spec))
        case .statefulSet(let set):
            if !set.spec.volumeClaimTemplates.isEmpty { statefulSetsWithClaimTemplates[namespace, default: 0] += sign }
            return
        default: return
        }
        for (resource, value) in usage {
            var amount = usageByNamespace[namespace, default: [:]][resource] ?? Amount()
            amount.total += sign * value
            amount.contributors += sign
            usageByNamespace[namespace, default: [:]][resource] = amount.contributors == 0 ? nil : amount
        }
    }
}
