/// What one command-line argument of `kubegrid lint` turned out to be.
enum LintInput {
    /// A built-in chart name.
    case chart(String)
    /// A chart directory (one holding Chart.yaml); `modelled` when kubegrid has a typed
    /// model of the chart its Chart.yaml names.
    case chartDirectory(String, modelled: Bool)
    /// A values file, parsed.
    case valuesFile(String)
    /// A manifest file, parsed.
    case manifestFile(String, [YAMLDocument])
    /// An input that could not be read or parsed; its findings say why.
    case unreadable(String, [LintFinding])

    var name: String {
        switch self {
        case .chart(let name), .chartDirectory(let name, _), .valuesFile(let name), .manifestFile(let name, _),
            .unreadable(let name, _):
            return name
        }
    }

    /// The rules checked on this input, for JUnit's test cases.
    var rules: [String] {
        let chartRules = RuleCatalogue.ids(.input, .values)
            + ManifestRules.ids.filter { !ManifestRules.coveredByValuesRules.contains($0) }
        switch self {
        case .chart, .valuesFile: return chartRules.sorted()
        case .chartDirectory(_, modelled: true): return (chartRules + RuleCatalogue.ids(.chartDirectory)).sorted()
        // Without a model only the schema (KG001) speaks for the values.
        case .chartDirectory(_, modelled: false): return (RuleCatalogue.ids(.input, .chartDirectory) + ["KG001"]).sorted()
        case .manifestFile: return RuleCatalogue.ids(.input, .manifests)
        case .unreadable: return RuleCatalogue.ids(.input)
        }
    }

    /// Reads the arguments: built-in chart names, chart directories, other directories (the
    /// manifest files in them, as `render --output-dir` writes them), and files, which are
    /// values files when their one document is a map without `apiVersion` and `kind`.
    static func classify(_ arguments: [String], files: some FileSource) -> [LintInput] {
        var inputs: [LintInput] = []
        var seen = Set<String>()
        // The same file twice would be the same objects twice; read each once.
        for argument in arguments where seen.insert(argument).inserted {
            if BuiltInChart(rawValue: argument) != nil {
                inputs.append(.chart(argument))
            } else if let entries = files.directoryEntries(at: argument) {
                if entries.contains("Chart.yaml") {
                    inputs.append(.chartDirectory(argument, modelled: isModelled(argument, files: files)))
                } else {
                    inputs += manifestFiles(under: argument, files: files).map { file(at: $0, files: files) }
                }
            } else {
                inputs.append(file(at: argument, files: files))
            }
        }
        return inputs
    }

    /// Whether the directory's Chart.yaml names a chart kubegrid has a typed model of.
    static func isModelled(_ directory: String, files: some FileSource) -> Bool {
        guard let bytes = try? files.contents(of: joinPath(directory, "Chart.yaml")),
            let document = try? YAMLReader(source: directory).documents(from: bytes).first,
            let name = document.root["name"]?.stringValue
        else { return false }
        return BuiltInChart(rawValue: name) != nil
    }

    /// A file argument, read and parsed once.
    static func file(at path: String, files: some FileSource) -> LintInput {
        let bytes: [UInt8]
        do {
            bytes = try files.contents(of: path)
        } catch {
            let looksLikeAChartName = !path.contains("/") && !path.contains(".") && path != "-"
            let reason = looksLikeAChartName
                ? "\(error.reason); built-in charts are \(BuiltInChart.allCases.map(\.rawValue).joined(separator: ", "))"
                : error.reason
            return .unreadable(path, [LintFinding(
                rule: "KG010", location: LintLocation(file: path), message: "cannot read \(path): \(reason)", input: path)])
        }
        let source = StandardInput.displayName(of: path)
        do {
            let documents = try YAMLReader(source: source, recordsPositions: true).documents(from: bytes)
            return isValuesFile(documents) ? .valuesFile(path) : .manifestFile(path, documents)
        } catch {
            return .unreadable(path, [InputFindings.finding(error, input: path)])
        }
    }

    /// One map without `apiVersion` and `kind`: a values file, not a manifest.
    static func isValuesFile(_ documents: [YAMLDocument]) -> Bool {
        let content = documents.filter { !$0.root.isNull }
        guard content.count == 1, case .map(let map) = content[0].root else { return false }
        return map["apiVersion"] == nil && map["kind"] == nil
    }

    /// The `.yaml`, `.yml` and `.json` files under a folder, recursively, sorted.
    static func manifestFiles(under directory: String, files: some FileSource) -> [String] {
        var found: [String] = []
        for entry in files.directoryEntries(at: directory) ?? [] where !entry.hasPrefix(".") {
            let path = joinPath(directory, entry)
            if files.directoryEntries(at: path) != nil {
                found += manifestFiles(under: path, files: files)
            } else if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") || entry.hasSuffix(".json") {
                found.append(path)
            }
        }
        return found
    }
}
