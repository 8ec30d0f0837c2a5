/// KG222: a binding whose subject is a whole group of accounts or users.
enum GroupBindingRule {
    static let rule = LintRule(
        "KG222", "rbac-group-subject", .warning, .manifests,
        title: "A RoleBinding or ClusterRoleBinding grants a role to every service account or every user",
        help: "Bind the role to the workload's own ServiceAccount.",
        documentation: "system:serviceaccounts (every account of the cluster), system:serviceaccounts:<namespace>, system:authenticated and system:unauthenticated hand the role to workloads that never asked for it. GigaSpaces' 15.0 charts bound their roles to system:serviceaccounts; kubegrid's bind the release's ServiceAccount only.")

    static let broadGroups: Set<String> = ["system:serviceaccounts", "system:authenticated", "system:unauthenticated"]

    static let example = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: nodes}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}
        subjects:
        - kind: Group
          name: system:serviceaccounts

        """

    static func check(_ set: ManifestSet, _ access: AccessControlObjects) -> [ManifestFinding] {
        var findings: [ManifestFinding] = []
        for binding in access.bindings {
            for (position, subject) in binding.subjects.enumerated() where subject.kind == "Group" {
                guard broadGroups.contains(subject.name) || subject.name.hasPrefix("system:serviceaccounts:") else { continue }
                findings.append(ManifestFinding(
                    rule: rule.id, entry: binding.index,
                    path: ValuePath.fields("subjects").appending(index: position).appending(key: "name"),
                    problem: "\(set.entries[binding.index].title) grants its role to the group \(subject.name)",
                    fix: "bind the workload's own ServiceAccount instead"))
            }
        }
        return findings
    }
}
