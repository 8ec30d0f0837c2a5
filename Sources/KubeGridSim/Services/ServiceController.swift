import KubeGridCore

/// A Service endpoint: a pod the Service routes to, and the port on it.
struct Endpoint: Sendable, Hashable {
    var podKey: String
    var address: IPv4Address
    var port: Int
}

/// The Service side of the controller manager: its watch, and the per-instance Service of
/// each pod (a Service whose selector is one `statefulset.kubernetes.io/pod-name`).
struct ServiceController: Sendable {
    let changes: ChangeFeed.Consumer
    /// The per-instance Service key of each pod key.
    var instanceServiceByPod: [String: String] = [:]
}

/// Services: created through the simulated API server (which may refuse them), given a
/// load balancer IP by the pool, and routing to the pods their selector picks that are
/// Ready (or all of them with `publishNotReadyAddresses`).
extension World {
    /// A Service was created: index it by the pod it picks, and let the load balancer
    /// controller say whether the pool had an address for it.
    mutating func serviceObserved(_ event: WatchEvent) {
        guard event.type == .added, case .service(let service) = event.object.body else { return }
        let namespace = event.object.metadata.namespace ?? "default"
        let key = "\(namespace)/\(service.metadata.name)"
        if let podName = service.spec.selector[GridLabels.podName],
            serviceController.instanceServiceByPod["\(namespace)/\(podName)"] == nil
        {
            serviceController.instanceServiceByPod["\(namespace)/\(podName)"] = key
        }
        guard let created = services[key], created.type == .loadBalancer else { return }
        let object = "service/\(service.metadata.name)"
        if let address = created.loadBalancerIP {
            record(object, "IPAllocated", "Assigned IP [\"\(address)\"]")
        } else {
            record(
                object, "AllocationFailed",
                "Failed to allocate IP for \"\(key)\": no available IPs in pool \(network.loadBalancerPool)",
                type: .warning)
        }
    }

    /// True when the pod `podKey` is an endpoint of `record`: selected, in its namespace,
    /// running with an IP, and Ready (or the Service publishes pods that are not).
    func isEndpoint(_ record: ServiceRecord, podKey: String) -> Bool {
        let spec = record.service.spec
        guard !spec.selector.isEmpty, let pod = pods[podKey] else { return false }
        return pod.namespace == record.namespace && pod.podIP != nil && pod.phase == .running
            && (pod.ready || spec.publishNotReadyAddresses == true)
            && spec.selector.allSatisfy { pod.labels[$0.key] == $0.value }
    }

    /// True when `record` has at least one endpoint.
    func hasEndpoint(_ record: ServiceRecord) -> Bool {
        endpointCandidates(record).contains { isEndpoint(record, podKey: $0) }
    }

    /// Pods that may be endpoints: those carrying the selector's rarest label pair.
    private func endpointCandidates(_ record: ServiceRecord) -> Set<String> {
        var smallest: Set<String>?
        for (key, value) in record.service.spec.selector {
            let keys = pods.keys(labelled: key, value)
            if smallest == nil || keys.count < smallest!.count { smallest = keys }
        }
        return smallest ?? []
    }

    /// The endpoints of port `portIndex` of `record`.
    func endpoints(of record: ServiceRecord, portIndex: Int) -> [Endpoint] {
        let spec = record.service.spec
        guard !spec.selector.isEmpty, spec.ports.indices.contains(portIndex) else { return [] }
        let port = spec.ports[portIndex]
        let includeNotReady = spec.publishNotReadyAddresses ?? false
        let candidates = endpointCandidates(record).sorted().compactMap { pods[$0] }
        return candidates.compactMap { pod in
            guard pod.namespace == record.namespace, let address = pod.podIP, pod.phase == .running,
                pod.ready || includeNotReady,
                spec.selector.allSatisfy({ pod.labels[$0.key] == $0.value })
            else { return nil }
            let target = port.targetPort.map { resolvePort($0, in: pod) } ?? port.port
            return Endpoint(podKey: pod.key, address: address, port: target)
        }
    }

    /// The Service named `name` in `namespace`.
    func service(named name: String, namespace: String) -> ServiceRecord? {
        services["\(namespace)/\(name)"]
    }
}
