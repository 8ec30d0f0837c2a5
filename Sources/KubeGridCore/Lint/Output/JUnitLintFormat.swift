/// JUnit XML: a `testsuite` per input, a `testcase` per rule checked on it, and a
/// `failure` (typed by severity) per finding.
enum JUnitLintFormat {
    static func render(_ report: LintReport) -> String {
        var byInput: [String: [LintFinding]] = [:]
        for finding in report.findings { byInput[finding.input, default: []].append(finding) }
        let totalTests = report.inputs.reduce(0) { $0 + $1.rules.count }
        var failedTests = 0
        var suites = ""
        for input in report.inputs {
            let findings = byInput[input.name] ?? []
            let rules = input.rules + Set(findings.map(\.rule)).subtracting(input.rules).sorted()
            let failed = Set(findings.map(\.rule)).count
            failedTests += failed
            suites += "  <testsuite name=\"\(XMLText.escaped(input.name))\" tests=\"\(rules.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">\n"
            for id in rules {
                let name = RuleCatalogue.rule(id).map { "\(id) \($0.name)" } ?? id
                let failures = findings.filter { $0.rule == id }
                let opening = "    <testcase name=\"\(XMLText.escaped(name))\" classname=\"\(XMLText.escaped(input.name))\""
                guard !failures.isEmpty else {
                    suites += opening + "/>\n"
                    continue
                }
                suites += opening + ">\n"
                for finding in failures {
                    let body = "\(finding.location): \(finding.severity.word): \(finding.message) [\(finding.rule)]"
                    suites += "      <failure type=\"\(finding.severity.word)\" message=\"\(XMLText.escaped(finding.message))\">\(XMLText.escaped(body))</failure>\n"
                }
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"kubegrid lint\" tests=\"\(totalTests)\" failures=\"\(failedTests)\" errors=\"0\">\n"
            + suites + "</testsuites>\n"
    }
}
