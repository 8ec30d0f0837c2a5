import Testing
@testable import KubeGridCore

/// Hostile or broken YAML gets an error with its position, never a crash.
@Suite struct YAMLErrorTests {
    static let malformed: [(String, Int, Int)] = [
        ("a: [1, 2\n", 2, 1),
        ("a: b\n c: d\n", 2, 3),
        ("a:\n  - x\n  y: z\n", 3, 3),
        ("key: \"unterminated\n", 2, 1),
        ("\tkey: x\n", 1, 1),
        ("a: 1\nb: @x\n", 2, 4),
    ]

    @Test(arguments: malformed)
    func malformedYAMLNamesLineAndColumn(text: String, line: Int, column: Int) {
        do {
            _ = try YAMLReader(source: "values.yaml").valuesDocument(from: Array(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            guard case .malformed(let position, _, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(position == SourcePosition(file: "values.yaml", line: line, column: column))
            #expect(error.description.hasPrefix("values.yaml:\(line):\(column): invalid YAML: "))
        }
    }

    @Test func invalidUTF8IsAnErrorWithItsPosition() {
        let bytes: [UInt8] = Array("a: 1\nb: ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        #expect(throws: YAMLError.self) { try YAMLReader(source: "v.yaml").valuesDocument(from: bytes) }
        do {
            _ = try YAMLReader(source: "v.yaml").valuesDocument(from: bytes)
        } catch {
            #expect(error.description.hasPrefix("v.yaml:2:4: invalid YAML: invalid leading UTF-8 octet"))
        }
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: YAMLError.tooDeep(SourcePosition(file: "t", line: 1, column: 513), limit: 512)) {
            try YAMLReader(source: "t").documents(from: Array(deep.utf8))
        }
    }

    /// Found while fuzzing: each alias wrapped in a few brackets nests deeper than the one
    /// before without opening more than a few collections at a time, so a 160 KB values
    /// file built a tree 80,000 levels deep and kubegrid died with SIGSEGV.
    @Test(arguments: [(1, 600), (400, 200)])
    func aliasesCannotNestPastTheLimit(brackets: Int, aliases: Int) {
        var text = "defs:\n- &a0 1\n"
        for index in 1..<aliases {
            text += "- &a\(index) \(String(repeating: "[", count: brackets))*a\(index - 1)\(String(repeating: "]", count: brackets))\n"
        }
        text += "deep: *a\(aliases - 1)\n"
        #expect {
            try YAMLReader(source: "t").documents(from: Array(text.utf8))
        } throws: { error in
            guard case .tooDeep(_, 512)? = error as? YAMLError else { return false }
            return true
        }
    }

    @Test func aliasesUpToTheLimitAreRead() throws {
        let text = "a: &a [[[1]]]\nb: [*a, [*a]]\n"
        let root = try YAMLReader(source: "t").valuesDocument(from: Array(text.utf8)).root
        #expect(root["b"] == [[[[1]]], [[[[1]]]]])
    }

    @Test func billionLaughsIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        #expect(throws: YAMLError.self) { try YAMLReader(source: "t").documents(from: Array(text.utf8)) }
    }

    @Test func unknownAliasesAndBadMerges() {
        #expect(throws: YAMLError.unknownAnchor(SourcePosition(file: "t", line: 1, column: 4), name: "nope")) {
            try YAMLReader(source: "t").valuesDocument(from: Array("a: *nope\n".utf8))
        }
        #expect(throws: YAMLError.badMerge(SourcePosition(file: "t", line: 1, column: 9))) {
            try YAMLReader(source: "t").valuesDocument(from: Array("a: {<<: 5}\n".utf8))
        }
    }

    @Test func aValuesFileMustBeAMap() throws {
        #expect(throws: YAMLError.notAMap(source: "v.yaml", found: "a list")) {
            try YAMLReader(source: "v.yaml").valuesDocument(from: Array("- a\n".utf8))
        }
        #expect(try YAMLReader(source: "v.yaml").valuesDocument(from: []).root == .emptyMap)
        #expect(try YAMLReader(source: "v.yaml").valuesDocument(from: Array("# nothing\n".utf8)).root == .emptyMap)
    }

    @Test func complexKeysAreRefused() {
        #expect(throws: YAMLError.self) { try YAMLReader(source: "t").valuesDocument(from: Array("? [a]\n: b\n".utf8)) }
    }
}
