import KubeGridCore

/// The PodDisruptionBudgets and the pods they select, indexed once so an eviction looks at
/// the few budgets and pods that concern it instead of listing them all — the disruption
/// controller's informer cache, in small. Pods and budgets are indexed by label: each
/// budget under the `matchLabels` pair that the fewest pods carry. It is a snapshot: take
/// a new one when pods may have come or gone (a drain takes one per pass); pod objects
/// themselves are read from the store at each eviction, so a pod evicted since counts as
/// terminating.
public struct DisruptionBudgetIndex: Sendable {
    struct Budget: Sendable {
        var name: String
        var namespace: String
        var spec: PodDisruptionBudgetSpec
        var selector: LabelSelector
        /// The pods its selector matched when the index was taken, in uid order.
        var pods: [ObjectKey]
    }

    private struct LabelPair: Hashable, Sendable {
        var namespace: String
        var key: String
        var value: String
    }

    /// In the store's order (namespace, then uid), the order an eviction checks them.
    private(set) var budgets: [Budget] = []
    /// Budgets by the label pair they are filed under.
    private var budgetsByLabel: [LabelPair: [Int]] = [:]
    /// Budgets whose selector has no `matchLabels`: they are checked for every pod.
    private var unfiled: [Int] = []

    public init(_ store: ObjectStore) {
        let stored = store.list(.podDisruptionBudget)
        guard !stored.isEmpty else { return }
        var podsByLabel: [LabelPair: [StoredObject]] = [:]
        var podsByNamespace: [String: [StoredObject]] = [:]
        for pod in store.list(.pod) {
            let namespace = pod.metadata.namespace ?? "default"
            podsByNamespace[namespace, default: []].append(pod)
            for (key, value) in pod.metadata.labels {
                podsByLabel[LabelPair(namespace: namespace, key: key, value: value), default: []].append(pod)
            }
        }
        for object in stored {
            guard case .podDisruptionBudget(let budget) = object.body, let selector = budget.spec.selector else { continue }
            let namespace = object.metadata.namespace ?? "default"
            let pairs = selector.matchLabels.map { LabelPair(namespace: namespace, key: $0.key, value: $0.value) }
            let narrowest = pairs.min { (podsByLabel[$0]?.count ?? 0) < (podsByLabel[$1]?.count ?? 0) }
            let candidates = narrowest.map { podsByLabel[$0] ?? [] } ?? podsByNamespace[namespace] ?? []
            let index = budgets.count
            budgets.append(
                Budget(
                    name: object.metadata.name, namespace: namespace, spec: budget.spec, selector: selector,
                    pods: candidates.filter { selector.matches($0.metadata.labels) }.map(\.key)))
            if let narrowest { budgetsByLabel[narrowest, default: []].append(index) } else { unfiled.append(index) }
        }
    }

    /// The budgets whose selector matches `pod`, in the order an eviction checks them.
    func budgets(selecting pod: StoredObject) -> [Budget] {
        let namespace = pod.metadata.namespace ?? "default"
        var found = unfiled
        for (key, value) in pod.metadata.labels {
            found += budgetsByLabel[LabelPair(namespace: namespace, key: key, value: value)] ?? []
        }
        return found.sorted().filter {
            budgets[$0].namespace == namespace && budgets[$0].selector.matches(pod.metadata.labels)
        }.map { budgets[$0] }
    }
}
