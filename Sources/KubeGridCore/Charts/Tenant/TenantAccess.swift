/// The tenant's two Roles and their bindings to the users and groups the values name.
///
/// Admins manage what grids are made of, the grid charts' NetworkPolicies and Roles too
/// (so the isolation is cooperative: an admin could delete the default-deny policy);
/// neither role may change the quota or the LimitRange, which are the cluster operator's.
/// Verbs and resources are listed, never wildcards (KG221).
struct TenantAccess {
    let objects: TenantObjects

    static let readVerbs = ["get", "list", "watch"]
    static let writeVerbs = readVerbs + ["create", "update", "patch", "delete"]

    /// What a grid release is made of, by API group.
    static let gridResources: [(group: String, resources: [String])] = [
        ("", ["configmaps", "endpoints", "persistentvolumeclaims", "pods", "pods/log", "secrets", "serviceaccounts", "services"]),
        ("apps", ["statefulsets", "statefulsets/scale"]),
        ("policy", ["poddisruptionbudgets"]),
        ("networking.k8s.io", ["networkpolicies"]),
        ("rbac.authorization.k8s.io", ["rolebindings", "roles"]),
    ]

    /// What the operator governs the namespace with: readable, not writable, by the tenant.
    static let governingResources: [(group: String, resources: [String])] = [
        ("", ["events", "limitranges", "resourcequotas"]),
    ]

    var adminRoleName: String { "\(objects.release)-admin" }
    var viewerRoleName: String { "\(objects.release)-viewer" }

    func roles() -> [Role] {
        let admin = Self.gridResources.map { PolicyRule(apiGroups: [$0.group], resources: $0.resources, verbs: Self.writeVerbs) }
            + Self.governingResources.map { PolicyRule(apiGroups: [$0.group], resources: $0.resources, verbs: Self.readVerbs) }
        // Viewers read everything admins manage except Secrets (licenses, credentials) and
        // the Roles that would tell them who may read them.
        let viewer = (Self.gridResources + Self.governingResources).compactMap { group, resources -> PolicyRule? in
            let readable = resources.filter { !["secrets", "roles", "rolebindings", "statefulsets/scale"].contains($0) }
            return readable.isEmpty ? nil : PolicyRule(apiGroups: [group], resources: readable, verbs: Self.readVerbs)
        }
        return [
            Role(metadata: objects.metadata("admin"), rules: admin),
            Role(metadata: objects.metadata("viewer"), rules: viewer),
        ]
    }

    /// A binding per role that has someone to bind.
    func roleBindings() -> [RoleBinding] {
        [(objects.values.admins, adminRoleName, "admins"), (objects.values.viewers, viewerRoleName, "viewers")]
            .filter { !$0.0.isEmpty }
            .map { subjects, role, suffix in
                RoleBinding(
                    metadata: objects.metadata(suffix),
                    roleRef: RoleRef(apiGroup: Self.rbacGroup, kind: "Role", name: role),
                    subjects: subjects.users.map { Subject(kind: "User", name: $0, apiGroup: Self.rbacGroup) }
                        + subjects.groups.map { Subject(kind: "Group", name: $0, apiGroup: Self.rbacGroup) })
            }
    }

    static let rbacGroup = "rbac.authorization.k8s.io"
}
