import Testing

@testable import KubeGridCore

@Suite struct LinterTests {
    @Test func chartFindingsPointAtTheValuesLineBehindThem() {
        let report = lint(
            ["insightedge-pu"], files: ["v.yaml": "partitions: 2\nha: true\nantiAffinity: {enabled: true}\n"],
            values: ValuesOptions(valueFiles: ["v.yaml"]))
        let readiness = report.findings("KG211")
        #expect(readiness.count == 1)
        #expect(readiness.first?.location.description == "v.yaml:2:1")
        #expect(readiness.first?.input == "v.yaml")
        #expect(readiness.first?.message.hasPrefix("readinessProbe.enabled: StatefulSet testspace-insightedge-pu-1 ") == true)
        #expect(readiness.first?.message.contains("(and 1 more like it); set readinessProbe.enabled=true") == true)
    }

    @Test func aFlagIsNamedWhereNoFileSetTheKey() {
        let report = lint(["insightedge-pu"], values: ValuesOptions(set: ["partitions=two"]))
        #expect(report.findings.count == 1)
        #expect(report.findings[0].location == LintLocation(file: "insightedge-pu"))
        #expect(report.findings[0].message.hasPrefix("--set 'partitions=two': partitions: must be an integer"))
    }

    @Test func umbrellaFindingsCarryTheSubchartKey() {
        let report = lint(["insightedge"], files: ["v.yaml": "pu:\n  partitions: 1\n  ha: true\n  antiAffinity: {enabled: true}\n"],
                          values: ValuesOptions(valueFiles: ["v.yaml"]))
        #expect(report.findings("KG211").first?.message.hasPrefix("pu.readinessProbe.enabled: ") == true)
        #expect(report.findings("KG211").first?.location.description == "v.yaml:3:3")
    }

    @Test func eachPositionalValuesFileIsLintedOnItsOwn() {
        let report = lint(["insightedge-pu", "a.yaml", "b.yaml"], files: ["a.yaml": "partitions: 1\n", "b.yaml": "ha: true\n"])
        #expect(report.inputs.map(\.name) == ["insightedge-pu", "a.yaml", "b.yaml"])
        #expect(report.findings.map(\.rule) == ["KG102", "KG105"])
        #expect(report.findings.allSatisfy { $0.input == "b.yaml" })
    }

    @Test func valuesFilesNeedExactlyOneChart() {
        let report = lint(["insightedge-pu", "insightedge-manager", "a.yaml"], files: ["a.yaml": "ha: true\n"])
        #expect(report.findings("KG012").map(\.location.file) == ["a.yaml"])
        #expect(report.rules == ["KG012"], "the file is not linted against either chart")
    }

    @Test func anUnreadableInputDoesNotStopTheOthers() {
        let broken = LintFixtures.partition(replacing: "enterprise:15.5", with: "enterprise:latest")
        let report = lint(["missing.yaml", "bad.yaml", "m.yaml"], files: ["bad.yaml": "a: [\n", "m.yaml": broken])
        #expect(report.rules == ["KG010", "KG011", "KG213"])
        #expect(report.findings("KG011").first?.location.file == "bad.yaml")
    }

    @Test func manifestsAreOneClusterAcrossFiles() {
        let second = LintFixtures.nodePortService("b", nodePort: 31000)
        let report = lint(
            ["a.yaml", "b.yaml"],
            files: ["a.yaml": LintFixtures.partition(adding: LintFixtures.nodePortService("a", nodePort: 31000)), "b.yaml": second])
        let conflict = report.findings("KG202")
        #expect(conflict.map(\.location.description) == ["b.yaml:7:24"])
        #expect(conflict.first?.message.contains("Service a (a.yaml:56:24) already uses") == true)
    }

    @Test func aKubernetesListIsReadItemByItem() {
        let list = """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "x"},
               "spec": {"type": "NodePort", "selector": {"app": "none"}, "ports": [{"port": 1, "nodePort": 80}]}}]}
            """
        let report = lint(["list.json"], files: ["list.json": list])
        #expect(report.rules == ["KG201", "KG203"])
        #expect(report.findings("KG201").first?.location.description == "list.json:3:84")
    }

    @Test func aFolderOfManifestsIsReadRecursively() {
        let report = lint(["out"], files: [
            "out/a/templates/service.yaml": LintFixtures.nodePortService("a", nodePort: 31000),
            "out/b/templates/service.yaml": LintFixtures.nodePortService("b", nodePort: 31000),
            "out/notes.txt": "ignored",
        ])
        #expect(report.inputs.map(\.name) == ["out/a/templates/service.yaml", "out/b/templates/service.yaml"])
        #expect(report.rules == ["KG202", "KG203"])
    }

    @Test func theUmbrellaDirectoryPassesItsSubchartsUnderTheirAliases() throws {
        let directory = joinPath(joinPath(repositoryRoot, "charts"), "insightedge")
        let chart = try ChartDirectory(files: LocalFiles()).load(directory)
        #expect(chart.dependencies.map(\.name) == ["manager", "pu", "zeppelin"])
    }

    @Test func aGenericChartsValuesAreCheckedAgainstItsSchema() {
        var files = LintFixtures.chart("c")
        files["c/values.yaml"] = "replicas: 1\n"
        files["c/values.schema.json"] = #"{"properties": {"replicas": {"type": "integer", "maximum": 3}}}"#
        files["v.yaml"] = "replicas: 5\n"
        let report = lint(["c"], files: files, values: ValuesOptions(valueFiles: ["v.yaml"]))
        #expect(report.findings.map { "\($0.rule) \($0.location)" } == ["KG001 v.yaml:1:1"])
    }
}

@Suite struct HostileLintInputTests {
    @Test func negativeReplicasAreReadAsNone() {
        let text = LintFixtures.partition(replacing: "replicas: 2", with: "replicas: -3")
        let report = lint(["m.yaml"], files: ["m.yaml": text], nodes: 1)
        #expect(report.rules == ["KG203", "KG218"], "no pods: nothing to select")
    }

    @Test func aSelfReferencingSchemaStopsWithinItsBudget() {
        var files = LintFixtures.chart("c")
        files["c/values.yaml"] = "a: {a: {a: {a: 1}}}\n"
        files["c/values.schema.json"] = ##"{"oneOf": [{"$ref": "#"}, {"$ref": "#"}, {"type": "string"}], "minLength": 1e300}"##
        let report = lint(["c"], files: files)
        #expect(report.findings("KG309").contains { $0.message.contains("too intricate") })
    }

    @Test func theSameFileTwiceIsReadOnce() {
        let report = lint(["m.yaml", "m.yaml"], files: ["m.yaml": LintFixtures.partition])
        #expect(report.findings.isEmpty)
        #expect(report.inputs.count == 1)
    }

    @Test func aDocumentThatIsNotAnObjectIsAFinding() {
        let report = lint(["m.yaml"], files: ["m.yaml": "- a\n- b\n---\nkind: Service\n---\n42\n"])
        #expect(report.findings("KG216").map(\.location.description) == ["m.yaml:1:1", "m.yaml:4:1", "m.yaml:6:1"])
    }
}

@Suite struct DisruptionBudgetMatchingTests {
    @Test(arguments: [
        ("selector: {matchExpressions: [{key: selectorId, operator: In, values: [s-1]}]}", false),
        ("selector: {matchLabels: {app: s, selectorId: s-1}}", false),
        ("selector: {matchLabels: {app: s, selectorId: s-2}}", true),
    ])
    func aBudgetProtectsThePartitionItSelects(_ selector: String, _ unprotected: Bool) {
        let text = LintFixtures.partition(replacing: "selector: {matchLabels: {selectorId: s-1}}", with: selector)
        let report = lint(["m.yaml"], files: ["m.yaml": text])
        #expect(report.rules.contains("KG210") == unprotected)
    }
}

@Suite struct ChartDirectoryValuesTests {
    @Test func aFindingPointsAtTheUsersValuesBeforeTheChartsDefaults() {
        var files = LintFixtures.generatedChart(.processingUnit, at: "c")
        files["v.yaml"] = "partitions: 1\nha: true\nantiAffinity: {enabled: true}\n"
        let report = lint(["c"], files: files, values: ValuesOptions(valueFiles: ["v.yaml"]))
        #expect(report.findings.map { "\($0.rule) \($0.location)" } == ["KG211 v.yaml:2:1"])
    }

    @Test func theDirectorysOwnValuesAreItsDefaults() {
        var files = LintFixtures.generatedChart(.processingUnit, at: "c")
        files["c/values.yaml"] = files["c/values.yaml"]!.replacingFirst("partitions: null", with: "partitions: 1").replacingFirst("ha: false", with: "ha: true")
        let report = lint(["c"], files: files)
        #expect(report.rules == ["KG105", "KG211", "KG310"])
        #expect(report.findings("KG105").first?.location.file == "c/values.yaml")
    }
}
