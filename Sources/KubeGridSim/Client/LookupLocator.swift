import KubeGridCore

/// Where a client finds a manager's lookup service.
///
/// An external client uses the manager's client Service (`<manager>-service`): its
/// LoadBalancer IP and `lus` port, or a node's IP and the `lus` NodePort. A ClusterIP
/// Service, or one without a `lus` port, gives it nothing to connect to. An internal
/// client uses cluster DNS: the headless Service `<manager>-hs` and a Management Pod's IP.
extension GridClients {
    /// The locator of `ensemble`'s lookup service for this client (or a client at
    /// `placement`), or why there is none.
    func lookupLocator(
        of ensemble: ManagerEnsemble, placement: ClientPlacement? = nil, pods: PodTable, cluster: ClusterView
    ) -> Result<GridAddress, AddressPending> {
        let clientService = managerClientService(of: ensemble, cluster: cluster)
        if (placement ?? self.placement) == .internal {
            if let record = clientService, let address = record.clientAddressInside(portNamed: "lus") {
                return .success(address)
            }
            for member in ensemble.upMembers.keys.sorted() {
                if let key = ensemble.upMembers[member], let address = pods[key]?.podIP {
                    return .success(GridAddress(kind: .podIP, host: address, port: 4174, service: nil))
                }
            }
            return .failure(AddressPending(reason: "no Management Pod of \(ensemble.fullName) is running"))
        }
        guard let record = clientService else {
            return .failure(
                AddressPending(
                    reason: "manager \(ensemble.fullName) has no Service exposing its lookup service "
                        + "(expected \(ensemble.fullName)-service)"))
        }
        guard let index = record.portIndex(named: "lus") ?? record.service.spec.ports.firstIndex(where: { $0.port == 4174 })
        else {
            return .failure(
                AddressPending(
                    reason: "the manager Service \(record.name) has no lus port, so a remote client cannot find the "
                        + "lookup service: set service.lus.enabled=true on the manager, or use --client internal "
                        + "if the clients run in the cluster"))
        }
        let port = record.service.spec.ports[index]
        switch record.type {
        case .loadBalancer:
            guard let address = record.loadBalancerIP else {
                return .failure(
                    AddressPending(
                        reason: "the manager Service \(record.name) is a LoadBalancer without an external IP "
                            + "(the pool \(cluster.api.network.loadBalancerPool) has none left)"))
            }
            return .success(GridAddress(kind: .loadBalancer, host: address, port: port.port, service: record.key))
        case .nodePort:
            guard let nodePort = record.nodePorts[index],
                let node = cluster.nodes.first(where: { $0.condition == .ready })
            else { return .failure(AddressPending(reason: "no node answers on the manager's NodePort")) }
            return .success(GridAddress(kind: .nodePort, host: node.clientAddress, port: nodePort, service: record.key))
        case .clusterIP, .externalName:
            return .failure(
                AddressPending(
                    reason: "the manager Service \(record.name) is of type ClusterIP, which a client outside the "
                        + "cluster cannot reach: set service.type=LoadBalancer or NodePort on the manager "
                        + "(manager.service.type in the insightedge chart), or use --client internal if the "
                        + "clients run in the cluster"))
        }
    }

    /// The manager's client Service: `<fullName>-service`, else another Service that is not
    /// headless and selects the Management Pods.
    func managerClientService(of ensemble: ManagerEnsemble, cluster: ClusterView) -> ServiceRecord? {
        if let named = cluster.services["\(ensemble.namespace)/\(ensemble.fullName)-service"] { return named }
        let managerLabels = cluster.statefulSets.values.first { entry in
            if case .manager(let role) = entry.role { return role.fullName == ensemble.fullName && entry.namespace == ensemble.namespace }
            return false
        }?.statefulSet.spec.template.metadata.labels
        guard let managerLabels else { return nil }
        return cluster.services.values.first { record in
            let selector = record.service.spec.selector
            return record.namespace == ensemble.namespace && !record.service.spec.isHeadless && !selector.isEmpty
                && selector.allSatisfy { managerLabels[$0.key] == $0.value }
        }
    }
}

extension ServiceRecord {
    /// The cluster IP and port named `name`, as a pod reaches the Service.
    func clientAddressInside(portNamed name: String) -> GridAddress? {
        guard let clusterIP, let index = portIndex(named: name) else { return nil }
        return GridAddress(kind: .clusterIP, host: clusterIP, port: service.spec.ports[index].port, service: key)
    }
}
