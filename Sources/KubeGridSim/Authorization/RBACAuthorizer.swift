import KubeGridCore

/// kube-apiserver's authorization as a cluster with `--authorization-mode=RBAC` does it:
/// `system:masters` may do anything (the privileged-group authorizer before RBAC); anyone
/// else may do what a rule allows of a role bound to them — ClusterRoleBindings first,
/// then the RoleBindings of the request's namespace (a RoleBinding may name a ClusterRole,
/// whose rules then hold in that namespace only). Roles and bindings are the store's, over
/// ``BootstrapPolicy``'s. One type for serve's users and the simulated pods' service accounts.
public struct RBACAuthorizer: Sendable {
    public init() {}

    public func authorize(_ request: AuthorizationAttributes, store: ObjectStore) -> AuthorizationDecision {
        if request.user.groups.contains(UserInfo.mastersGroup) { return AuthorizationDecision(allowed: true, reason: "") }
        let policy = Policy(store: store)
        var errors: [String] = []
        for (name, binding) in policy.clusterRoleBindings {
            guard let subject = binding.subjects.first(where: { $0.applies(to: request.user, bindingNamespace: "") }) else { continue }
            switch policy.rules(of: binding.roleRef, namespace: "") {
            case .failure(let error): errors.append(error.message)
            case .success(let rules) where rules.contains(where: { $0.allows(request) }):
                let source = "ClusterRoleBinding \"\(name)\" of \(binding.roleRef.kind) \"\(binding.roleRef.name)\" to \(subject.described(bindingNamespace: ""))"
                return AuthorizationDecision(allowed: true, reason: "RBAC: allowed by \(source)")
            case .success: continue
            }
        }
        if !request.namespace.isEmpty {
            for (name, binding) in policy.roleBindings(in: request.namespace) {
                guard let subject = binding.subjects.first(where: { $0.applies(to: request.user, bindingNamespace: request.namespace) })
                else { continue }
                switch policy.rules(of: binding.roleRef, namespace: request.namespace) {
                case .failure(let error): errors.append(error.message)
                case .success(let rules) where rules.contains(where: { $0.allows(request) }):
                    let source = "RoleBinding \"\(name)/\(request.namespace)\" of \(binding.roleRef.kind) \"\(binding.roleRef.name)\" to "
                        + subject.described(bindingNamespace: request.namespace)
                    return AuthorizationDecision(allowed: true, reason: "RBAC: allowed by \(source)")
                case .success: continue
                }
            }
        }
        return AuthorizationDecision(allowed: false, reason: Self.reason(errors))
    }

    /// `RBAC: role.rbac.authorization.k8s.io "x" not found`; several as apimachinery's
    /// aggregate prints them, in brackets, each once.
    static func reason(_ errors: [String]) -> String {
        var unique: [String] = []
        for error in errors where !unique.contains(error) { unique.append(error) }
        switch unique.count {
        case 0: return ""
        case 1: return "RBAC: \(unique[0])"
        default: return "RBAC: [\(unique.joined(separator: ", "))]"
        }
    }
}

/// A role a binding names that is not there (`role.rbac.authorization.k8s.io "x" not found`).
struct MissingRole: Error {
    var message: String
}

/// The RBAC objects an authorization reads: the store's, over the bootstrap policy's.
struct Policy {
    let store: ObjectStore
    let clusterRoles: [String: (labels: [String: String], role: ClusterRole)]

    init(store: ObjectStore) {
        self.store = store
        var roles: [String: (labels: [String: String], role: ClusterRole)] = [:]
        for (name, role) in BootstrapPolicy.clusterRoles {
            roles[name] = (Dictionary(uniqueKeysWithValues: role.metadata.labels.map { ($0.key, $0.value) }), role)
        }
        for stored in store.list(.clusterRole) {
            guard let role = stored.decoded(as: ClusterRole.self) else { continue }
            roles[stored.metadata.name] = (Dictionary(uniqueKeysWithValues: stored.metadata.labels.map { ($0.key, $0.value) }), role)
        }
        clusterRoles = roles
    }

    /// Every ClusterRoleBinding by name, in name order.
    var clusterRoleBindings: [(String, ClusterRoleBinding)] {
        var bindings = BootstrapPolicy.clusterRoleBindings
        for stored in store.list(.clusterRoleBinding) {
            if let binding = stored.decoded(as: ClusterRoleBinding.self) { bindings[stored.metadata.name] = binding }
        }
        return bindings.sorted { $0.key < $1.key }
    }

    /// The RoleBindings of `namespace`, in name order.
    func roleBindings(in namespace: String) -> [(String, RoleBinding)] {
        store.list(.roleBinding, namespace: namespace).compactMap { stored in
            stored.decoded(as: RoleBinding.self).map { (stored.metadata.name, $0) }
        }.sorted { $0.0 < $1.0 }
    }

    /// The rules of the role a binding names: a Role of the binding's namespace, or a
    /// ClusterRole (with what it aggregates).
    func rules(of reference: RoleRef, namespace: String) -> Result<[PolicyRule], MissingRole> {
        if reference.kind == "Role" {
            guard !namespace.isEmpty, let stored = store.get(ObjectKey(.role, namespace: namespace, reference.name)),
                let role = stored.decoded(as: Role.self)
            else { return .failure(MissingRole(message: "role.rbac.authorization.k8s.io \"\(reference.name)\" not found")) }
            return .success(role.rules)
        }
        guard clusterRoles[reference.name] != nil else {
            return .failure(MissingRole(message: "clusterrole.rbac.authorization.k8s.io \"\(reference.name)\" not found"))
        }
        var seen: Set<String> = []
        return .success(clusterRoleRules(reference.name, seen: &seen))
    }

    /// A ClusterRole's rules, and with an aggregationRule those of every ClusterRole its
    /// selectors' `matchLabels` pick, as the aggregation controller fills them in.
    private func clusterRoleRules(_ name: String, seen: inout Set<String>) -> [PolicyRule] {
        guard seen.insert(name).inserted, let entry = clusterRoles[name] else { return [] }
        var rules = entry.role.rules
        guard let aggregation = entry.role.aggregationRule else { return rules }
        for (other, candidate) in clusterRoles.sorted(by: { $0.key < $1.key }) where other != name {
            let picked = aggregation.clusterRoleSelectors.contains { selector in
                !selector.matchLabels.isEmpty && selector.matchLabels.allSatisfy { candidate.labels[$0.key] == $0.value }
            }
            if picked { rules += clusterRoleRules(other, seen: &seen) }
        }
        return rules
    }
}
