/// kube-scheduler's scoring for the feasible nodes: NodeResourcesFit (least allocated,
/// weight 1) and InterPodAffinity (weight 2), the best node winning and ties broken at random.
extension Scheduler {
    /// The feasible node with the highest weighted score, ties broken at random as
    /// kube-scheduler's `selectHost` does.
    mutating func pickBest(of feasible: [Int], for pod: SchedulingPod) -> Int {
        let affinity = interPodAffinityScores(of: feasible, for: pod)
        var best = feasible[0]
        var bestScore = Int.min
        var ties = 0
        for (position, index) in feasible.enumerated() {
            let score = leastAllocatedScore(node: index, pod: pod) + 2 * (affinity?[position] ?? 0)
            if score > bestScore {
                best = index
                bestScore = score
                ties = 1
            } else if score == bestScore {
                ties += 1
                if Int.random(in: 0..<ties, using: &random) == 0 { best = index }
            }
        }
        return best
    }

    /// NodeResourcesFit's LeastAllocated score (0–100): free CPU and memory after placing
    /// the pod, as shares of allocatable, averaged with equal weights.
    private func leastAllocatedScore(node index: Int, pod: SchedulingPod) -> Int {
        func score(_ requested: Int, _ capacity: Int) -> Int {
            guard capacity > 0, requested <= capacity else { return 0 }
            return (capacity - requested) * 100 / capacity
        }
        let allocatable = nodes[index].allocatable
        let requested = nodes[index].nonZeroRequested
        let cpu = score(requested.milliCPU + pod.nonZeroRequests.milliCPU, allocatable.milliCPU)
        let memory = score(requested.memory + pod.nonZeroRequests.memory, allocatable.memory)
        return (cpu + memory) / 2
    }

    /// InterPodAffinity's normalised score (0–100) for each feasible node, or nil when
    /// neither the pod nor any placed pod has a preferred term (the plugin then skips).
    private mutating func interPodAffinityScores(of feasible: [Int], for pod: SchedulingPod) -> [Int]? {
        guard pod.hasPreferredTerms || !preferredTerms.isEmpty else { return nil }
        var contributions: [(keyID: Int, weights: [Int: Int])] = []
        let own =
            pod.preferredAffinity.map { ($0.podAffinityTerm, $0.weight) }
            + pod.preferredAntiAffinity.map { ($0.podAffinityTerm, -$0.weight) }
        for (source, weight) in own {
            let term = AffinityTerm(source, ownerNamespace: pod.namespace)
            let keyID = topologyKeyID(term.topologyKey)
            indexLabels(for: term)
            var weights: [Int: Int] = [:]
            forEachPlacedPod(matching: term) { placedPod in
                let domain = topology.domain(key: keyID, node: placedPod.node)
                if domain >= 0 { weights[domain, default: 0] += weight }
            }
            contributions.append((keyID, weights))
        }
        for group in preferredTerms.groupsMatching(labels: pod.labels, namespace: pod.namespace) {
            contributions.append((group.keyID, group.weights))
        }
        let raw = feasible.map { index in
            contributions.reduce(0) { sum, contribution in
                sum + (contribution.weights[topology.domain(key: contribution.keyID, node: index)] ?? 0)
            }
        }
        // kube-scheduler's NormalizeScore: min and max start at 0.
        let highest = max(raw.max() ?? 0, 0)
        let lowest = min(raw.min() ?? 0, 0)
        let spread = highest - lowest
        return raw.map { spread > 0 ? 100 * ($0 - lowest) / spread : 0 }
    }
}
