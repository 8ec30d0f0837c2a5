import KubeGridCore
import OrderedCollections

/// Pod Security Admission (staging/src/k8s.io/pod-security-admission) from a namespace's
/// `pod-security.kubernetes.io/` labels, with lint's Pod Security checks
/// (`Lint/PodSecurity`, one place for them), each message in its words:
/// - `enforce`: a created pod that violates the level is refused
///   (`violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (…), …`);
/// - `warn`: an admitted pod, or a StatefulSet whose pod template violates the level, gets
///   the warning `would violate PodSecurity "restricted:latest": …` (an HTTP `Warning`
///   header, which kubectl prints as `Warning: …`);
/// - `audit`: the same words as the request's audit annotation
///   `pod-security.kubernetes.io/audit-violations` (serve's `--audit-log-path`), and
///   `pod-security.kubernetes.io/enforce-policy` names the level a pod was held to.
/// A workload's template is only warned and audited, never refused: its pods are.
public struct PodSecurityAdmission: ValidatingAdmissionPlugin, AnnotatingAdmissionPlugin {
    public let id = "PodSecurity"

    /// Pods, and StatefulSets for their template.
    public func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool {
        operation != .delete && (kind == .pod || kind == .statefulSet)
    }

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation == .create, case .pod(let pod)? = request.object,
            let policy = Self.policy(.enforce, for: request, context: context)
        else { return }
        let violations = PodSecurityStandards.evaluate(pod.spec).violations(against: policy.level)
        guard !violations.isEmpty else { return }
        throw APIError(
            .forbidden, kind: .pod, name: request.name,
            detail: "violates PodSecurity \"\(policy.name)\": \(violations.map(\.description).joined(separator: ", "))")
    }

    public func annotate(_ request: inout AdmissionRequest, context: AdmissionContext) {
        guard let spec = Self.evaluatedSpec(request) else { return }
        if request.kind == .pod, let enforce = Self.policy(.enforce, for: request, context: context) {
            request.auditAnnotations[PodSecurityLabels.prefix + "enforce-policy"] = enforce.name
        }
        let policies = [Mode.warn, .audit].compactMap { mode in Self.policy(mode, for: request, context: context).map { (mode, $0) } }
        // Most namespaces warn and audit nothing: the spec is evaluated only for one that does.
        guard !policies.isEmpty else { return }
        let evaluation = PodSecurityStandards.evaluate(spec)
        for (mode, policy) in policies {
            let violations = evaluation.violations(against: policy.level)
            guard !violations.isEmpty else { continue }
            let message = "would violate PodSecurity \"\(policy.name)\": \(violations.map(\.description).joined(separator: ", "))"
            if mode == .warn {
                request.warnings.append(message)
            } else {
                request.auditAnnotations[PodSecurityLabels.prefix + "audit-violations"] = message
            }
        }
    }

    enum Mode: String {
        case enforce, warn, audit
    }

    /// The level and version a mode holds the namespace to (`restricted:latest`); nil when
    /// the namespace sets none, or `privileged`, which allows everything.
    static func policy(_ mode: Mode, for request: AdmissionRequest, context: AdmissionContext) -> (level: PodSecurityLevel, name: String)? {
        guard let namespace = request.key.namespace,
            let labels = context.store.get(ObjectKey(.namespace, namespace))?.metadata.labels,
            let level = labels[PodSecurityLabels.prefix + mode.rawValue].flatMap(PodSecurityLevel.init(rawValue:)),
            level != .privileged
        else { return nil }
        return (level, "\(level.rawValue):\(labels[PodSecurityLabels.prefix + mode.rawValue + "-version"] ?? "latest")")
    }

    /// The pod spec a create, or an update that changes it, asks for: a pod's, or a
    /// StatefulSet's template.
    static func evaluatedSpec(_ request: AdmissionRequest) -> PodSpec? {
        guard request.operation != .delete else { return nil }
        switch (request.object, request.oldObject?.body) {
        case (.pod(let pod)?, nil): return pod.spec
        case (.statefulSet(let set)?, .statefulSet(let old)?):
            return set.spec.template.spec.encoded() == old.spec.template.spec.encoded() ? nil : set.spec.template.spec
        case (.statefulSet(let set)?, nil): return set.spec.template.spec
        default: return nil
        }
    }
}
