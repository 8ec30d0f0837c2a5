import KubeGridCore
import OrderedCollections

/// A label key and value, the unit the scheduler's indexes are keyed by.
struct LabelPair: Hashable, Sendable {
    var key: String
    var value: String
}

/// A pod affinity term ready for matching: its selector, the namespaces it looks in
/// (the owner's own when the term names none), and its topology key.
struct AffinityTerm: Hashable, Sendable {
    /// The pods it is about; nil matches no pod, as in Kubernetes.
    var selector: LabelSelector?
    /// The namespaces it looks in, sorted.
    var namespaces: [String]
    /// The node label whose value is the domain.
    var topologyKey: String

    init(_ term: PodAffinityTerm, ownerNamespace: String) {
        selector = term.labelSelector
        namespaces = term.namespaces.isEmpty ? [ownerNamespace] : term.namespaces.sorted()
        topologyKey = term.topologyKey
    }

    /// True when the term picks a pod with these labels in this namespace.
    func matches(labels: OrderedDictionary<String, String>, namespace: String) -> Bool {
        guard let selector, namespaces.contains(namespace) else { return false }
        return selector.matches(labels)
    }

    /// Label pairs of which every matching pod carries at least one, for looking up
    /// candidates in an index instead of testing every pod; nil when the selector has no
    /// `matchLabels` and no `In` expression to narrow by.
    var indexPairs: [LabelPair]? {
        guard let selector else { return [] }
        if let (key, value) = selector.matchLabels.elements.first { return [LabelPair(key: key, value: value)] }
        if let requirement = selector.matchExpressions.first(where: { $0.operator == .in }) {
            return requirement.values.map { LabelPair(key: requirement.key, value: $0) }
        }
        return nil
    }
}
