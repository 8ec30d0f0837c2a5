/// What one `kubegrid lint` run is asked to do.
public struct LintOptions: Sendable {
    /// Charts, chart directories, values files, manifest files and folders of them.
    public var inputs: [String]
    /// `-f` and the `--set` family, applied to every chart.
    public var values: ValuesOptions
    /// The release the charts are linted for (names depend on it).
    public var release: ReleaseOptions
    /// The nodes of the target cluster (`--nodes`), for the anti-affinity capacity rule.
    public var nodes: Int?

    /// The options of one run; `release` names the release charts are linted for.
    public init(inputs: [String], values: ValuesOptions = ValuesOptions(), release: ReleaseOptions, nodes: Int? = nil) {
        self.inputs = inputs
        self.values = values
        self.release = release
        self.nodes = nodes
    }
}

/// `kubegrid lint`: charts with their values, chart directories and rendered manifests,
/// every input read once and everything found reported in one pass.
public struct Linter {
    /// What the run is asked to do.
    public var options: LintOptions

    /// A linter for these options.
    public init(options: LintOptions) {
        self.options = options
    }

    /// Reads every input through `files` (each once) and lints it.
    ///
    /// Never throws: what cannot be read is a finding at the place it went wrong.
    public func run(files: some FileSource) -> LintReport {
        let cached = CachedFiles(files)
        var inputs = LintInput.classify(options.inputs, files: cached)
        let charts = inputs.filter { if case .chart = $0 { true } else if case .chartDirectory = $0 { true } else { false } }
        let valuesFiles = inputs.compactMap { if case .valuesFile(let name) = $0 { name } else { nil } }
        // Positional values files belong to the one chart of the run; with more, they are findings.
        let chartValuesFiles = charts.count == 1 ? valuesFiles : []
        if !charts.isEmpty {
            // -f files are inputs of their own, so their findings have a JUnit suite.
            inputs += options.values.valueFiles.filter { file in !inputs.contains { $0.name == file } }.map { LintInput.valuesFile($0) }
        }
        let valuesInputs = Set(inputs.compactMap { if case .valuesFile(let name) = $0 { name } else { nil } })

        var findings: [LintFinding] = []
        var manifests: [ManifestEntry] = []
        var chartRuns: [ChartValuesLinter] = []
        for input in inputs {
            switch input {
            case .chart(let name):
                let linters = chartLinters(name, helmChart: nil, directory: nil, valuesFiles: chartValuesFiles, valuesInputs)
                findings += linters.flatMap { $0.findings(files: cached) }
                chartRuns += linters
            case .chartDirectory(let directory, _):
                let outcome = ChartDirectoryLinter(directory: directory).run(files: cached)
                findings += outcome.findings
                guard outcome.loads else { continue }
                do {
                    let chart = try ChartDirectory(files: cached).load(directory)
                    let linters = chartLinters(
                        directory, helmChart: chart, directory: outcome, valuesFiles: chartValuesFiles, valuesInputs)
                    findings += linters.flatMap { $0.findings(files: cached) }
                    chartRuns += linters
                } catch {
                    findings.append(LintFinding(
                        rule: "KG013", location: LintLocation(file: directory),
                        message: "the values rules were skipped: \(error)", input: directory))
                }
            case .valuesFile(let name):
                if charts.count != 1 && valuesFiles.contains(name) {
                    findings.append(LintFinding(
                        rule: "KG012", location: LintLocation(file: name),
                        message: charts.isEmpty
                            ? "this is a values file, but no chart was given to lint it against; add one, e.g. kubegrid lint insightedge-pu \(name)"
                            : "this values file would be linted against \(charts.count) charts; lint it with exactly one chart per run",
                        input: name))
                }
            case .manifestFile(let name, let documents):
                let read = ManifestLoader.entries(of: documents, input: name)
                manifests += read.entries
                findings += read.findings
            case .unreadable(_, let problems):
                findings += problems
            }
        }
        // A chart's objects meet the manifest files' only in the rules across releases
        // (KG225: a tenant's quota); the chart's own rules ran on them above. Rendered
        // again only when a quota is there to hold them.
        let hasQuota = manifests.contains { $0.object.kind == ResourceQuota.kind }
            || chartRuns.contains { $0.helmChart.name == TenantChart.name }
        let rendered = hasQuota && !manifests.isEmpty ? chartRuns.flatMap { $0.renderedEntries(files: cached) } : []
        let acrossInputs = !rendered.isEmpty
        if !manifests.isEmpty {
            let set = ManifestSet(manifests)
            let rules = ManifestRules(nodes: options.nodes, skipped: acrossInputs ? [QuotaRule.rule.id] : [], kubeVersion: options.release.kubeVersion)
            findings += ManifestRules.placed(rules.check(set), in: set)
        }
        if acrossInputs {
            let set = ManifestSet(manifests + rendered)
            findings += ManifestRules.placed(QuotaRule.check(set), in: set)
        }
        return LintReport(inputs: inputs.map { LintReport.Input(name: $0.name, rules: $0.rules) }, findings: findings)
    }

    /// A chart's linters: one with the run's values, or one per positional values file.
    private func chartLinters(
        _ name: String, helmChart: HelmChart?, directory: ChartDirectoryLinter.Outcome?, valuesFiles: [String],
        _ valuesInputs: Set<String>
    ) -> [ChartValuesLinter] {
        let chart = helmChart ?? BuiltInChart(rawValue: name)?.helmChart
        guard let chart else { return [] }
        let runs: [ValuesOptions] = valuesFiles.isEmpty
            ? [options.values]
            : valuesFiles.map { file in
                var values = options.values
                values.valueFiles.append(file)
                return values
            }
        return runs.map { values in
            ChartValuesLinter(
                chart: name, helmChart: chart, options: values, release: options.release, nodes: options.nodes,
                defaultsFile: directory == nil ? nil : joinPath(name, "values.yaml"), schema: directory?.schema,
                valuesInputs: valuesInputs)
        }
    }
}
