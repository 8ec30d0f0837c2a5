import OrderedCollections

/// A type read as one node of the tree rather than field by field: scalars, quantities,
/// lists and maps. ``ManifestDecoder`` reads these itself, with kubegrid's wording for a
/// value of the wrong type.
protocol ManifestLeaf {
    /// Reads the value at `path`, throwing a ``ManifestDecodingError`` that names it.
    static func read(_ value: Values, at path: ValuePath) throws -> Self
    /// What an absent non-optional field holds: empty for strings, lists and maps.
    static var whenAbsent: Self? { get }
}

extension ManifestLeaf {
    static var whenAbsent: Self? { nil }

    static func mismatch(_ value: Values, at path: ValuePath, expected: String) -> ManifestDecodingError {
        .typeMismatch(path: path, expected: expected, found: value.kindDescription)
    }
}

extension String: ManifestLeaf {
    static func read(_ value: Values, at path: ValuePath) throws -> String {
        guard case .string(let string) = value else { throw mismatch(value, at: path, expected: "a string") }
        return string
    }
    static var whenAbsent: String? { "" }
}

extension Int: ManifestLeaf {
    /// An integer; a float with no fraction (as JSON writers emit `3.0`) is accepted.
    static func read(_ value: Values, at path: ValuePath) throws -> Int {
        switch value {
        case .int(let int): return int
        case .float(let double): if let int = Int(exactly: double) { return int }
        default: break
        }
        throw mismatch(value, at: path, expected: "an integer")
    }
}

extension Bool: ManifestLeaf {
    static func read(_ value: Values, at path: ValuePath) throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(value, at: path, expected: "a boolean") }
        return bool
    }
}

extension Double: ManifestLeaf {
    static func read(_ value: Values, at path: ValuePath) throws -> Double {
        switch value {
        case .float(let double): return double
        case .int(let int): return Double(int)
        default: throw mismatch(value, at: path, expected: "a number")
        }
    }
}

/// Free-form fields are kept as written.
extension Values: ManifestLeaf {
    static func read(_ value: Values, at path: ValuePath) throws -> Values { value }
}

extension Quantity: ManifestLeaf {}

extension IntOrString: ManifestLeaf {}

extension Array: ManifestLeaf where Element: Decodable {
    static func read(_ value: Values, at path: ValuePath) throws -> [Element] {
        guard case .list(let list) = value else { throw mismatch(value, at: path, expected: "a list") }
        var result: [Element] = []
        result.reserveCapacity(list.count)
        for (index, element) in list.enumerated() {
            result.append(try ManifestDecoder.within(path) {
                try ManifestDecoder.within(.index(index)) {
                    try ManifestDecoder.decode(Element.self, from: element, nested: true)
                }
            })
        }
        return result
    }
    static var whenAbsent: [Element]? { [] }
}

/// Labels, selectors and resource lists: maps with string keys, in the manifest's order.
extension OrderedDictionary: ManifestLeaf where Key == String, Value: Decodable {
    static func read(_ value: KubeGridCore.Values, at path: ValuePath) throws -> OrderedDictionary<String, Value> {
        guard case .map(let map) = value else { throw mismatch(value, at: path, expected: "a map") }
        var result = OrderedDictionary<String, Value>(minimumCapacity: map.count)
        for (key, element) in map where !element.isNull {
            result[key] = try ManifestDecoder.within(path) {
                try ManifestDecoder.within(.key(key)) {
                    try ManifestDecoder.decode(Value.self, from: element, nested: true)
                }
            }
        }
        return result
    }
    static var whenAbsent: OrderedDictionary<String, Value>? { [:] }
}
