/// A claim as a StatefulSet's volume claim template: Helm charts write it without
/// `apiVersion` and `kind`, and reading accepts both forms.
extension PersistentVolumeClaim {
    public static var typeFieldsMayBeOmitted: Bool { true }

    /// The claim as an entry of `volumeClaimTemplates`: `metadata` and `spec` only.
    public func encodedAsTemplate() -> Values {
        manifestValue
    }
}

extension PersistentVolumeClaimSpec {
    /// A claim of `storage` with the given access modes and class.
    public init(
        accessModes: [PersistentVolumeAccessMode],
        storageClassName: String? = nil,
        storage: Quantity
    ) {
        self.init(
            accessModes: accessModes, storageClassName: storageClassName,
            resources: VolumeResourceRequirements(requests: ["storage": storage]))
    }

    /// The requested size, `resources.requests.storage`.
    public var storage: Quantity? { resources.requests["storage"] }
}
