/// Runs the manifest rules over a set of objects.
struct ManifestRules {
    /// The manifest rule ids, each with the check that produces its findings.
    static let ids = RuleCatalogue.ids(.manifests)

    /// Rules that a chart's own values rules already cover, skipped for a chart's objects:
    /// node ports (KG001, KG107, KG108) and HA anti-affinity (KG105).
    static let coveredByValuesRules: Set<String> = ["KG201", "KG202", "KG209"]

    /// The number of nodes given with `--nodes`.
    var nodes: Int?
    /// Rules to leave out.
    var skipped: Set<String> = []
    /// The Kubernetes version the objects are for (`--kube-version`).
    var kubeVersion: KubeVersion = .current

    /// The security rules (issue 10), one type each.
    static let securityRules: [@Sendable (ManifestSet, AccessControlObjects) -> [ManifestFinding]] = [
        PodSecurityRule.check, TokenAutomountRule.check, RBACWildcardRule.check, GroupBindingRule.check,
        SecretLiteralRule.check, NetworkPolicyCoverageRule.check,
    ]

    /// The security rules' findings, with the RBAC and NetworkPolicy objects read once.
    private static func securityFindings(_ set: ManifestSet) -> [ManifestFinding] {
        let access = AccessControlObjects(set)
        return securityRules.flatMap { $0(set, access) }
    }

    func check(_ set: ManifestSet) -> [ManifestFinding] {
        let findings = NodePortRules.check(set) + SelectorRules.check(set) + NamingRules.check(set)
            + AvailabilityRules.check(set, nodes: nodes, kubeVersion: kubeVersion) + ContainerRules.check(set) + APIRules.check(set, kubeVersion: kubeVersion)
            + Self.securityFindings(set) + QuotaRule.check(set)
        return skipped.isEmpty ? findings : findings.filter { !skipped.contains($0.rule) }
    }

    /// The findings of objects read from files, placed at the field's line and column.
    static func placed(_ findings: [ManifestFinding], in set: ManifestSet) -> [LintFinding] {
        findings.map { finding in
            let entry = set.entries[finding.entry]
            return LintFinding(
                rule: finding.rule, location: entry.location(of: finding.path) ?? LintLocation(file: entry.input),
                message: finding.message, input: entry.input)
        }
    }
}
