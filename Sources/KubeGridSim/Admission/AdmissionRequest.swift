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
}

/// A plugin that may change the object (defaults, for one).
public protocol MutatingAdmissionPlugin: AdmissionPlugin {
    func admit(_ request: inout AdmissionRequest, context: AdmissionContext) throws(APIError)
}

/// A plugin that accepts or refuses the object as the mutating plugins left it.
public protocol ValidatingAdmissionPlugin: AdmissionPlugin {
    func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError)
}
