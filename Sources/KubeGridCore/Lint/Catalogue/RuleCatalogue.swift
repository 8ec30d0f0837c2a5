/// Every rule `kubegrid lint` checks, in id order.
public enum RuleCatalogue {
    /// All rules: inputs, values, manifests, chart directories.
    public static let all: [LintRule] = (inputRules + valuesRules + manifestRules + chartDirectoryRules)
        .sorted { $0.id < $1.id }

    /// The rule with this id.
    public static func rule(_ id: String) -> LintRule? {
        all.first { $0.id == id }
    }

    /// The severity of a rule; findings of an unknown id count as errors.
    static func severity(of id: String) -> Diagnostic.Severity {
        rule(id)?.severity ?? .error
    }

    /// The ids of the rules of one scope.
    static func ids(_ scopes: LintRule.Scope...) -> [String] {
        all.filter { scopes.contains($0.scope) }.map(\.id)
    }
}
