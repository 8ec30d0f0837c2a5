/// Lints a chart with values: every finding `render` would make (errors, warnings and
/// infos), and the manifest rules over the objects the chart would render, each placed
/// at the values file line or the flag that set the key.
struct ChartValuesLinter {
    /// The chart as given on the command line; findings without a file point here.
    var chart: String
    var helmChart: HelmChart
    var options: ValuesOptions
    var release: ReleaseOptions
    var nodes: Int?
    /// A chart directory's `values.yaml`, where its defaults come from.
    var defaultsFile: String?
    /// The chart's `values.schema.json`, for charts kubegrid has no model of.
    var schema: Values?
    /// The inputs that are values files, so findings in them are grouped under them.
    var valuesInputs: Set<String>

    func findings(files: CachedFiles) -> [LintFinding] {
        let builtIn = BuiltInChart(rawValue: helmChart.name)
        let values: Values
        var legacy: [Diagnostic] = []
        do {
            if let builtIn {
                (values, legacy) = try builtIn.effectiveValues(user: try options.merge(files: files), chart: helmChart)
            } else {
                values = try EffectiveValues.compute(chart: helmChart, options: options, files: files)
            }
        } catch {
            return [InputFindings.finding(error, chart: chart, input: input(for:))]
        }
        var sources = options
        if let defaultsFile { sources.valueFiles.insert(defaultsFile, at: 0) }
        let origins = ValueOrigins(options: sources, files: files)
        let userOrigins = defaultsFile == nil ? origins : ValueOrigins(options: options, files: files)
        var findings: [LintFinding] = []
        if let builtIn {
            let plan = builtIn.plan(values: values, release: release).prepending(legacy)
            findings += plan.diagnostics.map { place($0.rule, $0.path, $0.description, origins) }
            if !plan.diagnostics.hasErrors {
                findings += renderedObjectFindings(plan, origins, userOrigins)
            }
        } else if let schema {
            // The directory rules check the defaults; here only what the user's values broke.
            findings += JSONSchemaCheck(schema).problems(values).filter { problem in
                defaultsFile == nil || userOrigins.origin(of: problem.path) != nil
            }.map {
                place("KG001", $0.path, $0.path.isRoot ? "the values \($0.message)" : "\($0.path): \($0.message)", origins)
            }
        }
        // A chart directory's own defaults are checked by the directory rules already.
        return findings.filter { finding in
            !(finding.location.file == defaultsFile && ["KG001", "KG002", "KG003"].contains(finding.rule))
        }
    }

    /// The objects the chart renders with these values, for the rules across inputs (a
    /// tenant's quota against a grid's needs); none when the values do not render.
    func renderedEntries(files: CachedFiles) -> [ManifestEntry] {
        guard let builtIn = BuiltInChart(rawValue: helmChart.name),
            let merged = try? options.merge(files: files),
            let (values, _) = try? builtIn.effectiveValues(user: merged, chart: helmChart)
        else { return [] }
        return builtIn.plan(values: values, release: release).templates.flatMap { template in
            template.objects.map { ManifestEntry(object: $0, origin: .rendered(template: template.path), input: chart) }
        }
    }

    /// The input a file belongs to: a values file given as an input, or else the chart.
    func input(for file: String) -> String {
        if valuesInputs.contains(file) { return file }
        if file == StandardInput.displayName, valuesInputs.contains("-") { return "-" }
        return chart
    }

    /// A finding at the origin of `path`: the file line that set it, or the chart with the flag named.
    private func place(_ rule: String, _ path: ValuePath?, _ message: String, _ origins: ValueOrigins) -> LintFinding {
        // A key nobody set sits under a map someone did (memoryXtendVolume for its
        // volumeMount.name): point there rather than nowhere.
        var probe = path
        var found: ValueOrigins.Origin?
        while let current = probe, !current.isRoot, found == nil {
            found = origins.origin(of: current)
            probe = ValuePath(Array(current.components.dropLast()))
        }
        guard let origin = found else {
            return LintFinding(rule: rule, location: LintLocation(file: chart), message: message, input: chart)
        }
        switch origin {
        case .file(let position):
            return LintFinding(rule: rule, location: LintLocation(position), message: message, input: input(for: position.file))
        case .flag:
            return LintFinding(rule: rule, location: LintLocation(file: chart), message: "\(origin): \(message)", input: chart)
        }
    }

    /// The manifest rules over the objects the plan renders, placed at the values behind them.
    private func renderedObjectFindings(_ plan: RenderPlan, _ origins: ValueOrigins, _ userOrigins: ValueOrigins) -> [LintFinding] {
        var entries: [ManifestEntry] = []
        for template in plan.templates {
            for object in template.objects {
                entries.append(ManifestEntry(object: object, origin: .rendered(template: template.path), input: chart))
            }
        }
        let set = ManifestSet(entries)
        let rules = ManifestRules(nodes: nodes, skipped: ManifestRules.coveredByValuesRules, kubeVersion: release.kubeVersion)
        // One values key behind many objects (every partition's StatefulSet) is one finding.
        var groups: [(key: String, finding: ManifestFinding, count: Int)] = []
        for finding in rules.check(set) {
            let key = "\(finding.rule) \(finding.valuesKeys.first ?? finding.problem) \(Self.subchart(of: set.entries[finding.entry]))"
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].count += 1
            } else {
                groups.append((key, finding, 1))
            }
        }
        return groups.map { _, finding, count in
            let prefix: ValuePath
            if case .rendered(let template) = set.entries[finding.entry].origin {
                prefix = Self.valuesPrefix(ofTemplate: template)
            } else {
                prefix = .root
            }
            let more = count > 1 ? " (and \(count - 1) more like it)" : ""
            let keys = finding.valuesKeys.map { prefix.appending(ValuePath(dotted: $0)) }
            guard let key = keys.first else {
                return place(finding.rule, nil, finding.message + more, origins)
            }
            let message = "\(key): \(finding.problem)\(more); \(finding.valuesFix ?? finding.fix)"
            // The user's own values first: that is where the fix goes, not the chart's defaults.
            let located = keys.first { userOrigins.origin(of: $0) != nil } ?? keys.first { origins.origin(of: $0) != nil } ?? key
            return place(finding.rule, located, message, origins)
        }
    }

    /// The subchart an object was rendered by, so the umbrella's manager and Space stay apart.
    private static func subchart(of entry: ManifestEntry) -> String {
        if case .rendered(let template) = entry.origin { return valuesPrefix(ofTemplate: template).description }
        return ""
    }

    /// Where a subchart's keys sit in the umbrella's values, from its template path.
    static func valuesPrefix(ofTemplate template: String) -> ValuePath {
        if template.contains("/charts/pu/") { return ValuePath(keys: ["pu"]) }
        if template.contains("/charts/manager/") { return ValuePath(keys: ["manager"]) }
        return .root
    }
}
