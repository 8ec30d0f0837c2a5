import Testing

@testable import KubeGridCore

@Suite struct KubernetesNamesTests {
    @Test(arguments: [
        ("demo-insightedge-pu-1", true), ("a", true), ("1a", true), ("-a", false), ("a-", false), ("A", false),
        ("a.b", false), ("", false), (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false),
    ])
    func dnsLabels(_ name: String, _ valid: Bool) {
        #expect((KubernetesNames.dnsLabelProblem(name) == nil) == valid)
    }

    @Test(arguments: [("svc", true), ("1svc", false), ("s-1", true)])
    func serviceNamesStartWithALetter(_ name: String, _ valid: Bool) {
        #expect((KubernetesNames.serviceNameProblem(name) == nil) == valid)
    }

    @Test(arguments: [("a.b.c", true), ("a..b", false), ("a.-b", false), (String(repeating: "a.", count: 127) + "a", false)])
    func subdomains(_ name: String, _ valid: Bool) {
        #expect((KubernetesNames.subdomainProblem(name) == nil) == valid)
    }

    @Test(arguments: [
        ("pod-0.187a3f", true), ("a--b.c", true), ("1.2", true), ("", false), (".a", false), ("a.", false), ("a-.b", false),
        ("a.-b", false), ("a..b", false), ("-a", false), ("a-", false), ("a_b", false), ("A.b", false), ("é", false),
    ])
    func subdomainSyntax(_ name: String, _ valid: Bool) {
        #expect(KubernetesNames.hasSubdomainSyntax(name) == valid)
    }

    @Test(arguments: [
        ("app.kubernetes.io/name", true), ("selectorId", true), ("Upper_Case.ok", true), ("/name", false),
        ("a/b/c", false), ("-x", false), ("Bad.Prefix/x", false), (String(repeating: "k", count: 64), false),
    ])
    func labelKeys(_ key: String, _ valid: Bool) {
        #expect((KubernetesNames.labelKeyProblem(key) == nil) == valid)
    }

    @Test(arguments: [("", true), ("15.5", true), ("a_b", true), ("a b", false), ("-a", false), (String(repeating: "v", count: 64), false)])
    func labelValues(_ value: String, _ valid: Bool) {
        #expect((KubernetesNames.labelValueProblem(value) == nil) == valid)
    }
}

@Suite struct VersionAndImageTests {
    @Test(arguments: [
        ("1.2.3", true), ("15.5.0", true), ("1.2.3-rc.1+build.5", true), ("1.2", false), ("v1.2.3", false),
        ("01.2.3", false), ("1.2.3-01", false), ("1.2.3-", false), ("1.2.3+", false),
    ])
    func strictSemanticVersions(_ version: String, _ valid: Bool) {
        #expect(StrictSemanticVersion.isValid(version) == valid)
    }

    @Test(arguments: [("1.2", "1.2.0"), ("v1.2.3", "1.2.3"), ("v1-rc1", "1.0.0-rc1")])
    func suggestions(_ version: String, _ suggested: String) {
        #expect(StrictSemanticVersion.suggestion(for: version) == suggested)
    }

    @Test(arguments: [
        ("gigaspaces/insightedge-enterprise:15.5", false), ("registry:5000/gs/image:15.5", false), ("image@sha256:abc", false),
        ("gigaspaces/insightedge-enterprise", true), ("registry:5000/gs/image", true), ("image:latest", true), ("image:", true),
    ])
    func imageTags(_ image: String, _ flagged: Bool) {
        #expect((ContainerRules.imageProblem(image) != nil) == flagged)
    }
}

@Suite struct JSONSchemaCheckTests {
    static let schema: Values = try! JSONReader.parse(#"""
        {"type": "object", "additionalProperties": false,
         "definitions": {"port": {"type": "integer", "minimum": 1, "maximum": 65535}},
         "required": ["name"],
         "properties": {
           "name": {"type": "string", "minLength": 1},
           "port": {"$ref": "#/definitions/port"},
           "mode": {"enum": ["a", "b"]},
           "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
           "ratio": {"type": "number", "exclusiveMaximum": 1},
           "ha": {"type": "boolean"}},
         "allOf": [{"if": {"properties": {"ha": {"const": true}}, "required": ["ha"]}, "then": {"required": ["port"]}}]}
        """#)

    @Test(arguments: [
        (#"{"name": "x"}"#, [String]()),
        (#"{}"#, ["name: is required by values.schema.json; set it"]),
        (#"{"name": "x", "port": 70000}"#, ["port: must be at most 65535 (values.schema.json), got 70000"]),
        (#"{"name": "x", "port": 8.0}"#, []),
        (#"{"name": "x", "port": "80"}"#, ["port: must be integer (values.schema.json), got a string"]),
        (#"{"name": "x", "mode": "c"}"#, [#"mode: "c" is not one of "a", "b" (values.schema.json)"#]),
        (#"{"name": "x", "tags": ["a", 1, "c"]}"#, ["tags: must have at most 2 items (values.schema.json), got 3", "tags[1]: must be string (values.schema.json), got an integer"]),
        (#"{"name": "x", "ratio": 1}"#, ["ratio: must be less than 1 (values.schema.json), got 1"]),
        (#"{"name": "x", "nme": 1}"#, ["nme: is not a key values.schema.json allows; did you mean name?"]),
        (#"{"name": "x", "ha": true}"#, ["port: is required by values.schema.json; set it"]),
        (#"{"name": ""}"#, ["name: must be at least 1 characters (values.schema.json), got 0"]),
    ])
    func checksTheSubsetChartsUse(_ json: String, _ expected: [String]) throws {
        let problems = JSONSchemaCheck(Self.schema).problems(try JSONReader.parse(json))
        #expect(problems.map { "\($0.path): \($0.message)" } == expected)
    }

    @Test func kubegridsOwnSchemasAcceptTheirDefaults() {
        for chart in BuiltInChart.allCases {
            let problems = JSONSchemaCheck(ChartFiles.jsonSchema(chart)).problems(chart.defaults)
            #expect(problems.isEmpty, "\(chart.rawValue): \(problems)")
        }
    }

    @Test func kubegridsOwnSchemasCarryTheCrossFieldRules() {
        let schema = ChartFiles.jsonSchema(.processingUnit)
        let values = BuiltInChart.processingUnit.defaults.setting("ha", true)
        #expect(JSONSchemaCheck(schema).problems(values).contains { $0.path == ValuePath(keys: ["partitions"]) })
    }
}

@Suite struct PodGroupTests {
    static let group = PodGroup(
        entry: 0, namespace: "default", labels: ["app": "s", "selectorId": "s-1"], labelsPath: .root,
        statefulSetName: "s-1", replicas: 2, containers: [])

    @Test(arguments: [
        (["app": "s"], true), (["app": "t"], false), (["statefulset.kubernetes.io/pod-name": "s-1-1"], true),
        (["statefulset.kubernetes.io/pod-name": "s-1-2"], false), (["statefulset.kubernetes.io/pod-name": "s-1-01"], false),
        (["statefulset.kubernetes.io/pod-name": "s-1-0", "apps.kubernetes.io/pod-index": "1"], false),
        (["apps.kubernetes.io/pod-index": "1", "app": "s"], true),
    ])
    func selectorsSeeTheLabelsEachPodGets(_ selector: [String: String], _ matches: Bool) {
        let ordered = OrderedDictionaryOf(selector)
        #expect(Self.group.matches(ordered) == matches)
    }
}

import OrderedCollections

/// A sorted ordered map from a dictionary literal, for test tables.
func OrderedDictionaryOf(_ map: [String: String]) -> OrderedDictionary<String, String> {
    OrderedDictionary(uniqueKeysWithValues: map.sorted { $0.key < $1.key })
}
