import OrderedCollections

/// What an object counts against a ResourceQuota, as kube-apiserver's quota evaluators
/// count it (`pkg/quota/v1/evaluator/core`): one place for lint's cross-release check
/// and the simulated API server's admission.
public enum QuotaUsage {
    /// A Service: one of `services`; a LoadBalancer one of `services.loadbalancers`; a
    /// NodePort or LoadBalancer Service as many `services.nodeports` as it has ports.
    public static func service(_ spec: ServiceSpec) -> OrderedDictionary<String, Int> {
        var usage: OrderedDictionary<String, Int> = ["services": 1, "services.loadbalancers": 0, "services.nodeports": 0]
        switch spec.type {
        case .loadBalancer?:
            usage["services.loadbalancers"] = 1
            // With node ports suppressed only the ports that name one are counted.
            usage["services.nodeports"] = spec.allocateLoadBalancerNodePorts == false
                ? spec.ports.filter { $0.nodePort != nil }.count : spec.ports.count
        case .nodePort?:
            usage["services.nodeports"] = spec.ports.count
        default:
            break
        }
        return usage.mapValues { $0 * 1000 }
    }

    /// A pod: one of `pods`, and its requests and limits as the scheduler sums them (the
    /// containers' total, or the largest init container's when that is more). A request
    /// left unset takes its limit, as the API server defaults it. In thousandths.
    public static func pod(_ spec: PodSpec) -> OrderedDictionary<String, Int> {
        var usage: OrderedDictionary<String, Int> = ["pods": 1000]
        for (prefix, pick) in [("requests.", Self.requests), ("limits.", Self.limits)] {
            for resource in ["cpu", "memory", "ephemeral-storage"] {
                let sum = spec.containers.reduce(0) { $0 + (pick($1)[resource]?.milliValue ?? 0) }
                let initMax = spec.initContainers.map { pick($0)[resource]?.milliValue ?? 0 }.max() ?? 0
                let amount = max(sum, initMax)
                if amount > 0 { usage[prefix + resource] = amount }
            }
        }
        // `cpu` and `memory` are Kubernetes' older names for the requests.
        for resource in ["cpu", "memory"] where usage["requests." + resource] != nil {
            usage[resource] = usage["requests." + resource]
        }
        return usage
    }

    /// A claim: one of `persistentvolumeclaims`, its storage, and both again under its class.
    public static func claim(_ spec: PersistentVolumeClaimSpec) -> OrderedDictionary<String, Int> {
        var usage: OrderedDictionary<String, Int> = ["persistentvolumeclaims": 1000]
        if let storage = spec.storage { usage["requests.storage"] = storage.milliValue }
        if let storageClass = spec.storageClassName {
            usage["\(storageClass).storageclass.storage.k8s.io/persistentvolumeclaims"] = 1000
            if let storage = spec.storage { usage["\(storageClass).storageclass.storage.k8s.io/requests.storage"] = storage.milliValue }
        }
        return usage
    }

    /// The compute resources a quota on `hard` makes every container state, by name
    /// (`requests.cpu` needs each container to request cpu).
    public static func requiredByQuota(_ hard: some Collection<String>) -> [String] {
        ["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"].filter { hard.contains($0) }
    }

    /// The resources of `required` a pod does not state for every container, sorted, as
    /// the pod evaluator lists them in `must specify …`.
    public static func missing(_ required: [String], in spec: PodSpec) -> [String] {
        required.filter { name in
            let isLimit = name.hasPrefix("limits.")
            let resource = name.split(separator: ".").last.map(String.init) ?? name
            return (spec.containers + spec.initContainers).contains { container in
                (isLimit ? limits(container) : requests(container))[resource] == nil
            }
        }.sorted()
    }

    private static func requests(_ container: Container) -> OrderedDictionary<String, Quantity> {
        container.resources.effectiveRequests
    }

    private static func limits(_ container: Container) -> OrderedDictionary<String, Quantity> {
        container.resources.limits
    }

    /// The `key=value,…` list the quota admission prints (`prettyPrint`): sorted by name,
    /// each amount in the canonical form of the quota's own limit.
    public static func prettyPrint(_ amounts: [String: Int], like hard: [String: Quantity]) -> String {
        amounts.keys.sorted().map { "\($0)=\(canonical(amounts[$0]!, binary: hard[$0].map(isBinary) ?? false))" }
            .joined(separator: ",")
    }

    /// `4`, `500m`, `3200Mi`, `2G`: the shortest exact spelling, binary suffixes for a binary limit.
    public static func canonical(_ milliValue: Int, binary: Bool) -> String {
        guard milliValue % 1000 == 0 else { return "\(milliValue)m" }
        var value = milliValue / 1000
        let (base, suffixes) = binary ? (1024, ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]) : (1000, ["", "k", "M", "G", "T", "P", "E"])
        var index = 0
        while value != 0, value % base == 0, index < suffixes.count - 1 {
            value /= base
            index += 1
        }
        return "\(value)\(suffixes[index])"
    }

    private static func isBinary(_ quantity: Quantity) -> Bool {
        quantity.text.hasSuffix("i")
    }
}
