/// One rule `kubegrid lint` checks: a stable id, a severity and its documentation.
///
/// The catalogue (`RuleCatalogue`) is the one place rules are described; `--list-rules`,
/// SARIF's `tool.driver.rules` and the README's table are all written from it.
public struct LintRule: Sendable, Hashable {
    /// What a rule looks at.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Files and flags that could not be read at all.
        case input
        /// A chart's values (the rules `render` applies).
        case values
        /// Rendered Kubernetes manifests, linted as one cluster.
        case manifests
        /// A chart directory: `Chart.yaml`, `values.yaml`, the schema, templates.
        case chartDirectory = "chart directory"
    }

    /// `KG201`.
    public var id: String
    /// A short kebab-case name, `node-port-range`.
    public var name: String
    /// How serious a finding is: errors fail a run, warnings fail it under `--strict`.
    public var severity: Diagnostic.Severity
    /// What the rule looks at.
    public var scope: Scope
    /// What the rule catches, in a few words.
    public var title: String
    /// One line that says what to do about a finding.
    public var help: String
    /// Why the rule exists: what breaks in a cluster without it.
    public var documentation: String

    /// A rule of the catalogue.
    public init(
        _ id: String, _ name: String, _ severity: Diagnostic.Severity, _ scope: Scope,
        title: String, help: String, documentation: String
    ) {
        self.id = id
        self.name = name
        self.severity = severity
        self.scope = scope
        self.title = title
        self.help = help
        self.documentation = documentation
    }
}
