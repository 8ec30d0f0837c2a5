import KubeGridCore

/// Why clients cannot reach a deployed Space, in plain words with the value to change.
extension DeployDiagnosis {
    /// What keeps a client from the Spaces: the lookup service, or instances it cannot reach.
    var reachability: [String] {
        var reasons: [String] = []
        for space in world.grid.spaces.values {
            guard let managerKey = space.managerKey, let ensemble = world.grid.ensembles[managerKey] else { continue }
            switch world.clients.lookupLocator(of: ensemble, pods: world.pods, cluster: world.clusterView) {
            case .failure(let problem):
                reasons.append("a \(clientWord) client cannot find Space \(space.name): \(problem.reason)")
                continue
            case .success(let locator):
                if ensemble.lookupServiceUp, let why = world.clients.unreachableReason(locator, pod: nil, pods: world.pods, cluster: world.clusterView) {
                    reasons.append("a \(clientWord) client cannot reach the lookup service at \(locator): \(why)")
                    continue
                }
            }
            reasons += unreachableInstances(of: space, ensemble: ensemble)
        }
        return reasons
    }

    private var clientWord: String { world.clients.placement == .external ? "remote" : "in-cluster" }

    private func unreachableInstances(of space: SpaceState, ensemble: ManagerEnsemble) -> [String] {
        let registrations = ensemble.registrations.values.filter { $0.spaceKey == space.key }.sorted { $0.podName < $1.podName }
        var podIPs: [String] = []
        var clusterIPs: [String] = []
        var others: [String] = []
        for registration in registrations where world.pods[registration.podKey]?.isRunningAndReady == true {
            guard let why = world.clients.unreachableReason(registration.address, pod: registration.podKey, pods: world.pods, cluster: world.clusterView) else { continue }
            let described = "\(registration.podName) (partition \(registration.partition)) at \(registration.address)"
            switch registration.address.kind {
            case .podIP where world.clients.placement == .external: podIPs.append(described)
            case .clusterIP where world.clients.placement == .external: clusterIPs.append(described)
            default: others.append("\(described): \(why)")
            }
        }
        var reasons: [String] = []
        if !podIPs.isEmpty {
            let withService = registrations.contains { registration in
                world.pods[registration.podKey].flatMap { world.clusterView.instanceService(of: $0) } != nil
            }
            let fix =
                withService
                ? "its instances have Services but do not register them: the pods need external.lrmi.enabled=true, "
                    + "which service.lrmi.enabled=true sets"
                : "set service.lrmi.enabled=true (pu.service.lrmi.enabled=true in the insightedge chart) so every "
                    + "instance gets its own Service"
            reasons.append(
                "a remote client cannot reach \(count(podIPs, "instance")) of Space \(space.name), registered with pod IPs "
                    + "that are not routable from outside the cluster: \(list(podIPs)); \(fix), or use --client internal "
                    + "if the clients run in the cluster")
        }
        if !clusterIPs.isEmpty {
            reasons.append(
                "a remote client cannot reach \(count(clusterIPs, "instance")) of Space \(space.name), registered with "
                    + "ClusterIP Service addresses: \(list(clusterIPs)); set service.type=LoadBalancer or NodePort on the "
                    + "Space, or use --client internal if the clients run in the cluster")
        }
        if !others.isEmpty {
            reasons.append("a \(clientWord) client cannot reach \(count(others, "instance")) of Space \(space.name): \(list(others))")
        }
        return reasons
    }

    /// Partitions no client operation succeeded on, when nothing above already says why.
    var partitionsNotReached: [String] {
        let reached = world.clients.tally.reached
        var reasons: [String] = []
        for space in world.grid.spaces.values {
            let missing = (1...space.partitionCount).filter { !reached.contains(PartitionRef(space: space.key, partition: $0)) }
            guard !missing.isEmpty else { continue }
            var reason = "the client reached \(space.partitionCount - missing.count) of \(space.partitionCount) partitions "
                + "of Space \(space.name) (not: \(missing.prefix(10).map(String.init).joined(separator: ", "))\(missing.count > 10 ? ", …" : ""))"
            if case .some(.some(let error)) = world.clients.tally.firstFailure[space.key] { reason += "; first error: \(error)" }
            reasons.append(reason)
        }
        return reasons
    }

    private func count(_ items: [String], _ noun: String) -> String {
        items.count == 1 ? "1 \(noun)" : "\(items.count) \(noun)s"
    }

    private func list(_ items: [String]) -> String {
        let shown = items.prefix(4).joined(separator: ", ")
        return items.count > 4 ? "\(shown) and \(items.count - 4) more" : shown
    }
}
