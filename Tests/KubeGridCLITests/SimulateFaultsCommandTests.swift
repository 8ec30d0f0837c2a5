import Foundation
import Testing

/// `kubegrid simulate` with the fault scenarios and `--report`, end to end.
@Suite struct SimulateFaultsCommandTests {
    static let umbrellaHA = ["insightedge", "--name", "prod", "-f", "examples/umbrella-production-ha.yaml"]

    func render(_ extra: [String] = []) throws -> String {
        let result = try KubeGridProcess.run(["render"] + Self.umbrellaHA + extra)
        #expect(result.exitCode == 0, "\(result.stderr)")
        return result.stdout
    }

    func simulate(_ manifests: String, _ arguments: [String], in directory: URL = KubeGridProcess.repositoryRoot) throws
        -> KubeGridProcess.Result
    {
        try KubeGridProcess.run(["simulate", "-f", "-"] + arguments, stdin: manifests, in: directory)
    }

    @Test func theHAExamplePassesEveryScenario() throws {
        let result = try simulate(try render(), ["--scenario", "all"])
        #expect(result.exitCode == 0, "\(result.stdout)")
        let lines = result.stdout.split(separator: "\n").dropFirst()
        #expect(lines.map { $0.split(separator: ":")[0] } == ["PASS deploy", "PASS failover", "PASS node-loss", "PASS rolling-upgrade", "PASS manager-loss", "PASS drain", "PASS pause", "PASS partition"])
        #expect(result.stderr.isEmpty, "no progress line when stderr is not a terminal")
    }

    @Test func withoutHANodeLossFailsWithLostWrites() throws {
        let result = try simulate(try render(["--set", "pu.ha=false"]), ["--scenario", "node-loss"])
        #expect(result.exitCode == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("FAIL node-loss: 3 faults healed, 7/7 pods ready, 4/4 partitions serving, "))
        #expect(!lines[1].contains(" 0 lost"))
        #expect(lines.contains { $0.hasPrefix("  - partition ") && $0.contains("and with ha=false there is no backup") })
    }

    @Test func theReportIsWrittenFromAnyDirectoryAndTheSameSeedGivesTheSameBytes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifests = try render(["--set", "pu.readinessProbe.enabled=false"])
        var pages: [String] = []
        var outputs: [String] = []
        for run in 0..<2 {
            let arguments = ["--scenario", "all", "--seed", "3", "--format", "json", "--report", "report-\(run).html"]
            let result = try simulate(manifests, arguments, in: directory)
            #expect(result.exitCode == 1)
            outputs.append(result.stdout)
            pages.append(try String(contentsOf: directory.appendingPathComponent("report-\(run).html"), encoding: .utf8))
        }
        #expect(outputs[0] == outputs[1])
        #expect(pages[0] == pages[1])
        #expect(pages[0].hasPrefix("<!DOCTYPE html>"))
        #expect(pages[0].contains("<section id=\"scenario-rolling-upgrade\">\n  <h2>rolling-upgrade <span class=\"badge fail\">FAIL</span></h2>"))
        // The drain scenario is in both reports.
        #expect(pages[0].contains("<section id=\"scenario-drain\">"))
        #expect(outputs[0].contains("\"name\": \"drain\""))
    }

    @Test func withoutDisruptionBudgetsTheDrainFailsAndNamesTheBudget() throws {
        let result = try simulate(try render(["--set", "pu.podDisruptionBudget.enabled=false"]), ["--scenario", "drain"])
        #expect(result.exitCode == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("FAIL drain: 1 fault healed, "))
        #expect(lines.contains { $0.contains("enable the PodDisruptionBudget (podDisruptionBudget.enabled=true)") })
    }

    @Test func failbackAndTheDetectionDelayAreFlags() throws {
        let manifests = try render()
        let result = try simulate(manifests, ["--scenario", "failover", "--detection-delay", "2.5", "--failback", "--format", "json"])
        #expect(result.exitCode == 0, "\(result.stdout)")
        #expect(result.stdout.contains("(backup) is primary of partition 1 2.5s after the primary left"))
        #expect(result.stdout.contains("is primary of partition 1 again (failback)"))
    }

    static let usageErrors: [([String], String)] = [
        (["--detection-delay=-1"], "error: --detection-delay must be between 0 and 3600 seconds, got -1"),
        (["--detection-delay", "soon"], "error: The value 'soon' is invalid for '--detection-delay <SECONDS>'"),
        (["--scenario", "failover", "--scenario", "chaos"], "error: --scenario chaos is not one of"),
        (["--ops", "1000000001"], "error: --ops must be at most 1000000000, got 1000000001"),
        (["--ops=-3"], "error: --ops must not be negative, got -3"),
        (["--ops", "99999999999999999999"], "error: The value '99999999999999999999' is invalid for '--ops <ops>'"),
        (["--clients", "20000"], "error: --clients must be at most 10000, got 20000"),
    ]

    @Test(arguments: usageErrors)
    func aWrongFlagExitsTwo(arguments: [String], expected: String) throws {
        let result = try KubeGridProcess.run(["simulate", "-f", "-"] + arguments, stdin: "")
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
    }

    @Test func theHistoryIsWrittenOnlyWhenAskedOneOperationALine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try simulate(try render(), ["--ops", "10", "--history", "history.jsonl"], in: directory)
        #expect(result.exitCode == 0, "\(result.stdout)")
        let text = try String(contentsOf: directory.appendingPathComponent("history.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        // A write and a read per partition (4), 10 more, each invoked and completed, then the
        // final read of each key written (invoke and completion).
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.filter { $0["process"] as? Int == 0 }.count == 2 * (8 + 10))
        #expect(objects.allSatisfy { $0["scenario"] as? String == "deploy" })
        #expect(objects.first?["type"] as? String == "invoke" && objects.first?["f"] as? String == "write")
        let unwritable = try simulate(try render(), ["--history", "no/such/dir/history.jsonl"], in: directory)
        #expect(unwritable.exitCode == 1 && unwritable.stdout.isEmpty)
        #expect(unwritable.stderr.hasPrefix("error: --history no/such/dir/history.jsonl: cannot open it for writing: No such file or directory"))
    }
}
