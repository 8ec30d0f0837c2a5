/// Reads kubegrid's Kubernetes types from a `Values` tree through their synthesized
/// `Decodable`, with Kubernetes' rules and kubegrid's error wording.
///
/// Null counts as absent, as it does for the API server. An absent optional is nil; an
/// absent list, map or string is empty; an absent non-optional object reads as empty when
/// empty is valid and is reported missing otherwise; an absent required field is missing.
enum ManifestDecoder {
    /// The value of type `T` at `path`.
    static func decode<T: Decodable>(_ type: T.Type, from value: Values, at path: ValuePath) throws -> T {
        if let leaf = T.self as? any ManifestLeaf.Type {
            return try leaf.read(value, at: path) as! T
        }
        if let word = T.self as? any ManifestWord.Type {
            return try readWord(word, from: value, at: path) as! T
        }
        guard case .map(let map) = value else {
            throw ManifestDecodingError.typeMismatch(path: path, expected: "a map", found: value.kindDescription)
        }
        if let kind = T.self as? any KubernetesKind.Type {
            try checkKind(kind, map, at: path)
        }
        let required = (T.self as? any ManifestCodable.Type)?.requiredFields ?? []
        return try T(from: FieldDecoder(map: map, path: path, required: required))
    }

    /// The value of a non-optional field that is absent.
    static func absent<T: Decodable>(_ type: T.Type, at path: ValuePath) throws -> T {
        if let leaf = T.self as? any ManifestLeaf.Type, let empty = leaf.whenAbsent {
            return empty as! T
        }
        do {
            return try decode(T.self, from: .emptyMap, at: path)
        } catch is ManifestDecodingError {
            throw ManifestDecodingError.missingField(path: path)
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
    private static func checkKind(_ type: any KubernetesKind.Type, _ map: Values.Map, at path: ValuePath) throws {
        let omitted = map["apiVersion"]?.isNull ?? true && map["kind"]?.isNull ?? true
        if !(omitted && (type.typeFieldsMayBeOmitted || !path.isRoot)) {
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

    private static func readWord<W: ManifestWord>(_ type: W.Type, from value: Values, at path: ValuePath) throws -> W {
        let text = try String.read(value, at: path)
        guard let word = W(rawValue: text) else {
            throw ManifestDecodingError.unknownValue(path: path, value: text, allowed: W.allCases.map(\.rawValue))
        }
        return word
    }
}

/// Hands a map's fields to a synthesized `init(from:)`.
private struct FieldDecoder: Decoder {
    let map: Values.Map
    let path: ValuePath
    let required: Set<String>

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(FieldContainer<Key>(map: map, path: path, required: required))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw ManifestDecodingError.typeMismatch(path: path, expected: "a list", found: "a map")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw ManifestDecodingError.typeMismatch(path: path, expected: "a single value", found: "a map")
    }
}

private struct FieldContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let map: Values.Map
    let path: ValuePath
    let required: Set<String>

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { map.keys.compactMap { Key(stringValue: $0) } }

    private func present(_ key: Key) -> Values? {
        guard let value = map[key.stringValue], !value.isNull else { return nil }
        return value
    }

    func contains(_ key: Key) -> Bool { present(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { present(key) == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let path = path.appending(key: key.stringValue)
        if let value = present(key) {
            return try ManifestDecoder.decode(T.self, from: value, at: path)
        }
        if required.contains(key.stringValue) {
            throw ManifestDecodingError.missingField(path: path)
        }
        return try ManifestDecoder.absent(T.self, at: path)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try ManifestDecoder.decode(T.self, from: value, at: path.appending(key: key.stringValue))
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

    /// The generic path for the scalar requirements above.
    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try decode(type, forKey: key) as T
    }

    private func narrow<T: FixedWidthInteger>(_ key: Key) throws -> T {
        let int = try decode(Int.self, key)
        guard let value = T(exactly: int) else {
            throw ManifestDecodingError.typeMismatch(
                path: path.appending(key: key.stringValue), expected: "an integer in range", found: "\(int)")
        }
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let value = present(key) ?? .emptyMap
        guard case .map(let map) = value else {
            throw ManifestDecodingError.typeMismatch(
                path: path.appending(key: key.stringValue), expected: "a map", found: value.kindDescription)
        }
        return KeyedDecodingContainer(FieldContainer<NestedKey>(
            map: map, path: path.appending(key: key.stringValue), required: []))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw ManifestDecodingError.typeMismatch(
            path: path.appending(key: key.stringValue), expected: "a field", found: "a list")
    }

    func superDecoder() throws -> any Decoder { FieldDecoder(map: map, path: path, required: required) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        FieldDecoder(map: [:], path: path.appending(key: key.stringValue), required: [])
    }
}
