import OrderedCollections

/// A label query: `matchLabels` and `matchExpressions`, all of which must hold.
///
/// An empty selector matches every set of labels, as Kubernetes' `LabelSelectorAsSelector`
/// makes it.
public struct LabelSelector: ManifestCodable {
    /// Labels that must be present with exactly these values.
    public var matchLabels: OrderedDictionary<String, String>
    /// Further requirements, such as `selectorId In (a, b)`.
    public var matchExpressions: [LabelSelectorRequirement]

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        matchLabels: OrderedDictionary<String, String> = [:],
        matchExpressions: [LabelSelectorRequirement] = []
    ) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// True when `labels` satisfy every label and every expression.
    public func matches(_ labels: OrderedDictionary<String, String>) -> Bool {
        matchLabels.allSatisfy { key, value in labels[key] == value }
            && matchExpressions.allSatisfy { $0.matches(labels) }
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        matchLabels = try fields["matchLabels"]?.stringMap() ?? [:]
        matchExpressions = try fields["matchExpressions"]?.list() ?? []
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("matchLabels", matchLabels)
        writer.put("matchExpressions", matchExpressions)
        return writer.values
    }
}

/// One requirement of a ``LabelSelector``: a key, an operator and (for `In`, `NotIn`) values.
public struct LabelSelectorRequirement: ManifestCodable {
    /// How a requirement compares a label with its values.
    public enum Operator: String, ManifestWord {
        /// The label is present and its value is one of the values.
        case `in` = "In"
        /// The label is absent, or its value is none of the values.
        case notIn = "NotIn"
        /// The label is present, whatever its value.
        case exists = "Exists"
        /// The label is absent.
        case doesNotExist = "DoesNotExist"
    }

    /// The label key.
    public var key: String
    /// How the label is compared.
    public var `operator`: Operator
    /// The values for `In` and `NotIn`; empty for `Exists` and `DoesNotExist`.
    public var values: [String]

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(key: String, operator: Operator, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }

    /// True when `labels` satisfy this requirement.
    public func matches(_ labels: OrderedDictionary<String, String>) -> Bool {
        let value = labels[key]
        switch `operator` {
        case .in: return value.map(values.contains) ?? false
        case .notIn: return value.map { !values.contains($0) } ?? true
        case .exists: return value != nil
        case .doesNotExist: return value == nil
        }
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        key = try fields.required("key").string()
        `operator` = try fields.required("operator").word()
        values = try fields["values"]?.stringList() ?? []
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("key", key)
        writer.put("operator", `operator`)
        writer.put("values", values)
        return writer.values
    }
}
