import Testing
@testable import KubeGridCore

@Suite struct YAMLRoundTripTests {
    static let trees: [Values] = [
        ["a": 1, "b": ["x", "y"], "c": ["d": nil, "e": 1.5, "f": [:], "g": []]],
        ["image": ["repository": "gigaspaces/insightedge-enterprise", "tag": "15.5"], "replicas": 3],
        ["big": .int(12_345_678_901), "small": .int(-1), "float": 1e20, "tiny": 1e-7, "neg": -0.0],
        ["unicode": "grüße ✓ 日本", "quote": "it's \"x\"", "tab": "a\tb", "nul": "a\u{1}b"],
        ["nested": [[["deep": [1, [2, [3]]]]]]],
        ["z": 1, "a": 2, "m": 3],
        [:],
    ]

    @Test(arguments: trees)
    func yamlRoundTripsAndKeepsKeyOrder(tree: Values) throws {
        let yaml = try YAMLWriter().document(tree)
        let back = try YAMLReader(source: "t").valuesDocument(from: Array(yaml.utf8)).root
        #expect(back == tree, "\(yaml)")
        #expect(back.mapValue.map { Array($0.keys) } == tree.mapValue.map { Array($0.keys) })
    }

    @Test func integersStayIntegers() throws {
        let yaml = try YAMLWriter().document(["count": .int(12_345_678_900)])
        #expect(yaml == "count: 12345678900\n")
    }

    @Test func blockStyleWithIndentlessLists() throws {
        let yaml = try YAMLWriter().document(["spec": ["ports": [["name": "api", "port": 8090]]], "empty": [:]])
        #expect(yaml == "spec:\n  ports:\n  - name: api\n    port: 8090\nempty: {}\n")
    }

    @Test func multiDocumentStreams() throws {
        let text = "---\na: 1\n---\n# only a comment\n---\n- x\n...\n---\nb: 2\n"
        let documents = try YAMLReader(source: "m.yaml").documents(from: Array(text.utf8))
        #expect(documents.map(\.root) == [["a": 1], .null, ["x"], ["b": 2]])
        #expect(documents.map(\.start.line) == [1, 3, 5, 8])
    }

    @Test func anchorsAliasesAndMergeKeys() throws {
        let text = """
            base: &base {a: 1, b: 2}
            other: &other {c: 3}
            list: &l [1, 2]
            copy: *l
            merged:
              <<: [*base, *other]
              b: 20
            """
        let root = try YAMLReader(source: "t").valuesDocument(from: Array(text.utf8)).root
        #expect(root["copy"] == [1, 2])
        #expect(root["merged"] == ["b": 20, "a": 1, "c": 3])
    }

    /// Found with the fuzz checks: `<<` was held as the key "\0<<" while its value was read, so a
    /// quoted key spelling that text (as `--set` can write one) was taken for a merge.
    @Test func aKeyHoldingNULAndAngleBracketsIsNoMergeKey() throws {
        let tree: Values = ["a": 1, "\u{0}<<": ["b": 2]]
        let yaml = try YAMLWriter().document(tree)
        #expect(yaml == "a: 1\n\"\\0<<\":\n  b: 2\n")
        #expect(try YAMLReader(source: "t").valuesDocument(from: Array(yaml.utf8)).root == tree)
    }

    @Test func positionsPointAtKeysAndItems() throws {
        let text = "service:\n  lrmi:\n    initialNodePort: 30000\nlist:\n- a\n-   b\n"
        let document = try YAMLReader(source: "v.yaml", recordsPositions: true).valuesDocument(from: Array(text.utf8))
        #expect(document.positions[ValuePath(dotted: "service.lrmi.initialNodePort")]?.description == "v.yaml:3:5")
        #expect(document.positions[ValuePath(keys: ["list"]).appending(index: 1)]?.description == "v.yaml:6:5")
        #expect(document.position(of: ValuePath(dotted: "service.lrmi.missing")).description == "v.yaml:2:3")
    }
}
