import KubeGridCore

/// The `--format junit` output: one testcase per scenario, a failure element with its
/// reasons, for CI systems that read JUnit XML. Times are virtual seconds, so the bytes
/// depend only on the seed.
public enum JUnitReport {
    public static func text(_ report: SimulationReport) -> String {
        let failures = report.scenarios.filter { !$0.passed }.count
        let total = report.scenarios.reduce(SimTime.zero) { $0 + $1.duration }
        let seconds = "\(total.seconds)"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(report.command)\" tests=\"\(report.scenarios.count)\" failures=\"\(failures)\" time=\"\(seconds)\">\n"
        xml += "  <testsuite name=\"\(report.command) (seed \(report.seed), \(report.client.rawValue) client)\" "
        xml += "tests=\"\(report.scenarios.count)\" failures=\"\(failures)\" errors=\"0\" time=\"\(seconds)\">\n"
        for scenario in report.scenarios {
            xml += "    <testcase classname=\"kubegrid.simulate\" name=\"\(XMLText.escaped(scenario.name))\" time=\"\(scenario.duration.seconds)\">\n"
            if !scenario.passed {
                let first = scenario.reasons.first ?? "failed"
                xml += "      <failure type=\"ScenarioFailed\" message=\"\(XMLText.escaped(first))\">"
                xml += XMLText.escaped(scenario.reasons.joined(separator: "\n")) + "</failure>\n"
            }
            xml += "      <system-out>\(XMLText.escaped(TextReport.summary(scenario)))</system-out>\n"
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }
}
