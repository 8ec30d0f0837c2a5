/// KG224: a GigaSpaces pod that no NetworkPolicy selects.
enum NetworkPolicyCoverageRule {
    static let rule = LintRule(
        "KG224", "grid-network-policy", .warning, .manifests,
        title: "A GigaSpaces manager or Space pod that no NetworkPolicy selects",
        help: "Add a NetworkPolicy selecting the pods that admits the grid's own traffic and the client ports (the charts: networkPolicy.enabled=true).",
        documentation: "A pod no NetworkPolicy selects accepts connections from every pod of the cluster on every port, ZooKeeper's and LRMI's included, so any compromised workload can read or change the Space. Checked for the pods kubegrid recognises as managers or Space instances, against the networking.k8s.io/v1 NetworkPolicies of the set in the same namespace.")

    /// A manager whose namespace holds no NetworkPolicy.
    static let example = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: grid, namespace: default}
        spec:
          serviceName: grid
          selector: {matchLabels: {app: grid}}
          template:
            metadata: {labels: {app: grid}}
            spec:
              containers:
              - name: manager
                image: gigaspaces/insightedge-enterprise:15.5
                args: [component=manager]

        """

    static func check(_ set: ManifestSet, _ access: AccessControlObjects) -> [ManifestFinding] {
        let policies = access.networkPolicies
        return set.podGroups.compactMap { group in
            guard group.role != .none, group.replicas > 0 else { return nil }
            let selected = policies.contains { policy in
                sameNamespace(policy.metadata.namespace, group.namespace) && group.matches(policy.spec.podSelector)
            }
            guard !selected else { return nil }
            return ManifestFinding(
                rule: rule.id, entry: group.entry, path: group.labelsPath,
                problem: "\(set.entries[group.entry].title) runs GigaSpaces pods that no NetworkPolicy selects, so every pod of the cluster may reach their ports",
                fix: "add a NetworkPolicy that selects them and admits the grid's traffic and the client ports",
                valuesKeys: ["networkPolicy.enabled", "networkPolicy"], valuesFix: "set networkPolicy.enabled=true")
        }
    }
}
