import KubeGridCore

/// The ClusterRoles and ClusterRoleBindings kube-apiserver creates at start
/// (plugin/pkg/auth/authorizer/rbac/bootstrappolicy, as `kubectl get clusterrole admin -o
/// yaml` shows them on 1.32), the ones a tenant's cluster needs: `cluster-admin` for
/// `system:masters`; the user-facing `admin`, `edit` and `view`, built by aggregation from
/// the `system:aggregate-to-*` roles as the aggregation controller builds them (so a
/// ClusterRole labelled `rbac.authorization.k8s.io/aggregate-to-edit` joins `edit`); and
/// discovery, basic-user and public-info for every authenticated user.
///
/// They are not written into the store (simulate's objects and resourceVersions stay as
/// they were); the authorizer reads them under any ClusterRole or ClusterRoleBinding of
/// the same name the store holds, which replaces them.
public enum BootstrapPolicy {
    static let read = ["get", "list", "watch"]
    static let write = ["create", "delete", "deletecollection", "patch", "update"]
    static let readWrite = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    static let aggregateLabel = "rbac.authorization.k8s.io/aggregate-to-"

    public static let clusterRoles: [String: ClusterRole] = Dictionary(
        uniqueKeysWithValues: roles.map { ($0.metadata.name, $0) })

    public static let clusterRoleBindings: [String: ClusterRoleBinding] = Dictionary(
        uniqueKeysWithValues: bindings.map { ($0.metadata.name, $0) })

    private static var roles: [ClusterRole] {
        [
            role("cluster-admin", rules: [
                PolicyRule(apiGroups: ["*"], resources: ["*"], verbs: ["*"]),
                PolicyRule(nonResourceURLs: ["*"], verbs: ["*"]),
            ]),
            aggregated("admin", selecting: "admin"),
            aggregated("edit", selecting: "edit", labels: [aggregateLabel + "admin": "true"]),
            aggregated("view", selecting: "view", labels: [aggregateLabel + "edit": "true"]),
            role("system:aggregate-to-admin", labels: [aggregateLabel + "admin": "true"], rules: [
                PolicyRule(apiGroups: ["authorization.k8s.io"], resources: ["localsubjectaccessreviews"], verbs: ["create"]),
                PolicyRule(apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings", "roles"], verbs: readWrite),
            ]),
            role("system:aggregate-to-edit", labels: [aggregateLabel + "edit": "true"], rules: [
                PolicyRule(apiGroups: [""], resources: ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], verbs: read),
                PolicyRule(apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"]),
                PolicyRule(apiGroups: [""], resources: ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], verbs: write),
                PolicyRule(apiGroups: [""], resources: ["pods/eviction"], verbs: ["create"]),
                PolicyRule(
                    apiGroups: [""],
                    resources: [
                        "configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale",
                        "secrets", "serviceaccounts", "services", "services/proxy",
                    ],
                    verbs: write),
                PolicyRule(apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"]),
                PolicyRule(
                    apiGroups: ["apps"],
                    resources: [
                        "daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale",
                        "statefulsets", "statefulsets/scale",
                    ],
                    verbs: write),
                PolicyRule(apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: write),
                PolicyRule(apiGroups: ["batch"], resources: ["cronjobs", "jobs"], verbs: write),
                PolicyRule(
                    apiGroups: ["extensions"],
                    resources: [
                        "daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses", "networkpolicies",
                        "replicasets", "replicasets/scale", "replicationcontrollers/scale",
                    ],
                    verbs: write),
                PolicyRule(apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: write),
                PolicyRule(apiGroups: ["networking.k8s.io"], resources: ["ingresses", "networkpolicies"], verbs: write),
                PolicyRule(apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: readWrite),
            ]),
            role("system:aggregate-to-view", labels: [aggregateLabel + "view": "true"], rules: [
                PolicyRule(
                    apiGroups: [""],
                    resources: [
                        "configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods",
                        "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status",
                    ],
                    verbs: read),
                PolicyRule(
                    apiGroups: [""],
                    resources: [
                        "bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
                        "replicationcontrollers/status", "resourcequotas", "resourcequotas/status",
                    ],
                    verbs: read),
                PolicyRule(apiGroups: [""], resources: ["namespaces"], verbs: read),
                PolicyRule(apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: read),
                PolicyRule(
                    apiGroups: ["apps"],
                    resources: [
                        "controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale",
                        "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets",
                        "statefulsets/scale", "statefulsets/status",
                    ],
                    verbs: read),
                PolicyRule(apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], verbs: read),
                PolicyRule(apiGroups: ["batch"], resources: ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], verbs: read),
                PolicyRule(
                    apiGroups: ["extensions"],
                    resources: [
                        "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses",
                        "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale", "replicasets/status",
                        "replicationcontrollers/scale",
                    ],
                    verbs: read),
                PolicyRule(apiGroups: ["policy"], resources: ["poddisruptionbudgets", "poddisruptionbudgets/status"], verbs: read),
                PolicyRule(apiGroups: ["networking.k8s.io"], resources: ["ingresses", "ingresses/status", "networkpolicies"], verbs: read),
            ]),
            role("system:discovery", rules: [
                PolicyRule(
                    nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"],
                    verbs: ["get"]),
            ]),
            role("system:basic-user", rules: [
                PolicyRule(apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], verbs: ["create"]),
                PolicyRule(apiGroups: ["authentication.k8s.io"], resources: ["selfsubjectreviews"], verbs: ["create"]),
            ]),
            role("system:public-info-viewer", rules: [
                PolicyRule(nonResourceURLs: ["/healthz", "/livez", "/readyz", "/version", "/version/"], verbs: ["get"]),
            ]),
        ]
    }

    private static var bindings: [ClusterRoleBinding] {
        [
            binding("cluster-admin", groups: [UserInfo.mastersGroup]),
            binding("system:discovery", groups: [UserInfo.authenticatedGroup]),
            binding("system:basic-user", groups: [UserInfo.authenticatedGroup]),
            binding("system:public-info-viewer", groups: [UserInfo.authenticatedGroup, "system:unauthenticated"]),
        ]
    }

    private static func role(_ name: String, labels: [String: String] = [:], rules: [PolicyRule]) -> ClusterRole {
        ClusterRole(metadata: meta(name, labels: labels), rules: rules)
    }

    private static func aggregated(_ name: String, selecting target: String, labels: [String: String] = [:]) -> ClusterRole {
        ClusterRole(
            metadata: meta(name, labels: labels),
            aggregationRule: AggregationRule(clusterRoleSelectors: [LabelSelector(matchLabels: [aggregateLabel + target: "true"])]))
    }

    private static func binding(_ name: String, groups: [String]) -> ClusterRoleBinding {
        ClusterRoleBinding(
            metadata: meta(name, labels: [:]),
            roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: name),
            subjects: groups.map { Subject(kind: "Group", name: $0, apiGroup: "rbac.authorization.k8s.io") })
    }

    private static func meta(_ name: String, labels: [String: String]) -> ObjectMeta {
        let all = labels.merging(["kubernetes.io/bootstrapping": "rbac-defaults"]) { own, _ in own }
        return ObjectMeta(name: name, labels: .init(uniqueKeysWithValues: all.sorted { $0.key < $1.key }))
    }
}
