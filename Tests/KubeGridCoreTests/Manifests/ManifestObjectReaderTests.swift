import Testing

@testable import KubeGridCore

/// The one manifest reader lint and simulate share. Positions are those of the keys that
/// introduce each value.
@Suite struct ManifestObjectReaderTests {
    func read(_ text: String, name: String = "m.yaml") throws -> ManifestObjectReader.Read {
        try ManifestObjectReader.read([ManifestSource(name: name, text: text)])
    }

    @Test func documentsAndListItemsBecomeObjectsInOrder() throws {
        let text = """
            apiVersion: v1
            kind: Service
            metadata: {name: a}
            ---
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: b}
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: c}
            """
        let read = try read(text)
        #expect(read.problems.isEmpty)
        #expect(read.objects.map(\.object.name) == ["a", "b", "c"])
        let items = ValuePath.root.appending(key: "items")
        #expect(read.objects.map(\.prefix) == [.root, items.appending(index: 0), items.appending(index: 1)])
        #expect(read.objects.allSatisfy { $0.source == "m.yaml" })
    }

    @Test func aJSONListIsOpenedUp() throws {
        let text = #"{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}}]}"#
        let read = try read(text, name: "list.json")
        guard case .node(let node) = read.objects.first?.object else {
            Issue.record("expected a Node")
            return
        }
        #expect(node.metadata.name == "n1")
    }

    @Test func everyObjectKeepsItsPositionWhenPositionsAreRecorded() throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: a
            """
        let documents = try YAMLReader(source: "p.yaml", recordsPositions: true).documents(from: Array(text.utf8))
        let object = try #require(ManifestObjectReader.objects(in: documents, source: "p.yaml").objects.first)
        #expect(object.position(of: .fields("metadata.name")).description == "p.yaml:7:5")
    }

    @Test func problemsArePlacedAtTheOffendingFieldWithoutAskingForPositions() throws {
        let text = """
            kind: List
            apiVersion: v1
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
            - apiVersion: apps/v1
              kind: StatefulSet
              metadata: {name: b}
              spec:
                selector: {}
                replicas: two
            ---
            just text
            """
        let read = try read(text, name: "bad.yaml")
        #expect(read.objects.map(\.object.name) == ["a"])
        #expect(read.problems.count == 2)
        let invalid = read.problems[0]
        #expect(invalid.title == "StatefulSet b")
        #expect(invalid.field == ValuePath(dotted: "spec.replicas"))
        #expect(invalid.position.description == "bad.yaml:10:5")
        guard case .notAnObject(let found) = read.problems[1].reason else {
            Issue.record("expected a scalar document to be no object")
            return
        }
        #expect(found == "the string \"just text\"")
    }

    @Test func aNullListItemIsAProblemAndAnEmptyDocumentIsNot() throws {
        let read = try read("---\n---\napiVersion: v1\nkind: List\nitems: [null]\n")
        #expect(read.objects.isEmpty)
        #expect(read.problems.map(\.prefix) == [ValuePath.root.appending(key: "items").appending(index: 0)])
    }
}
