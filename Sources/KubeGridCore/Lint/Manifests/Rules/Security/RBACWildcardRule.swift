/// KG221: a Role or ClusterRole rule that grants `*`.
enum RBACWildcardRule {
    static let rule = LintRule(
        "KG221", "rbac-wildcard", .warning, .manifests,
        title: "A Role or ClusterRole grants every verb, resource or API group (`*`)",
        help: "List the verbs, resources and API groups the workload uses.",
        documentation: "A wildcard grants today's and every future resource or verb, `escalate` and `impersonate` included; least privilege names what is used. GigaSpaces' own 15.0 charts granted get and list on pods, services and serviceaccounts, and on nodes cluster-wide; kubegrid's charts grant get on services (and nodes behind NodePorts) only.")

    static let example = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: reader, namespace: default}
        rules:
        - apiGroups: [""]
          resources: ["*"]
          verbs: [get]

        """

    static func check(_ set: ManifestSet, _ access: AccessControlObjects) -> [ManifestFinding] {
        var findings: [ManifestFinding] = []
        for (index, rules) in access.roles {
            for (position, rule) in rules.enumerated() {
                let fields = [("verbs", rule.verbs), ("resources", rule.resources), ("apiGroups", rule.apiGroups)]
                for (key, items) in fields {
                    guard let star = items.firstIndex(of: "*") else { continue }
                    findings.append(ManifestFinding(
                        rule: Self.rule.id, entry: index,
                        path: ValuePath.fields("rules").appending(index: position).appending(key: key).appending(index: star),
                        problem: "\(set.entries[index].title) grants every \(key == "apiGroups" ? "API group" : String(key.dropLast())) with *",
                        fix: "list the \(key) the workload uses"))
                }
            }
        }
        return findings
    }
}
