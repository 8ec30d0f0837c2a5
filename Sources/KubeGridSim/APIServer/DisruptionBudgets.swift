import KubeGridCore

/// A PodDisruptionBudget as an eviction checks it: its spec and the pods its selector matches.
struct DisruptionBudget: Sendable {
    var name: String
    var namespace: String
    var spec: PodDisruptionBudgetSpec
    var selector: LabelSelector
    /// The pods its selector matches, in creation (uid) order.
    var pods: [ObjectKey]
}

extension ObjectStore {
    /// The budgets whose selector matches `pod`, in the order an eviction checks them
    /// (creation order), found through the ``EvictionIndex`` rather than by listing.
    func disruptionBudgets(selecting pod: StoredObject) -> [DisruptionBudget] {
        let namespace = pod.metadata.namespace ?? "default"
        let labels = pod.metadata.labels
        let budgets = evictionIndex.budgetKeys(namespace: namespace, labels: labels.lazy.map { ($0.key, $0.value) })
            .compactMap { get($0) }
            .sorted { $0.metadata.uid < $1.metadata.uid }
        return budgets.compactMap { object in
            guard case .podDisruptionBudget(let budget) = object.body, let selector = budget.spec.selector,
                selector.matches(labels)
            else { return nil }
            let pods = evictionIndex.podKeys(namespace: namespace, selector: selector)
                .compactMap { get($0) }
                .filter { selector.matches($0.metadata.labels) }
                .sorted { $0.metadata.uid < $1.metadata.uid }
            return DisruptionBudget(
                name: object.metadata.name, namespace: namespace, spec: budget.spec, selector: selector, pods: pods.map(\.key))
        }
    }
}
