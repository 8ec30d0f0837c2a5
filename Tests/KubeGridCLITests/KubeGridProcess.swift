import Foundation

/// Runs the built `kubegrid` binary, as a user or a CI job would.
struct KubeGridProcess {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary next to the test bundle, or `$KUBEGRID`.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["KUBEGRID"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("kubegrid").path
    }

    /// The repository root, for examples and charts.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL = repositoryRoot) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// `kubegrid render ARGUMENTS`, which must succeed: its manifests.
    static func render(_ arguments: [String]) throws -> String {
        let result = try run(["render"] + arguments)
        if result.exitCode != 0 { throw Failure(message: "render \(arguments) failed: \(result.stderr)") }
        return result.stdout
    }

    /// `kubegrid simulate` of `renders`, each written to a file of its own and passed as
    /// `-f`, in order, then `arguments`.
    static func simulate(_ renders: [String], _ arguments: [String]) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (index, render) in renders.enumerated() {
            let file = directory.appendingPathComponent("\(index).yaml")
            try render.write(to: file, atomically: true, encoding: .utf8)
            files += ["-f", file.path]
        }
        return try run(["simulate"] + files + arguments)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
