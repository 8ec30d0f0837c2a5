import Foundation
import Testing

/// Bad input: a clear `error:` naming the flag, key, file and line; exit 1 (2 for a wrong
/// command line); nothing on stdout.
@Suite struct ErrorReportingTests {
    static let inputErrors: [([String], String)] = [
        (["render", "insightedge-pu", "--set", "partitions=two"],
         "error: --set 'partitions=two': partitions: must be an integer, got the string \"two\"; write it without quotes\n"),
        (["render", "insightedge-pu", "--set", "service.type=Nodeport"],
         "error: --set 'service.type=Nodeport': service.type: \"Nodeport\" is not one of LoadBalancer, NodePort, ClusterIP (did you mean NodePort?)\n"),
        (["render", "insightedge-pu", "--name", "Bad_Name", "--set", "partitions=1"],
         "error: release name \"Bad_Name\" is not a DNS-1123 label; use lowercase letters, digits and '-', starting and ending with a letter or digit\n"),
        (["render", "insightedge-pu", "--name", String(repeating: "a", count: 54)],
         "error: release name \"\(String(repeating: "a", count: 54))\" is 54 characters; Helm allows at most 53\n"),
        (["render", "no-such-chart"], "error: "),
        (["render", "insightedge-pu", "-f", "/nonexistent/values.yaml"], "error: "),
        (["render", "insightedge-pu", "--set", "a.b"], "error: --set 'a.b'"),
    ]

    @Test(arguments: inputErrors)
    func inputErrorsExitOne(arguments: [String], expected: String) throws {
        let result = try KubeGridProcess.run(arguments)
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func valuesFileErrorsNameTheFileLineAndColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "partitions: 2\nha: true\nantiAffinity:\n  enabled: true\nservice:\n  type: NodePort\n  lrmi:\n    enabled: true\n    initialNodePort: 32766\n"
            .write(to: directory.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        let result = try KubeGridProcess.run(["render", "insightedge-pu", "--name", "testspace", "-f", "values.yaml"], in: directory)
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: values.yaml:9:5: service.lrmi.initialNodePort: 32766 + 4 instance services runs past 32767 (instance service testspace-insightedge-pu-2-1-service would get 32769); use at most 32764\n")

        try "partitions: [1\n".write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let malformed = try KubeGridProcess.run(["render", "insightedge-pu", "-f", "bad.yaml"], in: directory)
        #expect(malformed.exitCode == 1)
        #expect(malformed.stderr.hasPrefix("error: bad.yaml:2:1: invalid YAML: "))
    }

    @Test(arguments: [
        ["render"], ["render", "--bogus", "insightedge-pu"], ["render", "insightedge-pu", "--output", "xml"],
        ["render", "a", "b", "c"], ["render", "rel", "insightedge-pu", "--name", "other"], ["nonsense"],
        ["values"], ["serve", "--event-loop-threads", "0"], ["serve", "--port", "70000"], ["serve", "--speed", "0"],
    ])
    func commandLineErrorsExitTwo(arguments: [String]) throws {
        let result = try KubeGridProcess.run(arguments)
        #expect(result.exitCode == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
    }

    /// `serve --user`: a name and groups serve can make a token and context of, each once.
    @Test(arguments: [
        (["serve", "--user", "kubegrid:ops"], "error: --user kubegrid:ops: kubegrid is the serve admin's own user; choose another name; give NAME or NAME:GROUP[,GROUP…], e.g. --user alice:team-a\n"),
        (["serve", "--user", "alice:"], "error: --user alice:: a group is empty or has spaces; give NAME or NAME:GROUP[,GROUP…], e.g. --user alice:team-a\n"),
        (["serve", "--user", "eve:system:masters"], "error: --user eve:system:masters: system:masters is the serve admin's group; bind a ClusterRole instead; give NAME or NAME:GROUP[,GROUP…], e.g. --user alice:team-a\n"),
        (["serve", "--user", "alice:a", "--user", "alice:b"], "error: --user alice:b: alice is given twice; give each user once, with all its groups\n"),
    ])
    func badServeUsersExitTwo(arguments: [String], expected: String) throws {
        let result = try KubeGridProcess.run(arguments)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == expected)
    }

    @Test func invalidUTF8InAValuesFileIsAnError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([0x61, 0x3A, 0x20, 0xFF, 0x0A]).write(to: directory.appendingPathComponent("v.yaml"))
        let result = try KubeGridProcess.run(["values", "insightedge-pu", "-f", "v.yaml"], in: directory)
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: v.yaml:1:4: invalid YAML: invalid leading UTF-8 octet"), "\(result.stderr)")
    }
}
