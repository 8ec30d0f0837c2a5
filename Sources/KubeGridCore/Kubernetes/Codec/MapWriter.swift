import OrderedCollections

/// Builds an encoded map key by key, leaving out what Kubernetes' `omitempty` leaves out.
struct MapWriter {
    private(set) var map = Values.Map()

    /// The map written so far.
    var values: Values { .map(map) }

    mutating func put(_ key: String, _ value: Values) {
        map[key] = value
    }

    mutating func put(_ key: String, _ value: String?) {
        if let value { map[key] = .string(value) }
    }

    mutating func put(_ key: String, _ value: Int?) {
        if let value { map[key] = .int(value) }
    }

    mutating func put(_ key: String, _ value: Bool?) {
        if let value { map[key] = .bool(value) }
    }

    mutating func put<T: ManifestCodable>(_ key: String, _ value: T?) {
        if let value { map[key] = value.encoded() }
    }

    mutating func put<T: ManifestWord>(_ key: String, _ value: T?) {
        if let value { map[key] = .string(value.rawValue) }
    }

    /// Writes a non-empty list; an empty one is left out.
    mutating func put<T: ManifestCodable>(_ key: String, _ list: [T]) {
        if !list.isEmpty { map[key] = .list(list.map { $0.encoded() }) }
    }

    /// Writes a non-empty list of strings; an empty one is left out.
    mutating func put(_ key: String, _ list: [String]) {
        if !list.isEmpty { map[key] = .list(list.map(Values.string)) }
    }

    /// Writes a non-empty map of strings; an empty one is left out.
    mutating func put(_ key: String, _ strings: OrderedDictionary<String, String>) {
        if !strings.isEmpty { map[key] = .map(strings.mapValues(Values.string)) }
    }

    /// Writes a non-empty map of quantities; an empty one is left out.
    mutating func put(_ key: String, _ quantities: OrderedDictionary<String, Quantity>) {
        if !quantities.isEmpty { map[key] = .map(quantities.mapValues { $0.encoded() }) }
    }
}
