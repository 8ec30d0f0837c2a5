import KubeGridCore

/// Whether one RBAC rule covers a request, as kube-apiserver's RBAC authorizer decides it
/// (plugin/pkg/auth/authorizer/rbac: `RuleAllows` and its matchers): `*` in verbs,
/// apiGroups and resources; `resource/subresource` or `*/subresource`; resourceNames
/// (an empty list allows every name); nonResourceURLs with a trailing `*` as a prefix.
extension PolicyRule {
    public func allows(_ request: AuthorizationAttributes) -> Bool {
        guard verbs.contains("*") || verbs.contains(request.verb) else { return false }
        guard request.isResourceRequest else {
            return nonResourceURLs.contains { url in
                url == "*" || url == request.path || (url.hasSuffix("*") && request.path.hasPrefix(String(url.dropLast())))
            }
        }
        guard apiGroups.contains("*") || apiGroups.contains(request.apiGroup) else { return false }
        guard resourceMatches(request) else { return false }
        return resourceNames.isEmpty || resourceNames.contains(request.name)
    }

    private func resourceMatches(_ request: AuthorizationAttributes) -> Bool {
        resources.contains { resource in
            if resource == "*" || resource == request.combinedResource { return true }
            return !request.subresource.isEmpty && resource == "*/\(request.subresource)"
        }
    }
}

extension Subject {
    /// Whether this subject of a binding is `user`: a User by name, a Group the user is in,
    /// a ServiceAccount by its user name (a RoleBinding's own namespace when the subject
    /// names none).
    func applies(to user: UserInfo, bindingNamespace: String) -> Bool {
        switch kind {
        case "User": return name == user.name
        case "Group": return user.groups.contains(name)
        case "ServiceAccount":
            let namespace = self.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? bindingNamespace
            guard !namespace.isEmpty else { return false }
            return user.name == "system:serviceaccount:\(namespace):\(name)"
        default: return false
        }
    }

    /// `User "alice"`, `ServiceAccount "sa/ns"`: the RBAC authorizer's `describeSubject`.
    func described(bindingNamespace: String) -> String {
        guard kind == "ServiceAccount" else { return "\(kind) \"\(name)\"" }
        let namespace = self.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? bindingNamespace
        return "\(kind) \"\(name)/\(namespace)\""
    }
}
