import OrderedCollections

/// A value inside a manifest together with its path, read into typed fields.
///
/// Each accessor checks the type Kubernetes accepts there and throws a
/// ``ManifestDecodingError`` naming the path otherwise. Null counts as absent, as it
/// does for the API server.
public struct ManifestReader: Sendable {
    /// The value at ``path``.
    public let value: Values
    /// Where ``value`` sits in the manifest.
    public let path: ValuePath

    /// A reader for a whole manifest, or for a value found at `path`.
    public init(_ value: Values, path: ValuePath = .root) {
        self.value = value
        self.path = path
    }

    /// The fields of a map.
    public func fields() throws -> ManifestFields {
        guard case .map(let map) = value else { throw mismatch(expected: "a map") }
        return ManifestFields(map: map, path: path)
    }

    /// A reader for each element of a list.
    public func elements() throws -> [ManifestReader] {
        guard case .list(let list) = value else { throw mismatch(expected: "a list") }
        return list.enumerated().map { ManifestReader($1, path: path.appending(index: $0)) }
    }

    /// A string.
    public func string() throws -> String {
        guard case .string(let string) = value else { throw mismatch(expected: "a string") }
        return string
    }

    /// An integer; a float with no fraction (as JSON writers emit `3.0`) is accepted.
    public func int() throws -> Int {
        switch value {
        case .int(let int):
            return int
        case .float(let double):
            if let int = Int(exactly: double) { return int }
        default:
            break
        }
        throw mismatch(expected: "an integer")
    }

    /// A boolean.
    public func bool() throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(expected: "a boolean") }
        return bool
    }

    /// A value of a modelled type.
    public func decode<T: ManifestCodable>(_ type: T.Type = T.self) throws -> T {
        try T(from: self)
    }

    /// A list of values of a modelled type.
    public func list<T: ManifestCodable>(of type: T.Type = T.self) throws -> [T] {
        try elements().map { try $0.decode(T.self) }
    }

    /// One word of a fixed set, such as a Service type.
    public func word<T: ManifestWord>(_ type: T.Type = T.self) throws -> T {
        let text = try string()
        guard let word = T(rawValue: text) else {
            throw ManifestDecodingError.unknownValue(
                path: path, value: text, allowed: T.allCases.map(\.rawValue))
        }
        return word
    }

    /// A list of strings.
    public func stringList() throws -> [String] {
        try elements().map { try $0.string() }
    }

    /// A map of strings to strings, in the manifest's order (labels, selectors).
    public func stringMap() throws -> OrderedDictionary<String, String> {
        try fields().mapValues { try $0.string() }
    }

    /// A Kubernetes quantity, written as a string or a number.
    public func quantity() throws -> Quantity {
        do {
            switch value {
            case .string(let text): return try Quantity(text)
            case .int(let int): return try Quantity(int)
            case .float(let double): return try Quantity(double)
            default: throw mismatch(expected: "a quantity (a string such as \"300Mi\" or a number)")
            }
        } catch let reason as QuantityError {
            throw ManifestDecodingError.invalidQuantity(path: path, reason: reason)
        }
    }

    /// A map of resource names to quantities, in the manifest's order.
    public func quantityMap() throws -> OrderedDictionary<String, Quantity> {
        try fields().mapValues { try $0.quantity() }
    }

    /// The error for a value of the wrong type here.
    public func mismatch(expected: String) -> ManifestDecodingError {
        .typeMismatch(path: path, expected: expected, found: value.kindDescription)
    }
}

/// The fields of a map inside a manifest.
public struct ManifestFields: Sendable {
    /// The map, in the manifest's order.
    public let map: Values.Map
    /// Where the map sits in the manifest.
    public let path: ValuePath

    /// A reader for the field `key`, or nil when it is absent or null.
    public subscript(key: String) -> ManifestReader? {
        guard let value = map[key], !value.isNull else { return nil }
        return ManifestReader(value, path: path.appending(key: key))
    }

    /// A reader for the field `key`, which Kubernetes requires.
    public func required(_ key: String) throws -> ManifestReader {
        guard let reader = self[key] else {
            throw ManifestDecodingError.missingField(path: path.appending(key: key))
        }
        return reader
    }

    /// Every field, read in the manifest's order.
    public func mapValues<T>(_ transform: (ManifestReader) throws -> T) rethrows -> OrderedDictionary<String, T> {
        var result = OrderedDictionary<String, T>()
        for (key, value) in map where !value.isNull {
            result[key] = try transform(ManifestReader(value, path: path.appending(key: key)))
        }
        return result
    }
}
