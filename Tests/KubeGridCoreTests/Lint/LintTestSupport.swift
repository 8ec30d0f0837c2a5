@testable import KubeGridCore

/// Files held in memory, so a lint test states its whole input in one place.
struct MemoryFiles: FileSource {
    var files: [String: String]

    init(_ files: [String: String] = [:]) {
        self.files = files
    }

    func contents(of path: String) throws(FileReadError) -> [UInt8] {
        guard let text = files[normalized(path)] else {
            throw FileReadError(path: path, reason: "no such file or directory")
        }
        return Array(text.utf8)
    }

    func directoryEntries(at path: String) -> [String]? {
        let prefix = normalized(path) + "/"
        var names = Set<String>()
        for file in files.keys where file.hasPrefix(prefix) {
            names.insert(String(file.dropFirst(prefix.count).split(separator: "/").first!))
        }
        return names.isEmpty ? nil : names.sorted()
    }

    /// `a/b/../c` → `a/c`, `./a` → `a`.
    private func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

/// One lint run over in-memory files.
func lint(
    _ inputs: [String], files: [String: String] = [:], values: ValuesOptions = ValuesOptions(),
    release: String = "testspace", namespace: String = "default", nodes: Int? = nil
) -> LintReport {
    let options = LintOptions(
        inputs: inputs, values: values, release: ReleaseOptions(name: release, namespace: namespace), nodes: nodes)
    return Linter(options: options).run(files: MemoryFiles(files))
}

extension LintReport {
    var rules: Set<String> { Set(findings.map(\.rule)) }

    func findings(_ rule: String) -> [LintFinding] {
        findings.filter { $0.rule == rule }
    }
}

/// The repository root, for the shipped charts and examples.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
}()
