import OrderedCollections

/// Evaluates a pod against the Pod Security Standards as Pod Security Admission does, so
/// `kubegrid lint` names a failing control in the words the API server will use.
public enum PodSecurityStandards {
    /// Sorted by id, as Pod Security Admission's check registry sorts them, so several
    /// violations are listed in the API server's order (`allowPrivilegeEscalation`,
    /// `capabilities_restricted`, `runAsNonRoot`, `seccompProfile_restricted` for a bare container).
    static let checks: [PodSecurityCheck] = (BaselineChecks.all + RestrictedChecks.all).sorted { Array($0.id.utf8).lexicographicallyPrecedes(Array($1.id.utf8)) }

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
