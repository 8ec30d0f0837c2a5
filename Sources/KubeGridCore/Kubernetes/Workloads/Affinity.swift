/// Where a pod may and would rather be scheduled, relative to nodes and to other pods.
public struct Affinity: ManifestCodable {
    /// Node affinity, kept as written: kubegrid's charts do not write it.
    public var nodeAffinity: Values?
    /// Pods this pod wants to be near.
    public var podAffinity: PodAffinity?
    /// Pods this pod wants to be away from.
    public var podAntiAffinity: PodAffinity?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(nodeAffinity: Values? = nil, podAffinity: PodAffinity? = nil, podAntiAffinity: PodAffinity? = nil) {
        self.nodeAffinity = nodeAffinity
        self.podAffinity = podAffinity
        self.podAntiAffinity = podAntiAffinity
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        nodeAffinity = fields["nodeAffinity"]?.value
        podAffinity = try fields["podAffinity"]?.decode()
        podAntiAffinity = try fields["podAntiAffinity"]?.decode()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        if let nodeAffinity { writer.put("nodeAffinity", nodeAffinity) }
        writer.put("podAffinity", podAffinity)
        writer.put("podAntiAffinity", podAntiAffinity)
        return writer.values
    }
}

/// The terms of `podAffinity` or `podAntiAffinity` (Kubernetes gives both the same shape).
public struct PodAffinity: ManifestCodable {
    /// Terms the scheduler must satisfy (`requiredDuringSchedulingIgnoredDuringExecution`).
    public var required: [PodAffinityTerm]
    /// Terms the scheduler scores by weight (`preferredDuringSchedulingIgnoredDuringExecution`).
    public var preferred: [WeightedPodAffinityTerm]

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(required: [PodAffinityTerm] = [], preferred: [WeightedPodAffinityTerm] = []) {
        self.required = required
        self.preferred = preferred
    }

    static let requiredKey = "requiredDuringSchedulingIgnoredDuringExecution"
    static let preferredKey = "preferredDuringSchedulingIgnoredDuringExecution"

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        required = try fields[Self.requiredKey]?.list() ?? []
        preferred = try fields[Self.preferredKey]?.list() ?? []
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put(Self.requiredKey, required)
        writer.put(Self.preferredKey, preferred)
        return writer.values
    }
}

/// A set of pods (by labels, in namespaces) and the topology domain they count in.
public struct PodAffinityTerm: ManifestCodable {
    /// The pods the term is about; nil matches none.
    public var labelSelector: LabelSelector?
    /// The namespaces to look in; empty means the pod's own namespace.
    public var namespaces: [String]
    /// The node label whose value defines the domain, such as `kubernetes.io/hostname`.
    public var topologyKey: String

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(labelSelector: LabelSelector? = nil, namespaces: [String] = [], topologyKey: String) {
        self.labelSelector = labelSelector
        self.namespaces = namespaces
        self.topologyKey = topologyKey
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        labelSelector = try fields["labelSelector"]?.decode()
        namespaces = try fields["namespaces"]?.stringList() ?? []
        topologyKey = try fields.required("topologyKey").string()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("labelSelector", labelSelector)
        writer.put("namespaces", namespaces)
        writer.put("topologyKey", topologyKey)
        return writer.values
    }
}

/// A preferred pod affinity term and its weight (1–100) in scoring.
public struct WeightedPodAffinityTerm: ManifestCodable {
    /// How much satisfying the term adds to a node's score.
    public var weight: Int
    /// The term.
    public var podAffinityTerm: PodAffinityTerm

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(weight: Int, podAffinityTerm: PodAffinityTerm) {
        self.weight = weight
        self.podAffinityTerm = podAffinityTerm
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        weight = try fields.required("weight").int()
        podAffinityTerm = try fields.required("podAffinityTerm").decode()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("weight", weight)
        writer.put("podAffinityTerm", podAffinityTerm)
        return writer.values
    }
}
