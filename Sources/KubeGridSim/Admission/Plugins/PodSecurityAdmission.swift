import KubeGridCore

/// Pod Security Admission (staging/src/k8s.io/pod-security-admission): a pod created in a
/// namespace labelled `pod-security.kubernetes.io/enforce` is evaluated against that level
/// with lint's Pod Security checks (`Lint/PodSecurity`, one place for them) and refused in
/// its words: `violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (…), …`.
/// The `warn` and `audit` modes have no channel here yet (warnings are HTTP headers).
public struct PodSecurityAdmission: ValidatingAdmissionPlugin {
    public let id = "PodSecurity"

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation == .create, case .pod(let pod)? = request.object, let namespace = request.key.namespace,
            let labels = context.store.get(ObjectKey(.namespace, namespace))?.metadata.labels,
            let level = labels["\(PodSecurityLabels.prefix)enforce"].flatMap(PodSecurityLevel.init(rawValue:)),
            level != .privileged
        else { return }
        let violations = PodSecurityStandards.evaluate(pod.spec).violations(against: level)
        guard !violations.isEmpty else { return }
        let version = labels["\(PodSecurityLabels.prefix)enforce-version"] ?? "latest"
        throw APIError(
            .forbidden, kind: .pod, name: request.name,
            detail: "violates PodSecurity \"\(level.rawValue):\(version)\": \(violations.map(\.description).joined(separator: ", "))")
    }
}
