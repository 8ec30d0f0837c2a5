/// A generated type's large field kept on the heap and shared (kubernetes_type_tables.py
/// lists which, in BOXED): a copy of the holder copies one reference, not the field's bytes.
///
/// Immutable: a write through the field's setter puts a new box in place, so a copy never
/// sees another's change.
public final class ManifestBox<Value: Sendable>: Sendable {
    public let value: Value

    public init(_ value: Value) {
        self.value = value
    }
}

extension ManifestBox: Equatable where Value: Equatable {
    public static func == (lhs: ManifestBox, rhs: ManifestBox) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }
}

extension ManifestBox: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}

/// Read as the value inside, with the value's own rules and error paths.
extension ManifestBox: Decodable, ManifestLeaf where Value: Decodable {
    public convenience init(from decoder: any Decoder) throws {
        self.init(try Value(from: decoder))
    }

    static func read(_ value: Values, at path: ValuePath) throws -> ManifestBox {
        // A box is only ever a field's type, so the value inside is never the object read.
        ManifestBox(try ManifestDecoder.within(path) { try ManifestDecoder.decode(Value.self, from: value, nested: true) })
    }
}
