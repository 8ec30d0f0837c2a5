/// The output formats of `kubegrid lint` (cli.md, "Lint formats").
public enum LintFormat: String, Sendable, CaseIterable {
    /// `file:line:col: severity: message [rule]` lines and a summary line.
    case text
    /// One JSON object with the findings and a summary.
    case json
    /// JUnit XML: a test suite per input, a test case per rule checked, a failure per finding.
    case junit
    /// SARIF 2.1.0, with every rule in `tool.driver.rules`.
    case sarif
    /// GitHub Actions workflow commands, which annotate the lines in a pull request.
    case github

    /// The report in this format; `strict` decides whether warnings fail the run.
    public func render(_ report: LintReport, strict: Bool) throws -> String {
        switch self {
        case .text: TextLintFormat.render(report)
        case .json: try JSONLintFormat.render(report, strict: strict)
        case .junit: JUnitLintFormat.render(report)
        case .sarif: try SARIFLintFormat.render(report)
        case .github: GitHubLintFormat.render(report)
        }
    }
}

extension Diagnostic.Severity {
    /// `error`, `warning`, `info`.
    var word: String { rawValue }
}
