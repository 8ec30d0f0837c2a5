import KubeGridCore

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
