/// Reads kubegrid's Kubernetes types from a `Values` tree through their synthesized
/// `Decodable`, with Kubernetes' rules and kubegrid's error wording.
///
/// Null counts as absent, as it does for the API server. An absent optional is nil; an
/// absent list, map or string is empty; an absent non-optional object reads as empty when
/// empty is valid and is reported missing otherwise; an absent required field is missing.
enum ManifestDecoder {
    /// The value of type `T` at `path`.
    static func decode<T: Decodable>(_ type: T.Type, from value: Values, at path: ValuePath) throws -> T {
        try within(path) { try decode(T.self, from: value, nested: !path.isRoot) }
    }

    /// The value of type `T`; errors name paths from `value` down, and the caller puts the
    /// way to `value` in front (``within(_:_:)``), so a well-formed manifest builds no paths.
    /// `nested` is false for the object a read starts at, which must name its kind.
    static func decode<T: Decodable>(_ type: T.Type, from value: Values, nested: Bool) throws -> T {
        if let leaf = T.self as? any ManifestLeaf.Type {
            return try leaf.read(value, at: .root) as! T
        }
        if let word = T.self as? any ManifestWord.Type {
            return try readWord(word, from: value) as! T
        }
        guard case .map(let map) = value else {
            throw ManifestDecodingError.typeMismatch(path: .root, expected: "a map", found: value.kindDescription)
        }
        if let kind = T.self as? any KubernetesKind.Type {
            try checkKind(kind, map, nested: nested)
        }
        let required = (T.self as? any ManifestCodable.Type)?.requiredFields ?? []
        return try T(from: FieldDecoder(map: map, required: required))
    }

    /// The value of a non-optional field that is absent.
    static func absent<T: Decodable>(_ type: T.Type) throws -> T {
        if let leaf = T.self as? any ManifestLeaf.Type, let empty = leaf.whenAbsent {
            return empty as! T
        }
        do {
            return try decode(T.self, from: .emptyMap, nested: true)
        } catch is ManifestDecodingError {
            throw ManifestDecodingError.missingField(path: .root)
        }
    }

    /// Runs `body`, putting `path` in front of the path of a decoding error it throws.
    static func within<T>(_ path: ValuePath, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ManifestDecodingError {
            throw error.under(path)
        }
    }

    /// Runs `body`, putting `component` in front of the path of a decoding error it throws.
    static func within<T>(_ component: ValuePath.Component, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ManifestDecodingError {
            throw error.under(ValuePath([component]))
        }
    }

    /// `apiVersion` and `kind` of an object, required as the API server requires them.
    static func typeFields(of map: Values.Map, at path: ValuePath) throws -> (apiVersion: String, kind: String) {
        func field(_ key: String) throws -> String {
            let at = path.appending(key: key)
            guard let value = map[key], !value.isNull else { throw ManifestDecodingError.missingField(path: at) }
            return try String.read(value, at: at)
        }
        return (try field("apiVersion"), try field("kind"))
    }

    /// Checks the kind, and the name Kubernetes requires of every object, before the fields.
    private static func checkKind(_ type: any KubernetesKind.Type, _ map: Values.Map, nested: Bool) throws {
        let path = ValuePath.root
        let omitted = map["apiVersion"]?.isNull ?? true && map["kind"]?.isNull ?? true
        if !(omitted && (type.typeFieldsMayBeOmitted || nested)) {
            let (apiVersion, kind) = try typeFields(of: map, at: path)
            guard apiVersion == type.apiVersion, kind == type.kind else {
                throw ManifestDecodingError.wrongKind(
                    expected: "\(type.apiVersion) \(type.kind)", found: "\(apiVersion) \(kind)")
            }
        }
        guard type is any KubernetesResource.Type else { return }
        let metadataPath = path.appending(key: "metadata")
        guard let metadata = map["metadata"], !metadata.isNull else {
            throw ManifestDecodingError.missingField(path: metadataPath)
        }
        if case .map(let fields) = metadata, (fields["name"] ?? .null).isNull || fields["name"] == .string("") {
            throw ManifestDecodingError.missingField(path: metadataPath.appending(key: "name"))
        }
    }

    private static func readWord<W: ManifestWord>(_ type: W.Type, from value: Values) throws -> W {
        let text = try String.read(value, at: .root)
        guard let word = W(rawValue: text) else {
            throw ManifestDecodingError.unknownValue(path: .root, value: text, allowed: W.allCases.map(\.rawValue))
        }
        return word
    }
}

/// Hands a map's fields to a synthesized `init(from:)`. Error paths start at the map.
private struct FieldDecoder: Decoder {
    let map: Values.Map
    let required: Set<String>

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(FieldContainer<Key>(map: map, prefix: .root, required: required))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw ManifestDecodingError.typeMismatch(path: .root, expected: "a list", found: "a map")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw ManifestDecodingError.typeMismatch(path: .root, expected: "a single value", found: "a map")
    }
}

private struct FieldContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let map: Values.Map
    /// The way from the decoder's map to this one: root, except in a nested container.
    let prefix: ValuePath
    let required: Set<String>

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { map.keys.compactMap { Key(stringValue: $0) } }

    private func present(_ key: Key) -> Values? {
        guard let value = map[key.stringValue], !value.isNull else { return nil }
        return value
    }

    /// The path of a field, built only for an error.
    private func path(_ key: Key) -> ValuePath {
        prefix.appending(key: key.stringValue)
    }

    private func within<T>(_ key: Key, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ManifestDecodingError {
            throw error.under(path(key))
        }
    }

    func contains(_ key: Key) -> Bool { present(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { present(key) == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if let value = present(key) {
            return try within(key) { try ManifestDecoder.decode(T.self, from: value, nested: true) }
        }
        if required.contains(key.stringValue) {
            throw ManifestDecodingError.missingField(path: path(key))
        }
        return try within(key) { try ManifestDecoder.absent(T.self) }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try within(key) { try ManifestDecoder.decode(T.self, from: value, nested: true) }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(Bool.self as Bool.Type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(String.self as String.Type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(Double.self as Double.Type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(Int.self as Int.Type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decode(Double.self, key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try narrow(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try narrow(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try narrow(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try narrow(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try narrow(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try narrow(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try narrow(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try narrow(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try narrow(key) }

    // The standard library's own versions of these look a key up three times.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(Bool.self as Bool.Type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(String.self as String.Type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(Double.self as Double.Type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(Int.self as Int.Type, key) }

    /// The generic path for the scalar requirements above.
    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try decode(type, forKey: key) as T
    }

    private func decodeIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        try decodeIfPresent(type, forKey: key) as T?
    }

    private func narrow<T: FixedWidthInteger>(_ key: Key) throws -> T {
        let int = try decode(Int.self, key)
        guard let value = T(exactly: int) else {
            throw ManifestDecodingError.typeMismatch(path: path(key), expected: "an integer in range", found: "\(int)")
        }
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let value = present(key) ?? .emptyMap
        guard case .map(let map) = value else {
            throw ManifestDecodingError.typeMismatch(path: path(key), expected: "a map", found: value.kindDescription)
        }
        return KeyedDecodingContainer(FieldContainer<NestedKey>(map: map, prefix: path(key), required: []))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw ManifestDecodingError.typeMismatch(path: path(key), expected: "a field", found: "a list")
    }

    func superDecoder() throws -> any Decoder { FieldDecoder(map: map, required: required) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        FieldDecoder(map: [:], required: [])
    }
}
