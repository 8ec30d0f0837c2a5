import OrderedCollections

/// Places pods on nodes the way kube-scheduler's default profile does, for the plugins
/// that matter to the charts: NodeUnschedulable, TaintToleration, NodeAffinity (the
/// `nodeSelector`), NodeResourcesFit and InterPodAffinity as filters, in that order;
/// NodeResourcesFit (least allocated, weight 1) and InterPodAffinity (weight 2) as scores.
///
/// Like kube-scheduler it stops filtering once it has found enough feasible nodes
/// (`percentageOfNodesToScore`'s adaptive default), starts each search where the last one
/// stopped, and breaks ties between the best nodes at random — here with a seeded
/// generator, so a seed always gives the same placement.
///
/// It keeps its own view of placed pods (kube-scheduler's cache) with indexes by label
/// and by anti-affinity term, so a pod's filters cost a few lookups per node however many
/// pods are placed.
public struct Scheduler: Sendable {
    struct NodeInfo: Sendable {
        var name: String
        var labels: OrderedDictionary<String, String>
        var allocatable: ResourceAmounts
        var requested = ResourceAmounts()
        var nonZeroRequested = ResourceAmounts()
        var unschedulable: Bool
        /// Keys of `NoSchedule` taints.
        var taints: [String] = []
        var removed = false
    }

    struct PlacedPod: Sendable {
        var namespace: String
        var labels: OrderedDictionary<String, String>
        var node: Int
        var requests: ResourceAmounts
        var nonZeroRequests: ResourceAmounts
        var requiredAntiAffinity: [AffinityTerm]
        /// Preferred terms, with their signed weight (anti-affinity negative).
        var preferred: [(term: AffinityTerm, weight: Int)]
    }

    /// Nodes by index; removed ones stay, marked, so indexes stay stable.
    private(set) var nodes: [NodeInfo] = []
    private var nodeIndex: [String: Int] = [:]
    private var activeNodes = 0
    private(set) var topology = TopologyTable()
    private var placed: [String: PlacedPod] = [:]
    private var labelIndex = PlacedPodLabelIndex()
    private var requiredAntiAffinityTerms = TermIndex()
    private(set) var preferredTerms = TermIndex()
    private var nextStartNodeIndex = 0
    /// Breaks ties between equally good nodes (the scoring extension draws from it).
    var random: SeededRandom

    /// A scheduler for an empty cluster; `random` breaks ties between equally good nodes.
    public init(random: SeededRandom) {
        self.random = random
    }

    /// How many pods are placed.
    public var placedCount: Int { placed.count }

    // MARK: Nodes

    /// Adds a node (a node joining the cluster).
    public mutating func addNode(_ node: ClusterNode) {
        let index = nodes.count
        nodes.append(
            NodeInfo(name: node.name, labels: node.labels, allocatable: node.allocatable, unschedulable: node.unschedulable))
        nodeIndex[node.name] = index
        activeNodes += 1
        topology.addNode(labels: Self.plain(node.labels))
    }

    /// True when `key` is placed on a node.
    public func isPlaced(_ key: String) -> Bool { placed[key] != nil }

    /// True when the scheduler has ever been told of the node `name`.
    public func hasNode(_ name: String) -> Bool { nodeIndex[name] != nil }

    /// Cordons or uncordons a node, or taints it `NoSchedule` (`node.kubernetes.io/unreachable`
    /// when it is lost).
    public mutating func updateNode(_ name: String, unschedulable: Bool, taints: [String]) {
        guard let index = nodeIndex[name] else { return }
        nodes[index].unschedulable = unschedulable
        nodes[index].taints = taints
    }

    /// Removes a node; pods still placed on it should be forgotten first.
    public mutating func removeNode(_ name: String) {
        guard let index = nodeIndex[name], !nodes[index].removed else { return }
        nodes[index].removed = true
        activeNodes -= 1
    }

    /// Brings a removed node back, empty and without taints (a replacement machine joining
    /// under the same name).
    public mutating func restoreNode(_ name: String) {
        guard let index = nodeIndex[name], nodes[index].removed else { return }
        nodes[index].removed = false
        nodes[index].taints = []
        nodes[index].requested = ResourceAmounts()
        nodes[index].nonZeroRequested = ResourceAmounts()
        activeNodes += 1
    }

    // MARK: Pods

    /// Records that `pod` runs on `nodeName` (a binding, or a pod found running).
    public mutating func assume(_ pod: SchedulingPod, on nodeName: String) {
        guard let node = nodeIndex[nodeName] else { return }
        let required = pod.requiredAntiAffinity.map { AffinityTerm($0, ownerNamespace: pod.namespace) }
        let preferred =
            pod.preferredAffinity.map { (AffinityTerm($0.podAffinityTerm, ownerNamespace: pod.namespace), $0.weight) }
            + pod.preferredAntiAffinity.map {
                (AffinityTerm($0.podAffinityTerm, ownerNamespace: pod.namespace), -$0.weight)
            }
        let entry = PlacedPod(
            namespace: pod.namespace, labels: pod.labels, node: node, requests: pod.requests,
            nonZeroRequests: pod.nonZeroRequests, requiredAntiAffinity: required, preferred: preferred)
        if placed[pod.key] != nil { forget(pod.key) }
        placed[pod.key] = entry
        nodes[node].requested = nodes[node].requested + pod.requests
        nodes[node].nonZeroRequested = nodes[node].nonZeroRequested + pod.nonZeroRequests
        labelIndex.add(pod.key, labels: pod.labels)
        for term in required {
            let keyID = topologyKeyID(term.topologyKey)
            requiredAntiAffinityTerms.add(term, keyID: keyID, domain: topology.domain(key: keyID, node: node), weight: 1)
        }
        for (term, weight) in preferred {
            let keyID = topologyKeyID(term.topologyKey)
            preferredTerms.add(term, keyID: keyID, domain: topology.domain(key: keyID, node: node), weight: weight)
        }
    }

    /// Forgets a placed pod (deleted, or its node removed).
    public mutating func forget(_ key: String) {
        guard let entry = placed.removeValue(forKey: key) else { return }
        let node = entry.node
        nodes[node].requested = nodes[node].requested - entry.requests
        nodes[node].nonZeroRequested = nodes[node].nonZeroRequested - entry.nonZeroRequests
        labelIndex.remove(key, labels: entry.labels)
        for term in entry.requiredAntiAffinity {
            let keyID = topologyKeyID(term.topologyKey)
            requiredAntiAffinityTerms.remove(term, domain: topology.domain(key: keyID, node: node), weight: 1)
        }
        for (term, weight) in entry.preferred {
            let keyID = topologyKeyID(term.topologyKey)
            preferredTerms.remove(term, domain: topology.domain(key: keyID, node: node), weight: weight)
        }
    }

    // MARK: Scheduling

    /// Where a pod would go.
    public enum Decision: Sendable, Hashable {
        /// The node kube-scheduler would bind the pod to.
        case node(String)
        /// No node passes the filters; the pod stays Pending.
        case unschedulable(FitFailure)
    }

    /// Picks a node for `pod` without placing it; call ``assume(_:on:)`` to bind it.
    public mutating func schedule(_ pod: SchedulingPod) -> Decision {
        guard activeNodes > 0 else {
            return .unschedulable(FitFailure(nodeCount: 0, reasonCounts: [:], resolvableNodes: 0))
        }
        let blockedByPod = blockedDomains(for: pod)
        let blockedByExisting = requiredAntiAffinityTerms.groupsMatching(labels: pod.labels, namespace: pod.namespace)
            .compactMap { BlockedDomains(keyID: $0.keyID, domains: $0.weights.lazy.filter { $0.value > 0 }.map(\.key)) }

        let wanted = Self.feasibleNodesToFind(activeNodes)
        var feasible: [Int] = []
        var reasons: [FitFailure.Reason: Int] = [:]
        var resolvable = 0
        let count = nodes.count
        var index = nextStartNodeIndex == 0 ? count - 1 : nextStartNodeIndex - 1
        for _ in 0..<count {
            // Round from where the last search stopped; a counter that wraps, not a division per node.
            index = index + 1 == count ? 0 : index + 1
            if nodes[index].removed { continue }
            let verdict = filter(pod, node: index, blockedByPod: blockedByPod, blockedByExisting: blockedByExisting)
            switch verdict {
            case .fits:
                feasible.append(index)
            case .fails(let nodeReasons, let canPreemptionHelp):
                for reason in nodeReasons { reasons[reason, default: 0] += 1 }
                if canPreemptionHelp { resolvable += 1 }
            }
            if feasible.count >= wanted {
                // The next search starts after the last node looked at; a full pass leaves it.
                nextStartNodeIndex = (index + 1) % count
                break
            }
        }
        guard !feasible.isEmpty else {
            return .unschedulable(FitFailure(nodeCount: activeNodes, reasonCounts: reasons, resolvableNodes: resolvable))
        }
        if feasible.count == 1 { return .node(nodes[feasible[0]].name) }
        return .node(nodes[pickBest(of: feasible, for: pod)].name)
    }

    /// kube-scheduler's `numFeasibleNodesToFind` with the default `percentageOfNodesToScore`:
    /// every node below 100, else 50% less 1% per 125 nodes, at least 5% and 100 nodes.
    static func feasibleNodesToFind(_ nodeCount: Int) -> Int {
        if nodeCount < 100 { return nodeCount }
        let percentage = max(50 - nodeCount / 125, 5)
        return max(nodeCount * percentage / 100, 100)
    }

    private enum Verdict {
        case fits
        case fails([FitFailure.Reason], canPreemptionHelp: Bool)
    }

    private func filter(
        _ pod: SchedulingPod, node index: Int, blockedByPod: [BlockedDomains], blockedByExisting: [BlockedDomains]
    ) -> Verdict {
        // Fields are read in place: copying a NodeInfo (labels and all) per node is the
        // most expensive thing this loop could do.
        if nodes[index].unschedulable { return .fails([FitFailure.Reason.unschedulable], canPreemptionHelp: false) }
        if let taint = nodes[index].taints.first {
            return .fails([FitFailure.Reason.untoleratedTaint(key: taint)], canPreemptionHelp: false)
        }
        for (key, value) in pod.nodeSelector where nodes[index].labels[key] != value {
            return .fails([FitFailure.Reason.nodeSelector], canPreemptionHelp: false)
        }
        let allocatable = nodes[index].allocatable
        let requested = nodes[index].requested
        if requested.pods + 1 > allocatable.pods
            || (pod.requests.milliCPU > 0 && pod.requests.milliCPU > allocatable.milliCPU - requested.milliCPU)
            || (pod.requests.memory > 0 && pod.requests.memory > allocatable.memory - requested.memory)
        {
            var insufficient: [FitFailure.Reason] = []
            if requested.pods + 1 > allocatable.pods { insufficient.append(FitFailure.Reason.tooManyPods) }
            if pod.requests.milliCPU > 0, pod.requests.milliCPU > allocatable.milliCPU - requested.milliCPU {
                insufficient.append(FitFailure.Reason.insufficientCPU)
            }
            if pod.requests.memory > 0, pod.requests.memory > allocatable.memory - requested.memory {
                insufficient.append(FitFailure.Reason.insufficientMemory)
            }
            return .fails(insufficient, canPreemptionHelp: true)
        }
        for blocked in blockedByPod where blocked.contains(topology.domain(key: blocked.keyID, node: index)) {
            return .fails([FitFailure.Reason.antiAffinity], canPreemptionHelp: true)
        }
        for blocked in blockedByExisting where blocked.contains(topology.domain(key: blocked.keyID, node: index)) {
            return .fails([FitFailure.Reason.existingAntiAffinity], canPreemptionHelp: true)
        }
        return .fits
    }

    /// For each of the pod's required anti-affinity terms that selects a placed pod, the
    /// domains that hold one.
    private mutating func blockedDomains(for pod: SchedulingPod) -> [BlockedDomains] {
        pod.requiredAntiAffinity.compactMap { source in
            let term = AffinityTerm(source, ownerNamespace: pod.namespace)
            let keyID = topologyKeyID(term.topologyKey)
            indexLabels(for: term)
            var domains = Set<Int>()
            forEachPlacedPod(matching: term) { placedPod in
                let domain = topology.domain(key: keyID, node: placedPod.node)
                if domain >= 0 { domains.insert(domain) }
            }
            return BlockedDomains(keyID: keyID, domains: domains)
        }
    }

    /// Makes sure the label index covers the keys `term` narrows by, before
    /// ``forEachPlacedPod(matching:_:)`` looks them up.
    mutating func indexLabels(for term: AffinityTerm) {
        for pair in term.indexPairs ?? [] where !labelIndex.indexes(pair.key) {
            labelIndex.startIndexing(pair.key, placed: placed.lazy.map { (key: $0.key, labels: $0.value.labels) })
        }
    }

    /// Calls `body` for every placed pod `term` selects, using the label index when it can
    /// (``indexLabels(for:)`` first).
    func forEachPlacedPod(matching term: AffinityTerm, _ body: (PlacedPod) -> Void) {
        if let pairs = term.indexPairs {
            var seen = Set<String>()
            for pair in pairs {
                for key in labelIndex.pods(with: pair) where seen.insert(key).inserted {
                    if let pod = placed[key], term.matches(labels: pod.labels, namespace: pod.namespace) { body(pod) }
                }
            }
        } else {
            for pod in placed.values where term.matches(labels: pod.labels, namespace: pod.namespace) { body(pod) }
        }
    }

    mutating func topologyKeyID(_ key: String) -> Int {
        if let id = topology.existingKeyID(key) { return id }
        return topology.keyID(key, nodeLabels: nodes.map { Self.plain($0.labels) })
    }

    private static func plain(_ labels: OrderedDictionary<String, String>) -> [String: String] {
        Dictionary(uniqueKeysWithValues: labels.map { ($0.key, $0.value) })
    }
}
