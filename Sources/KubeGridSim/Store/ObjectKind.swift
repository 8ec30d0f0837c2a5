/// The kinds of object the simulated API server stores, with the resource names its
/// messages use (`namespaces "x" not found`, `statefulsets.apps "x" already exists`).
public enum ObjectKind: String, Sendable, Hashable, CaseIterable {
    case namespace = "Namespace"
    case node = "Node"
    case service = "Service"
    case podDisruptionBudget = "PodDisruptionBudget"
    case statefulSet = "StatefulSet"
    case pod = "Pod"
    // Kinds the simulation stores and serves but does not act on (``PassiveObject``).
    case configMap = "ConfigMap"
    case secret = "Secret"
    case serviceAccount = "ServiceAccount"
    case role = "Role"
    case roleBinding = "RoleBinding"
    case clusterRole = "ClusterRole"
    case clusterRoleBinding = "ClusterRoleBinding"
    case resourceQuota = "ResourceQuota"
    case limitRange = "LimitRange"
    case networkPolicy = "NetworkPolicy"
    case job = "Job"
    // Written by the endpoints controller for selector Services; a user may write them
    // too (a Service without a selector), so they are passive kinds as well.
    case endpoints = "Endpoints"
    case endpointSlice = "EndpointSlice"
    case persistentVolumeClaim = "PersistentVolumeClaim"
    // Written by the controllers (``EventRecorder``).
    case event = "Event"

    /// False for cluster-scoped kinds (Namespaces, Nodes, ClusterRoles and their bindings).
    public var isNamespaced: Bool {
        switch self {
        case .namespace, .node, .clusterRole, .clusterRoleBinding: return false
        default: return true
        }
    }

    /// The resource, qualified by its group as the API server's messages write it.
    public var resource: String {
        switch self {
        case .namespace: return "namespaces"
        case .node: return "nodes"
        case .service: return "services"
        case .podDisruptionBudget: return "poddisruptionbudgets.policy"
        case .statefulSet: return "statefulsets.apps"
        case .pod: return "pods"
        case .configMap: return "configmaps"
        case .secret: return "secrets"
        case .serviceAccount: return "serviceaccounts"
        case .role: return "roles.rbac.authorization.k8s.io"
        case .roleBinding: return "rolebindings.rbac.authorization.k8s.io"
        case .clusterRole: return "clusterroles.rbac.authorization.k8s.io"
        case .clusterRoleBinding: return "clusterrolebindings.rbac.authorization.k8s.io"
        case .resourceQuota: return "resourcequotas"
        case .limitRange: return "limitranges"
        case .networkPolicy: return "networkpolicies.networking.k8s.io"
        case .job: return "jobs.batch"
        case .endpoints: return "endpoints"
        case .endpointSlice: return "endpointslices.discovery.k8s.io"
        case .persistentVolumeClaim: return "persistentvolumeclaims"
        case .event: return "events"
        }
    }
}

/// Where an object lives in the store: kind, namespace (nil for cluster-scoped kinds), name.
public struct ObjectKey: Sendable, Hashable, CustomStringConvertible {
    public var kind: ObjectKind
    public var namespace: String?
    public var name: String

    public init(_ kind: ObjectKind, namespace: String? = nil, _ name: String) {
        self.kind = kind
        self.namespace = kind.isNamespaced ? (namespace ?? "default") : nil
        self.name = name
    }

    /// `Kind namespace/name`, for tests and logs.
    public var description: String {
        "\(kind.rawValue) " + (namespace.map { "\($0)/\(name)" } ?? name)
    }
}
