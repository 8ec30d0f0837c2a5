import KubeGridCore

/// What to change when a pod fits on no node.
struct SchedulingHint {
    let world: World

    func hint(for pod: Pod, in entry: StatefulSetRecord) -> String? {
        guard let failure = pod.schedulingFailure else { return nil }
        if failure.failed(for: .antiAffinity, .existingAntiAffinity), let term = pod.spec.affinity?.podAntiAffinity?.required.first {
            return antiAffinityHint(entry, topologyKey: term.topologyKey)
        }
        if failure.failed(for: .insufficientMemory, .insufficientCPU) {
            return resourceHint(pod)
        }
        if failure.failed(for: .nodeSelector) {
            let labels = pod.spec.nodeSelector.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            return "no node carries the labels \(labels): change nodeSelector, or give nodes those labels (--cluster FILE)"
        }
        if failure.failed(for: .tooManyPods) {
            return "every node already runs as many pods as it allows: add nodes (--nodes)"
        }
        return nil
    }

    /// Why `entry`'s pods cannot all be placed whatever else happens: its required
    /// anti-affinity needs more topology domains than the cluster has; nil when it fits.
    func antiAffinityShortfall(_ entry: StatefulSetRecord) -> String? {
        guard let term = entry.statefulSet.spec.template.spec.affinity?.podAntiAffinity?.required.first else { return nil }
        let domains = Set(usableNodes.compactMap { $0.labels[term.topologyKey] }).count
        guard domains < entry.replicas else { return nil }
        let unit = term.topologyKey == ClusterNode.hostnameLabel ? "nodes" : "domains of \(term.topologyKey)"
        return "the required anti-affinity by \(term.topologyKey) needs \(entry.replicas) \(unit) and the cluster has \(domains)"
    }

    private var usableNodes: [ClusterNode] {
        world.nodes.filter { !$0.unschedulable && $0.condition == .ready }
    }

    private func antiAffinityHint(_ entry: StatefulSetRecord, topologyKey: String) -> String {
        let domains = Set(usableNodes.compactMap { $0.labels[topologyKey] }).count
        let replicas = entry.replicas
        let unit = topologyKey == ClusterNode.hostnameLabel ? "node" : "domain"
        var hint = "StatefulSet \(entry.name) has required anti-affinity by \(topologyKey), so its \(replicas) pods need "
            + "\(replicas) different \(unit)s"
        if domains < replicas {
            hint += ", and the cluster has \(domains)"
        } else {
            hint += "; other pods already hold them"
        }
        if topologyKey == ClusterNode.zoneLabel {
            hint += ": run in at least \(replicas) zones (--zones \(replicas)), or set antiAffinity.topology=kubernetes.io/hostname"
        } else {
            let sharing: String
            switch entry.role {
            case .manager: sharing = "Management Pods may then share a node, and one node's loss can take the ZooKeeper quorum"
            case .spaceInstance: sharing = "a primary and its backup may then share a node"
            case .zeppelin, .other: sharing = "its pods may then share a node"
            }
            hint += ": run on at least \(replicas) nodes (--nodes \(replicas)), or set antiAffinity.enabled=false (\(sharing))"
        }
        return hint
    }

    private func resourceHint(_ pod: Pod) -> String {
        let requests = ResourceAmounts.requests(of: pod.spec)
        var most = ResourceAmounts()
        for node in world.nodes where !node.unschedulable {
            most.memory = max(most.memory, node.allocatable.memory)
            most.milliCPU = max(most.milliCPU, node.allocatable.milliCPU)
        }
        return "it requests \(Self.memory(requests.memory)) of memory and \(Self.cpu(requests.milliCPU)) CPU; the largest "
            + "node allows \(Self.memory(most.memory)) and \(Self.cpu(most.milliCPU)) CPU, less what other pods requested: "
            + "lower resources, or use more or larger nodes"
    }

    static func memory(_ bytes: Int) -> String {
        let mebibytes = 1024 * 1024
        if bytes % (1024 * mebibytes) == 0 { return "\(bytes / (1024 * mebibytes))Gi" }
        if bytes % mebibytes == 0 { return "\(bytes / mebibytes)Mi" }
        return "\(bytes)"
    }

    static func cpu(_ milli: Int) -> String {
        milli % 1000 == 0 ? "\(milli / 1000)" : "\(milli)m"
    }
}
