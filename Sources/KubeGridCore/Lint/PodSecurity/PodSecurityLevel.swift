/// The Pod Security Standards profiles, from the most open to the most hardened.
public enum PodSecurityLevel: String, Sendable, Hashable, Comparable, CaseIterable {
    case privileged
    case baseline
    case restricted

    public static func < (left: Self, right: Self) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}

/// One control a pod fails, worded as Pod Security Admission words it: a reason and a
/// detail, written `reason (detail)`.
public struct PodSecurityViolation: Sendable, Hashable {
    /// Pod Security Admission's check id, such as `allowPrivilegeEscalation`.
    public var check: String
    /// The lowest profile that holds the control.
    public var level: PodSecurityLevel
    public var reason: String
    public var detail: String

    /// `allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false)`.
    public var description: String { detail.isEmpty ? reason : "\(reason) (\(detail))" }
}

/// What Pod Security Admission would say of one pod.
public struct PodSecurityEvaluation: Sendable, Hashable {
    /// Every control the pod fails, in Pod Security Admission's order (by check id).
    public var violations: [PodSecurityViolation]

    /// The most hardened profile the pod meets.
    public var level: PodSecurityLevel {
        if violations.contains(where: { $0.level == .baseline }) { return .privileged }
        return violations.isEmpty ? .restricted : .baseline
    }

    /// The controls that keep the pod from `target`: a check that a restricted control
    /// replaces (hostPath volumes by restricted volume types) is then left out.
    public func violations(against target: PodSecurityLevel) -> [PodSecurityViolation] {
        let applying = violations.filter { $0.level <= target }
        let replaced = Set(applying.flatMap { PodSecurityStandards.replacedChecks[$0.check] ?? [] })
        return applying.filter { !replaced.contains($0.check) }
    }
}
