/// The objects that decide who may call the API and reach which port, typed once per run:
/// kubegrid keeps them as written (`KubernetesObject.other`), and several rules read them.
struct AccessControlObjects: Sendable {
    var serviceAccounts: [ServiceAccount] = []
    /// The rules of every Role and ClusterRole, with the entry index.
    var roles: [(index: Int, rules: [PolicyRule])] = []
    /// The subjects of every RoleBinding and ClusterRoleBinding, with the binding's
    /// namespace (nil for a ClusterRoleBinding) and entry index.
    var bindings: [(index: Int, namespace: String?, subjects: [Subject])] = []
    var networkPolicies: [NetworkPolicy] = []

    /// One pass over the set, decoding only the kinds above.
    init(_ set: ManifestSet) {
        for index in set.entries.indices {
            let object = set.entries[index].object
            guard case .other(let values) = object else { continue }
            switch (object.apiVersion, object.kind) {
            case (ServiceAccount.apiVersion, ServiceAccount.kind):
                if let account = try? ServiceAccount(decoding: values) { serviceAccounts.append(account) }
            case (Role.apiVersion, Role.kind):
                if let role = try? Role(decoding: values) { roles.append((index, role.rules)) }
            case (ClusterRole.apiVersion, ClusterRole.kind):
                if let role = try? ClusterRole(decoding: values) { roles.append((index, role.rules)) }
            case (RoleBinding.apiVersion, RoleBinding.kind):
                if let binding = try? RoleBinding(decoding: values) {
                    bindings.append((index, binding.metadata.namespace, binding.subjects))
                }
            case (ClusterRoleBinding.apiVersion, ClusterRoleBinding.kind):
                if let binding = try? ClusterRoleBinding(decoding: values) { bindings.append((index, nil, binding.subjects)) }
            case (NetworkPolicy.apiVersion, NetworkPolicy.kind):
                if let policy = try? NetworkPolicy(decoding: values) { networkPolicies.append(policy) }
            default:
                continue
            }
        }
    }
}
