import OrderedCollections

/// A type read and written as one node of the tree rather than field by field: scalars,
/// quantities, lists and maps. The manifest coders handle these themselves, with
/// kubegrid's wording for a value of the wrong type.
protocol ManifestLeaf {
    /// Reads the value at `path`, throwing a ``ManifestDecodingError`` that names it.
    static func read(_ value: Values, at path: ValuePath) throws -> Self
    /// The value as a tree.
    var written: Values { get }
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
    var written: Values { .string(self) }
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
    var written: Values { .int(self) }
}

extension Bool: ManifestLeaf {
    static func read(_ value: Values, at path: ValuePath) throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(value, at: path, expected: "a boolean") }
        return bool
    }
    var written: Values { .bool(self) }
}

extension Double: ManifestLeaf {
    static func read(_ value: Values, at path: ValuePath) throws -> Double {
        switch value {
        case .float(let double): return double
        case .int(let int): return Double(int)
        default: throw mismatch(value, at: path, expected: "a number")
        }
    }
    var written: Values { .float(self) }
}

/// Free-form fields are kept as written.
extension Values: ManifestLeaf {
    static func read(_ value: Values, at path: ValuePath) throws -> Values { value }
    var written: Values { self }
}

extension Quantity: ManifestLeaf {
    var written: Values { encoded() }
}

extension IntOrString: ManifestLeaf {
    var written: Values { encoded() }
}

extension Array: ManifestLeaf where Element: Codable {
    static func read(_ value: Values, at path: ValuePath) throws -> [Element] {
        guard case .list(let list) = value else { throw mismatch(value, at: path, expected: "a list") }
        var result: [Element] = []
        result.reserveCapacity(list.count)
        for (index, element) in list.enumerated() {
            result.append(try ManifestDecoder.decode(Element.self, from: element, at: path.appending(index: index)))
        }
        return result
    }
    var written: Values { .list(map { ManifestEncoder.encode($0) }) }
    static var whenAbsent: [Element]? { [] }
}

/// Labels, selectors and resource lists: maps with string keys, in the manifest's order.
extension OrderedDictionary: ManifestLeaf where Key == String, Value: Codable {
    static func read(_ value: KubeGridCore.Values, at path: ValuePath) throws -> OrderedDictionary<String, Value> {
        guard case .map(let map) = value else { throw mismatch(value, at: path, expected: "a map") }
        var result = OrderedDictionary<String, Value>(minimumCapacity: map.count)
        for (key, element) in map where !element.isNull {
            result[key] = try ManifestDecoder.decode(Value.self, from: element, at: path.appending(key: key))
        }
        return result
    }
    var written: KubeGridCore.Values { .map(mapValues { ManifestEncoder.encode($0) }) }
    static var whenAbsent: OrderedDictionary<String, Value>? { [:] }
}
