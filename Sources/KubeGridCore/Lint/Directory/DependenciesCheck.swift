/// KG313: every dependency `Chart.yaml` lists is present under `charts/`.
struct DependenciesCheck {
    var directory: String
    var input: String

    func run(
        _ dependencies: [(name: String, position: SourcePosition)], entries: [String], files: some FileSource,
        findings: inout [LintFinding]
    ) {
        guard !dependencies.isEmpty else { return }
        let present = presentCharts(entries: entries, files: files)
        for dependency in dependencies where !present.contains(where: { Self.provides($0, dependency.name) }) {
            findings.append(LintFinding(
                rule: "KG313", location: LintLocation(dependency.position),
                message: "dependency \(dependency.name) is not in charts/; run `helm dependency build` or add the subchart's folder",
                input: input))
        }
    }

    /// The chart names of the folders under `charts/`, and the names of archives there.
    private func presentCharts(entries: [String], files: some FileSource) -> [String] {
        guard entries.contains("charts") else { return [] }
        let folder = joinPath(directory, "charts")
        var names: [String] = []
        for entry in files.directoryEntries(at: folder) ?? [] where !entry.hasPrefix(".") {
            let path = joinPath(folder, entry)
            if entry.hasSuffix(".tgz") {
                names.append(String(entry.dropLast(4)))
            } else if let bytes = try? files.contents(of: joinPath(path, "Chart.yaml")),
                let document = try? YAMLReader(source: path).documents(from: bytes).first,
                let name = document.root["name"]?.stringValue
            {
                names.append(name)
            }
        }
        return names
    }

    /// A folder's chart name, or an archive `<name>-<version>`, provides the dependency.
    private static func provides(_ present: String, _ dependency: String) -> Bool {
        present == dependency || (present.hasPrefix(dependency + "-") && present.dropFirst(dependency.count + 1).first?.isNumber == true)
    }
}
