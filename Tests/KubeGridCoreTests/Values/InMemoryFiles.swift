@testable import KubeGridCore

/// A file tree in memory for tests: paths to contents; folders are implied by paths.
struct InMemoryFiles: FileSource {
    var files: [String: String]
    var standardInput = ""

    func contents(of path: String) throws(FileReadError) -> [UInt8] {
        if path == "-" { return Array(standardInput.utf8) }
        guard let text = files[path] else { throw FileReadError(path: path, reason: "no such file or directory") }
        return Array(text.utf8)
    }

    func directoryEntries(at path: String) -> [String]? {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let names = Set(files.keys.filter { $0.hasPrefix(prefix) }.map {
            String($0.dropFirst(prefix.count).prefix(while: { $0 != "/" }))
        })
        return names.isEmpty ? nil : names.sorted()
    }
}
