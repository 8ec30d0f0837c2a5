/// KG311 and KG312: the chart has templates, and kubegrid's charts have one for every
/// template file kubegrid renders into.
struct TemplatesCheck {
    var directory: String
    var input: String
    /// kubegrid's chart, when the directory is one of them.
    var builtIn: BuiltInChart?

    var templatesPath: String { joinPath(directory, "templates") }

    func run(entries: [String], files: some FileSource, findings: inout [LintFinding]) {
        let present = entries.contains("templates") ? (files.directoryEntries(at: templatesPath) ?? []) : []
        // An umbrella renders through its subcharts; its own templates/ is checked as Helm does.
        if let builtIn, !Self.templateFiles(of: builtIn).isEmpty {
            let missing = Self.templateFiles(of: builtIn).filter { !present.contains($0) }
            guard !missing.isEmpty else { return }
            findings.append(LintFinding(
                rule: "KG312", location: LintLocation(file: templatesPath),
                message: "templates/ lacks \(missing.joined(separator: ", ")), which kubegrid renders for this chart; add them so helm install renders the same objects",
                input: input))
        } else if !present.contains(where: { !$0.hasPrefix(".") }) {
            findings.append(LintFinding(
                rule: "KG311", location: LintLocation(file: templatesPath),
                message: entries.contains("templates") ? "templates/ is empty; the chart installs nothing" : "templates/ does not exist; the chart installs nothing",
                input: input))
        }
    }

    /// The template files a chart's own objects render into (not its subcharts'), found
    /// by planning it with every optional object switched on.
    static func templateFiles(of chart: BuiltInChart) -> [String] {
        let full: Values = switch chart {
        case .manager: ["ha": true, "antiAffinity": ["enabled": true], "metrics": ["serviceMonitor": ["enabled": true]]]
        case .processingUnit:
            ["partitions": 1, "ha": true, "antiAffinity": ["enabled": true], "service": ["lrmi": ["enabled": true]],
             "metrics": ["serviceMonitor": ["enabled": true]]]
        case .umbrella: [:]
        case .tenant: ["admins": ["users": ["lint"]], "viewers": ["groups": ["lint"]]]
        case .spark, .zeppelin: [:]
        }
        let values = (try? HelmCoalescing.coalesce(full, with: chart.helmChart)) ?? chart.defaults
        let plan = chart.plan(values: values, release: ReleaseOptions(name: "lint"))
        let prefix = "\(chart.rawValue)/templates/"
        var names: [String] = []
        for template in plan.templates where template.path.hasPrefix(prefix) {
            let name = String(template.path.dropFirst(prefix.count))
            if !names.contains(name) { names.append(name) }
        }
        return names.sorted()
    }
}
