import KubeGridCore

extension World {
    /// What the REST Manager behind `service` in `namespace` answers to `method` `path`
    /// (`/v2/...`), or nil when that Service fronts no manager ensemble. The manager's
    /// Services are named after the ensemble (`FULLNAME`, `FULLNAME-service`, `FULLNAME-hs`).
    func restManagerAnswer(namespace: String, service: String, method: String = "GET", path: String)
        -> RESTManagerAnswer?
    {
        guard let ensemble = grid.ensembles.values.first(where: {
            $0.namespace == namespace && (service == $0.fullName || service.hasPrefix("\($0.fullName)-"))
        }) else { return nil }
        // Only the grid's own pods, looked up by key.
        let managerPods = ensemble.upMembers.values
        var podHosts: [String: String] = [:]
        for podKey in Array(managerPods) + Array(grid.instances.keys) {
            if let node = pods[podKey]?.nodeName { podHosts[podKey] = node }
        }
        var nodeAddresses: [String: String] = [:]
        for node in nodes { nodeAddresses[node.name] = "\(node.internalIP)" }
        let manager = RESTManager(
            ensemble: ensemble, grid: grid, podHosts: podHosts, nodeAddresses: nodeAddresses,
            version: managerVersion(of: ensemble))
        return manager.answer(method: method, path: path)
    }

    /// The image tag of the ensemble's StatefulSet's first container, GigaSpaces' version.
    private func managerVersion(of ensemble: ManagerEnsemble) -> String {
        let image = statefulSets[ensemble.key]?.statefulSet.spec.template.spec.containers.first?.image ?? ""
        return image.split(separator: ":").last.map(String.init) ?? "unknown"
    }
}
