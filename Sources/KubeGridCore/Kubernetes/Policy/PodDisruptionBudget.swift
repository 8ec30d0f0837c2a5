/// A `policy/v1` PodDisruptionBudget: how many of a set of pods voluntary evictions may take down.
public struct PodDisruptionBudget: KubernetesResource {
    public static let apiVersion = "policy/v1"
    public static let kind = "PodDisruptionBudget"

    /// Name, namespace, labels and annotations.
    public var metadata: ObjectMeta
    /// The pods and the budget.
    public var spec: PodDisruptionBudgetSpec

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(metadata: ObjectMeta, spec: PodDisruptionBudgetSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from reader: ManifestReader) throws {
        let (fields, metadata) = try Self.topLevelFields(reader)
        self.metadata = metadata
        spec = try fields["spec"]?.decode() ?? PodDisruptionBudgetSpec()
    }

    public func encoded() -> Values {
        var writer = topLevelWriter()
        writer.put("spec", spec)
        return writer.values
    }
}

/// The `spec` of a ``PodDisruptionBudget``: set one of the two budgets.
public struct PodDisruptionBudgetSpec: ManifestCodable {
    /// At most this many (or this percentage) of the pods may be unavailable.
    public var maxUnavailable: IntOrString?
    /// At least this many (or this percentage) must stay available.
    public var minAvailable: IntOrString?
    /// The pods the budget covers.
    public var selector: LabelSelector?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(maxUnavailable: IntOrString? = nil, minAvailable: IntOrString? = nil, selector: LabelSelector? = nil) {
        self.maxUnavailable = maxUnavailable
        self.minAvailable = minAvailable
        self.selector = selector
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        maxUnavailable = try fields["maxUnavailable"]?.decode()
        minAvailable = try fields["minAvailable"]?.decode()
        selector = try fields["selector"]?.decode()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("maxUnavailable", maxUnavailable)
        writer.put("minAvailable", minAvailable)
        writer.put("selector", selector)
        return writer.values
    }
}
