/// A Kubernetes type that writes itself as a `Values` tree and reads itself back.
///
/// `encoded()` writes keys in a fixed order and leaves out unset optionals and empty
/// collections, as Kubernetes' `omitempty` does. Reading ignores fields kubegrid does
/// not model and rejects modelled fields of the wrong type. For every modelled value,
/// `try T(decoding: x.encoded()) == x`.
public protocol ManifestCodable: Sendable, Hashable {
    /// Reads the value from a manifest, reporting errors at the reader's path.
    init(from reader: ManifestReader) throws

    /// The value as a `Values` tree, keys in Kubernetes' conventional order.
    func encoded() -> Values
}

extension ManifestCodable {
    /// Reads the value from a `Values` tree; error paths start at its root.
    public init(decoding values: Values) throws {
        try self.init(from: ManifestReader(values))
    }
}

/// A field whose value is one word of a fixed set, such as `ClusterIP` or `Parallel`.
public protocol ManifestWord: RawRepresentable<String>, CaseIterable, Sendable, Hashable {}

/// A top-level Kubernetes object with its own `apiVersion` and `kind`.
public protocol KubernetesResource: ManifestCodable {
    /// The group and version, such as `apps/v1`.
    static var apiVersion: String { get }
    /// The kind, such as `StatefulSet`.
    static var kind: String { get }
    /// Name, namespace, labels and annotations.
    var metadata: ObjectMeta { get set }
}

extension KubernetesResource {
    /// Reads the fields of a top-level object after checking its `apiVersion` and `kind`
    /// and that it has a name.
    static func topLevelFields(_ reader: ManifestReader) throws -> (ManifestFields, ObjectMeta) {
        let fields = try reader.fields()
        let apiVersion = try fields.required("apiVersion").string()
        let kind = try fields.required("kind").string()
        guard apiVersion == Self.apiVersion, kind == Self.kind else {
            throw ManifestDecodingError.wrongKind(
                expected: "\(Self.apiVersion) \(Self.kind)", found: "\(apiVersion) \(kind)")
        }
        let metadataReader = try fields.required("metadata")
        let metadata = try metadataReader.decode(ObjectMeta.self)
        if metadata.name.isEmpty {
            throw ManifestDecodingError.missingField(path: metadataReader.path.appending(key: "name"))
        }
        return (fields, metadata)
    }

    /// Starts the encoded object with `apiVersion`, `kind` and `metadata`.
    func topLevelWriter() -> MapWriter {
        var writer = MapWriter()
        writer.put("apiVersion", Self.apiVersion)
        writer.put("kind", Self.kind)
        writer.put("metadata", metadata.encoded())
        return writer
    }
}
