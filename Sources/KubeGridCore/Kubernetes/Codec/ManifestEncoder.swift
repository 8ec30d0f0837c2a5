/// Writes kubegrid's Kubernetes types as `Values` trees through their synthesized `Encodable`.
///
/// Keys come in declaration order (the generator's order table). Like Kubernetes'
/// `omitempty`: an unset optional is left out, and so is a non-required field that is
/// empty (an empty list, map or string, or an object with nothing set); an optional that
/// is set is written even when empty (`emptyDir: {}`).
enum ManifestEncoder {
    /// The value as a tree; `leading` keys come first (a top-level object's `apiVersion` and `kind`).
    static func encode<T: Encodable>(_ value: T, leading: Values.Map = [:]) -> Values {
        if let leaf = value as? any ManifestLeaf {
            return leaf.written
        }
        if let word = value as? any ManifestWord {
            return .string(word.rawValue)
        }
        let codable = T.self as? any ManifestCodable.Type
        let storage = FieldStorage(
            map: leading, required: codable?.requiredFields ?? [], writtenWhenEmpty: codable?.writtenWhenEmpty ?? [])
        do {
            try value.encode(to: FieldEncoder(storage: storage))
        } catch {
            preconditionFailure("writing a \(T.self) cannot fail: \(error)")
        }
        return .map(storage.map)
    }
}

/// The map a synthesized `encode(to:)` fills.
private final class FieldStorage {
    var map: Values.Map
    let required: Set<String>
    let writtenWhenEmpty: Set<String>

    init(map: Values.Map, required: Set<String>, writtenWhenEmpty: Set<String>) {
        self.map = map
        self.required = required
        self.writtenWhenEmpty = writtenWhenEmpty
    }

    /// True when an empty value under `key` is still written.
    func keepsEmpty(_ key: String) -> Bool {
        required.contains(key) || writtenWhenEmpty.contains(key)
    }
}

private struct FieldEncoder: Encoder {
    let storage: FieldStorage

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(FieldWriter<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("kubegrid's Kubernetes types encode lists as fields")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("kubegrid's Kubernetes types encode single values as fields")
    }
}

private struct FieldWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: FieldStorage

    var codingPath: [any CodingKey] { [] }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let encoded = ManifestEncoder.encode(value)
        if Self.isEmpty(encoded), !storage.keepsEmpty(key.stringValue) { return }
        storage.map[key.stringValue] = encoded
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        storage.map[key.stringValue] = ManifestEncoder.encode(value)
    }

    private static func isEmpty(_ value: Values) -> Bool {
        switch value {
        case .list(let list): return list.isEmpty
        case .map(let map): return map.isEmpty
        case .string(let string): return string.isEmpty
        default: return false
        }
    }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode(_ value: Bool, forKey key: Key) throws { try encode(value as Bool, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try encode(value as String, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try encode(value as Double, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try encode(value as Int, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Int(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Int(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Int(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encode(Int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encode(Int(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(Int(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(Int(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(Int(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encode(Int(value), key) }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value.map { Double($0) }, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value.map { Int($0) }, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value.map { Int($0) }, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value.map { Int($0) }, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value.map { Int($0) }, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value.map { Int($0) }, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value.map { Int($0) }, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value.map { Int($0) }, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value.map { Int($0) }, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value.map { Int($0) }, key) }

    /// The generic paths for the scalar requirements above.
    private mutating func encode<T: Encodable>(_ value: T, _ key: Key) throws {
        try encode(value, forKey: key) as Void
    }

    private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        try encodeIfPresent(value, forKey: key) as Void
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("kubegrid's Kubernetes types have no nested containers")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("kubegrid's Kubernetes types have no nested containers")
    }

    mutating func superEncoder() -> any Encoder { FieldEncoder(storage: storage) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { FieldEncoder(storage: storage) }
}
