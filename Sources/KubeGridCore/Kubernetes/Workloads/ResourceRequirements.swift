import OrderedCollections

/// The `resources` of a container or a volume claim: limits and requests by resource name.
public struct ResourceRequirements: ManifestCodable {
    /// The most the container may use, such as `memory: 300Mi`.
    public var limits: OrderedDictionary<String, Quantity>
    /// What the scheduler reserves on a node.
    public var requests: OrderedDictionary<String, Quantity>

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        limits: OrderedDictionary<String, Quantity> = [:],
        requests: OrderedDictionary<String, Quantity> = [:]
    ) {
        self.limits = limits
        self.requests = requests
    }

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

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        limits = try fields["limits"]?.quantityMap() ?? [:]
        requests = try fields["requests"]?.quantityMap() ?? [:]
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("limits", limits)
        writer.put("requests", requests)
        return writer.values
    }
}
