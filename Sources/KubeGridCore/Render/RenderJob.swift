#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `kubegrid render`: a chart, a release and values flags, planned into templates.
public struct RenderJob {
    /// What stops a render before anything is written.
    public enum Failure: Error, CustomStringConvertible {
        /// kubegrid has no typed model for the chart.
        case noModel(chart: String)
        /// `--show-only` names a template the chart does not render.
        case noSuchTemplate(String, available: [String])
        /// The values break the chart's rules; one line per error, each naming where the
        /// value was written.
        case invalidValues([String])

        public var description: String {
            switch self {
            case .noModel(let chart):
                return "kubegrid has no typed model for the chart \"\(chart)\"; render one of \(BuiltInChart.allCases.map(\.rawValue).joined(separator: ", ")) (kubegrid values and lint still read any chart)"
            case .noSuchTemplate(let name, let available):
                return "--show-only \(name): the chart renders no such template; use one of \(available.joined(separator: ", "))"
            case .invalidValues(let lines):
                return lines.joined(separator: "\n")
            }
        }
    }

    public var chart: String
    public var release: ReleaseOptions
    public var options: ValuesOptions
    public var showOnly: [String]

    public init(chart: String, release: ReleaseOptions, options: ValuesOptions, showOnly: [String] = []) {
        self.chart = chart
        self.release = release
        self.options = options
        self.showOnly = showOnly
    }

    /// The outcome of planning: the templates to write, and the notes to show beside them.
    public struct Outcome {
        public var templates: [RenderedTemplate]
        /// Warnings and infos, formatted as `warning: …` and `note: …` lines.
        public var notes: [String]
    }

    /// Reads the chart and the values, checks them, and plans the output.
    public func plan(files: some FileSource) throws -> Outcome {
        let cached = CachedFiles(files)
        let helmChart = try ChartLocator(files: cached).chart(named: chart)
        guard let builtIn = BuiltInChart(rawValue: helmChart.name) else { throw Failure.noModel(chart: helmChart.name) }
        let user = try options.merge(files: cached)
        let (values, legacy) = try builtIn.effectiveValues(user: user, chart: helmChart)
        let plan = builtIn.plan(values: values, release: release).prepending(legacy)
        let formatter = DiagnosticFormatter(origins: ValueOrigins(options: options, files: cached))
        if plan.diagnostics.hasErrors {
            throw Failure.invalidValues(plan.diagnostics.errors.map(formatter.text))
        }
        let notes = plan.diagnostics.sorted { $0.severity < $1.severity }.map(formatter.line)
        return Outcome(templates: try selected(plan.templates), notes: notes)
    }

    /// The templates `--show-only` keeps. As in Helm, each name is a glob matched against
    /// the template's path without the chart name in front: `templates/service.yaml`,
    /// `charts/pu/templates/*.yaml`.
    private func selected(_ templates: [RenderedTemplate]) throws -> [RenderedTemplate] {
        guard !showOnly.isEmpty else { return templates }
        var kept: [RenderedTemplate] = []
        for pattern in showOnly {
            let matches = templates.filter { template in
                let inChart = template.path.split(separator: "/", maxSplits: 1).last.map(String.init) ?? ""
                return fnmatch(pattern, inChart, FNM_PATHNAME) == 0
            }
            guard !matches.isEmpty else {
                let available = templates.map { $0.path.split(separator: "/", maxSplits: 1).last.map(String.init) ?? "" }
                throw Failure.noSuchTemplate(pattern, available: available)
            }
            kept += matches.filter { match in !kept.contains { $0.path == match.path } }
        }
        return InstallOrder.sorted(kept)
    }
}
