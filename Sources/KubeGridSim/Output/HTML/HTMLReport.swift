import Mustache

/// `--report FILE.html`: one self-contained page — styles and SVG pictures inline, no
/// scripts, nothing fetched — rendered from the Mustache template
/// `templates/simulation-report.html.mustache`, which is embedded in the binary
/// (``ReportTemplate``) so the report can be written from any directory.
public enum HTMLReport {
    /// Why the page could not be written.
    public enum Failure: Error, CustomStringConvertible {
        /// The embedded template does not parse (a build from a broken template).
        case badTemplate(String)

        public var description: String {
            switch self {
            case .badTemplate(let reason):
                return "the HTML report template does not parse: \(reason); fix templates/simulation-report.html.mustache"
            }
        }
    }

    /// Events listed per scenario; the JSON output has them all.
    static let eventsShown = 400

    /// The page.
    public static func text(_ report: SimulationReport) throws(Failure) -> String {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: ReportTemplate.text)
        } catch {
            throw .badTemplate("\(error)")
        }
        return template.render(context(report))
    }

    /// What the template is given.
    static func context(_ report: SimulationReport) -> [String: Any] {
        let zones = Set(report.nodes.map(\.zone)).count
        var context: [String: Any] = [
            "verdict": report.passed ? "PASS" : "FAIL", "verdictClass": report.passed ? "pass" : "fail",
            "clusterText": "\(TextReport.plural(report.nodes.count, "node")) in \(TextReport.plural(zones, "zone"))",
            "seed": "\(report.seed)", "client": report.client.rawValue,
            "cluster": ClusterPicture(nodes: report.nodes, pending: report.pendingPods).context,
            "scenarios": report.scenarios.map(scenario),
        ]
        if !report.pendingPods.isEmpty {
            context["pendingText"] = "\(TextReport.plural(report.pendingPods.count, "pod")) could not be placed on any node."
        }
        return context
    }

    private static func scenario(_ scenario: ScenarioReport) -> [String: Any] {
        let longest = scenario.unavailableSeconds.max { $0.seconds < $1.seconds }
        let isDeploy = scenario.name == ScenarioName.deploy.rawValue
        // A fault scenario's deployment is the same as deploy's: list what came after it.
        let events = isDeploy ? scenario.events : scenario.events.filter { $0.time >= scenario.clientStart }
        let eventsWhat = isDeploy ? "Events" : "Events after the clients started"
        var context: [String: Any] = [
            "name": scenario.name, "anchor": "scenario-\(scenario.name)",
            "verdict": scenario.passed ? "PASS" : "FAIL", "verdictClass": scenario.passed ? "pass" : "fail",
            "summary": TextReport.summary(scenario), "faultCount": "\(scenario.faults.count)",
            "acknowledged": "\(scenario.check.acknowledgedWrites)", "lost": "\(scenario.check.lostWrites)",
            "phantom": "\(scenario.check.phantomValues)", "duration": "\(scenario.duration)",
            "longest": longest.map { $0.seconds > 0 ? "partition \($0.partition) for \(SVGNumber.text($0.seconds))s" : "none" } ?? "none",
            "hasReasons": !scenario.reasons.isEmpty, "reasons": scenario.reasons,
            "timeline": TimelinePicture(scenario).context,
            "hasFaults": !scenario.faults.isEmpty,
            "faults": scenario.faults.map { fault -> [String: Any] in
                [
                    "time": "\(fault.time)", "kind": fault.kind.rawValue, "message": fault.message,
                    "healedAfter": fault.healedAt.map { "\($0 - fault.time)" } ?? "never",
                ]
            },
            "eventsTitle": events.count > eventsShown
                ? "\(eventsWhat) (the first \(eventsShown) of \(events.count))" : "\(eventsWhat) (\(events.count))",
            "events": events.prefix(eventsShown).map { event -> [String: Any] in
                [
                    "time": "\(event.time)", "object": event.object, "reason": event.reason, "message": event.message,
                    "typeClass": event.type == .warning ? "warning" : "",
                ]
            },
        ]
        if isDeploy { context["faultCount"] = "–" }
        return context
    }
}
