/// One template file of a chart and the objects it renders, built one at a time on demand.
///
/// Building lazily lets a 4,096-partition Space stream out object by object instead of
/// holding twelve thousand objects in memory.
public struct RenderedTemplate: Sendable {
    /// Helm's template name, as in `# Source:` lines: `insightedge-pu/templates/service.yaml`.
    public var path: String
    /// The kind every object of this template has; it decides the install order.
    public var kind: String
    /// How many objects the template renders.
    public var count: Int
    /// Builds the object at an index in `0..<count`.
    public var object: @Sendable (Int) -> KubernetesObject

    public init(path: String, kind: String, count: Int, object: @escaping @Sendable (Int) -> KubernetesObject) {
        self.path = path
        self.kind = kind
        self.count = count
        self.object = object
    }

    /// Every object, in order.
    public var objects: [KubernetesObject] {
        (0..<count).map(object)
    }
}

/// Helm's install order by kind (`releaseutil.InstallOrder`); unknown kinds go last.
public enum InstallOrder {
    static let kinds = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
        "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
        "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]

    /// Templates sorted as Helm sorts manifests: by kind, then by template name.
    public static func sorted(_ templates: [RenderedTemplate]) -> [RenderedTemplate] {
        templates.enumerated().sorted { left, right in
            let (a, b) = (rank(left.element.kind), rank(right.element.kind))
            if a != b { return a < b }
            if left.element.path != right.element.path { return left.element.path < right.element.path }
            return left.offset < right.offset
        }.map(\.element)
    }

    static func rank(_ kind: String) -> Int {
        kinds.firstIndex(of: kind) ?? kinds.count
    }
}
