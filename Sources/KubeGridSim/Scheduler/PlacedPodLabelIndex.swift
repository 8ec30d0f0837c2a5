import OrderedCollections

/// The placed pods by label pair, for the label keys an affinity term has narrowed by.
///
/// A term only ever narrows by its selector's own keys (``AffinityTerm/indexPairs``, such
/// as `selectorId`), so indexing every label of every pod — nine for a Space pod, most of
/// them shared by every pod of the release — would cost a set insert per label for lookups
/// nobody makes. A key is indexed the first time a term asks for it, from the pods already
/// placed, and kept up to date from then on.
struct PlacedPodLabelIndex: Sendable {
    /// The keys indexed so far; a handful, so a list.
    private var keys: [String] = []
    private var podsByPair: [LabelPair: Set<String>] = [:]

    /// True when pods are indexed by `key`.
    func indexes(_ key: String) -> Bool { keys.contains(key) }

    /// Starts indexing `key`, with the pods already placed.
    mutating func startIndexing(
        _ key: String, placed: some Sequence<(key: String, labels: OrderedDictionary<String, String>)>
    ) {
        guard !indexes(key) else { return }
        keys.append(key)
        for pod in placed {
            if let value = pod.labels[key] { podsByPair[LabelPair(key: key, value: value), default: []].insert(pod.key) }
        }
    }

    /// Records a pod placed with `labels`.
    mutating func add(_ podKey: String, labels: OrderedDictionary<String, String>) {
        for key in keys {
            if let value = labels[key] { podsByPair[LabelPair(key: key, value: value), default: []].insert(podKey) }
        }
    }

    /// Takes back what ``add(_:labels:)`` recorded.
    mutating func remove(_ podKey: String, labels: OrderedDictionary<String, String>) {
        for key in keys {
            guard let value = labels[key] else { continue }
            let pair = LabelPair(key: key, value: value)
            podsByPair[pair]?.remove(podKey)
            if podsByPair[pair]?.isEmpty == true { podsByPair[pair] = nil }
        }
    }

    /// The pods carrying `pair`; its key must be indexed.
    func pods(with pair: LabelPair) -> Set<String> { podsByPair[pair] ?? [] }
}
