import OrderedCollections

/// Writes kubegrid's Kubernetes types as `Values` trees through their synthesized `Encodable`.
///
/// Keys come in declaration order (the generator's order table). Like Kubernetes'
/// `omitempty`: an unset optional is left out, and so is a non-required field that is
/// empty (an empty list, map or string, or an object with nothing set); an optional that
/// is set is written even when empty (`emptyDir: {}`).
///
/// Render encodes every object it writes, so this avoids dynamic casts: a value's own
/// `encode(to:)` says what it is (fields, a list, a single value), and the few types that
/// need kubegrid's own writing are recognised by comparing metatypes.
enum ManifestEncoder {
    /// The value as a tree; `leading` keys come first (a top-level object's `apiVersion` and `kind`).
    static func encode<T: Encodable>(_ value: T, leading: Values.Map = [:]) -> Values {
        // Maps keep their keys (swift-collections would write a list of pairs); free-form
        // values stay as written; quantities and int-or-strings keep their form.
        if T.self == OrderedDictionary<String, String>.self {
            return .map(unsafeBitCast(value, to: OrderedDictionary<String, String>.self).mapValues(Values.string))
        }
        if T.self == OrderedDictionary<String, Quantity>.self {
            return .map(unsafeBitCast(value, to: OrderedDictionary<String, Quantity>.self).mapValues { $0.encoded() })
        }
        if T.self == Values.self { return unsafeBitCast(value, to: Values.self) }
        if T.self == Quantity.self { return unsafeBitCast(value, to: Quantity.self).encoded() }
        if T.self == IntOrString.self { return unsafeBitCast(value, to: IntOrString.self).encoded() }
        let builder = ValueBuilder(map: leading, type: T.self)
        do {
            try value.encode(to: BuilderEncoder(builder: builder))
        } catch {
            preconditionFailure("writing a \(T.self) cannot fail: \(error)")
        }
        return builder.result
    }
}

/// What one value's `encode(to:)` produced: fields, list elements or a single value.
private final class ValueBuilder {
    var map: Values.Map
    var list: [Values] = []
    var single: Values?
    var isList = false
    /// The type being written, whose required fields are looked up only when needed.
    let type: Any.Type
    private var keptWhenEmpty: Set<String>?

    init(map: Values.Map, type: Any.Type) {
        self.map = map
        self.type = type
    }

    var result: Values {
        if let single { return single }
        return isList ? .list(list) : .map(map)
    }

    /// True when an empty value under `key` is still written (a required field, a kind's spec).
    func keepsEmpty(_ key: String) -> Bool {
        if keptWhenEmpty == nil {
            let codable = type as? any ManifestCodable.Type
            keptWhenEmpty = (codable?.requiredFields ?? []).union(codable?.writtenWhenEmpty ?? [])
        }
        return keptWhenEmpty!.contains(key)
    }
}

private struct BuilderEncoder: Encoder {
    let builder: ValueBuilder

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(FieldWriter<Key>(builder: builder))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        builder.isList = true
        return ListWriter(builder: builder)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueWriter(builder: builder)
    }
}

private struct FieldWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: ValueBuilder

    var codingPath: [any CodingKey] { [] }

    private func put(_ value: Values, _ key: Key) {
        if Self.isEmpty(value), !builder.keepsEmpty(key.stringValue) { return }
        builder.map[key.stringValue] = value
    }

    private static func isEmpty(_ value: Values) -> Bool {
        switch value {
        case .list(let list): return list.isEmpty
        case .map(let map): return map.isEmpty
        case .string(let string): return string.isEmpty
        default: return false
        }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(ManifestEncoder.encode(value), key)
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { builder.map[key.stringValue] = ManifestEncoder.encode(value) }
    }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(.float(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(.float(Double(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.int(Int(value)), key) }

    private func present(_ value: Values?, _ key: Key) {
        if let value { builder.map[key.stringValue] = value }
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { present(value.map(Values.bool), key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { present(value.map(Values.string), key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { present(value.map(Values.float), key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { present(value.map(Values.int), key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { present(value.map { .float(Double($0)) }, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { present(value.map { .int(Int($0)) }, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { present(value.map { .int(Int($0)) }, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { present(value.map { .int(Int($0)) }, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { present(value.map { .int(Int($0)) }, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { present(value.map { .int(Int($0)) }, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { present(value.map { .int(Int($0)) }, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { present(value.map { .int(Int($0)) }, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { present(value.map { .int(Int($0)) }, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { present(value.map { .int(Int($0)) }, key) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("kubegrid's Kubernetes types have no nested containers")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("kubegrid's Kubernetes types have no nested containers")
    }

    mutating func superEncoder() -> any Encoder { BuilderEncoder(builder: builder) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { BuilderEncoder(builder: builder) }
}

/// The elements of a list, each written whole (an empty element is kept).
private struct ListWriter: UnkeyedEncodingContainer {
    let builder: ValueBuilder

    var codingPath: [any CodingKey] { [] }
    var count: Int { builder.list.count }

    mutating func encode<T: Encodable>(_ value: T) throws { builder.list.append(ManifestEncoder.encode(value)) }
    mutating func encode(_ value: String) throws { builder.list.append(.string(value)) }
    mutating func encode(_ value: Int) throws { builder.list.append(.int(value)) }
    mutating func encode(_ value: Bool) throws { builder.list.append(.bool(value)) }
    mutating func encode(_ value: Double) throws { builder.list.append(.float(value)) }
    mutating func encodeNil() throws { builder.list.append(.null) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("kubegrid's Kubernetes types have no nested containers")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("kubegrid's Kubernetes types have no nested containers")
    }

    mutating func superEncoder() -> any Encoder { BuilderEncoder(builder: builder) }
}

/// A value that writes itself as one scalar (an enum's raw value).
private struct SingleValueWriter: SingleValueEncodingContainer {
    let builder: ValueBuilder

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { builder.single = .null }
    mutating func encode(_ value: Bool) throws { builder.single = .bool(value) }
    mutating func encode(_ value: String) throws { builder.single = .string(value) }
    mutating func encode(_ value: Double) throws { builder.single = .float(value) }
    mutating func encode(_ value: Int) throws { builder.single = .int(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { builder.single = ManifestEncoder.encode(value) }
}
