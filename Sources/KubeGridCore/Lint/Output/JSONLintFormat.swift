/// `{"findings":[{"file","line","column","severity","rule","message"}],"summary":{…}}`.
enum JSONLintFormat {
    static func render(_ report: LintReport, strict: Bool) throws(JSONError) -> String {
        let findings: [Values] = report.findings.map { finding in
            [
                "file": .string(finding.location.file),
                "line": finding.location.line.map(Values.int) ?? .null,
                "column": finding.location.column.map(Values.int) ?? .null,
                "severity": .string(finding.severity.word),
                "rule": .string(finding.rule),
                "message": .string(finding.message),
            ]
        }
        let document: Values = [
            "findings": .list(findings),
            "summary": [
                "files": .int(report.inputs.count),
                "errors": .int(report.errorCount),
                "warnings": .int(report.warningCount),
                "infos": .int(report.infoCount),
                "strict": .bool(strict),
                "passed": .bool(report.passes(strict: strict)),
            ],
        ]
        return try JSONWriter.write(document, style: .pretty)
    }
}
