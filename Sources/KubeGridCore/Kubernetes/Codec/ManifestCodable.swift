/// A Kubernetes type that writes itself as a `Values` tree and reads itself back.
///
/// The generated types (Kubernetes/Generated) declare their fields, a field table for
/// writing (``ManifestFieldTable``) and synthesized `Decodable` for reading, which
/// ``ManifestDecoder`` drives. Writing leaves out unset optionals and empty collections,
/// as Kubernetes' `omitempty` does. Reading ignores keys Kubernetes does not define and
/// rejects fields of the wrong type. For every value, `try T(decoding: x.encoded()) == x`.
public protocol ManifestCodable: Sendable, Hashable, Decodable, ManifestWritable {
    /// The keys Kubernetes requires: reading reports them missing.
    static var requiredFields: Set<String> { get }

    /// The value as a `Values` tree, keys in Kubernetes' conventional order.
    func encoded() -> Values
}

extension ManifestCodable {
    public static var requiredFields: Set<String> { [] }

    /// Reads the value from a `Values` tree; error paths start at its root.
    public init(decoding values: Values) throws {
        self = try ManifestDecoder.decode(Self.self, from: values, at: .root)
    }

    public func encoded() -> Values {
        manifestValue
    }
}

/// A field whose value is one word of a fixed set, such as `ClusterIP` or `Parallel`.
public protocol ManifestWord: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Decodable, ManifestWritable {}

/// A top-level Kubernetes type with its own `apiVersion` and `kind`.
public protocol KubernetesKind: ManifestFieldTable {
    /// The group and version, such as `apps/v1`.
    static var apiVersion: String { get }
    /// The kind, such as `StatefulSet`.
    static var kind: String { get }
    /// True when `apiVersion` and `kind` may be left out where the type is implied (a
    /// StatefulSet's volume claim templates are written without them).
    static var typeFieldsMayBeOmitted: Bool { get }
}

/// A Kubernetes object: a kind with a name (and namespace, labels, annotations).
public protocol KubernetesResource: KubernetesKind {
    /// Name, namespace, labels and annotations.
    var metadata: ObjectMeta { get set }
}

extension KubernetesKind {
    public static var typeFieldsMayBeOmitted: Bool { false }

    /// The object with `apiVersion` and `kind` first; nested inside another object (a
    /// volume claim template) it is written without them.
    public func encoded() -> Values {
        .map(fieldMap(leading: ["apiVersion": .string(Self.apiVersion), "kind": .string(Self.kind)]))
    }

    /// Writes what `encoded()` holds as one document's events: `apiVersion` and `kind` first.
    public func emitDocument(to emitter: YAMLEventEmitter) {
        emitter.beginMap()
        emitter.string("apiVersion")
        emitter.string(Self.apiVersion)
        emitter.string("kind")
        emitter.string(Self.kind)
        emitFields(to: emitter)
        emitter.endMap()
    }
}
