/// One key of a chart's values: its name, type, default and one line of documentation.
///
/// A chart declares its values once as a tree of fields; the defaults (`values.yaml`),
/// the JSON Schema, the README table and the validation of user values all come from it.
public struct ValueField: Sendable {
    public var key: String
    public var type: ValueType
    public var defaultValue: Values
    /// Whether `null` is allowed (it is the default of optional settings).
    public var nullable: Bool
    public var summary: String
    /// Old spellings still accepted, each with a deprecation warning.
    public var deprecatedAliases: [String]

    public init(
        _ key: String, _ type: ValueType, default defaultValue: Values? = nil, nullable: Bool = false,
        aliases: [String] = [], _ summary: String
    ) {
        self.key = key
        self.type = type
        self.defaultValue = defaultValue ?? type.implicitDefault
        // A leaf without a default is an optional setting.
        self.nullable = nullable || self.defaultValue.isNull
        self.summary = summary
        self.deprecatedAliases = aliases
    }
}

/// The type of a values key.
public indirect enum ValueType: Sendable {
    case boolean
    /// An integer, optionally within a range.
    case integer(ClosedRange<Int>?)
    case string
    /// One of a fixed set of strings.
    case enumeration([String])
    /// Free keys, each mapped to a string (`nodeSelector`).
    case stringMap
    /// Free keys, each mapped to a Kubernetes quantity (`resources.limits`).
    case quantityMap
    /// A list of strings (`imagePullSecrets`, `networkPolicy.clientCIDRs`).
    case stringList
    /// A nested group of keys.
    case object([ValueField])

    /// What a field of this type holds when no default is written out.
    var implicitDefault: Values {
        switch self {
        case .object(let fields):
            return .map(Values.Map(uniqueKeysWithValues: fields.map { ($0.key, $0.defaultValue) }))
        case .stringMap, .quantityMap:
            return .emptyMap
        case .stringList:
            return .list([])
        default:
            return .null
        }
    }

    /// The nested fields, or an empty list for leaves.
    var fields: [ValueField] {
        if case .object(let fields) = self { return fields }
        return []
    }
}

/// A whole chart's values declaration.
public struct ValuesSchema: Sendable {
    public var fields: [ValueField]

    public init(_ fields: [ValueField]) {
        self.fields = fields
    }

    /// The chart's default values, in declaration order.
    public var defaults: Values {
        ValueType.object(fields).implicitDefault
    }
}
