/// KG220: a pod that mounts a service account token no binding grants anything to.
enum TokenAutomountRule {
    static let rule = LintRule(
        "KG220", "unused-token-automount", .warning, .manifests,
        title: "A pod mounts a service account token that nothing in the set grants any access",
        help: "Set automountServiceAccountToken: false on the pod (or its ServiceAccount), or bind the account to the Role it needs.",
        documentation: "Every pod mounts its ServiceAccount's token unless told not to; a process that breaks out of the container can then call the API server as that account. When no RoleBinding or ClusterRoleBinding of the set names the account, nothing in the pod calls the API with it and the token is only a risk. GigaSpaces' charts mount it only in Space instances with external LRMI, which read their Service or node.")

    /// A pod of the default account, which no binding names, with the token mounted.
    static let example = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27

        """

    static func check(_ set: ManifestSet, _ access: AccessControlObjects) -> [ManifestFinding] {
        // Accounts some binding names, by name, with the namespaces they are bound in (nil: any).
        var bound: [String: [String?]] = [:]
        for binding in access.bindings {
            for subject in binding.subjects where subject.kind == "ServiceAccount" {
                bound[subject.name, default: []].append(subject.namespace ?? binding.namespace)
            }
        }
        return set.podGroups.compactMap { group in
            guard let spec = group.podSpec else { return nil }
            let name = spec.serviceAccountName ?? spec.serviceAccount ?? "default"
            let account = access.serviceAccounts.first { $0.metadata.name == name && sameNamespace($0.metadata.namespace, group.namespace) }
            guard spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true else { return nil }
            guard !(bound[name] ?? []).contains(where: { sameNamespace($0, group.namespace) }) else { return nil }
            let path = spec.automountServiceAccountToken == nil
                ? group.podSpecPath : group.podSpecPath.appending(key: "automountServiceAccountToken")
            return ManifestFinding(
                rule: rule.id, entry: group.entry, path: path,
                problem: "\(set.entries[group.entry].title) mounts the token of ServiceAccount \(name), which no RoleBinding or ClusterRoleBinding in the set grants anything",
                fix: "set automountServiceAccountToken: false, or bind the account to the Role it needs",
                valuesKeys: ["rbac.create", "serviceAccount"], valuesFix: "set rbac.create=true so the Role the pods need is bound")
        }
    }
}
