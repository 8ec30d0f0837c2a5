import KubeGridCore

/// A Service endpoint: a pod the Service routes to, and the port on it.
struct Endpoint: Sendable, Hashable {
    var podKey: String
    var address: IPv4Address
    var port: Int
}

/// The Service side of the controller manager: it watches Services, indexes the
/// per-instance Service of each pod (a Service whose selector is one
/// `statefulset.kubernetes.io/pod-name`), and, as the load balancer controller, says
/// whether the pool had an address for a LoadBalancer Service.
struct ServiceController: Sendable {
    let changes: ChangeFeed.Consumer
    /// The per-instance Service key of each pod key.
    private(set) var instanceServiceByPod: [String: String] = [:]

    init(changes: ChangeFeed.Consumer) {
        self.changes = changes
    }

    /// A Service was created: index it, and report its load balancer address.
    mutating func observe(_ event: WatchEvent, api: APIServer, timeline: inout Timeline) {
        guard event.type == .added, case .service(let service) = event.object.body else { return }
        let namespace = event.object.metadata.namespace ?? "default"
        let key = "\(namespace)/\(service.metadata.name)"
        if let podName = service.spec.selector[GridLabels.podName], instanceServiceByPod["\(namespace)/\(podName)"] == nil {
            instanceServiceByPod["\(namespace)/\(podName)"] = key
        }
        guard let created = api.services[key], created.type == .loadBalancer else { return }
        let object = "service/\(service.metadata.name)"
        if let address = created.loadBalancerIP {
            timeline.record(object, "IPAllocated", "Assigned IP [\"\(address)\"]")
        } else {
            timeline.record(
                object, "AllocationFailed",
                "Failed to allocate IP for \"\(key)\": no available IPs in pool \(api.network.loadBalancerPool)",
                type: .warning)
        }
    }
}

/// Services route to the pods their selector picks that are Ready (or all of them with
/// `publishNotReadyAddresses`).
extension PodTable {
    /// True when the pod `podKey` is an endpoint of `record`: selected, in its namespace,
    /// running with an IP, and Ready (or the Service publishes pods that are not).
    func isEndpoint(_ record: ServiceRecord, podKey: String) -> Bool {
        let spec = record.service.spec
        guard !spec.selector.isEmpty, let pod = self[podKey] else { return false }
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
            let keys = keys(labelled: key, value)
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
        let candidates = endpointCandidates(record).sorted().compactMap { self[$0] }
        return candidates.compactMap { pod in
            guard pod.namespace == record.namespace, let address = pod.podIP, pod.phase == .running,
                pod.ready || includeNotReady,
                spec.selector.allSatisfy({ pod.labels[$0.key] == $0.value })
            else { return nil }
            let target = port.targetPort.map { pod.containerPort($0) } ?? port.port
            return Endpoint(podKey: pod.key, address: address, port: target)
        }
    }
}
