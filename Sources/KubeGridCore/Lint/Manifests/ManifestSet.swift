import OrderedCollections

/// Every object of one lint run, as one cluster would hold them, with the lookups the
/// cross-object rules need.
struct ManifestSet: Sendable {
    let entries: [ManifestEntry]
    /// The pods each workload creates.
    let podGroups: [PodGroup]
    /// Pod groups by `key=value` of each template label, for selector lookups.
    private let groupsByLabel: [String: [Int]]
    /// Pod groups by StatefulSet name, for selectors that name single pods.
    private let groupsByStatefulSet: [String: [Int]]
    /// The PodDisruptionBudgets (`policy/v1`, and `policy/v1beta1` as written for a
    /// `--kube-version` before 1.21, whose spec reads alike), with their entry index.
    let budgets: [(index: Int, budget: PodDisruptionBudget)]
    /// Budgets by the first `key=value` of their `matchLabels` (all must match, so any one will do).
    private let budgetsByLabel: [String: [Int]]
    /// Budgets without `matchLabels`, which any pod may match.
    private let unindexedBudgets: [Int]

    init(_ entries: [ManifestEntry]) {
        self.entries = entries
        var groups: [PodGroup] = []
        var byLabel: [String: [Int]] = [:]
        var byName: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            guard let group = PodGroupReading.group(index, entry.object) else { continue }
            for (key, value) in group.labels { byLabel[Self.labelKey(key, value), default: []].append(groups.count) }
            if let name = group.statefulSetName { byName[name, default: []].append(groups.count) }
            groups.append(group)
        }
        podGroups = groups
        groupsByLabel = byLabel
        groupsByStatefulSet = byName
        let found: [(index: Int, budget: PodDisruptionBudget)] = entries.enumerated().compactMap { index, entry in
            switch entry.object {
            case .podDisruptionBudget(let budget):
                return (index, budget)
            case .other(.map(var fields)) where entry.object.kind == PodDisruptionBudget.kind && entry.object.apiVersion == "policy/v1beta1":
                fields["apiVersion"] = .string(PodDisruptionBudget.apiVersion)
                return (try? PodDisruptionBudget(decoding: .map(fields))).map { (index, $0) }
            default:
                return nil
            }
        }
        budgets = found
        var budgetIndex: [String: [Int]] = [:]
        var unindexed: [Int] = []
        for (position, item) in found.enumerated() {
            if let first = item.budget.spec.selector?.matchLabels.elements.first {
                budgetIndex[Self.labelKey(first.key, first.value), default: []].append(position)
            } else {
                unindexed.append(position)
            }
        }
        budgetsByLabel = budgetIndex
        unindexedBudgets = unindexed
    }

    private static func labelKey(_ key: String, _ value: String) -> String {
        "\(key)\u{0}\(value)"
    }

    /// The Services, with their entry index.
    var services: [(index: Int, service: Service)] {
        entries.enumerated().compactMap { index, entry in
            if case .service(let service) = entry.object { (index, service) } else { nil }
        }
    }

    /// The StatefulSets kubegrid models (`apps/v1`), with their entry index.
    var statefulSets: [(index: Int, set: StatefulSet)] {
        entries.enumerated().compactMap { index, entry in
            if case .statefulSet(let set) = entry.object { (index, set) } else { nil }
        }
    }

    /// Whether a Service selector picks some pod in its namespace.
    func selectsSomePod(_ selector: OrderedDictionary<String, String>, namespace: String?) -> Bool {
        for candidate in candidates(for: selector) {
            let group = podGroups[candidate]
            if sameNamespace(group.namespace, namespace), group.matches(selector) { return true }
        }
        return false
    }

    /// Whether a label selector picks some pod in its namespace.
    func selectsSomePod(_ selector: LabelSelector, namespace: String?) -> Bool {
        let candidates = selector.matchLabels.isEmpty ? Array(podGroups.indices) : candidates(for: selector.matchLabels)
        return candidates.contains { index in
            sameNamespace(podGroups[index].namespace, namespace) && podGroups[index].matches(selector)
        }
    }

    /// Whether a PodDisruptionBudget of the group's namespace selects its pods.
    func isProtectedByBudget(_ group: PodGroup) -> Bool {
        var candidates = unindexedBudgets
        for (key, value) in group.labels {
            candidates += budgetsByLabel[Self.labelKey(key, value)] ?? []
        }
        return candidates.contains { position in
            let budget = budgets[position].budget
            return sameNamespace(budget.metadata.namespace, group.namespace)
                && (budget.spec.selector.map { $0.matches(group.labels) } ?? true)
        }
    }

    /// The groups that may match: those sharing the selector's rarest ordinary label, or
    /// the StatefulSet a pod-name label names.
    private func candidates(for selector: OrderedDictionary<String, String>) -> [Int] {
        var best: [Int]?
        for (key, value) in selector {
            let found: [Int]
            if key == GridLabels.podName {
                guard let dash = value.lastIndex(of: "-") else { return [] }
                found = groupsByStatefulSet[String(value[..<dash])] ?? []
            } else if key == GridLabels.podIndex {
                continue
            } else {
                found = groupsByLabel[Self.labelKey(key, value)] ?? []
            }
            if found.count < (best?.count ?? .max) { best = found }
        }
        return best ?? Array(podGroups.indices)
    }
}

