import Foundation
import KubeGridCore
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import KubeGridSim

/// The HTML report's structure: one self-contained page, a cluster picture with primaries
/// and backups told apart, a timeline per scenario, well-formed SVG, escaped text.
@Suite struct HTMLReportTests {
    static func page(_ fixture: GridFixture, scenarios: [ScenarioName] = ScenarioName.all) throws -> (String, SimulationReport) {
        let report = try simulate(fixture, operations: 40, scenarios: scenarios)
        return (try HTMLReport.text(report), report)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Every `<svg …>…</svg>` block of the page.
    static func svgBlocks(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + ($0.components(separatedBy: "</svg>").first ?? "") + "</svg>" }
    }

    @Test func theHAExampleDrawsEveryPodAndATimelinePerScenario() throws {
        let (html, report) = try Self.page(.haExample)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("{{") && !html.contains("}}"))
        // Self-contained: nothing to fetch, nothing to run.
        for external in ["<script", "<link", " src=", " href=\"http", "url(", "@import"] { #expect(!html.contains(external), "\(external)") }
        #expect(Self.count("<svg class=\"cluster\"", in: html) == 1)
        #expect(Self.count("<svg class=\"timeline\"", in: html) == report.scenarios.count)
        #expect(Self.count("<rect class=\"pod-primary\"", in: html) == 4)
        #expect(Self.count("<rect class=\"pod-backup\"", in: html) == 4)
        #expect(Self.count("<rect class=\"pod-manager\"", in: html) == 3)
        #expect(Self.count("<rect class=\"node\"", in: html) == 3)
        // Failover: a dashed line per fault, and a window per partition.
        let failover = try #require(html.components(separatedBy: "<section id=\"scenario-failover\">").last)
        let timeline = try #require(Self.svgBlocks(failover).first)
        #expect(Self.count("<line class=\"fault\"", in: timeline) == 4)
        #expect(Self.count("<rect class=\"window\"", in: timeline) == 4)
        #expect(timeline.contains("<title>partition 1 unavailable for 8.004s from "))
        // The network partition: a line per node cut off.
        let partition = try #require(html.components(separatedBy: "<section id=\"scenario-partition\">").last)
        #expect(Self.count("<line class=\"fault\"", in: try #require(Self.svgBlocks(partition).first)) == 3)
    }

    @Test func everySVGIsWellFormedXML() throws {
        let (html, _) = try Self.page(GridFixture(partitions: 2, ha: false), scenarios: [.deploy, .nodeLoss])
        let blocks = Self.svgBlocks(html)
        #expect(blocks.count == 3)
        for block in blocks {
            let parser = XMLParser(data: Data(block.utf8))
            #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        }
    }

    @Test func failuresAreListedAndTextIsEscaped() throws {
        let (html, report) = try Self.page(GridFixture(partitions: 1), scenarios: [.deploy])
        _ = report
        let single = try HTMLReport.text(try simulate(GridFixture(partitions: 1), nodes: 1, operations: 10))
        #expect(!html.contains("class=\"badge fail\""))
        #expect(single.contains("<span class=\"badge fail\">FAIL</span>"))
        #expect(single.contains("<ul class=\"reasons\"><li>pod test-insightedge-pu-1-1 is Pending: 0/1 nodes are available: 1 node(s) didn&#39;t match pod anti-affinity rules."))
        #expect(single.contains("<rect class=\"pod-pending\""))
    }
}
