import KubeGridCore

/// Pods by label and PodDisruptionBudgets by selector, kept up to date by every write, so
/// an eviction finds the budgets that select its pod, and the pods each of them selects,
/// without listing either kind — what the disruption controller's informer indexes give
/// kube-apiserver's eviction handler. A drain of a thousand nodes evicts thousands of
/// times; listing eight thousand pods for each was most of its time.
struct EvictionIndex: Sendable {
    struct LabelPair: Hashable, Sendable {
        var namespace: String
        var key: String
        var value: String
    }

    private var podsByLabel: [LabelPair: Set<ObjectKey>] = [:]
    private var podsByNamespace: [String: Set<ObjectKey>] = [:]
    /// Budgets under the first pair of their `matchLabels`: a pod they select carries it.
    private var budgetsByLabel: [LabelPair: Set<ObjectKey>] = [:]
    /// Budgets whose selector has no `matchLabels`, by namespace: asked for every pod there.
    private var unfiledBudgets: [String: Set<ObjectKey>] = [:]

    /// Follows a write: `old` as it was (nil for a create), `new` as it is (nil for a removal).
    mutating func replace(_ old: StoredObject?, with new: StoredObject?) {
        let kind = (old ?? new)?.key.kind
        guard kind == .pod || kind == .podDisruptionBudget else { return }
        if let old, let new, old.metadata.labels == new.metadata.labels, Self.selector(of: old) == Self.selector(of: new) {
            return
        }
        if let old { update(old, adding: false) }
        if let new { update(new, adding: true) }
    }

    /// Keys of the budgets in `namespace` that may select a pod with `labels` (check each).
    func budgetKeys(namespace: String, labels: some Sequence<(key: String, value: String)>) -> Set<ObjectKey> {
        var found = unfiledBudgets[namespace] ?? []
        for (key, value) in labels {
            if let keys = budgetsByLabel[LabelPair(namespace: namespace, key: key, value: value)] { found.formUnion(keys) }
        }
        return found
    }

    /// Keys of the pods in `namespace` that `selector` may select (check each): those
    /// carrying its `matchLabels` pair that the fewest pods carry.
    func podKeys(namespace: String, selector: LabelSelector) -> Set<ObjectKey> {
        let pairs = selector.matchLabels.map { LabelPair(namespace: namespace, key: $0.key, value: $0.value) }
        guard !pairs.isEmpty else { return podsByNamespace[namespace] ?? [] }
        return pairs.map { podsByLabel[$0] ?? [] }.min { $0.count < $1.count } ?? []
    }

    private mutating func update(_ object: StoredObject, adding: Bool) {
        let key = object.key
        let namespace = object.metadata.namespace ?? "default"
        switch object.body {
        case .pod:
            Self.file(key, under: namespace, in: &podsByNamespace, adding: adding)
            for (label, value) in object.metadata.labels {
                Self.file(key, under: LabelPair(namespace: namespace, key: label, value: value), in: &podsByLabel, adding: adding)
            }
        case .podDisruptionBudget:
            guard let selector = Self.selector(of: object) else { return }
            if let (label, value) = selector.matchLabels.elements.first {
                Self.file(key, under: LabelPair(namespace: namespace, key: label, value: value), in: &budgetsByLabel, adding: adding)
            } else {
                Self.file(key, under: namespace, in: &unfiledBudgets, adding: adding)
            }
        default:
            break
        }
    }

    private static func file<Group: Hashable>(
        _ key: ObjectKey, under group: Group, in table: inout [Group: Set<ObjectKey>], adding: Bool
    ) {
        if adding {
            table[group, default: []].insert(key)
        } else {
            table[group]?.remove(key)
            if table[group]?.isEmpty == true { table[group] = nil }
        }
    }

    private static func selector(of object: StoredObject) -> LabelSelector? {
        guard case .podDisruptionBudget(let budget) = object.body else { return nil }
        return budget.spec.selector
    }
}
