/// Lints a chart directory as `helm lint` does, and kubegrid's own charts further:
/// Chart.yaml, values.yaml against the schema, generated files, templates, dependencies.
struct ChartDirectoryLinter {
    /// The directory as given on the command line.
    var directory: String

    /// What the values rules need after the directory rules ran.
    struct Outcome {
        var findings: [LintFinding]
        /// The chart's `values.schema.json`, when it parsed.
        var schema: Values?
        /// Whether the chart loads well enough to lint values against it.
        var loads: Bool
    }

    func run(files: some FileSource) -> Outcome {
        var findings: [LintFinding] = []
        let entries = files.directoryEntries(at: directory) ?? []
        let chartFile = joinPath(directory, "Chart.yaml")
        guard entries.contains("Chart.yaml") else {
            findings.append(LintFinding(
                rule: "KG301", location: LintLocation(file: chartFile),
                message: "Chart.yaml is missing; a chart directory needs one", input: directory))
            return Outcome(findings: findings, schema: nil, loads: false)
        }
        let before = findings.count
        let metadata = ChartFileCheck(path: chartFile, input: directory).run(files: files, findings: &findings)
        let chartFileIsValid = !findings[before...].contains { $0.severity == .error }
        let builtIn = metadata?.name.flatMap(BuiltInChart.init(rawValue:))
        let generated = metadata?.isGenerated == true ? builtIn : nil

        let valuesBefore = findings.count
        let schema = ValuesFileCheck(directory: directory, input: directory, builtIn: builtIn)
            .run(entries: entries, files: files, findings: &findings)
        let valuesAreReadable = !findings[valuesBefore...].contains { ["KG010", "KG011", "KG307"].contains($0.rule) }
        if let generated {
            GeneratedFilesCheck(directory: directory, input: directory, chart: generated)
                .run(entries: entries, files: files, findings: &findings)
        }
        TemplatesCheck(directory: directory, input: directory, builtIn: generated)
            .run(entries: entries, files: files, findings: &findings)
        DependenciesCheck(directory: directory, input: directory)
            .run(metadata?.dependencies ?? [], entries: entries, files: files, findings: &findings)
        return Outcome(findings: findings, schema: schema, loads: chartFileIsValid && valuesAreReadable)
    }
}
