import Testing
@testable import KubeGridCore

@Suite struct YAMLSmokeTests {
    @Test func readsAndWrites() throws {
        let text = "a: 1\nb: [x, 'y', on, 0755, 1e3, 12:30]\nc: {d: null, e: 1.5}\nf: |\n  line1\n  line2\n"
        let doc = try YAMLReader(source: "t.yaml").valuesDocument(from: Array(text.utf8))
        let out = try YAMLWriter().document(doc.root)
        print(out)
        let json = try JSONWriter.write(doc.root)
        print(json)
        #expect(!out.isEmpty)
    }
}
