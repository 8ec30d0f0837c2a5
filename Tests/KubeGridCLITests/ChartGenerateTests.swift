import Foundation
import Testing

@Suite struct ChartGenerateTests {
    @Test func shippedChartFilesMatchTheModels() throws {
        let result = try KubeGridProcess.run(["chart", "generate", "--check"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func driftIsShownAsADiffAndExitsOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = KubeGridProcess.repositoryRoot.appendingPathComponent("templates").path
        let charts = directory.appendingPathComponent("charts").path
        let written = try KubeGridProcess.run(["chart", "generate", "--output", charts, "--templates", templates])
        #expect(written.exitCode == 0)
        let values = directory.appendingPathComponent("charts/insightedge-pu/values.yaml")
        var text = try String(contentsOf: values, encoding: .utf8)
        text = text.replacingOccurrences(of: "ha: false", with: "ha: true")
        try text.write(to: values, atomically: true, encoding: .utf8)
        let check = try KubeGridProcess.run(["chart", "generate", "--check", "--output", charts, "--templates", templates])
        #expect(check.exitCode == 1)
        #expect(check.stdout.isEmpty)
        #expect(check.stderr.contains("-ha: true\n+ha: false\n"), "\(check.stderr)")
        #expect(check.stderr.contains("error: 1 generated chart file(s) differ from kubegrid's models"))
    }
}
