/// A `v1` PersistentVolumeClaim, as a StatefulSet's volume claim template or on its own.
///
/// Inside `volumeClaimTemplates` Helm charts write no `apiVersion` and `kind`:
/// ``encodedAsTemplate()`` leaves them out, and decoding accepts both forms.
public struct PersistentVolumeClaim: KubernetesResource {
    public static let apiVersion = "v1"
    public static let kind = "PersistentVolumeClaim"

    /// The claim's name; in a template, the name volume mounts use.
    public var metadata: ObjectMeta
    /// Access modes, storage class and size.
    public var spec: PersistentVolumeClaimSpec

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(metadata: ObjectMeta, spec: PersistentVolumeClaimSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        let apiVersion = try fields["apiVersion"]?.string() ?? Self.apiVersion
        let kind = try fields["kind"]?.string() ?? Self.kind
        guard apiVersion == Self.apiVersion, kind == Self.kind else {
            throw ManifestDecodingError.wrongKind(
                expected: "\(Self.apiVersion) \(Self.kind)", found: "\(apiVersion) \(kind)")
        }
        let metadataReader = try fields.required("metadata")
        metadata = try metadataReader.decode()
        if metadata.name.isEmpty {
            throw ManifestDecodingError.missingField(path: metadataReader.path.appending(key: "name"))
        }
        spec = try fields["spec"]?.decode() ?? PersistentVolumeClaimSpec()
    }

    public func encoded() -> Values {
        var writer = topLevelWriter()
        writer.put("spec", spec)
        return writer.values
    }

    /// The claim as an entry of `volumeClaimTemplates`: `metadata` and `spec` only.
    public func encodedAsTemplate() -> Values {
        var writer = MapWriter()
        writer.put("metadata", metadata)
        writer.put("spec", spec)
        return writer.values
    }
}

/// How a volume may be mounted.
public enum PersistentVolumeAccessMode: String, ManifestWord {
    /// Read-write by one node.
    case readWriteOnce = "ReadWriteOnce"
    /// Read-only by many nodes.
    case readOnlyMany = "ReadOnlyMany"
    /// Read-write by many nodes.
    case readWriteMany = "ReadWriteMany"
    /// Read-write by one pod.
    case readWriteOncePod = "ReadWriteOncePod"
}

/// The `spec` of a ``PersistentVolumeClaim``.
public struct PersistentVolumeClaimSpec: ManifestCodable {
    /// How the volume may be mounted.
    public var accessModes: [PersistentVolumeAccessMode]
    /// The storage class; nil uses the cluster's default class.
    public var storageClassName: String?
    /// The size, as `requests.storage`.
    public var resources: ResourceRequirements

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        accessModes: [PersistentVolumeAccessMode] = [],
        storageClassName: String? = nil,
        resources: ResourceRequirements = ResourceRequirements()
    ) {
        self.accessModes = accessModes
        self.storageClassName = storageClassName
        self.resources = resources
    }

    /// A claim of `storage` with the given access modes and class.
    public init(
        accessModes: [PersistentVolumeAccessMode],
        storageClassName: String? = nil,
        storage: Quantity
    ) {
        self.init(
            accessModes: accessModes, storageClassName: storageClassName,
            resources: ResourceRequirements(requests: ["storage": storage]))
    }

    /// The requested size, `resources.requests.storage`.
    public var storage: Quantity? { resources.requests["storage"] }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        accessModes = try fields["accessModes"]?.elements().map { try $0.word() } ?? []
        storageClassName = try fields["storageClassName"]?.string()
        resources = try fields["resources"]?.decode() ?? ResourceRequirements()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        if !accessModes.isEmpty { writer.put("accessModes", .list(accessModes.map { .string($0.rawValue) })) }
        writer.put("storageClassName", storageClassName)
        if !resources.isEmpty { writer.put("resources", resources) }
        return writer.values
    }
}
