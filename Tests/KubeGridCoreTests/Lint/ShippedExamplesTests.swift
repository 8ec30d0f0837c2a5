import Testing

@testable import KubeGridCore

/// An example values file with the chart and release its `# Render:` comment names.
struct ShippedExample: CustomTestStringConvertible, Sendable {
    var file: String
    var chart: String
    var release: String

    var testDescription: String { file }

    /// Every `examples/*.yaml`, read from its comment.
    static let all: [ShippedExample] = {
        let files = LocalFiles()
        let directory = joinPath(repositoryRoot, "examples")
        return (files.directoryEntries(at: directory) ?? []).filter { $0.hasSuffix(".yaml") }.compactMap { name in
            let path = joinPath(directory, name)
            let text = String(decoding: (try? files.contents(of: path)) ?? [], as: UTF8.self)
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("# Render: kubegrid render ") }) else { return nil }
            let words = line.split(separator: " ").map(String.init)
            guard let name = words.firstIndex(of: "--name") else { return nil }
            return ShippedExample(file: path, chart: words[4], release: words[name + 1])
        }
    }()

    /// The chart linted with the example's values.
    func chartReport() -> LintReport {
        let options = LintOptions(
            inputs: [chart], values: ValuesOptions(valueFiles: [file]), release: ReleaseOptions(name: release))
        return Linter(options: options).run(files: LocalFiles())
    }

    /// The manifests the example renders, linted on their own.
    func manifestReport() throws -> LintReport {
        let job = RenderJob(chart: chart, release: ReleaseOptions(name: release), options: ValuesOptions(valueFiles: [file]))
        var text = ""
        for template in try job.plan(files: LocalFiles()).templates {
            text += String(decoding: try ManifestWriter().file(template), as: UTF8.self)
        }
        return lint(["rendered.yaml"], files: ["rendered.yaml": text])
    }

    /// Whether the example asks for load balancers per Space instance (KG109, an info).
    var countsLoadBalancers: Bool {
        ["pu-production-ha.yaml", "umbrella-production-ha.yaml", "umbrella-zeppelin-metrics.yaml"].contains { file.hasSuffix($0) }
    }
}

@Suite struct ShippedExamplesTests {
    /// The findings of every example, charted and rendered, and of the shipped chart directories.
    static let findings: [(example: String, finding: LintFinding)] = {
        var all: [(String, LintFinding)] = []
        for example in ShippedExample.all {
            all += example.chartReport().findings.map { (example.file, $0) }
            all += ((try? example.manifestReport())?.findings ?? []).map { (example.file, $0) }
        }
        all += ShippedChartsTests.report().findings.map { ("charts", $0) }
        return all
    }()

    @Test func everyExampleIsFound() {
        #expect(ShippedExample.all.count == 12)
        #expect(Set(ShippedExample.all.map(\.chart)) == [
            "insightedge-manager", "insightedge-pu", "insightedge", "insightedge-tenant", "insightedge-spark",
        ])
    }

    @Test(arguments: ShippedExample.all)
    func lintsCleanUnderStrict(_ example: ShippedExample) throws {
        let report = example.chartReport()
        #expect(report.passes(strict: true), "\(report.findings.map(\.message))")
        #expect(report.findings.allSatisfy { $0.rule == "KG109" })
        #expect(report.findings.isEmpty != example.countsLoadBalancers)
        let rendered = try example.manifestReport()
        #expect(rendered.findings.isEmpty, "\(rendered.findings.map { "\($0.location): \($0.message)" })")
    }

    /// Each rule stays silent on the examples; KG109 only speaks where it should.
    @Test(arguments: RuleCatalogue.all.map(\.id))
    func ruleIsSilentOnTheShippedExamples(_ rule: String) {
        let found = Self.findings.filter { $0.finding.rule == rule }
        if rule == "KG109" {
            #expect(Set(found.map(\.example)) == Set(ShippedExample.all.filter(\.countsLoadBalancers).map(\.file)))
        } else {
            #expect(found.isEmpty, "\(found.map { "\($0.finding.location): \($0.finding.message)" })")
        }
    }
}

@Suite struct ShippedChartsTests {
    static let chartDirectories = BuiltInChart.allCases.map { joinPath(joinPath(repositoryRoot, "charts"), $0.rawValue) }

    static func report() -> LintReport {
        Linter(options: LintOptions(inputs: chartDirectories, release: ReleaseOptions(name: "release-name"))).run(files: LocalFiles())
    }

    @Test func shippedChartsLintCleanUnderStrict() {
        let report = Self.report()
        #expect(report.passes(strict: true))
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.location): \($0.message) [\($0.rule)]" })")
    }
}
