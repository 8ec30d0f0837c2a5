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

    /// The `policy/v1` PodDisruptionBudgets, with their entry index.
    var budgets: [(index: Int, budget: PodDisruptionBudget)] {
        entries.enumerated().compactMap { index, entry in
            if case .podDisruptionBudget(let budget) = entry.object { (index, budget) } else { nil }
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
        podGroups.contains { sameNamespace($0.namespace, namespace) && $0.matches(selector) }
    }

    /// The groups that may match: those sharing the selector's rarest ordinary label, or
    /// the StatefulSet a pod-name label names.
    private func candidates(for selector: OrderedDictionary<String, String>) -> [Int] {
        var best: [Int]?
        for (key, value) in selector {
            let found: [Int]
            if key == PodGroup.podNameLabel {
                guard let dash = value.lastIndex(of: "-") else { return [] }
                found = groupsByStatefulSet[String(value[..<dash])] ?? []
            } else if key == PodGroup.podIndexLabel {
                continue
            } else {
                found = groupsByLabel[Self.labelKey(key, value)] ?? []
            }
            if found.count < (best?.count ?? .max) { best = found }
        }
        return best ?? Array(podGroups.indices)
    }
}

