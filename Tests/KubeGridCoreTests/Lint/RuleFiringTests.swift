import Testing

@testable import KubeGridCore

/// One minimal bad input per rule, and where the finding must point.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var rule: String
    var inputs: [String]
    var files: [String: String] = [:]
    var values: ValuesOptions = ValuesOptions()
    var release = "testspace"
    var nodes: Int?
    /// `file:line:column` (or the file alone) the finding must be at.
    var location: String

    var testDescription: String { rule }

    static func values(_ rule: String, _ text: String, chart: String = "insightedge-pu", at location: String) -> RuleCase {
        RuleCase(rule: rule, inputs: [chart], files: ["v.yaml": text], values: ValuesOptions(valueFiles: ["v.yaml"]), location: location)
    }

    static func manifest(_ rule: String, _ text: String, nodes: Int? = nil, at location: String) -> RuleCase {
        RuleCase(rule: rule, inputs: ["m.yaml"], files: ["m.yaml": text], nodes: nodes, location: location)
    }

    static func directory(_ rule: String, _ files: [String: String], at location: String) -> RuleCase {
        RuleCase(rule: rule, inputs: ["c"], files: files, location: location)
    }
}

@Suite struct RuleFiringTests {
    static let cases: [RuleCase] = inputCases + valuesCases + manifestCases + directoryCases

    static let inputCases: [RuleCase] = [
        RuleCase(rule: "KG010", inputs: ["missing.yaml"], location: "missing.yaml"),
        .manifest("KG011", "a: [1\nb: 2\n", at: "m.yaml:2:2"),
        RuleCase(rule: "KG012", inputs: ["v.yaml"], files: ["v.yaml": "partitions: 2\n"], location: "v.yaml"),
        .directory("KG013", LintFixtures.chart("c").merging(["c/charts/redis-1.0.0.tgz": "packed"]) { $1 }, at: "c"),
    ]

    static let valuesCases: [RuleCase] = [
        .values("KG001", "partitions: two\n", at: "v.yaml:1:1"),
        .values("KG002", "partitions: 1\nantiAfinity:\n  enabled: true\n", at: "v.yaml:2:1"),
        .values("KG003", "service:\n  type: NodePort\n  lrmi:\n    enabled: true\n    InitialNodePort: 31000\n", at: "v.yaml:5:5"),
        // GigaSpaces' own chart keys (LegacyKeys): a moved key, a translated one, a dropped one.
        .values("KG003", "partitions: 1\nservice:\n  port: 8300\n", at: "v.yaml:3:3"),
        .values("KG003", "partitions: 1\nenableExternalClient: true\n", at: "v.yaml:2:1"),
        .values("KG003", "hs:\n  ports:\n    lookupService: 4174\n", chart: "insightedge-manager", at: "v.yaml:3:5"),
        .values("KG003", "metrics:\n  enabled: true\n", chart: "insightedge", at: "v.yaml:1:1"),
        .values("KG101", "partitions: 2\ninstances: 2\n", at: "v.yaml:2:1"),
        .values("KG102", "ha: true\n", at: "v.yaml:1:1"),
        .values("KG103", "instances: 2\nantiAffinity: {enabled: true}\n", at: "v.yaml:2:16"),
        .values("KG104", "partitions: 1\nmemoryXtendVolume:\n  enabled: true\n", at: "v.yaml:2:1"),
        .values("KG105", "partitions: 1\nha: true\n", at: "v.yaml:2:1"),
        .values("KG106", "service:\n  type: ClusterIP\n  lrmi:\n    initialNodePort: 31000\n", at: "v.yaml:4:5"),
        .values(
            "KG107", "partitions: 4\nha: true\nservice:\n  type: NodePort\n  lrmi: {enabled: true, initialNodePort: 32766}\n",
            at: "v.yaml:5:25"),
        .values(
            "KG108", """
            manager: {service: {type: NodePort, api: {nodePort: 31000}}}
            pu: {partitions: 1, service: {type: NodePort, lrmi: {enabled: true, initialNodePort: 31000}}}

            """, chart: "insightedge", at: "v.yaml:1:43"),
        .values("KG109", "partitions: 1\nservice:\n  lrmi:\n    enabled: true\n", at: "v.yaml:2:1"),
        RuleCase(rule: "KG110", inputs: ["insightedge-pu"], release: "Bad_Name", location: "insightedge-pu"),
        RuleCase(
            rule: "KG111", inputs: ["insightedge-pu"], files: ["v.yaml": "partitions: 10\n"],
            values: ValuesOptions(valueFiles: ["v.yaml"]), release: String(repeating: "a", count: 40), location: "insightedge-pu"),
    ]

    static let manifestCases: [RuleCase] = [
        .manifest("KG201", LintFixtures.partition(adding: LintFixtures.nodePortService("np", nodePort: 29999)), at: "m.yaml:56:24"),
        .manifest(
            "KG202",
            LintFixtures.partition(
                adding: LintFixtures.nodePortService("a", nodePort: 31000) + "---\n" + LintFixtures.nodePortService("b", nodePort: 31000)),
            at: "m.yaml:64:24"),
        .manifest(
            "KG203",
            LintFixtures.partition(adding: "apiVersion: v1\nkind: Service\nmetadata: {name: lost}\nspec:\n  selector: {app: nobody}\n  ports: [{port: 80}]\n"),
            at: "m.yaml:54:3"),
        .manifest("KG204", LintFixtures.partition(replacing: "serviceName: s-hs", with: "serviceName: s-missing"), at: "m.yaml:24:3"),
        .manifest(
            "KG205", LintFixtures.partition(replacing: "  selector:\n    matchLabels: {selectorId: s-1}", with: "  selector:\n    matchLabels: {selectorId: s-2}"),
            at: "m.yaml:25:3"),
        .manifest("KG206", LintFixtures.partition(adding: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_Name}\n"), at: "m.yaml:52:12"),
        .manifest(
            "KG207",
            LintFixtures.partition(
                replacing: "metadata: {name: s-1, namespace: default}\nspec:\n  replicas",
                with: "metadata: {name: \(String(repeating: "s", count: 53)), namespace: default}\nspec:\n  replicas"),
            at: "m.yaml:21:12"),
        .manifest("KG208", LintFixtures.partition(replacing: "labels: {app: s}", with: "labels: {app: \(String(repeating: "x", count: 64))}"), at: "m.yaml:6:12"),
        .manifest(
            "KG209",
            LintFixtures.partition(
                replacing: """
                          affinity:
                            podAntiAffinity:
                              requiredDuringSchedulingIgnoredDuringExecution:
                              - labelSelector: {matchExpressions: [{key: selectorId, operator: In, values: [s-1]}]}
                                topologyKey: kubernetes.io/hostname

                    """, with: ""),
            at: "m.yaml:30:5"),
        .manifest("KG210", LintFixtures.partition(replacing: "kind: PodDisruptionBudget", with: "kind: ConfigMap"), at: "m.yaml:21:12"),
        .manifest(
            "KG211", LintFixtures.partition(replacing: "        readinessProbe: {httpGet: {path: /probes/ready, port: 8089}}\n", with: ""),
            at: "m.yaml:37:9"),
        .manifest("KG212", LintFixtures.partition(replacing: "        resources: {limits: {memory: 400Mi}}\n", with: ""), at: "m.yaml:37:9"),
        .manifest("KG213", LintFixtures.partition(replacing: "enterprise:15.5", with: "enterprise:latest"), at: "m.yaml:38:9"),
        .manifest("KG214", LintFixtures.partition(replacing: "policy/v1", with: "policy/v1beta1"), at: "m.yaml:12:1"),
        .manifest("KG215", LintFixtures.partition, nodes: 1, at: "m.yaml:32:9"),
        .manifest(
            "KG216", LintFixtures.partition(adding: "apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  ports: [{name: a}]\n"),
            at: "m.yaml:54:11"),
        .manifest("KG217", LintFixtures.partition + "---\n" + LintFixtures.partition, at: "m.yaml:53:3"),
        .manifest(
            "KG218", LintFixtures.partition(replacing: "selector: {matchLabels: {selectorId: s-1}}", with: "selector: {matchLabels: {selectorId: s-9}}"),
            at: "m.yaml:17:3"),
        // Init containers need a memory limit too.
        .manifest(
            "KG212", LintFixtures.partition(replacing: "      containers:\n", with: "      initContainers:\n      - {name: wait, image: busybox:1.36}\n      containers:\n"),
            at: "m.yaml:37:9"),
        // The security rules, each on the example its type documents.
        .manifest("KG219", PodSecurityRule.example, at: "m.yaml:4:1"),
        .manifest("KG220", TokenAutomountRule.example, at: "m.yaml:4:1"),
        .manifest("KG221", RBACWildcardRule.example, at: "m.yaml:6:15"),
        .manifest("KG222", GroupBindingRule.example, at: "m.yaml:7:3"),
        .manifest("KG223", SecretLiteralRule.example, at: "m.yaml:9:27"),
        .manifest("KG224", NetworkPolicyCoverageRule.example, at: "m.yaml:8:16"),
        .manifest("KG225", QuotaRule.example, at: "m.yaml:5:10"),
        // The partition with what each rule looks for taken away, or added.
        .manifest("KG219", LintFixtures.partition(replacing: "allowPrivilegeEscalation: false", with: "allowPrivilegeEscalation: true"), at: "m.yaml:30:5"),
        .manifest("KG220", LintFixtures.partition(replacing: "automountServiceAccountToken: false", with: "automountServiceAccountToken: true"), at: "m.yaml:42:7"),
        .manifest("KG224", LintFixtures.partition(replacing: "matchLabels: {app: s}}, policyTypes", with: "matchLabels: {app: t}}, policyTypes"), at: "m.yaml:29:7"),
    ]

    static let directoryCases: [RuleCase] = [
        // GigaSpaces' own insightedge-pu directory: its values.yaml holds the 15.0 keys.
        .directory("KG003", LintFixtures.chart("c", chartFile: "apiVersion: v1\nname: insightedge-pu\nversion: 15.0.0\n")
            .merging(["c/values.yaml": "partitions: 1\nservice:\n  type: LoadBalancer\n  port: 8200\n"]) { $1 }, at: "c/values.yaml:4:3"),
        .directory("KG301", LintFixtures.chart("c", chartFile: "just text\n"), at: "c/Chart.yaml"),
        .directory("KG302", LintFixtures.chart("c", chartFile: "name: demo\nversion: 1.0.0\n"), at: "c/Chart.yaml:1:1"),
        .directory("KG303", LintFixtures.chart("c", chartFile: "apiVersion: v1\nname: demo\nversion: 1.0.0\n"), at: "c/Chart.yaml:1:1"),
        .directory("KG304", LintFixtures.chart("c", chartFile: "apiVersion: v2\nversion: 1.0.0\n"), at: "c/Chart.yaml:1:1"),
        .directory("KG305", LintFixtures.chart("c", chartFile: "apiVersion: v2\nname: demo\nversion: 1.x\n"), at: "c/Chart.yaml:3:1"),
        .directory("KG305", LintFixtures.chart("c", chartFile: "apiVersion: v2\nname: demo\nversion: 1.2\n"), at: "c/Chart.yaml:3:1"),
        .directory("KG306", LintFixtures.chart("c", chartFile: "apiVersion: v2\nname: demo\nversion: v1.2\n"), at: "c/Chart.yaml:3:1"),
        .directory("KG307", LintFixtures.chart("c").merging(["c/values.yaml": "- a\n- b\n"]) { $1 }, at: "c/values.yaml:1:1"),
        .directory("KG308", LintFixtures.chart("c").merging(["c/values.schema.json": "[1, 2]"]) { $1 }, at: "c/values.schema.json"),
        .directory(
            "KG309",
            LintFixtures.chart("c").merging([
                "c/values.yaml": "replicas: 1\nname: x\n",
                "c/values.schema.json": #"{"type": "object", "properties": {"name": {"type": "integer"}}}"#,
            ]) { $1 },
            at: "c/values.yaml:2:1"),
        .directory(
            "KG310",
            LintFixtures.generatedChart(.processingUnit, at: "c").merging([
                "c/values.yaml": (try! ChartFiles.valuesYAML(.processingUnit)).replacingFirst("tag: \"15.5\"", with: "tag: \"15.4\"")
            ]) { $1 },
            at: "c/values.yaml:12:1"),
        .directory("KG311", ["c/Chart.yaml": "apiVersion: v2\nname: demo\nversion: 1.0.0\n"], at: "c/templates"),
        .directory("KG312", LintFixtures.generatedChart(.manager, at: "c", templates: false), at: "c/templates"),
        .directory(
            "KG313",
            LintFixtures.chart("c", chartFile: "apiVersion: v2\nname: demo\nversion: 1.0.0\ndependencies:\n- name: redis\n  version: 1.0.0\n"),
            at: "c/Chart.yaml:5:3"),
    ]

    @Test(arguments: cases)
    func firesOnAMinimalBadInput(_ example: RuleCase) {
        let report = lint(example.inputs, files: example.files, values: example.values, release: example.release, nodes: example.nodes)
        let found = report.findings(example.rule)
        #expect(!found.isEmpty, "\(example.rule) did not fire; found \(report.findings.map { "\($0.rule) \($0.location)" })")
        #expect(found.contains { $0.location.description == example.location }, "at \(found.map(\.location.description))")
        #expect(found.allSatisfy { $0.severity == RuleCatalogue.rule(example.rule)?.severity })
        #expect(report.passes(strict: true) == (RuleCatalogue.rule(example.rule)?.severity == .info))
    }

    @Test func everyRuleHasAFiringCase() {
        let covered = Set(Self.cases.map(\.rule))
        let missing = RuleCatalogue.all.map(\.id).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "rules without a firing case: \(missing)")
    }

    @Test func theCleanPartitionBreaksNoRule() {
        let report = lint(["m.yaml"], files: ["m.yaml": LintFixtures.partition], nodes: 2)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.location): \($0.message) [\($0.rule)]" })")
    }

    @Test func aCleanChartDirectoryBreaksNoRule() {
        #expect(lint(["c"], files: LintFixtures.chart("c")).findings.isEmpty)
        let generated = lint(["c"], files: LintFixtures.generatedChart(.processingUnit, at: "c"))
        #expect(generated.findings.isEmpty, "\(generated.findings.map(\.message))")
    }
}
