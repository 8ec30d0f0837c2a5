/// KG310: the files `kubegrid chart generate` writes are what the models generate now.
struct GeneratedFilesCheck {
    var directory: String
    var input: String
    var chart: BuiltInChart

    /// Where the README template sits beside a `charts/<name>` folder in kubegrid's layout.
    var readmeTemplatePath: String { joinPath(directory, "../../templates/chart-readme.md.mustache") }

    func run(entries: [String], files: some FileSource, findings: inout [LintFinding]) {
        for (name, expected) in expectedFiles(files) {
            let path = joinPath(directory, name)
            let topLevel = String(name.split(separator: "/").first ?? "")
            guard entries.contains(topLevel), let bytes = try? files.contents(of: path) else {
                findings.append(LintFinding(
                    rule: "KG310", location: LintLocation(file: path),
                    message: "\(name) is missing; run `kubegrid chart generate` and commit the result", input: input))
                continue
            }
            let actual = String(decoding: bytes, as: UTF8.self)
            guard let line = Self.firstDifferentLine(actual, expected) else { continue }
            findings.append(LintFinding(
                rule: "KG310", location: LintLocation(file: path, line: line, column: 1),
                message: "\(name) differs from what kubegrid's models generate (from this line); run `kubegrid chart generate` and commit the result",
                input: input))
        }
    }

    /// The generated files by path in the chart (`values.yaml`, `templates/_defaults.tpl`);
    /// README.md only when the template can be found.
    private func expectedFiles(_ files: some FileSource) -> [(String, String)] {
        let template = (try? files.contents(of: readmeTemplatePath)).map { String(decoding: $0, as: UTF8.self) }
        // Without the README template the other three files are still checked.
        let generated = (try? ChartFiles.files(for: chart, readmeTemplate: template ?? "")) ?? []
        return generated
            .filter { template != nil || !$0.path.hasSuffix("/README.md") }
            .map { ($0.path.split(separator: "/").dropFirst().joined(separator: "/"), $0.contents) }
    }

    /// The 1-based line where two texts first differ, or nil when they are equal.
    static func firstDifferentLine(_ a: String, _ b: String) -> Int? {
        guard a != b else { return nil }
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let x = index < left.count ? left[index] : nil
            let y = index < right.count ? right[index] : nil
            if x != y { return index + 1 }
        }
        return 1
    }
}
