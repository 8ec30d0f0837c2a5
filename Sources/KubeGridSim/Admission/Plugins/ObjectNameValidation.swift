import KubeGridCore

/// `ValidateObjectMeta`'s name rules, per kind: Services and Namespaces need a DNS label
/// (Services one that starts with a letter, DNS-1035), the others a DNS subdomain. The
/// words are apimachinery's (`IsDNS1123Label`, `IsDNS1035Label`, `IsDNS1123Subdomain`); the
/// syntax and the limits are KubeGridCore's, the ones lint checks.
public struct ObjectNameValidation: ValidatingAdmissionPlugin {
    public let id = "NameValidation"

    public func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool {
        operation == .create
    }

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation == .create else { return }
        let name = request.name
        let field = "metadata.name"
        if name.isEmpty {
            throw .invalid(request.kind, name, [FieldCause(field, .required, "name or generateName is required")])
        }
        let problems = Self.problems(name, kind: request.kind)
        if !problems.isEmpty { throw .invalid(request.kind, name, problems.map { .invalid(field, name, $0) }) }
    }

    /// What is wrong with `name` for `kind`, one message per rule broken.
    static func problems(_ name: String, kind: ObjectKind) -> [String] {
        switch kind {
        case .service: return dns1035LabelProblems(name)
        case .namespace: return dns1123LabelProblems(name)
        case .role, .roleBinding, .clusterRole, .clusterRoleBinding: return pathSegmentProblems(name)
        default: return subdomainProblems(name)
        }
    }

    /// RBAC's `ValidateRBACName` (apimachinery's `IsValidPathSegmentName`): any name that
    /// can be one segment of a URL path.
    static func pathSegmentProblems(_ name: String) -> [String] {
        if name == "." || name == ".." { return ["may not be '\(name)'"] }
        return ["/", "%"].filter(name.contains).map { "may not contain '\($0)'" }
    }

    static func dns1123LabelProblems(_ name: String) -> [String] {
        var problems = lengthProblem(name, KubernetesLimits.labelLength)
        if !KubernetesNames.hasLabelSyntax(name.utf8) {
            problems.append(
                regexError(
                    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
                        + "start and end with an alphanumeric character", pattern: "[a-z0-9]([-a-z0-9]*[a-z0-9])?",
                    examples: ["my-name", "123-abc"]))
        }
        return problems
    }

    static func dns1035LabelProblems(_ name: String) -> [String] {
        var problems = lengthProblem(name, KubernetesLimits.labelLength)
        if !KubernetesNames.hasLabelSyntax(name.utf8, startingWithLetter: true) {
            problems.append(
                regexError(
                    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
                        + "alphabetic character, and end with an alphanumeric character", pattern: "[a-z]([-a-z0-9]*[a-z0-9])?",
                    examples: ["my-name", "abc-123"]))
        }
        return problems
    }

    static func subdomainProblems(_ name: String) -> [String] {
        var problems = lengthProblem(name, KubernetesLimits.subdomainLength)
        if !KubernetesNames.hasSubdomainSyntax(name) {
            problems.append(
                regexError(
                    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
                        + "must start and end with an alphanumeric character",
                    pattern: "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", examples: ["example.com"]))
        }
        return problems
    }

    private static func lengthProblem(_ name: String, _ limit: Int) -> [String] {
        name.utf8.count > limit ? ["must be no more than \(limit) characters"] : []
    }

    /// apimachinery's `RegexError`, examples and all.
    private static func regexError(_ message: String, pattern: String, examples: [String]) -> String {
        message + " (e.g. " + examples.map { "'\($0)', " }.joined(separator: " or ")
            + "regex used for validation is '\(pattern)')"
    }
}
