import Testing
@testable import KubeGridCore

@Suite struct ChartDirectoryTests {
    @Test func loadsValuesAndSubcharts() throws {
        let files = InMemoryFiles(files: [
            "c/Chart.yaml": "apiVersion: v2\nname: parent\nversion: 1.0.0\n",
            "c/values.yaml": "a: 1\n",
            "c/charts/z/Chart.yaml": "apiVersion: v2\nname: zed\nversion: 0.1.0\n",
            "c/charts/b/Chart.yaml": "apiVersion: v2\nname: bee\nversion: 0.1.0\n",
            "c/charts/b/values.yaml": "x: 2\n",
        ])
        let chart = try ChartDirectory(files: files).load("c")
        #expect(chart.name == "parent")
        #expect(chart.values == ["a": 1])
        #expect(chart.dependencies.map(\.name) == ["bee", "zed"])
        #expect(chart.dependencies[0].values == ["x": 2])
        #expect(chart.dependencies[1].values == .emptyMap)
    }

    @Test func dependencyAliasesRenameSubchartsAsHelmTemplateDoes() throws {
        let files = InMemoryFiles(files: [
            "c/Chart.yaml": "apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n- name: bee\n  version: 0.1.0\n  alias: one\n- name: bee\n  version: 0.1.0\n  alias: two\n",
            "c/charts/b/Chart.yaml": "apiVersion: v2\nname: bee\nversion: 0.1.0\n",
            "c/charts/b/values.yaml": "x: 2\n",
            "c/charts/z/Chart.yaml": "apiVersion: v2\nname: zed\nversion: 0.1.0\n",
        ])
        let chart = try ChartDirectory(files: files).load("c")
        #expect(chart.dependencies.map(\.name) == ["one", "two", "zed"])
        #expect(chart.dependencies[1].values == ["x": 2])
    }

    static let badCharts: [(String, ChartError)] = [
        ("apiVersion: v2\nversion: 1.0.0\n", .badMetadata(file: "c/Chart.yaml", field: "name", problem: "is required; add name: <chart name>")),
        ("apiVersion: v2\nname: x\n", .badMetadata(file: "c/Chart.yaml", field: "version", problem: "is required; add version: 0.1.0")),
        ("apiVersion: v2\nname: x\nversion: abc\n", .badMetadata(
            file: "c/Chart.yaml", field: "version", problem: "\"abc\" is not a semantic version; write it as 1.2.3")),
    ]

    @Test(arguments: badCharts)
    func rejectsBadMetadata(chartFile: String, expected: ChartError) {
        let files = InMemoryFiles(files: ["c/Chart.yaml": chartFile])
        #expect(throws: expected) { try ChartDirectory(files: files).load("c") }
    }

    @Test func needsChartYaml() {
        let files = InMemoryFiles(files: ["c/values.yaml": "a: 1\n"])
        #expect(throws: ChartError.missingChartFile(directory: "c")) { try ChartDirectory(files: files).load("c") }
        #expect(throws: ChartError.notADirectory("d")) { try ChartDirectory(files: files).load("d") }
    }

    @Test(arguments: ["1", "1.2", "v1.2.3", "1.2.3-rc.1+build.5", "0.1.0"])
    func acceptsSemanticVersions(version: String) {
        #expect(SemanticVersion.isValid(version))
    }

    @Test(arguments: ["abc", "1.2.3.4", "1..2", "1.2.3-", ""])
    func rejectsOtherVersions(version: String) {
        #expect(!SemanticVersion.isValid(version))
    }
}
