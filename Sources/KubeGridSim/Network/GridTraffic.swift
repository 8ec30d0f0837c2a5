import KubeGridCore

/// One connection the grid needs between two of its pods: what it is for, and the port
/// (by its container port name, with the image's default when the pod names none).
struct GridConnection: Sendable, Hashable {
    var purpose: String
    var from: String
    var to: String
    var portName: String
    var port: Int

    /// `prod-pu-1-0 → prod-manager-0 lus (TCP 4174), registering in the lookup service`.
    var description: String { "\(podName(from)) → \(podName(to)) \(portName) (TCP \(port)), \(purpose)" }

    private func podName(_ key: String) -> String { String(key.split(separator: "/").last ?? "") }
}

/// The grid's own traffic: a Space instance registers in its manager's lookup service and
/// takes part in leader election through ZooKeeper; the managers' ZooKeeper members talk
/// to each other; a primary replicates to its backups, which recover from it.
enum GridTraffic {
    /// The images' default ports, used when a pod does not name its container port.
    static let defaultPorts = ["lus": 4174, "zk-client": 2181, "zk-server": 2888, "zk-leader-election": 3888, "lrmi": 8200]

    /// Every connection the running grid needs now, in a stable order.
    static func connections(_ grid: GridController, pods: PodTable) -> [GridConnection] {
        var connections: [GridConnection] = []
        func add(_ purpose: String, _ from: String, _ to: String, _ portName: String) {
            guard let target = pods[to] else { return }
            connections.append(Self.connection(from: from, to: target, purpose, portName))
        }
        for ensemble in grid.ensembles.values {
            let members = ensemble.upMembers.keys.sorted().compactMap { ensemble.upMembers[$0] }
            for from in members {
                for to in members where to != from {
                    add("ZooKeeper between managers", from, to, "zk-server")
                    add("ZooKeeper leader election", from, to, "zk-leader-election")
                }
            }
        }
        for space in grid.spaces.values {
            let managers = space.managerKey.flatMap { grid.ensembles[$0] }.map { ensemble in
                ensemble.upMembers.keys.sorted().compactMap { ensemble.upMembers[$0] }
            } ?? []
            // Every instance of the Space, registered or still trying.
            for instance in grid.instances.keys.sorted() where grid.instances[instance]?.spaceKey == space.key {
                for manager in managers {
                    add("registering in the lookup service", instance, manager, "lus")
                    add("leader election through ZooKeeper", instance, manager, "zk-client")
                }
            }
            for partition in space.partitions {
                guard let primary = partition.primary else { continue }
                for backup in partition.backups {
                    add("replicating to the backup", primary, backup, "lrmi")
                    add("the backup recovering from the primary", backup, primary, "lrmi")
                }
            }
        }
        return connections
    }

    /// The connection from the pod `from` to the port named `portName` of `target`.
    static func connection(from: String, to target: Pod, _ purpose: String, _ portName: String) -> GridConnection {
        let port = target.spec.containers.lazy.flatMap(\.ports).first { $0.name == portName }?.containerPort
        return GridConnection(purpose: purpose, from: from, to: target.key, portName: portName, port: port ?? defaultPorts[portName] ?? 0)
    }

    /// The connections the policies refuse, each with the policies that refuse it.
    static func blocked(_ connections: [GridConnection], in cluster: ClusterView, pods: PodTable) -> [(GridConnection, PolicyBlock)] {
        guard !cluster.networkPolicies.isEmpty else { return [] }
        return connections.compactMap { connection in
            guard let from = pods[connection.from], let to = pods[connection.to],
                let block = cluster.networkPolicies.block(
                    from: .pod(cluster.policyPod(from)), to: cluster.policyPod(to), port: connection.port)
            else { return nil }
            return (connection, block)
        }
    }

    /// Plain-words reasons, one per set of policies refusing (whichever pods they isolate),
    /// naming the pods and the traffic (the first few connections).
    static func reasons(_ blocked: [(GridConnection, PolicyBlock)]) -> [String] {
        var order: [PolicyBlock] = []
        var byVerdict: [PolicyBlock: (pods: [String], connections: [GridConnection])] = [:]
        for (connection, block) in blocked {
            if byVerdict[block.verdict] == nil { order.append(block.verdict) }
            if byVerdict[block.verdict]?.pods.contains(block.pod) != true { byVerdict[block.verdict, default: ([], [])].pods.append(block.pod) }
            byVerdict[block.verdict]!.connections.append(connection)
        }
        return order.map { verdict in
            let (pods, connections) = byVerdict[verdict]!
            let shown = connections.prefix(3).map(\.description).joined(separator: "; ")
            let more = connections.count > 3 ? "; and \(connections.count - 3) more" : ""
            return "the grid's own traffic is blocked: \(verdict.description(pods: pods.sorted())): \(shown)\(more); admit the grid's "
                + "ports between its pods (the grid charts' networkPolicy does, the tenant's grid-egress opens egress within the namespace)"
        }
    }
}

extension ClusterView {
    /// A pod as the NetworkPolicies see it.
    func policyPod(_ pod: Pod) -> PolicyPod {
        PolicyPod(
            name: pod.name, namespace: pod.namespace, labels: pod.labels, ip: pod.podIP,
            ports: pod.spec.containers.flatMap(\.ports), nodeIP: node(named: pod.nodeName)?.internalIP)
    }
}

extension GridController {
    /// Nil when the instance in `pod` may connect to a lookup service of `ensemble`;
    /// otherwise the policies that refuse it, naming the connection.
    func lookupServiceBlock(_ pod: Pod, _ ensemble: ManagerEnsemble, _ context: RuntimeContext) -> String? {
        let policies = context.cluster.networkPolicies
        guard !policies.isEmpty else { return nil }
        var first: String?
        for member in ensemble.upMembers.keys.sorted() {
            guard let managerKey = ensemble.upMembers[member], let manager = context.pods[managerKey] else { continue }
            let connection = GridTraffic.connection(from: pod.key, to: manager, "registering in the lookup service", "lus")
            guard let block = policies.block(
                from: .pod(context.cluster.policyPod(pod)), to: context.cluster.policyPod(manager), port: connection.port)
            else { return nil }
            if first == nil { first = "\(block): \(connection.description)" }
        }
        return first
    }
}

extension World {
    /// The grid's own connections now, and those the NetworkPolicies refuse.
    var gridTraffic: (connections: [GridConnection], blocked: [(GridConnection, PolicyBlock)]) {
        let connections = GridTraffic.connections(grid, pods: pods)
        return (connections, GridTraffic.blocked(connections, in: clusterView, pods: pods))
    }
}
