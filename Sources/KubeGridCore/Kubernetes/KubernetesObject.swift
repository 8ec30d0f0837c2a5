/// Any object of a manifest: one of the kinds kubegrid models, or another kept as written.
///
/// Decoding picks the typed case only for the exact `apiVersion` and `kind` kubegrid
/// models (`policy/v1beta1` PodDisruptionBudgets, say, stay `.other`, for lint to flag);
/// everything else is kept whole, so it can be written back unchanged.
public enum KubernetesObject: Sendable, Hashable {
    /// A `v1` Service.
    case service(Service)
    /// An `apps/v1` StatefulSet.
    case statefulSet(StatefulSet)
    /// A `policy/v1` PodDisruptionBudget.
    case podDisruptionBudget(PodDisruptionBudget)
    /// A `v1` PersistentVolumeClaim.
    case persistentVolumeClaim(PersistentVolumeClaim)
    /// A `v1` Node.
    case node(Node)
    /// Any other object, as written.
    case other(Values)

    /// Reads an object, checking that it has an `apiVersion` and a `kind`.
    public init(decoding values: Values) throws {
        guard case .map(let map) = values else {
            throw ManifestDecodingError.typeMismatch(path: .root, expected: "a map", found: values.kindDescription)
        }
        let (apiVersion, kind) = try ManifestDecoder.typeFields(of: map, at: .root)
        func decode<T: KubernetesResource>(_ type: T.Type = T.self) throws -> T { try T(decoding: values) }
        switch (apiVersion, kind) {
        case (Service.apiVersion, Service.kind): self = .service(try decode())
        case (StatefulSet.apiVersion, StatefulSet.kind): self = .statefulSet(try decode())
        case (PodDisruptionBudget.apiVersion, PodDisruptionBudget.kind):
            self = .podDisruptionBudget(try decode())
        case (PersistentVolumeClaim.apiVersion, PersistentVolumeClaim.kind):
            self = .persistentVolumeClaim(try decode())
        case (Node.apiVersion, Node.kind): self = .node(try decode())
        default: self = .other(values)
        }
    }

    /// The object as a `Values` tree, keys in Kubernetes' conventional order.
    public func encoded() -> Values {
        switch self {
        case .service(let object): return object.encoded()
        case .statefulSet(let object): return object.encoded()
        case .podDisruptionBudget(let object): return object.encoded()
        case .persistentVolumeClaim(let object): return object.encoded()
        case .node(let object): return object.encoded()
        case .other(let values): return values
        }
    }

    /// Writes what `encoded()` holds as one document's events, without building the tree.
    public func emitDocument(to emitter: YAMLEventEmitter) {
        switch self {
        case .service(let object): object.emitDocument(to: emitter)
        case .statefulSet(let object): object.emitDocument(to: emitter)
        case .podDisruptionBudget(let object): object.emitDocument(to: emitter)
        case .persistentVolumeClaim(let object): object.emitDocument(to: emitter)
        case .node(let object): object.emitDocument(to: emitter)
        case .other(let values): emitter.node(values)
        }
    }

    /// The group and version, such as `apps/v1`.
    public var apiVersion: String {
        switch self {
        case .service: return Service.apiVersion
        case .statefulSet: return StatefulSet.apiVersion
        case .podDisruptionBudget: return PodDisruptionBudget.apiVersion
        case .persistentVolumeClaim: return PersistentVolumeClaim.apiVersion
        case .node: return Node.apiVersion
        case .other(let values): return values["apiVersion"]?.stringValue ?? ""
        }
    }

    /// The kind, such as `StatefulSet`.
    public var kind: String {
        switch self {
        case .service: return Service.kind
        case .statefulSet: return StatefulSet.kind
        case .podDisruptionBudget: return PodDisruptionBudget.kind
        case .persistentVolumeClaim: return PersistentVolumeClaim.kind
        case .node: return Node.kind
        case .other(let values): return values["kind"]?.stringValue ?? ""
        }
    }

    /// `metadata.name`, or empty when an unmodelled object has none.
    public var name: String {
        metadata?.name ?? otherMetadata?["name"]?.stringValue ?? ""
    }

    /// `metadata.namespace`, when set.
    public var namespace: String? {
        if let metadata { return metadata.namespace }
        return otherMetadata?["namespace"]?.stringValue
    }

    /// The metadata of a modelled object; nil for `.other`.
    public var metadata: ObjectMeta? {
        switch self {
        case .service(let object): return object.metadata
        case .statefulSet(let object): return object.metadata
        case .podDisruptionBudget(let object): return object.metadata
        case .persistentVolumeClaim(let object): return object.metadata
        case .node(let object): return object.metadata
        case .other: return nil
        }
    }

    private var otherMetadata: Values? {
        if case .other(let values) = self { return values["metadata"] }
        return nil
    }
}
