import Testing

@testable import KubeGridCore

@Suite struct LintOutputTests {
    static let report = LintReport(
        inputs: [LintReport.Input(name: "a.yaml", rules: ["KG201", "KG213"]), LintReport.Input(name: "b.yaml", rules: ["KG201"])],
        findings: [
            LintFinding(rule: "KG213", location: LintLocation(file: "a.yaml", line: 9, column: 3), message: "image <x> & \"y\"", input: "a.yaml"),
            LintFinding(rule: "KG201", location: LintLocation(file: "a.yaml", line: 2, column: 5), message: "port, 1: 100%\nnext", input: "a.yaml"),
            LintFinding(rule: "KG201", location: LintLocation(file: "a.yaml", line: 2, column: 5), message: "port, 1: 100%\nnext", input: "a.yaml"),
        ])

    @Test func findingsAreSortedAndUnique() {
        #expect(Self.report.findings.map(\.rule) == ["KG201", "KG213"])
        #expect(Self.report.summary == "2 file(s) linted, 1 error(s), 1 warning(s)")
        #expect(Self.report.passes(strict: false) == false)
    }

    @Test func strictDecidesWhetherWarningsFail() {
        let warningsOnly = LintReport(inputs: Self.report.inputs, findings: Self.report.findings.filter { $0.severity == .warning })
        #expect(warningsOnly.passes(strict: false))
        #expect(!warningsOnly.passes(strict: true))
        let infosOnly = LintReport(inputs: [], findings: [LintFinding(rule: "KG109", location: LintLocation(file: "c"), message: "m", input: "c")])
        #expect(infosOnly.passes(strict: true))
    }

    @Test func textFollowsTheSpec() {
        #expect(TextLintFormat.render(Self.report) == """
            a.yaml:2:5: error: port, 1: 100%
            next [KG201]
            a.yaml:9:3: warning: image <x> & "y" [KG213]
            2 file(s) linted, 1 error(s), 1 warning(s)

            """)
    }

    @Test func githubCommandsEscapeTheirData() {
        let lines = GitHubLintFormat.render(Self.report).split(separator: "\n")
        #expect(lines[0] == "::error file=a.yaml,line=2,col=5,title=KG201::port, 1: 100%25%0Anext")
        #expect(lines[1] == "::warning file=a.yaml,line=9,col=3,title=KG213::image <x> & \"y\"")
        #expect(GitHubLintFormat.property("a:b,c%") == "a%3Ab%2Cc%25")
    }

    @Test func junitEscapesMarkupAndCountsFailures() {
        let xml = JUnitLintFormat.render(Self.report)
        #expect(xml.contains(#"<testsuites name="kubegrid lint" tests="3" failures="2" errors="0">"#))
        #expect(xml.contains(#"<failure type="warning" message="image &lt;x&gt; &amp; &quot;y&quot;">"#))
        #expect(xml.contains(#"<testsuite name="b.yaml" tests="1" failures="0" errors="0" skipped="0">"#))
        #expect(XMLText.escaped("a\u{1}b\tc") == "ab&#9;c")
    }

    @Test func sarifNamesEveryRuleAndPointsAtLines() throws {
        let sarif = try JSONReader.parse(try SARIFLintFormat.render(Self.report))
        let run = sarif["runs"]?.listValue?.first
        #expect(sarif["version"] == "2.1.0")
        #expect(run?.value(at: ["tool", "driver", "rules"])?.listValue?.count == RuleCatalogue.all.count)
        let result = run?["results"]?.listValue?.first
        #expect(result?["ruleId"] == "KG201")
        #expect(result?["level"] == "error")
        let region = result?.value(at: ValuePath(dotted: "locations")).flatMap { $0.listValue?.first }?.value(at: ValuePath(dotted: "physicalLocation.region"))
        #expect(region == ["startLine": 2, "startColumn": 5])
        #expect(SARIFLintFormat.uri("dir with space/a%.yaml") == "dir%20with%20space/a%25.yaml")
    }

    @Test func jsonHasTheFieldsTheSpecNames() throws {
        let json = try JSONReader.parse(try JSONLintFormat.render(Self.report, strict: true))
        let first = json["findings"]?.listValue?.first
        #expect(first?.mapValue.map { Array($0.keys) } == ["file", "line", "column", "severity", "rule", "message"])
        #expect(json.value(at: ["summary", "errors"]) == 1)
        #expect(json.value(at: ["summary", "passed"]) == false)
    }

    @Test func theRuleIdsAreUniqueAndDocumented() {
        let ids = RuleCatalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(RuleCatalogue.all.map(\.name)).count == ids.count)
        for rule in RuleCatalogue.all {
            #expect(!rule.title.isEmpty && !rule.help.isEmpty && !rule.documentation.isEmpty, "\(rule.id)")
        }
    }
}
