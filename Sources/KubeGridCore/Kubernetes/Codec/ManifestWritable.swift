import OrderedCollections

/// A value kubegrid writes as one node of a manifest tree.
///
/// Writing is static dispatch all the way down: a generated type walks its field table
/// (``ManifestField``), lists and maps write their elements, scalars write themselves.
/// Render writes every object it outputs, so no dynamic casts or `Encoder` boxes here.
public protocol ManifestWritable {
    /// The value as a tree.
    var manifestValue: Values { get }
}

extension String: ManifestWritable {
    public var manifestValue: Values { .string(self) }
}

extension Int: ManifestWritable {
    public var manifestValue: Values { .int(self) }
}

extension Bool: ManifestWritable {
    public var manifestValue: Values { .bool(self) }
}

extension Double: ManifestWritable {
    public var manifestValue: Values { .float(self) }
}

/// Free-form fields are written as they are.
extension Values: ManifestWritable {
    public var manifestValue: Values { self }
}

extension Array: ManifestWritable where Element: ManifestWritable {
    public var manifestValue: Values { .list(map(\.manifestValue)) }
}

/// Labels, selectors and resource lists keep their order.
extension OrderedDictionary: ManifestWritable where Key == String, Value: ManifestWritable {
    public var manifestValue: KubeGridCore.Values { .map(mapValues(\.manifestValue)) }
}

extension ManifestWord {
    public var manifestValue: Values { .string(rawValue) }
}

extension Values {
    /// True for what `omitempty` leaves out: an empty string, list or map.
    var isEmptyManifestValue: Bool {
        switch self {
        case .list(let list): return list.isEmpty
        case .map(let map): return map.isEmpty
        case .string(let string): return string.isEmpty
        default: return false
        }
    }
}
