/// One field of a generated Kubernetes type: its key and how to read its value.
///
/// The generator lists a type's fields in kubegrid's key order; ``ManifestFieldTable`` walks
/// the list to write the type. Writing follows Kubernetes' `omitempty`: an unset optional
/// is left out, and so is an empty non-optional value (string, list, map, or an object
/// with nothing set) unless the field is required or always written (a Service's `spec: {}`);
/// an optional that is set is written even when empty (`emptyDir: {}`).
public struct ManifestField<Root>: Sendable {
    /// The key in the manifest.
    public let key: String
    private let write: @Sendable (Root) -> Values?

    /// A non-optional field, `{ $0.name.manifestValue }`; `keptWhenEmpty` writes it even when empty.
    public init(_ key: String, keptWhenEmpty: Bool = false, _ read: @escaping @Sendable (Root) -> Values) {
        self.key = key
        write = { root -> Values? in
            let value = read(root)
            // Optional.none, not `nil`: Values is ExpressibleByNilLiteral, and nil would be `.null`.
            return keptWhenEmpty || !value.isEmptyManifestValue ? value : .none
        }
    }

    /// An optional field, `{ $0.image?.manifestValue }`, written whenever it is set.
    public init(optional key: String, _ read: @escaping @Sendable (Root) -> Values?) {
        self.key = key
        write = read
    }

    /// The field's value in `root`, or nil when it is left out.
    func value(in root: Root) -> Values? {
        write(root)
    }
}

/// A generated Kubernetes type: its fields in order, written by one walk.
public protocol ManifestFieldTable: ManifestCodable {
    /// The fields in the order kubegrid writes them.
    static var manifestFields: [ManifestField<Self>] { get }
}

extension ManifestFieldTable {
    public var manifestValue: Values {
        .map(fieldMap())
    }

    /// The fields that are written, after `leading` (a top-level object's apiVersion and kind).
    func fieldMap(leading: Values.Map = [:]) -> Values.Map {
        var map = leading
        map.reserveCapacity(leading.count + 8)
        for field in Self.manifestFields {
            if let value = field.value(in: self) { map[field.key] = value }
        }
        return map
    }
}
