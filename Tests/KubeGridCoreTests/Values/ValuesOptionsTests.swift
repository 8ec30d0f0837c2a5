import Testing
@testable import KubeGridCore

/// The order Helm v4 applies values flags in, and how file problems are reported.
@Suite struct ValuesOptionsTests {
    let files = InMemoryFiles(files: [
        "one.yaml": "a: {b: 1, c: 2}\nl: [1, 2]\n",
        "two.yaml": "a: {c: 3}\n---\nd: 4\n",
        "text.txt": "from file",
        "bad.yaml": "a: [1\n",
    ], standardInput: "s: 1\n")

    @Test func filesMergeInOrder() throws {
        let values = try ValuesOptions(valueFiles: ["one.yaml", "two.yaml", "-"]).merge(files: files)
        #expect(values == ["a": ["b": 1, "c": 3], "l": [1, 2], "d": 4, "s": 1])
    }

    @Test func flagsApplyInHelmsOrderWhateverTheirOrderOnTheCommandLine() throws {
        let options = ValuesOptions(
            set: ["k=set", "n=1"], setString: ["k=string"], setJSON: ["k=\"json\"", "{\"j\": {\"x\": 1}}"],
            setFile: ["k=text.txt"], setLiteral: ["k=lit,eral"])
        #expect(try options.merge(files: files) == ["k": "lit,eral", "j": ["x": 1], "n": 1])
        let withoutLiteral = ValuesOptions(set: ["k=set"], setString: ["k=string"], setFile: ["k=text.txt"])
        #expect(try withoutLiteral.merge(files: files) == ["k": "from file"])
    }

    @Test func setWritesIntoFileValues() throws {
        let options = ValuesOptions(valueFiles: ["one.yaml"], set: ["l[1]=x,a.e=5"])
        #expect(try options.merge(files: files) == ["a": ["b": 1, "c": 2, "e": 5], "l": [1, "x"]])
    }

    @Test func problemsNameTheirSource() {
        #expect(throws: ValuesError.unreadableValuesFile(FileReadError(path: "nope.yaml", reason: "no such file or directory"))) {
            try ValuesOptions(valueFiles: ["nope.yaml"]).merge(files: files)
        }
        #expect(throws: ValuesError.badExpression(
            flag: .set, expression: "a.b", problem: .keyWithoutValue(key: "b", written: "a.b"))) {
            try ValuesOptions(set: ["a.b"]).merge(files: files)
        }
        do {
            _ = try ValuesOptions(valueFiles: ["bad.yaml"]).merge(files: files)
            Issue.record("a malformed file must fail")
        } catch {
            #expect("\(error)".hasPrefix("bad.yaml:2:1: invalid YAML"))
        }
        #expect(ValuesError.badExpression(flag: .set, expression: "a.b", problem: .keyWithoutValue(key: "b", written: "a.b")).description
            == "--set 'a.b': key \"b\" has no value; write a.b=VALUE")
    }
}
