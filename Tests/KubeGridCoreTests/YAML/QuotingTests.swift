import Testing
@testable import KubeGridCore

/// Strings that a YAML 1.1 or 1.2 reader would take for another type are quoted, and nothing else.
@Suite struct QuotingTests {
    static let quoted = [
        "", "y", "Y", "n", "N", "yes", "No", "ON", "off", "oFf", "true", "False", "null", "NULL", "~",
        "0", "42", "-1", "+1", "0755", "0x1F", "0o17", "0b1", "1_000", "1e3", "1E+3", "-1.5e-3", "1.5",
        ".5", "5.", ".inf", "-.Inf", "+.INF", ".nan", "12:30", "1:20:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43Z", "15.5", "<<",
        // Found by fuzzing: Helm's reader drops every `_` before it reads a number.
        "11____________________________400e150___", "1_e_5", "0_x1", "1__",
    ]
    static let plain = [
        "yess", "nope", "o", "abc", "testspace", "gigaspaces/insightedge-enterprise", "1.2.3", "v1", "1a",
        "0x", "0xg", "1e", "e3", "a-b", "300Mi", "limit-150Mi", "component=pu", "/probes/alive",
        "kubernetes.io/hostname", "10.96.0.1", "1.2.3.4", "2001-12", "IfNotPresent",
    ]

    @Test(arguments: quoted)
    func ambiguousStringsAreDoubleQuoted(text: String) throws {
        let yaml = try YAMLWriter().document(["k": .string(text)])
        #expect(yaml.hasPrefix("k: \""), "\(yaml)")
        #expect(try readBack(yaml) == .string(text))
    }

    @Test(arguments: plain)
    func ordinaryStringsStayPlain(text: String) throws {
        let yaml = try YAMLWriter().document(["k": .string(text)])
        #expect(yaml == "k: \(text)\n")
        #expect(try readBack(yaml) == .string(text))
    }

    @Test(arguments: ["- a", ": x", "#c", "a: b", "a #b", "&x", "*x", "!t", "|", ">", "-", "12:30:", "@a", "`a", "%a", "[a]", "{a}", " lead", "trail ", "'q'", "\"d\""])
    func syntaxCharactersAreLeftToLibyaml(text: String) throws {
        let yaml = try YAMLWriter().document(["k": .string(text)])
        #expect(yaml != "k: \(text)\n")
        #expect(try readBack(yaml) == .string(text))
    }

    @Test func multiLineStringsAreLiteralBlocks() throws {
        let yaml = try YAMLWriter().document(["script": "echo a\necho b\n"])
        #expect(yaml == "script: |\n  echo a\n  echo b\n")
    }

    @Test func longStringsAreNeverFolded() throws {
        let long = Array(repeating: "word", count: 60).joined(separator: " ")
        let yaml = try YAMLWriter().document(["k": .string(long)])
        #expect(yaml == "k: \(long)\n")
    }

    /// The quick patterns stand in for the reader on strings without `_`: every string of up
    /// to four characters a number or timestamp could be made of is either quoted or reads
    /// back as a string.
    @Test func everyShortNumberLikeStringTheReaderTypesIsQuoted() {
        let alphabet = Array("019+-.:eExXoObB tZ")
        var strings = [""]
        var misses: [String] = []
        for _ in 1...4 {
            strings = strings.flatMap { prefix in alphabet.map { prefix + String($0) } }
            for text in strings where !ImplicitTypes.isAmbiguous(text) {
                if case .string = ScalarResolver.resolvePlain(text) { continue }
                misses.append(text)
            }
        }
        #expect(misses.isEmpty, "left plain but read as another type: \(misses.prefix(10))")
    }

    private func readBack(_ yaml: String) throws -> Values? {
        try YAMLReader(source: "t").valuesDocument(from: Array(yaml.utf8)).root["k"]
    }
}
