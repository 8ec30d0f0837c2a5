import OrderedCollections

extension ResourceRequirements {
    /// True when neither limits nor requests are set.
    public var isEmpty: Bool { limits.isEmpty && requests.isEmpty }

    /// The requests the scheduler uses: Kubernetes defaults each request that is not set
    /// to its limit, so `limits: {memory: 300Mi}` alone requests 300Mi.
    public var effectiveRequests: OrderedDictionary<String, Quantity> {
        var result = requests
        for (name, limit) in limits where result[name] == nil {
            result[name] = limit
        }
        return result
    }
}

extension NodeStatus {
    /// Allocatable CPU (`allocatable.cpu`).
    public var allocatableCPU: Quantity? { allocatable["cpu"] }
    /// Allocatable memory (`allocatable.memory`).
    public var allocatableMemory: Quantity? { allocatable["memory"] }
    /// How many pods the node takes (`allocatable.pods`).
    public var allocatablePods: Quantity? { allocatable["pods"] }
}
