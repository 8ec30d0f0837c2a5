import Foundation
import Testing
@testable import KubeGridCore

/// A chart folder's subcharts take the aliases `Chart.yaml` gives them, as in Helm's render.
@Suite struct ChartDirectoryAliasTests {
    static let charts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("charts").path

    @Test func umbrellaSubchartsAreNamedByTheirAliases() throws {
        let chart = try ChartDirectory().load(Self.charts + "/insightedge")
        #expect(chart.dependencies.map(\.name).sorted() == ["manager", "pu", "zeppelin"])
    }

    @Test func subchartValuesSetToNullFallBackToTheSubchartDefaults() throws {
        let job = RenderJob(
            chart: Self.charts + "/insightedge", release: ReleaseOptions(name: "grid"),
            options: ValuesOptions(set: ["pu=null"]))
        let outcome = try job.plan(files: LocalFiles())
        #expect(outcome.notes.isEmpty, "\(outcome.notes)")
        #expect(outcome.templates.flatMap(\.objects).contains { $0.kind == "StatefulSet" && $0.name == "grid-insightedge-pu" })
    }
}
