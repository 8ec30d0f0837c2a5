import OrderedCollections

/// An ordered tree of values: what a values file, a `--set` flag or a Kubernetes object holds.
///
/// Maps keep the order their keys were inserted in, so whatever kubegrid writes comes out
/// in the same order on every run. Integers and floats are kept apart, so an integer is
/// never written back as `1.2345e+10`.
public enum Values: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([Values])
    case map(Map)

    /// A map whose keys keep their insertion order.
    public typealias Map = OrderedDictionary<String, Values>

    /// An empty map, the starting point of every values tree.
    public static let emptyMap = Values.map([:])
}

extension Values {
    /// The map inside, or nil when this is not a map.
    public var mapValue: Map? {
        if case .map(let map) = self { return map }
        return nil
    }

    /// The list inside, or nil when this is not a list.
    public var listValue: [Values]? {
        if case .list(let list) = self { return list }
        return nil
    }

    /// The string inside, or nil when this is not a string.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value at `key` when this is a map, else nil.
    public subscript(key: String) -> Values? {
        mapValue?[key]
    }

    /// The value at a path of map keys, or nil where the path leaves the tree.
    public func value(at path: [String]) -> Values? {
        var current = self
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// A short name of the kind of value, for error messages ("a map", "the string \"two\"").
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "the boolean \(value)"
        case .int(let value): return "the integer \(value)"
        case .float(let value): return "the number \(value)"
        case .string(let value): return "the string \"\(value)\""
        case .list: return "a list"
        case .map: return "a map"
        }
    }
}

extension Values: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Values...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Values)...) {
        self = .map(Map(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension Values {
    /// The value (even null) at `path`, or nil where the path leaves the tree.
    public func value(at path: ValuePath) -> Values? {
        var current = self
        for component in path.components {
            switch (component, current) {
            case (.key(let key), .map(let map)):
                guard let next = map[key] else { return nil }
                current = next
            case (.index(let index), .list(let items)):
                guard items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
