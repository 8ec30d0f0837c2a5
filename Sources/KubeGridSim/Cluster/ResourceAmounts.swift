import KubeGridCore
import OrderedCollections

/// CPU, memory and a pod count, in the units kube-scheduler adds and compares them.
public struct ResourceAmounts: Sendable, Hashable {
    /// Thousandths of a core.
    public var milliCPU: Int
    /// Bytes.
    public var memory: Int
    /// Pods (for a request, always 1; for a node, how many it takes).
    public var pods: Int

    public init(milliCPU: Int = 0, memory: Int = 0, pods: Int = 0) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.pods = pods
    }

    public static func + (lhs: ResourceAmounts, rhs: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(milliCPU: lhs.milliCPU + rhs.milliCPU, memory: lhs.memory + rhs.memory, pods: lhs.pods + rhs.pods)
    }

    public static func - (lhs: ResourceAmounts, rhs: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(milliCPU: lhs.milliCPU - rhs.milliCPU, memory: lhs.memory - rhs.memory, pods: lhs.pods - rhs.pods)
    }

    /// Amounts from a resource list such as `{cpu: 500m, memory: 1Gi}`; other resources are left out.
    init(_ list: OrderedDictionary<String, Quantity>) {
        self.init(milliCPU: list["cpu"]?.milliValue ?? 0, memory: list["memory"]?.value ?? 0, pods: list["pods"]?.value ?? 0)
    }

    /// What a pod asks the scheduler for, as kube-scheduler computes it: the sum of its
    /// containers' requests, or the largest init container's if that is more (init
    /// containers run one at a time, before the others). A request left unset takes its
    /// limit, as the API server defaults it.
    static func requests(of spec: PodSpec) -> ResourceAmounts {
        var sum = ResourceAmounts(pods: 1)
        for container in spec.containers {
            let request = ResourceAmounts(container.resources.effectiveRequests)
            sum.milliCPU += request.milliCPU
            sum.memory += request.memory
        }
        for container in spec.initContainers {
            let request = ResourceAmounts(container.resources.effectiveRequests)
            sum.milliCPU = max(sum.milliCPU, request.milliCPU)
            sum.memory = max(sum.memory, request.memory)
        }
        return sum
    }

    /// kube-scheduler's default request for scoring a container that sets none: 100m CPU.
    static let defaultMilliCPURequest = 100
    /// kube-scheduler's default request for scoring a container that sets none: 200Mi memory.
    static let defaultMemoryRequest = 200 * 1024 * 1024

    /// The requests kube-scheduler scores with: a container that requests no CPU or no
    /// memory counts as requesting the defaults, so empty pods still spread out.
    static func nonZeroRequests(of spec: PodSpec) -> ResourceAmounts {
        var sum = ResourceAmounts(pods: 1)
        for container in spec.containers {
            let requests = container.resources.effectiveRequests
            sum.milliCPU += requests["cpu"]?.milliValue ?? defaultMilliCPURequest
            sum.memory += requests["memory"]?.value ?? defaultMemoryRequest
        }
        for container in spec.initContainers {
            let requests = container.resources.effectiveRequests
            sum.milliCPU = max(sum.milliCPU, requests["cpu"]?.milliValue ?? defaultMilliCPURequest)
            sum.memory = max(sum.memory, requests["memory"]?.value ?? defaultMemoryRequest)
        }
        return sum
    }
}
