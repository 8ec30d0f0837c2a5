/// The default `--format text` output: a header, a line per scenario with PASS or FAIL
/// and its numbers, and under a failed scenario its reasons.
public enum TextReport {
    public static func text(_ report: SimulationReport) -> String {
        var lines: [String] = []
        let zones = Set(report.nodes.map(\.zone)).count
        lines.append(
            "\(report.command): \(plural(report.nodes.count, "node")) in \(plural(zones, "zone")), seed \(report.seed), "
                + "\(report.client.rawValue) client")
        if !report.ignored.isEmpty {
            let names = report.ignored.prefix(5).map { "\($0.kind.split(separator: " ").last ?? "")/\($0.name)" }
            lines.append(
                "note: not simulated: \(names.joined(separator: ", "))\(report.ignored.count > 5 ? " and \(report.ignored.count - 5) more" : "")")
        }
        for scenario in report.scenarios {
            lines.append("\(scenario.passed ? "PASS" : "FAIL") \(scenario.name): \(summary(scenario))")
            for reason in scenario.reasons { lines.append("  - \(reason)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The numbers of a scenario in one line.
    public static func summary(_ scenario: ScenarioReport) -> String {
        if let isolation = scenario.isolation { return isolation.summary }
        if let spark = scenario.spark, !spark.isEmpty { return spark.map(\.summary).joined(separator: "; ") }
        guard scenario.name == ScenarioName.deploy.rawValue else { return faultSummary(scenario) }
        var parts = [
            "\(scenario.podsReady)/\(scenario.podsExpected) pods ready",
            "\(scenario.instancesRegistered)/\(scenario.instancesExpected) instances registered",
            "\(scenario.partitionsReached)/\(scenario.partitionsTotal) partitions reached",
            "\(plural(scenario.check.acknowledgedWrites, "write")) acknowledged",
            "\(scenario.check.lostWrites) lost",
            "\(scenario.check.phantomValues) phantom",
        ]
        if scenario.operationsFailed + scenario.operationsUnknown > 0 {
            parts.append("\(scenario.operationsFailed) failed and \(scenario.operationsUnknown) unknown operations")
        }
        return parts.joined(separator: ", ") + " (\(scenario.duration) virtual)"
    }

    /// A fault scenario's numbers: its faults, whether the grid came back, the data, and
    /// the partition that was unavailable longest.
    static func faultSummary(_ scenario: ScenarioReport) -> String {
        let healed = scenario.faults.filter { $0.healedAt != nil }.count
        var parts = [
            scenario.faults.count == healed
                ? plural(scenario.faults.count, "fault") + " healed" : "\(healed)/\(scenario.faults.count) faults healed",
            "\(scenario.podsReady)/\(scenario.podsExpected) pods ready",
            "\(scenario.partitionsServing)/\(scenario.partitionsTotal) partitions serving",
            "\(plural(scenario.check.acknowledgedWrites, "write")) acknowledged",
            "\(scenario.check.lostWrites) lost",
            "\(scenario.check.phantomValues) phantom",
        ]
        if let longest = scenario.unavailableSeconds.max(by: { $0.seconds < $1.seconds }), longest.seconds > 0 {
            parts.append("most unavailable: partition \(longest.partition) for \(SimTime(milliseconds: Int((longest.seconds * 1000).rounded())))")
        }
        if scenario.operationsFailed + scenario.operationsUnknown > 0 {
            parts.append("\(scenario.operationsFailed) failed and \(scenario.operationsUnknown) unknown operations")
        }
        return parts.joined(separator: ", ") + " (\(scenario.duration) virtual)"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
