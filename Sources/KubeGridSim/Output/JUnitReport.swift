/// The `--format junit` output: one testcase per scenario, a failure element with its
/// reasons, for CI systems that read JUnit XML. Times are virtual seconds, so the bytes
/// depend only on the seed.
public enum JUnitReport {
    public static func text(_ report: SimulationReport) -> String {
        let failures = report.scenarios.filter { !$0.passed }.count
        let total = report.scenarios.reduce(SimTime.zero) { $0 + $1.duration }
        let seconds = "\(total.seconds)"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"kubegrid simulate\" tests=\"\(report.scenarios.count)\" failures=\"\(failures)\" time=\"\(seconds)\">\n"
        xml += "  <testsuite name=\"kubegrid simulate (seed \(report.seed), \(report.client.rawValue) client)\" "
        xml += "tests=\"\(report.scenarios.count)\" failures=\"\(failures)\" errors=\"0\" time=\"\(seconds)\">\n"
        for scenario in report.scenarios {
            xml += "    <testcase classname=\"kubegrid.simulate\" name=\"\(escape(scenario.name))\" time=\"\(scenario.duration.seconds)\">\n"
            if !scenario.passed {
                let first = scenario.reasons.first ?? "failed"
                xml += "      <failure type=\"ScenarioFailed\" message=\"\(escape(first))\">"
                xml += escape(scenario.reasons.joined(separator: "\n")) + "</failure>\n"
            }
            xml += "      <system-out>\(escape(TextReport.summary(scenario)))</system-out>\n"
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// Escapes text for XML content and attributes; drops characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n", "\t", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
