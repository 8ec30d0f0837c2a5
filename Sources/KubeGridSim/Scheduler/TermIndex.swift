import OrderedCollections

/// The affinity terms of the pods already placed, each with how much weight it puts on
/// each topology domain, indexed by the labels its selector needs.
///
/// This is what makes anti-affinity symmetric and cheap: for an incoming pod, only the
/// terms whose selector could match its labels are looked at, never every placed pod.
struct TermIndex: Sendable {
    /// One distinct term, shared by every placed pod that carries it.
    struct Group: Sendable {
        var term: AffinityTerm
        /// The topology key's id in the scheduler's ``TopologyTable``.
        var keyID: Int
        /// Domain id to summed weight: a count of pods for required terms, signed weights
        /// for preferred ones.
        var weights: [Int: Int] = [:]
    }

    private(set) var groups: [Group] = []
    private var ids: [AffinityTerm: Int] = [:]
    private var byPair: [LabelPair: [Int]] = [:]
    /// The label keys `byPair` files terms under (a handful), so a pod's lookup asks for
    /// those of its labels only, not every label it carries.
    private var pairKeys: [String] = []
    private var unindexed: [Int] = []

    /// True when no term has ever been added.
    var isEmpty: Bool { groups.isEmpty }

    /// Adds `weight` to `term` in `domain` (a pod carrying the term was placed there).
    mutating func add(_ term: AffinityTerm, keyID: Int, domain: Int, weight: Int) {
        guard domain >= 0 else { return }
        let id = groupID(term, keyID: keyID)
        groups[id].weights[domain, default: 0] += weight
    }

    /// Takes back what ``add(_:keyID:domain:weight:)`` added.
    mutating func remove(_ term: AffinityTerm, domain: Int, weight: Int) {
        guard domain >= 0, let id = ids[term] else { return }
        let remaining = (groups[id].weights[domain] ?? 0) - weight
        groups[id].weights[domain] = remaining == 0 ? nil : remaining
    }

    /// The groups whose term selects a pod with `labels` in `namespace`.
    func groupsMatching(labels: OrderedDictionary<String, String>, namespace: String) -> [Group] {
        var candidates = unindexed
        for key in pairKeys {
            if let value = labels[key], let ids = byPair[LabelPair(key: key, value: value)] { candidates.append(contentsOf: ids) }
        }
        if candidates.count > 1 { candidates = Set(candidates).sorted() }
        return candidates.compactMap { id in
            let group = groups[id]
            guard !group.weights.isEmpty, group.term.matches(labels: labels, namespace: namespace) else { return nil }
            return group
        }
    }

    private mutating func groupID(_ term: AffinityTerm, keyID: Int) -> Int {
        if let id = ids[term] { return id }
        let id = groups.count
        groups.append(Group(term: term, keyID: keyID))
        ids[term] = id
        if let pairs = term.indexPairs {
            for pair in pairs {
                byPair[pair, default: []].append(id)
                if !pairKeys.contains(pair.key) { pairKeys.append(pair.key) }
            }
        } else {
            unindexed.append(id)
        }
        return id
    }
}
