import OrderedCollections

/// The pods one workload object creates, as far as lint needs them: their labels, how
/// many, and their containers.
struct PodGroup: Sendable {
    /// A container of the pod template, reduced to what the rules check.
    struct ContainerInfo: Sendable {
        var name: String
        var image: String?
        var hasMemoryLimit: Bool
        var hasReadinessProbe: Bool
        var isInit: Bool
        /// The container's `args`, which name its grid role.
        var args: [String]
        /// The container's path from the object's root.
        var path: ValuePath
    }

    /// What a GigaSpaces workload is, read by ``GridMember/recognise(containerArgs:labels:)``.
    enum GridRole: Sendable {
        /// A partition of a Space: a primary and, with `ha`, a backup.
        case partition
        /// A Space of replicated instances.
        case replicatedSpace
        /// Management Pods (LUS, REST manager, ZooKeeper).
        case manager
        /// Anything else.
        case none
    }

    var entry: Int
    var namespace: String?
    /// The pod template's labels.
    var labels: OrderedDictionary<String, String>
    /// The template labels' path from the object's root.
    var labelsPath: ValuePath
    /// The StatefulSet's name, whose pods are `<name>-<ordinal>`.
    var statefulSetName: String?
    var replicas: Int
    var containers: [ContainerInfo]
    /// The pod template's spec, typed; nil when it does not decode (other rules say why).
    var podSpec: PodSpec? = nil
    /// The pod spec's path from the object's root.
    var podSpecPath: ValuePath = .root
    /// The pod template's annotations (AppArmor and seccomp profiles may live there).
    var annotations: OrderedDictionary<String, String> = [:]

    /// A Space is partitioned when its arguments (`partitionId=`) or its labels
    /// (`partitionId`) say so.
    var role: GridRole {
        let args = containers.filter { !$0.isInit }.map(\.args)
        switch GridMember.recognise(containerArgs: args, labels: labels).member {
        case .spaceInstance(let arguments):
            return arguments.partitionId != nil || labels[GridLabels.partitionId] != nil ? .partition : .replicatedSpace
        case .manager: return .manager
        case .zeppelin, .sparkDriver, .sparkExecutor, .other: return .none
        }
    }

    /// Whether some pod of the group carries every label of `selector`, counting the
    /// labels the StatefulSet controller adds to each pod.
    func matches(_ selector: OrderedDictionary<String, String>) -> Bool {
        var chosen: Int?
        for (key, value) in selector {
            switch key {
            case GridLabels.podName where statefulSetName != nil:
                guard let index = ordinal(ofPod: value), chosen == nil || chosen == index else { return false }
                chosen = index
            case GridLabels.podIndex where statefulSetName != nil:
                guard let index = Int(value), (0..<replicas).contains(index), chosen == nil || chosen == index else {
                    return false
                }
                chosen = index
            default:
                if labels[key] != value { return false }
            }
        }
        return replicas > 0
    }

    /// Whether some pod of the group matches a full label selector.
    func matches(_ selector: LabelSelector) -> Bool {
        let podSpecific = selector.matchLabels.keys.contains(where: Self.isPodSpecific)
            || selector.matchExpressions.contains { Self.isPodSpecific($0.key) }
        guard podSpecific, let statefulSetName else { return replicas > 0 && selector.matches(labels) }
        // Few selectors name single pods; look at each (up to a bound a manifest can reach).
        for ordinal in 0..<min(replicas, 100_000) {
            var pod = labels
            pod[GridLabels.podName] = "\(statefulSetName)-\(ordinal)"
            pod[GridLabels.podIndex] = String(ordinal)
            if selector.matches(pod) { return true }
        }
        return false
    }

    private static func isPodSpecific(_ key: String) -> Bool {
        key == GridLabels.podName || key == GridLabels.podIndex
    }

    /// The ordinal of pod `<statefulSetName>-<n>`, when there is such a pod.
    private func ordinal(ofPod name: String) -> Int? {
        guard let statefulSetName, name.hasPrefix(statefulSetName + "-") else { return nil }
        let digits = name.dropFirst(statefulSetName.count + 1)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let index = Int(digits), String(index) == digits,
            (0..<replicas).contains(index)
        else { return nil }
        return index
    }
}
