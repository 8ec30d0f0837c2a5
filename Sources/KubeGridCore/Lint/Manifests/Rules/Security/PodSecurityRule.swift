/// KG219: the Pod Security Standards profile of each pod template, with every control that
/// keeps it from `restricted` named as Pod Security Admission names it.
enum PodSecurityRule {
    static let rule = LintRule(
        "KG219", "pod-security-standards", .warning, .manifests,
        title: "A pod that does not meet the Pod Security Standards restricted profile",
        help: "Set what each named control asks for (the charts: securityContext.enabled=true).",
        documentation: "Namespaces labelled pod-security.kubernetes.io/enforce=restricted reject such pods, and baseline ones reject the privileged. The finding names the profile the pod meets and each failing control in Pod Security Admission's words (Kubernetes 1.32's checks), so it reads like the API server's refusal.")

    /// A pod that meets baseline only: its container may escalate privileges and keeps its capabilities.
    static let example = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: web
            image: nginx:1.27
            resources: {limits: {memory: 64Mi}}

        """

    static func check(_ set: ManifestSet, _ access: AccessControlObjects) -> [ManifestFinding] {
        set.podGroups.compactMap { group in
            guard let spec = group.podSpec else { return nil }
            let evaluation = PodSecurityStandards.evaluate(spec, annotations: group.annotations)
            guard evaluation.level != .restricted else { return nil }
            let failing = evaluation.violations(against: .restricted).map(\.description).joined(separator: ", ")
            return ManifestFinding(
                rule: rule.id, entry: group.entry, path: group.podSpecPath,
                problem: "\(set.entries[group.entry].title) meets the Pod Security Standards \(evaluation.level.rawValue) profile, not restricted: \(failing)",
                fix: "set what each control asks for",
                valuesKeys: ["securityContext.enabled", "securityContext"], valuesFix: "set securityContext.enabled=true")
        }
    }
}
