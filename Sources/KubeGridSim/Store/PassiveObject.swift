import KubeGridCore

/// An object of a kind the simulation stores and serves but does not act on (ConfigMaps,
/// Secrets, RBAC, Jobs, …): its fields besides `apiVersion`, `kind` and `metadata`, as its
/// generated Kubernetes type reads and writes them. One generic path for all such kinds,
/// so adding one is a line in ``ObjectKind/passiveType``.
public struct PassiveObject: Sendable, Hashable {
    public var kind: ObjectKind
    public var fields: Values.Map

    /// Reads `manifest` through the kind's generated type (which refuses fields of the wrong
    /// type) and keeps what the type writes back, without `metadata`.
    public init(kind: ObjectKind, manifest: Values) throws {
        guard let type = kind.passiveType else { throw LiveClusterError.unsupportedKind(kind.rawValue) }
        var map = try Self.roundTrip(type, manifest).mapValue ?? [:]
        for key in ["apiVersion", "kind", "metadata"] { map.removeValue(forKey: key) }
        self.kind = kind
        self.fields = map
    }

    private static func roundTrip<T: KubernetesResource>(_ type: T.Type, _ manifest: Values) throws -> Values {
        try T(decoding: manifest).encoded()
    }
}

extension ObjectKind {
    /// The generated type of a kind stored as a ``PassiveObject``; nil for the kinds the
    /// simulation runs (they have bodies of their own).
    public var passiveType: (any KubernetesResource.Type)? {
        switch self {
        case .namespace, .node, .service, .podDisruptionBudget, .statefulSet, .pod, .event: return nil
        case .configMap: return ConfigMap.self
        case .secret: return Secret.self
        case .serviceAccount: return ServiceAccount.self
        case .role: return Role.self
        case .roleBinding: return RoleBinding.self
        case .clusterRole: return ClusterRole.self
        case .clusterRoleBinding: return ClusterRoleBinding.self
        case .resourceQuota: return ResourceQuota.self
        case .limitRange: return LimitRange.self
        case .networkPolicy: return NetworkPolicy.self
        case .job: return Job.self
        case .endpoints: return Endpoints.self
        case .endpointSlice: return EndpointSlice.self
        case .persistentVolumeClaim: return PersistentVolumeClaim.self
        }
    }

    /// The `apiVersion` objects of this kind are written with.
    public var apiVersion: String {
        switch self {
        case .namespace, .node, .service, .pod, .event: return "v1"
        case .statefulSet: return StatefulSet.apiVersion
        case .podDisruptionBudget: return PodDisruptionBudget.apiVersion
        default: return passiveType!.apiVersion
        }
    }
}
