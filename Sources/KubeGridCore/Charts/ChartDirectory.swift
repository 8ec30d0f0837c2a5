/// Loads a chart folder: `Chart.yaml` (required), `values.yaml` (optional) and the
/// subcharts under `charts/`, as Helm's directory loader does for values.
///
/// A subchart that `Chart.yaml` lists under `dependencies` with an `alias` takes the alias
/// as its name, as Helm does before it renders: its values then live under the alias.
public struct ChartDirectory {
    public var files: any FileSource

    public init(files: any FileSource = LocalFiles()) {
        self.files = files
    }

    public func load(_ path: String) throws(ChartError) -> HelmChart {
        guard let entries = files.directoryEntries(at: path) else { throw .notADirectory(path) }
        guard entries.contains("Chart.yaml") else { throw .missingChartFile(directory: path) }
        let chartFile = joinPath(path, "Chart.yaml")
        let metadata = try readMetadata(chartFile)
        let aliases = metadata.aliases
        var values = Values.emptyMap
        if entries.contains("values.yaml") {
            let valuesFile = joinPath(path, "values.yaml")
            let bytes = try read(valuesFile)
            do throws(ValuesError) {
                values = .map(try HelmValuesFile.read(bytes, source: valuesFile).frozen)
            } catch {
                throw .badValuesFile(error)
            }
        }
        var dependencies: [HelmChart] = []
        if entries.contains("charts"), let subcharts = files.directoryEntries(at: joinPath(path, "charts")) {
            for name in subcharts where !name.hasPrefix(".") {
                let subpath = joinPath(joinPath(path, "charts"), name)
                if name.hasSuffix(".tgz") || name.hasSuffix(".tar.gz") { throw .packedSubchart(subpath) }
                if name.hasSuffix(".prov") { continue }
                guard files.directoryEntries(at: subpath) != nil else { throw .strayFileInCharts(subpath) }
                let subchart = try load(subpath)
                let names = aliases.filter { $0.name == subchart.name }.map(\.alias)
                if names.isEmpty {
                    dependencies.append(subchart)
                }
                // One copy per listed alias; the same chart may be listed twice under two aliases.
                for name in names {
                    var aliased = subchart
                    aliased.name = name
                    dependencies.append(aliased)
                }
            }
        }
        return HelmChart(name: metadata.name, version: metadata.version, values: values, dependencies: dependencies)
    }

    private func read(_ path: String) throws(ChartError) -> [UInt8] {
        do {
            return try files.contents(of: path)
        } catch {
            throw .unreadable(error)
        }
    }

    private func readMetadata(_ file: String) throws(ChartError) -> (name: String, version: String, aliases: [(name: String, alias: String)]) {
        let bytes = try read(file)
        let document: Values
        do throws(YAMLError) {
            document = try YAMLReader(source: file).documents(from: bytes).first?.root ?? .null
        } catch {
            throw .badChartFile(error)
        }
        let fields: Values.Map
        switch document {
        case .map(let map): fields = map
        case .null: fields = [:]
        default: throw .badChartFile(.notAMap(source: file, found: document.kindDescription))
        }
        guard let name = Self.text(fields["name"]), !name.isEmpty else {
            throw .badMetadata(file: file, field: "name", problem: "is required; add name: <chart name>")
        }
        guard let version = Self.text(fields["version"]), !version.isEmpty else {
            throw .badMetadata(file: file, field: "version", problem: "is required; add version: 0.1.0")
        }
        guard SemanticVersion.isValid(version) else {
            throw .badMetadata(
                file: file, field: "version", problem: "\"\(version)\" is not a semantic version; write it as 1.2.3")
        }
        return (name, version, Self.aliases(fields["dependencies"]))
    }

    /// The `dependencies` of `Chart.yaml` that give a chart another name; a listed
    /// dependency without an alias keeps its own name.
    private static func aliases(_ dependencies: Values?) -> [(name: String, alias: String)] {
        (dependencies?.listValue ?? []).compactMap { entry in
            guard let name = text(entry["name"]), !name.isEmpty else { return nil }
            let alias = text(entry["alias"]).flatMap { $0.isEmpty ? nil : $0 } ?? name
            return (name, alias)
        }
    }

    /// A scalar field as text; Helm's metadata reader turns numbers into strings.
    private static func text(_ value: Values?) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .float(let number): return YAMLWriter.text(of: number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }
}

/// The version syntax Helm accepts in `Chart.yaml` (Masterminds semver, loose form).
enum SemanticVersion {
    /// `1`, `1.2`, `v1.2.3`, `1.2.3-rc.1+build.5`.
    static func isValid(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        let core = rest.prefix(while: { $0 != "-" && $0 != "+" })
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return false }
        let suffix = rest.dropFirst(core.count)
        guard !suffix.isEmpty else { return true }
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == ".") }
        var pieces = suffix.dropFirst()
        if suffix.first == "-" {
            let prerelease = pieces.prefix(while: { $0 != "+" })
            guard !prerelease.isEmpty, prerelease.allSatisfy(allowed) else { return false }
            pieces = pieces.dropFirst(prerelease.count)
            guard let plus = pieces.first else { return true }
            guard plus == "+" else { return false }
            pieces = pieces.dropFirst()
        }
        return !pieces.isEmpty && pieces.allSatisfy(allowed)
    }
}
