/// `values.yaml:12:3: error: service.lrmi.initialNodePort: … [KG107]`, then the summary.
enum TextLintFormat {
    static func render(_ report: LintReport) -> String {
        var text = ""
        for finding in report.findings {
            text += "\(finding.location): \(finding.severity.word): \(finding.message) [\(finding.rule)]\n"
        }
        return text + report.summary + "\n"
    }
}
