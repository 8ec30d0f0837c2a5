import OrderedCollections

/// What a write asks of the API server, as admission plugins see it.
public struct AdmissionRequest: Sendable {
    public enum Operation: String, Sendable {
        case create = "CREATE"
        case update = "UPDATE"
        case delete = "DELETE"
    }

    public var operation: Operation
    public var key: ObjectKey
    /// The object to be written (nil for a delete); mutating plugins may change it.
    public var object: ObjectBody?
    /// The stored object an update or delete replaces.
    public var oldObject: StoredObject?
    /// The owners a create names (a StatefulSet for its pods).
    public var owners: [OwnerReference] = []
    /// What the annotating plugins say of an admitted write: warnings for the client (HTTP
    /// `Warning` headers) and annotations for the audit log.
    public var warnings: [String] = []
    public var auditAnnotations: OrderedDictionary<String, String> = [:]

    public var kind: ObjectKind { key.kind }
    public var name: String { key.name }
}

/// What plugins may read: the store as it is before the write, and the Service allocators.
public struct AdmissionContext: Sendable {
    public var store: ObjectStore
    public var network: ServiceNetwork
}

/// A plugin of the admission chain, named as kube-apiserver's `--enable-admission-plugins` names it.
public protocol AdmissionPlugin: Sendable {
    var id: String { get }
    /// Whether the plugin has anything to say of this operation on this kind, asked before
    /// it is handed the request (kube-apiserver's `Handles`): most writes are the
    /// controllers' Events and Endpoints, which few plugins govern.
    func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool
}

/// A plugin that may change the object (defaults, for one).
public protocol MutatingAdmissionPlugin: AdmissionPlugin {
    func admit(_ request: inout AdmissionRequest, context: AdmissionContext) throws(APIError)
}

/// A plugin that, once a write is admitted, adds warnings or audit annotations to it
/// (Pod Security's `warn` and `audit` modes).
public protocol AnnotatingAdmissionPlugin: AdmissionPlugin {
    func annotate(_ request: inout AdmissionRequest, context: AdmissionContext)
}

/// A plugin that accepts or refuses the object as the mutating plugins left it.
public protocol ValidatingAdmissionPlugin: AdmissionPlugin {
    func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError)
}
