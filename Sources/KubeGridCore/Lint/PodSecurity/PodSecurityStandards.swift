import OrderedCollections

/// Evaluates a pod against the Pod Security Standards as Pod Security Admission does, so
/// `kubegrid lint` names a failing control in the words the API server will use.
public enum PodSecurityStandards {
    static let checks: [PodSecurityCheck] = BaselineChecks.all + RestrictedChecks.all

    /// Restricted checks that take the place of a baseline check when both apply
    /// (Pod Security Admission's `OverrideCheckIDs`).
    static let replacedChecks: [String: [String]] = [
        "restrictedVolumes": ["hostPathVolumes"], "capabilities_restricted": ["capabilities_baseline"],
        "seccompProfile_restricted": ["seccompProfile_baseline"],
    ]

    public static func evaluate(_ spec: PodSpec, annotations: OrderedDictionary<String, String> = [:]) -> PodSecurityEvaluation {
        let pod = PodSecurityPod(spec: spec, annotations: annotations)
        return PodSecurityEvaluation(violations: checks.compactMap { check in
            check.evaluate(pod).map {
                PodSecurityViolation(check: check.id, level: check.level, reason: $0.reason, detail: $0.detail)
            }
        })
    }
}
