import KubeGridCore
import OrderedCollections

/// A reference from a dependent to its owner; the garbage collector deletes a dependent
/// whose owners are all gone.
public struct OwnerReference: Sendable, Hashable {
    public var kind: ObjectKind
    public var name: String
    public var uid: UID
    /// True for the owner that manages the dependent (a StatefulSet for its pods).
    public var controller: Bool

    public init(kind: ObjectKind, name: String, uid: UID, controller: Bool = true) {
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
    }
}

/// The metadata the API server keeps for every object (`metadata.*` beyond name and labels).
public struct ObjectMetadata: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    /// Unique for every object ever created; a recreated object with the same name gets a new one.
    public var uid: UID
    /// The store's version when the object was last written (cluster-wide, increasing).
    public var resourceVersion: Int
    /// Bumped when the spec changes, never for metadata or status alone.
    public var generation: Int
    public var creationTimestamp: SimTime
    /// Set when a deletion was asked for and the object waits for its grace period or finalizers.
    public var deletionTimestamp: SimTime?
    public var deletionGracePeriodSeconds: Int?
    /// What must happen before the object may go (`orphan`, `foregroundDeletion`, or a controller's own).
    public var finalizers: [String]
    public var ownerReferences: [OwnerReference]
    public var labels: OrderedDictionary<String, String>
    /// The writer's annotations (`kubectl apply` keeps its last-applied configuration here).
    public var annotations: OrderedDictionary<String, String> = [:]
    /// Who set which field (`metadata.managedFields` as server-side apply writes it), nil for none.
    public var managedFields: Values?

    /// True once a deletion was asked for.
    public var isTerminating: Bool { deletionTimestamp != nil }
}

/// Finalizers the API server and garbage collector know by name.
public enum Finalizer {
    /// The dependents are to be orphaned before the owner goes (propagationPolicy Orphan).
    public static let orphan = "orphan"
    /// The dependents are to be deleted before the owner goes (propagationPolicy Foreground).
    public static let foregroundDeletion = "foregroundDeletion"
    /// A namespace's content is being deleted (the namespace controller's finalizer, which
    /// Kubernetes keeps in the namespace's `spec.finalizers`).
    public static let namespaceContent = "kubernetes"
}

/// `deleteOptions.propagationPolicy`: what happens to an object's dependents.
public enum PropagationPolicy: String, Sendable {
    /// The owner goes now; the garbage collector deletes the dependents afterwards (the default).
    case background = "Background"
    /// The owner stays, Terminating, until the garbage collector deleted every dependent.
    case foreground = "Foreground"
    /// The dependents stay, with the owner's reference removed.
    case orphan = "Orphan"
}
