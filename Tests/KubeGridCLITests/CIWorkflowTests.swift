import Foundation
import Testing

/// Runs the `kubegrid` commands of examples/ci/github-workflow.yaml as the workflow would,
/// so the example cannot drift from the command line.
@Suite struct CIWorkflowTests {
    static let workflow = KubeGridProcess.repositoryRoot.appendingPathComponent("examples/ci/github-workflow.yaml")

    /// Each `kubegrid …` command line (continuations joined), split into its words up to a redirection.
    static func commands() throws -> [(arguments: [String], output: String?)] {
        let text = try String(contentsOf: workflow, encoding: .utf8).replacingOccurrences(of: "\\\n", with: " ")
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard words.first == "kubegrid" else { return nil }
            let end = words.firstIndex { $0 == ">" || $0 == "||" } ?? words.count
            let output = end < words.count && words[end] == ">" ? words[end + 1] : nil
            return (Array(words[1..<end]), output)
        }
    }

    @Test func theWorkflowRendersAndLintsCleanly() throws {
        let commands = try Self.commands()
        #expect(commands.count == 6)
        #expect(commands.contains { $0.arguments.contains("sarif") && $0.arguments.first == "lint" })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rendered"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for folder in ["charts", "examples"] {
            try FileManager.default.createSymbolicLink(
                at: directory.appendingPathComponent(folder), withDestinationURL: KubeGridProcess.repositoryRoot.appendingPathComponent(folder))
        }
        for command in commands {
            let result = try KubeGridProcess.run(command.arguments, in: directory)
            if let output = command.output {
                try result.stdout.write(to: directory.appendingPathComponent(output), atomically: true, encoding: .utf8)
            }
            #expect(result.exitCode == 0, "\(command.arguments): \(result.stdout)\(result.stderr)")
            if command.arguments.contains("sarif") {
                #expect(result.stdout.contains("\"results\": []"), "the shipped charts and examples have no findings")
            }
        }
    }
}
