/// Why an instance cannot register yet.
struct AddressPending: Error, Sendable {
    var reason: String
}

/// The address a Space instance registers, as the GigaSpaces image picks it: with
/// `external.lrmi.enabled=true` it looks up its own Service (the one selecting it by
/// `statefulset.kubernetes.io/pod-name`) and registers the LoadBalancer IP, or the node's
/// IP and the NodePort, or the cluster IP; otherwise — or with no such Service — its pod IP.
/// Reading the Service, and the node, are API calls its service account must be allowed
/// (`WorkloadAPIAccess`): refused, the instance does not register and keeps retrying, the
/// reason naming the permission and the chart value that grants it.
extension GridController {
    func registrationAddress(of pod: Pod, _ role: SpaceRole, in cluster: ClusterView) -> Result<GridAddress, AddressPending> {
        guard let podIP = pod.podIP else { return .failure(AddressPending(reason: "the pod has no IP yet")) }
        let podAddress = GridAddress(kind: .podIP, host: podIP, port: role.lrmiPort, service: nil)
        guard role.externalLRMI, let record = cluster.instanceService(of: pod) else { return .success(podAddress) }
        if let refusal = cluster.forbiddenGet(
            by: pod, resource: "services", name: record.name, namespaced: true,
            grantedBy: "with rbac.create=true the pu chart's Role grants its service account get on services")
        {
            return .failure(AddressPending(reason: "it cannot read its Service \(record.name) for its external address: \(refusal)"))
        }
        let ports = record.service.spec.ports
        let index =
            ports.firstIndex { $0.name == "lrmi" }
            ?? ports.firstIndex { $0.targetPort == .string("lrmi") || $0.targetPort == .int(role.lrmiPort) } ?? 0
        guard ports.indices.contains(index) else { return .success(podAddress) }
        let port = ports[index]
        switch record.type {
        case .loadBalancer:
            guard let address = record.loadBalancerIP else {
                return .failure(
                    AddressPending(
                        reason: "its LoadBalancer Service \(record.name) has no external IP "
                            + "(the pool \(cluster.api.network.loadBalancerPool) has none left): give a larger --load-balancer-pool, "
                            + "or use service.type=NodePort"))
            }
            return .success(GridAddress(kind: .loadBalancer, host: address, port: port.port, service: record.key))
        case .nodePort:
            guard let node = cluster.node(named: pod.nodeName), let nodePort = record.nodePorts[index] else {
                return .success(podAddress)
            }
            if let refusal = cluster.forbiddenGet(
                by: pod, resource: "nodes", name: node.name, namespaced: false,
                grantedBy: "with rbac.create=true the pu chart's ClusterRole grants its service account get on nodes")
            {
                return .failure(AddressPending(reason: "it cannot read its node \(node.name) for the address clients use: \(refusal)"))
            }
            return .success(GridAddress(kind: .nodePort, host: node.clientAddress, port: nodePort, service: record.key))
        case .clusterIP, .externalName:
            guard let address = record.clusterIP else { return .success(podAddress) }
            return .success(GridAddress(kind: .clusterIP, host: address, port: port.port, service: record.key))
        }
    }
}
